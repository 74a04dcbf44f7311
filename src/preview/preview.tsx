/**
 * The browser version (index.html; preview.html is the same page): the real task pane (src/taskpane/App.tsx)
 * beside the open workbook shown as a grid, for offices without Excel (WPS, old Office) and for the e2e tests.
 * One or many .xlsx files are opened; each gets its own task pane; the files are read, changed and written in a
 * Web Worker (workbook.worker.ts) and never leave the browser. Results are downloaded as new .xlsx files: the
 * workbook as filled, the marked copy, the merge of every open file, blank templates.
 * `?file=annex3-mistakes.xlsx` opens a bundled example, `?lang=en` shows the English UI.
 */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '../taskpane/App';
import { htmlLang, type Lang } from '../taskpane/i18n';
import { GridView, useGridSnapshot } from './GridView';
import { startWorkbookWorker } from './start-worker';
import { previewStrings } from './strings';
import { errorText, saveDownload, WorkerClient, WorkerHost } from './worker-host';
import type { DownloadResult, TemplateDownload } from './worker-protocol';

declare const PREVIEW_EXAMPLES: string[] | undefined;
/** The examples copied into the build (webpack's DefinePlugin), e.g. annex3-mistakes.xlsx. */
const EXAMPLES: string[] = typeof PREVIEW_EXAMPLES !== 'undefined' ? PREVIEW_EXAMPLES : [];
const TEMPLATES: TemplateDownload[] = ['annex3', 'qc-stats', 'team-stats', 'quota', 'register'];

