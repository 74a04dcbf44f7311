/**
 * The workbook as an HTML grid: A1 column letters and row numbers, merged cells, the cells' own fills, bold and
 * alignment, sheet tabs. The selected cell carries `data-selected="true"` and an outline; marked cells carry
 * `data-mark` (severity), the mark colour and the messages as their title. Plain CSS (in preview.html), no Fluent:
 * this stands in for Excel, not for the add-in.
 */
import * as React from 'react';
import type { Worksheet } from 'exceljs';
import { a1, colToLetters, parseA1, type CellValue } from '../core/grid';
import type { Lang, Severity } from '../core/finding';
import { excelSerialToDate, fromExcelJsValue, isDateFormat } from '../xlsx/values';
import { markKey, type GridHost, type GridSnapshot } from './grid-host';
import { previewStrings } from './strings';

/** The fills the Office.js host uses for marks (src/excel/marks.ts), so the preview looks like Excel. */
export const MARK_FILL: Record<Severity, string> = { error: '#FFC7CE', warning: '#FFEB9C', info: '#DDEBF7' };

/** Rows rendered at most (plus the selected row): enough for a county's sheet, bounded for a 100,000-row one. */
const MAX_ROWS = 2000;
/**
 * Sheets with more rows than this (a master sheet of many counties) render only the rows in view, plus OVERSCAN
 * above and below, at a fixed row height (ROW_PX: the 20 px cell, its padding and border in preview.html): a
 * 2,000-row table built at once held the page's main thread for seconds.
 */
export const WINDOW_FROM = 100;
const ROW_PX = 23;
const OVERSCAN = 20;

interface CellView {
  text: string;
  bold?: boolean;
  italic?: boolean;
  fill?: string;
  color?: string;
  align?: string;
  valign?: string;
  wrap?: boolean;
  border?: boolean;
  fontPx?: number;
  numeric?: boolean;
}

export interface SheetView {
  rows: number;
  cols: number;
  /** The shown cells, built on first use (a large sheet renders only the rows in view). */
  cells: { get(addr: string): CellView | undefined };
  /** Top-left cell → spans. */
  spans: Map<string, { rowSpan: number; colSpan: number }>;
  /** Cells hidden under a merge → their top-left cell. */
  covered: Map<string, string>;
  widths: number[];
}

function argbToCss(argb: unknown): string | undefined {
  if (typeof argb !== 'string' || !/^[0-9A-Fa-f]{8}$/.test(argb)) return undefined;
  return `#${argb.slice(2)}`;
}

