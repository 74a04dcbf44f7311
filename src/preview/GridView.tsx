/**
 * The workbook as an HTML grid: A1 column letters and row numbers, merged cells, the cells' own fills, bold and
 * alignment, sheet tabs. The selected cell carries `data-selected="true"` and an outline; marked cells carry
 * `data-mark` (severity), the mark colour and the messages as their title. Plain CSS (in preview.html), no Fluent:
 * this stands in for Excel, not for the add-in.
 */
import * as React from 'react';
import { a1, colToLetters, parseA1 } from '../core/grid';
import type { Lang } from '../core/finding';
import { markKey, type GridSnapshot } from './grid-host';
import { MARK_FILL, MAX_ROWS, type SheetView } from './sheet-view';
import { previewStrings } from './strings';

export { MARK_FILL, formatValue, buildSheetView, type SheetView } from './sheet-view';

/**
 * What the grid shows: the in-page host (grid-host.ts) or the browser version's worker host (worker-host.ts).
 * `sheetView(rows)` gives the active sheet's view with cells built for at least `rows` rows (null: none shown).
 */
export interface GridSource {
  subscribe(listener: () => void): () => void;
  getSnapshot(): GridSnapshot;
  sheetView(rows: number): SheetView | null;
  selectCell(sheet: string, cell: string): Promise<void>;
  activate(sheet: string): void;
}

/**
 * Sheets with more rows than this (a master sheet of many counties) render only the rows in view, plus OVERSCAN
 * above and below, at a fixed row height (ROW_PX: the 20 px cell, its padding and border in preview.html): a
 * 2,000-row table built at once held the page's main thread for seconds.
 */
export const WINDOW_FROM = 100;
const ROW_PX = 23;
const OVERSCAN = 20;
/**
 * Rows mounted per task when a sheet is first shown: the rest of the window follows in later tasks, so the cells'
 * commit, style and layout (most of the work: ~14 cells a row, CJK text) never hold the page 50 ms in one piece.
 */
const ROWS_PER_TASK = 30;

export function useGridSnapshot(host: Pick<GridSource, 'subscribe' | 'getSnapshot'>): GridSnapshot {
  return React.useSyncExternalStore(host.subscribe, host.getSnapshot);
}

/** The rows of a sheet of `rows` rows shown (`shownRows`) and, of these, the window to render (first … last). */
function rowWindow(rows: number, windowed: boolean, scrollRow: number, viewRows: number, sel: { row: number } | null): { shownRows: number; first: number; last: number } {
  const shownRows = Math.max(Math.min(rows, MAX_ROWS), sel ? sel.row + 1 : 0) + 5;
  const first = windowed ? Math.min(Math.max(0, scrollRow - OVERSCAN), Math.max(0, shownRows - 1)) : 0;
  const last = windowed ? Math.min(shownRows, scrollRow + viewRows + OVERSCAN) : shownRows;
  return { shownRows, first, last };
}