/** Only a plain file name from examples/ (no path, no URL). */
export function exampleName(param: string | null): string | null {
  if (!param) return null;
  return /^[^/\\?#]+\.xlsx$/i.test(param) && !param.includes('..') ? param : null;
}

function FormulaBar({ host }: { host: WorkerHost }): React.JSX.Element {
  const snap = useGridSnapshot(host);
  const view = snap.activeSheet ? host.sheetView(0) : null;
  let value = '';
  if (snap.selected && view && snap.selected.sheet === snap.activeSheet) {
    const cell = view.covered.get(snap.selected.cell) ?? snap.selected.cell;
    value = view.cells.get(cell)?.text ?? '';
  }
  return (
    <div className="formula-bar">
      <span className="name-box" data-testid="name-box">
        {snap.selected ? `${snap.selected.sheet}!${snap.selected.cell}` : snap.fileName ?? ''}
      </span>
      <span className="fx">fx</span>
      <span className="cell-value" data-testid="cell-value">
        {value}
      </span>
    </div>
  );
}

function LoadError({ host }: { host: WorkerHost }): React.JSX.Element | null {
  const snap = useGridSnapshot(host);
  if (!snap.loadError) return null;
  return (
    <div className="load-error" role="alert">
      {snap.loadError}
    </div>
  );
}

interface OpenFile {
  id: string;
  host: WorkerHost;
}

function BrowserPage({ client, lang, initialFile }: { client: WorkerClient; lang: Lang; initialFile: string | null }): React.JSX.Element {
  const s = previewStrings(lang);
  const [files, setFiles] = React.useState<OpenFile[]>([]);
  const [activeId, setActiveId] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState(false);
  const [notice, setNotice] = React.useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [template, setTemplate] = React.useState<TemplateDownload>('annex3');
  const counter = React.useRef(0);
  const active = files.find((f) => f.id === activeId) ?? null;
  // The shown file's host, for the end-to-end tests and for poking at it from the console.
  React.useEffect(() => {
    (window as unknown as { previewHost: WorkerHost | null }).previewHost = active?.host ?? null;
  }, [active]);

  const open = React.useCallback(
    (name: string, bytes: ArrayBuffer) => {
      const id = `f${++counter.current}`;
      const host = client.open(id, name, bytes, lang);
      // A transition: the new file's task pane and grid render in slices, not in one long task.
      React.startTransition(() => {
        setFiles((list) => [...list, { id, host }]);
        setActiveId(id);
      });
    },
    [client, lang],
  );

  // The example is fetched from the page's own folder after the first render.
  React.useEffect(() => {
    if (!initialFile) return;
    void fetch(`examples/${encodeURIComponent(initialFile)}`)
      .then((res) => (res.ok ? res.arrayBuffer() : Promise.reject(new Error(String(res.status)))))
      .then((buf) => open(initialFile, buf))
      .catch(() => setNotice({ kind: 'error', text: s.fetchFailed(initialFile) }));
  }, [initialFile, open, s]);

  const onFiles = (e: React.ChangeEvent<HTMLInputElement>) => {
    const picked = Array.from(e.target.files ?? []);
    e.target.value = '';
    for (const f of picked) void f.arrayBuffer().then((buf) => open(f.name, buf));
  };

  const close = (id: string) => {
    void client.close(id);
    setFiles((list) => {
      const rest = list.filter((f) => f.id !== id);
      if (activeId === id) setActiveId(rest.length ? rest[rest.length - 1].id : null);
      return rest;
    });
  };

  /** Runs a download; the result is handed to the browser and described in the notice line. */
  const run = async (make: () => Promise<DownloadResult & { errors?: number }>) => {
    setBusy(true);
    setNotice(null);
    try {
      const result = await make();
      saveDownload(result);
      const extra = result.errors !== undefined ? ` ${s.mergeFindings(result.errors)}` : '';
      setNotice({ kind: 'ok', text: s.downloaded(result.name, result.summary) + extra });
    } catch (e) {
      setNotice({ kind: 'error', text: errorText(e, lang) });
    } finally {
      setBusy(false);
    }
  };

  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  const link = (params: Record<string, string | null>) => {
    const q = new URLSearchParams(window.location.search);
    for (const [k, v] of Object.entries(params)) {
      if (v === null) q.delete(k);
      else q.set(k, v);
    }
    return `?${q.toString()}`;
  };

  return (
    <div className="page">
      <section className="sheet-side" aria-label={active?.host.name ?? s.pageTitle}>
        <div className="toolbar">
          <strong>{s.pageTitle}</strong>
          <label className="btn">
            {s.openFile}
            <input type="file" multiple accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={onFiles} data-testid="open-files" />
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
        {files.length > 0 && (
          <div className="file-tabs" role="tablist" aria-label={s.files}>
            {files.map((f) => (
              <span key={f.id} className={f.id === activeId ? 'file on' : 'file'}>
                <button type="button" role="tab" aria-selected={f.id === activeId} data-file={f.host.name} onClick={() => setActiveId(f.id)}>
                  {f.host.name}
                </button>
                <button type="button" className="x" aria-label={s.closeFile(f.host.name)} title={s.closeFile(f.host.name)} onClick={() => close(f.id)}>
                  ×
                </button>
              </span>
            ))}
          </div>
        )}
        <div className="downloads" role="group" aria-label={s.downloads}>
          <button type="button" disabled={busy || !active} title={s.downloadWorkbookHint} onClick={() => active && void run(() => active.host.download('workbook'))}>
            {s.downloadWorkbook}
          </button>
          <button type="button" disabled={busy || !active} title={s.downloadAnnotatedHint} onClick={() => active && void run(() => active.host.download('annotated'))}>
            {s.downloadAnnotated}
          </button>
          <button type="button" disabled={busy || !active} title={s.downloadNoticeHint} onClick={() => active && void run(() => active.host.download('notice'))}>
            {s.downloadNotice}
          </button>
          <button type="button" disabled={busy || files.length === 0} title={s.mergeHint} onClick={() => void run(() => client.merge(files.map((f) => f.id), lang))}>
            {s.mergeAll(files.length)}
          </button>
          <label>
            {s.templateLabel}
            <select value={template} onChange={(e) => setTemplate(e.target.value as TemplateDownload)} disabled={busy}>
              {TEMPLATES.map((k) => (
                <option key={k} value={k}>
                  {s.templateKinds[k]}
                </option>
              ))}
            </select>
          </label>
          <button type="button" disabled={busy} onClick={() => void run(() => client.template(template))}>
            {s.downloadTemplate}
          </button>
          {busy && <span role="status">{s.working}</span>}
        </div>
        {notice && (
          <div className={notice.kind === 'ok' ? 'notice' : 'load-error'} role={notice.kind === 'ok' ? 'status' : 'alert'} data-testid="download-notice">
            {notice.text}
          </div>
        )}
        {active ? (
          <>
            <LoadError host={active.host} />
            <FormulaBar host={active.host} />
            <GridView key={active.id} host={active.host} lang={lang} />
          </>
        ) : (
          <div className="grid-empty" role="status">
            {s.noFile}
          </div>
        )}
      </section>
      <aside className="pane">
        {files.map((f) => (
          // Each file keeps its own task pane (its check and fill state), as each workbook does in Excel.
          <div key={f.id} hidden={f.id !== activeId}>
            <App host={f.host} lang={lang} />
          </div>
        ))}
        {files.length === 0 && <div className="grid-empty">{s.noWorkbook}</div>}
      </aside>
    </div>
  );
}

const params = new URLSearchParams(window.location.search);
const lang: Lang = params.get('lang') === 'en' ? 'en' : 'zh';
document.documentElement.lang = htmlLang(lang);
document.title = previewStrings(lang).pageTitle;
const client = new WorkerClient(startWorkbookWorker());
const container = document.getElementById('container');
if (container) createRoot(container).render(<BrowserPage client={client} lang={lang} initialFile={exampleName(params.get('file'))} />);