/** Excel's General format, near enough: long numbers in scientific notation (as an ID typed as a number shows). */
export function formatValue(v: CellValue, numFmt: string | undefined): string {
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) {
    const p = (n: number) => String(n).padStart(2, '0');
    const d = `${v.getUTCFullYear()}-${p(v.getUTCMonth() + 1)}-${p(v.getUTCDate())}`;
    return v.getUTCHours() || v.getUTCMinutes() ? `${d} ${p(v.getUTCHours())}:${p(v.getUTCMinutes())}` : d;
  }
  if (numFmt === '@') return String(v);
  if (isDateFormat(numFmt)) return formatValue(excelSerialToDate(v, false), undefined);
  if (numFmt && /%$/.test(numFmt)) {
    const decimals = (/\.(0+)%$/.exec(numFmt)?.[1].length ?? 0);
    return `${(v * 100).toFixed(decimals)}%`;
  }
  if (numFmt && /^0\.(0+)$/.test(numFmt)) return v.toFixed(numFmt.length - 2);
  const abs = Math.abs(v);
  if (abs !== 0 && (abs >= 1e11 || abs < 1e-9)) {
    const [m, e] = v.toExponential(5).split('e');
    const mant = m.replace(/\.?0+$/, '');
    const exp = Number(e);
    return `${mant}E${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  if (Number.isInteger(v)) return String(v);
  return String(Number(v.toPrecision(10)));
}

export function buildSheetView(ws: Worksheet): SheetView {
  const rows = Math.max(ws.rowCount, 0);
  const cols = Math.max(ws.columnCount, 1);
  const spans = new Map<string, { rowSpan: number; colSpan: number }>();
  const covered = new Map<string, string>();
  const merged = (ws as unknown as { _merges?: Record<string, { model: { top: number; left: number; bottom: number; right: number } }> })._merges ?? {};
  for (const k of Object.keys(merged)) {
    const { top, left, bottom, right } = merged[k].model;
    const master = a1(top - 1, left - 1);
    spans.set(master, { rowSpan: bottom - top + 1, colSpan: right - left + 1 });
    for (let r = top - 1; r <= bottom - 1; r++) {
      for (let c = left - 1; c <= right - 1; c++) if (r !== top - 1 || c !== left - 1) covered.set(a1(r, c), master);
    }
  }
  // Each cell's view is built when the grid first shows it, then kept.
  const built = new Map<string, CellView | null>();
  const viewOf = (addr: string): CellView | null => {
    if (covered.has(addr)) return null;
    const { row, col } = parseA1(addr);
    // findCell never creates a cell (getCell would add one to the workbook).
    const cell = ws.findCell(row + 1, col + 1);
    if (!cell) return null;
    const value = fromExcelJsValue(cell.value);
    const style = cell.style ?? {};
    const font = style.font ?? {};
    const fill = style.fill && style.fill.type === 'pattern' && style.fill.pattern === 'solid' ? argbToCss(style.fill.fgColor?.argb) : undefined;
    const border = style.border ? Object.values(style.border).some((b) => b && (b as { style?: string }).style) : false;
    const view: CellView = {
      text: formatValue(value, style.numFmt),
      bold: font.bold || undefined,
      italic: font.italic || undefined,
      color: argbToCss(font.color?.argb),
      fill,
      align: style.alignment?.horizontal,
      valign: style.alignment?.vertical,
      wrap: style.alignment?.wrapText || undefined,
      border: border || undefined,
      fontPx: font.size ? Math.round(Math.min(Math.max(font.size, 9), 16) * 1.2) : undefined,
      numeric: typeof value === 'number' || undefined,
    };
    return view.text || view.fill || view.border || view.bold ? view : null;
  };
  const cells = {
    get(addr: string): CellView | undefined {
      let v = built.get(addr);
      if (v === undefined) built.set(addr, (v = viewOf(addr)));
      return v ?? undefined;
    },
  };
  const widths: number[] = [];
  const defs = (ws.columns ?? []) as ({ width?: number } | undefined)[];
  for (let c = 0; c < cols; c++) {
    const w = defs[c]?.width;
    widths.push(Math.round((w && w > 0 ? w : 8.43) * 7 + 5));
  }
  return { rows, cols, cells, spans, covered, widths };
}

export function useGridSnapshot(host: GridHost): GridSnapshot {
  return React.useSyncExternalStore(host.subscribe, host.getSnapshot);
}

export function GridView({ host, lang }: { host: GridHost; lang: Lang }): React.JSX.Element {
  const s = previewStrings(lang);
  const snap = useGridSnapshot(host);
  const wrap = React.useRef<HTMLDivElement>(null);
  const ws = host.worksheet(snap.activeSheet);
  // Rebuilt when cells change or another sheet is shown, not on selection or marks.
  const view = React.useMemo(() => (ws ? buildSheetView(ws) : null), [ws, snap.dataVersion]);

  const selected = snap.selected && snap.selected.sheet === snap.activeSheet ? snap.selected.cell : null;
  const selectedMaster = selected ? (view?.covered.get(selected) ?? selected) : null;
  const sel = selected ? parseA1(selected) : null;
  const windowed = !!view && view.rows > WINDOW_FROM;
  // Windowed sheets: the first row in view (from the grid's scroll position) and the viewport's height in rows.
  const [scrollRow, setScrollRow] = React.useState(0);
  const [viewRows, setViewRows] = React.useState(60);
  const center = React.useRef(false);

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

  if (!view || !ws) {
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

  const body: React.JSX.Element[] = [];
  const first = windowed ? Math.min(Math.max(0, scrollRow - OVERSCAN), Math.max(0, shownRows - 1)) : 0;
  const last = windowed ? Math.min(shownRows, scrollRow + viewRows + OVERSCAN) : shownRows;
  if (first > 0) body.push(<tr key="above" aria-hidden="true" style={{ height: first * ROW_PX }} />);
  for (let r = first; r < last; r++) {
    const tds: React.JSX.Element[] = [];
    for (let c = 0; c < shownCols; c++) {
      const addr = a1(r, c);
      if (view.covered.has(addr)) continue;
      const v = view.cells.get(addr);
      const span = view.spans.get(addr);
      const mark = snap.marks.get(markKey(ws.name, addr));
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
          onClick={() => void host.selectCell(ws.name, addr)}
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
        <table className={windowed ? 'grid windowed' : 'grid'} aria-label={s.gridLabel(ws.name)} data-sheet={ws.name} style={{ width: 44 + widths.reduce((a, b) => a + b, 0) }}>
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
