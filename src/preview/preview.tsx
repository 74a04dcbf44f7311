/**
 * The preview page: the real task pane (src/taskpane/App.tsx) beside an in-browser workbook, for trying the
 * add-in without Excel and for the end-to-end test. `?file=annex3-mistakes.xlsx` opens a bundled example,
 * `?lang=en` shows the English UI; the file picker opens one's own .xlsx, which never leaves the page.
 */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '../taskpane/App';
import { parseA1 } from '../core/grid';
import { htmlLang, type Lang } from '../taskpane/i18n';
import { GridHost } from './grid-host';
import { GridView, useGridSnapshot } from './GridView';
import { previewStrings } from './strings';

declare const PREVIEW_EXAMPLES: string[] | undefined;
/** The examples copied into the build (webpack's DefinePlugin), e.g. annex3-mistakes.xlsx. */
const EXAMPLES: string[] = typeof PREVIEW_EXAMPLES !== 'undefined' ? PREVIEW_EXAMPLES : [];

/** Only a plain file name from examples/ (no path, no URL). */
export function exampleName(param: string | null): string | null {
  if (!param) return null;
  return /^[^/\\?#]+\.xlsx$/i.test(param) && !param.includes('..') ? param : null;
}

function PreviewPage({ host, lang, initialFile }: { host: GridHost; lang: Lang; initialFile: string | null }): React.JSX.Element {
  const s = previewStrings(lang);
  const snap = useGridSnapshot(host);
  // A workbook the user opens gets a fresh task pane, as opening another workbook in Excel does.
  const [paneKey, setPaneKey] = React.useState(0);

  // The example is fetched after the first render, so parsing ExcelJS (a large chunk) does not hold up the
  // task pane becoming usable; a check started meanwhile waits for the workbook.
  React.useEffect(() => {
    if (initialFile) void host.loadUrl(`examples/${encodeURIComponent(initialFile)}`, initialFile).catch(() => undefined);
  }, [host, initialFile]);
  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  const link = (params: Record<string, string | null>) => {
    const q = new URLSearchParams(window.location.search);
    for (const [k, v] of Object.entries(params)) {
      if (v === null) q.delete(k);
      else q.set(k, v);
    }
    return `?${q.toString()}`;
  };
  const selectedValue = React.useMemo(() => {
    if (!snap.selected) return '';
    const ws = host.worksheet(snap.selected.sheet);
    const { row, col } = parseA1(snap.selected.cell);
    const cell = ws?.findCell(row + 1, col + 1);
    const v = cell?.value;
    if (v === null || v === undefined) return '';
    if (typeof v === 'object' && !(v instanceof Date)) return cell?.text ?? '';
    return v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
  }, [host, snap.selected, snap.dataVersion]);

  const onFile = (e: React.ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    e.target.value = '';
    if (!f) return;
    setPaneKey((k) => k + 1);
    void f.arrayBuffer().then((buf) => host.loadBytes(buf, f.name).catch(() => undefined));
  };

  return (
    <div className="page">
      <section className="sheet-side" aria-label={snap.fileName ?? s.pageTitle}>
        <div className="toolbar">
          <strong>{s.pageTitle}</strong>
          <label className="btn">
            {s.openFile}
            <input type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={onFile} />
          </label>
          {EXAMPLES.length > 0 && (
            <label className="examples">
              {s.examples}
              <select
                value={initialFile ?? ''}
                onChange={(e) => {
                  if (e.target.value) window.location.search = link({ file: e.target.value });
                }}
              >
                <option value="">—</option>
                {EXAMPLES.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <a className="lang" href={link({ lang: other === 'en' ? 'en' : null })} hrefLang={htmlLang(other)}>
            {s.lang}
          </a>
        </div>
        <div className="intro">{s.intro}</div>
        {snap.loadError && (
          <div className="load-error" role="alert">
            {snap.loadError}
          </div>
        )}
        <div className="formula-bar">
          <span className="name-box" data-testid="name-box">
            {snap.selected ? `${snap.selected.sheet}!${snap.selected.cell}` : snap.fileName ?? ''}
          </span>
          <span className="fx">fx</span>
          <span className="cell-value" data-testid="cell-value">
            {selectedValue}
          </span>
        </div>
        <GridView host={host} lang={lang} />
      </section>
      <aside className="pane">
        <App key={paneKey} host={host} lang={lang} />
      </aside>
    </div>
  );
}

const params = new URLSearchParams(window.location.search);
const lang: Lang = params.get('lang') === 'en' ? 'en' : 'zh';
document.documentElement.lang = htmlLang(lang);
document.title = previewStrings(lang).pageTitle;
const host = new GridHost({ lang });
const container = document.getElementById('container');
if (container) createRoot(container).render(<PreviewPage host={host} lang={lang} initialFile={exampleName(params.get('file'))} />);
// For the end-to-end test and for poking at it from the console.
(window as unknown as { previewHost: GridHost }).previewHost = host;