export function GridView({ host, lang }: { host: GridSource; lang: Lang }): React.JSX.Element {
  const s = previewStrings(lang);
  const snap = useGridSnapshot(host);
  const wrap = React.useRef<HTMLDivElement>(null);
  const sheetName = snap.activeSheet;
  const selected = snap.selected && snap.selected.sheet === snap.activeSheet ? snap.selected.cell : null;
  // The source rebuilds the view when cells change or another sheet is shown, not on selection or marks.
  // Cells are asked for down to the last row in view (a long sheet's view is built as it is scrolled, in the
  // worker for the browser version); rows below come with the next view.
  const [scrollRow, setScrollRow] = React.useState(0);
  const [viewRows, setViewRows] = React.useState(60);
  const wantRows = Math.min(MAX_ROWS, Math.max(WINDOW_FROM + 5, scrollRow + viewRows + 2 * OVERSCAN), MAX_ROWS);
  const view = sheetName ? host.sheetView(Math.max(wantRows, (selected ? parseA1(selected).row : 0) + 6)) : null;
  const selectedMaster = selected ? (view?.covered.get(selected) ?? selected) : null;
  const sel = selected ? parseA1(selected) : null;
  const windowed = !!view && view.rows > WINDOW_FROM;
  // Windowed sheets: the first row in view (scrollRow, from the grid's scroll position) and the viewport's
  // height in rows (viewRows), declared above.
  const center = React.useRef(false);
  // Rows of the window mounted so far (per sheet shown): grows by ROWS_PER_TASK a task until the window is full.
  const [grow, setGrow] = React.useState({ sheet: sheetName, rows: ROWS_PER_TASK });
  const grownRows = grow.sheet === sheetName ? grow.rows : ROWS_PER_TASK;
  const win = view && sheetName ? rowWindow(view.rows, windowed, scrollRow, viewRows, sel) : null;
  const full = !win || grownRows >= win.last - win.first;
  React.useEffect(() => {
    if (full) return;
    const t = setTimeout(() => setGrow({ sheet: sheetName, rows: grownRows + ROWS_PER_TASK }), 0);
    return () => clearTimeout(t);
  }, [full, grownRows, sheetName]);

  React.useLayoutEffect(() => {
    const w = wrap.current;
    if (!w) return;
    if (windowed && sel) {
      // The selected row may not be rendered yet: scroll by its index, then center it once it is there.
      const top = Math.max(0, sel.row * ROW_PX - w.clientHeight / 2);
      w.scrollTop = top;
      setScrollRow(Math.floor(top / ROW_PX));
    }
    center.current = true;
  }, [selectedMaster, snap.activeSheet, snap.version]);

  React.useLayoutEffect(() => {
    if (!center.current || !wrap.current) return;
    const el = wrap.current.querySelector<HTMLElement>('[data-selected="true"]');
    if (!el) return;
    center.current = false;
    // Scroll the grid (not the page) so the cell is in the middle, below the sticky headers.
    const box = wrap.current.getBoundingClientRect();
    const r = el.getBoundingClientRect();
    wrap.current.scrollTop += r.top - box.top - box.height / 2 + r.height / 2;
    wrap.current.scrollLeft += r.left - box.left - box.width / 2 + r.width / 2;
  });

  const onScroll = React.useCallback(() => {
    const w = wrap.current;
    if (!w) return;
    setScrollRow(Math.floor(w.scrollTop / ROW_PX));
    setViewRows(Math.ceil(w.clientHeight / ROW_PX) + 1);
  }, []);

  if (!view || !sheetName) {
    return (
      <div className="grid-empty" role="status">
        {snap.loading ? s.loading : snap.loadError ?? s.noFile}
      </div>
    );
  }

  const total = view.rows;
  const { shownRows, first, last: windowEnd } = win!;
  const last = Math.min(windowEnd, first + grownRows);
  const shownCols = Math.max(view.cols, sel ? sel.col + 1 : 0) + 2;
  const widths = Array.from({ length: shownCols }, (_, c) => view.widths[c] ?? 64);

  const body: React.JSX.Element[] = [];
  if (first > 0) body.push(<tr key="above" aria-hidden="true" style={{ height: first * ROW_PX }} />);
  for (let r = first; r < last; r++) {
    const tds: React.JSX.Element[] = [];
    for (let c = 0; c < shownCols; c++) {
      const addr = a1(r, c);
      if (view.covered.has(addr)) continue;
      const v = view.cells.get(addr);
      const span = view.spans.get(addr);
      const mark = snap.marks.get(markKey(sheetName, addr));
      const isSel = addr === selectedMaster;
      const style: React.CSSProperties = {};
      if (v?.fill) style.background = v.fill;
      if (mark) style.background = MARK_FILL[mark.severity];
      if (v?.bold) style.fontWeight = 600;
      if (v?.italic) style.fontStyle = 'italic';
      if (v?.color) style.color = v.color;
      if (v?.fontPx) style.fontSize = v.fontPx;
      style.textAlign = (v?.align === 'centerContinuous' ? 'center' : (v?.align as React.CSSProperties['textAlign'])) ?? (v?.numeric ? 'right' : 'left');
      if (v?.valign) style.verticalAlign = v.valign === 'middle' ? 'middle' : (v.valign as React.CSSProperties['verticalAlign']);
      const cls = ['c'];
      if (v?.border) cls.push('b');
      if (v?.wrap) cls.push('w');
      // Text runs on over an empty right neighbour, as in Excel; otherwise it is cut at the cell's edge.
      if (v?.text && (view.cells.get(a1(r, c + 1))?.text || view.covered.has(a1(r, c + 1)))) cls.push('clip');
      if (mark) cls.push('m');
      if (isSel) cls.push('sel');
      tds.push(
        <td
          key={addr}
          className={cls.join(' ')}
          style={style}
          colSpan={span?.colSpan}
          rowSpan={span?.rowSpan}
          data-cell={addr}
          data-selected={isSel ? 'true' : undefined}
          aria-selected={isSel || undefined}
          data-mark={mark?.severity}
          title={mark ? mark.messages.join('\n') : undefined}
          onClick={() => void host.selectCell(sheetName, addr)}
        >
          {v?.text}
        </td>,
      );
    }
    body.push(
      <tr key={r}>
        <th scope="row" className={sel && sel.row === r ? 'rh on' : 'rh'}>
          {r + 1}
        </th>
        {tds}
      </tr>,
    );
  }
  if (last < shownRows) body.push(<tr key="below" aria-hidden="true" style={{ height: (shownRows - last) * ROW_PX }} />);

  return (
    <>
      <div className="grid-wrap" ref={wrap} onScroll={windowed ? onScroll : undefined}>
        {/* An explicit width: with `width: auto` a fixed-layout table falls back to sizing columns by content. */}
        <table className={windowed ? 'grid windowed' : 'grid'} aria-label={s.gridLabel(sheetName)} data-sheet={sheetName} style={{ width: 44 + widths.reduce((a, b) => a + b, 0) }}>
          <colgroup>
            <col style={{ width: 44 }} />
            {widths.map((w, c) => (
              <col key={c} style={{ width: w }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th className="corner" />
              {widths.map((_, c) => (
                <th key={c} scope="col" className={sel && sel.col === c ? 'ch on' : 'ch'}>
                  {colToLetters(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{body}</tbody>
        </table>
        {total > MAX_ROWS && <div className="grid-note">{s.truncated(Math.min(total, MAX_ROWS), total)}</div>}
      </div>
      <div className="sheet-tabs" role="tablist" aria-label={s.sheetTabs}>
        {snap.sheets.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={name === snap.activeSheet}
            data-sheet={name}
            className={name === snap.activeSheet ? 'tab on' : 'tab'}
            onClick={() => host.activate(name)}
          >
            {name}
          </button>
        ))}
      </div>
    </>
  );
}
