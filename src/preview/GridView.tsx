/**
 * The workbook as an HTML grid: A1 column letters and row numbers, merged cells, the cells' own fills, bold and
 * alignment, sheet tabs. The selected cell carries `data-selected="true"` and an outline; marked cells carry
 * `data-mark` (severity), the mark colour and the messages as their title. Plain CSS (in preview.html), no Fluent:
 * this stands in for Excel, not for the add-in.
 */
import * as React from 'react';
import { a1, colToLetters, parseA1 } from '../core/grid';
import type { Lang } from '../core/finding';
import type { CellMark, GridSnapshot } from './grid-host';
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

export function useGridSnapshot(host: Pick<GridSource, 'subscribe' | 'getSnapshot'>): GridSnapshot {
  return React.useSyncExternalStore(host.subscribe, host.getSnapshot);
}

/** Rows per memoised block; blocks mounted at first and per later task. */
const BLOCK = 100;
const INITIAL_BLOCKS = 2;
const STEP_BLOCKS = 2;

interface RowBlockProps {
  view: SheetView;
  sheet: string;
  from: number;
  to: number;
  cols: number;
  /** This block's marks (cell address → mark) and their signature (what the memo compares). */
  marks: [string, CellMark][];
  markSig: string;
  /** The selected cell (merge master) when it is in this block. */
  selected: string | null;
  selRow: number;
  onSelect(sheet: string, cell: string): Promise<void>;
}

const RowBlock = React.memo(
  function RowBlock({ view, sheet, from, to, cols, marks, selected, selRow, onSelect }: RowBlockProps): React.JSX.Element {
    const markAt = new Map(marks);
    const rows: React.JSX.Element[] = [];
    for (let r = from; r < to; r++) {
      const tds: React.JSX.Element[] = [];
      for (let c = 0; c < cols; c++) {
        const addr = a1(r, c);
        if (view.covered.has(addr)) continue;
        const v = view.cells.get(addr);
        const span = view.spans.get(addr);
        const mark = markAt.get(addr);
        const isSel = addr === selected;
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
            onClick={() => void onSelect(sheet, addr)}
          >
            {v?.text}
          </td>,
        );
      }
      rows.push(
        <tr key={r}>
          <th scope="row" className={selRow === r ? 'rh on' : 'rh'}>
            {r + 1}
          </th>
          {tds}
        </tr>,
      );
    }
    return <tbody>{rows}</tbody>;
  },
  (a, b) =>
    a.view === b.view && a.sheet === b.sheet && a.from === b.from && a.to === b.to && a.cols === b.cols && a.markSig === b.markSig && a.selected === b.selected && a.selRow === b.selRow && a.onSelect === b.onSelect,
);

export function GridView({ host, lang }: { host: GridSource; lang: Lang }): React.JSX.Element {
  const s = previewStrings(lang);
  const snap = useGridSnapshot(host);
  const wrap = React.useRef<HTMLDivElement>(null);
  const sheetName = snap.activeSheet;
  const selected = snap.selected && snap.selected.sheet === snap.activeSheet ? snap.selected.cell : null;
  const selRow = selected ? parseA1(selected).row : -1;
  // The source rebuilds it when cells change or another sheet is shown, not on selection or marks.
  const view = sheetName ? host.sheetView(Math.max(MAX_ROWS, selRow + 6)) : null;
  const selectedMaster = selected ? (view?.covered.get(selected) ?? selected) : null;
  const sel = selected ? parseA1(selected) : null;

  React.useLayoutEffect(() => {
    const el = wrap.current?.querySelector<HTMLElement>('[data-selected="true"]');
    if (!el || !wrap.current) return;
    // Scroll the grid (not the page) so the cell is in the middle, below the sticky headers.
    const box = wrap.current.getBoundingClientRect();
    const r = el.getBoundingClientRect();
    wrap.current.scrollTop += r.top - box.top - box.height / 2 + r.height / 2;
    wrap.current.scrollLeft += r.left - box.left - box.width / 2 + r.width / 2;
  }, [selectedMaster, snap.activeSheet, snap.version]);

  const onSelect = React.useCallback((sheet: string, cell: string) => host.selectCell(sheet, cell), [host]);
  // Blocks mounted so far: two at once, then two more per task until the view's rows are all shown.
  const [mounted, setMounted] = React.useState(INITIAL_BLOCKS);
  React.useEffect(() => setMounted(INITIAL_BLOCKS), [view?.rows, sheetName]);
  const wantBlocks = view ? Math.ceil((Math.min(view.rows, MAX_ROWS) + 5) / BLOCK) : 0;
  React.useEffect(() => {
    if (mounted >= wantBlocks) return;
    const t = setTimeout(() => setMounted((n) => n + STEP_BLOCKS), 0);
    return () => clearTimeout(t);
  }, [mounted, wantBlocks]);

  if (!view || !sheetName) {
    return (
      <div className="grid-empty" role="status">
        {snap.loading ? s.loading : snap.loadError ?? s.noFile}
      </div>
    );
  }

  const total = view.rows;
  const shownRows = Math.max(Math.min(total, MAX_ROWS), sel ? sel.row + 1 : 0) + 5;
  const shownCols = Math.max(view.cols, sel ? sel.col + 1 : 0) + 2;
  const widths = Array.from({ length: shownCols }, (_, c) => view.widths[c] ?? 64);

  // Rows are rendered in memoised blocks: a selection or a mark re-renders the blocks it touches only, and the
  // blocks of a long sheet are mounted a few at a time (see `mounted`), so the page never freezes on them.
  const marksByBlock = new Map<number, [string, CellMark][]>();
  const prefix = `${sheetName}!`;
  for (const [k, m] of snap.marks) {
    if (!k.startsWith(prefix)) continue;
    const addr = k.slice(prefix.length);
    const b = Math.floor(parseA1(addr).row / BLOCK);
    const list = marksByBlock.get(b);
    if (list) list.push([addr, m]);
    else marksByBlock.set(b, [[addr, m]]);
  }
  const blocks: React.JSX.Element[] = [];
  const rowsToShow = Math.min(shownRows, Math.max(mounted * BLOCK, sel ? sel.row + 6 : 0));
  for (let from = 0; from < rowsToShow; from += BLOCK) {
    const b = from / BLOCK;
    const marks = marksByBlock.get(b) ?? [];
    blocks.push(
      <RowBlock
        key={b}
        view={view}
        sheet={sheetName}
        from={from}
        to={Math.min(rowsToShow, from + BLOCK)}
        cols={shownCols}
        marks={marks}
        markSig={marks.map(([a, m]) => `${a}:${m.severity}:${m.messages.length}`).join('|')}
        selected={selectedMaster && sel && Math.floor(sel.row / BLOCK) === b ? selectedMaster : null}
        selRow={sel && Math.floor(sel.row / BLOCK) === b ? sel.row : -1}
        onSelect={onSelect}
      />,
    );
  }
  const moreToMount = rowsToShow < shownRows;

  return (
    <>
      <div className="grid-wrap" ref={wrap}>
        {/* An explicit width: with `width: auto` a fixed-layout table falls back to sizing columns by content. */}
        <table className="grid" aria-label={s.gridLabel(sheetName)} data-sheet={sheetName} style={{ width: 44 + widths.reduce((a, b) => a + b, 0) }}>
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
          {blocks}
        </table>
        {moreToMount && <div className="grid-note" role="status">{s.loading}</div>}
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
