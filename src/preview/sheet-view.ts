/**
 * A worksheet as the grid view shows it (values formatted as Excel shows them, fills, bold, alignment, merges,
 * column widths), as plain data: built next to the workbook (in the browser version's Web Worker, or on the page
 * for the in-page host) and handed to GridView, which never touches ExcelJS.
 */
import type { Worksheet } from 'exceljs';
import { a1, type CellValue } from '../core/grid';
import type { Severity } from '../core/finding';
import { excelSerialToDate, fromExcelJsValue, isDateFormat } from '../xlsx/values';

/** The fills the Office.js host uses for marks (src/excel/marks.ts), so the preview looks like Excel. */
export const MARK_FILL: Record<Severity, string> = { error: '#FFC7CE', warning: '#FFEB9C', info: '#DDEBF7' };

/** Rows rendered at most (plus the selected row): enough for a county's sheet, bounded for a 100,000-row one. */
export const MAX_ROWS = 2000;

export interface CellView {
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
  cells: Map<string, CellView>;
  /** Top-left cell → spans. */
  spans: Map<string, { rowSpan: number; colSpan: number }>;
  /** Cells hidden under a merge → their top-left cell. */
  covered: Map<string, string>;
  widths: number[];
  /** Rows whose cells were built (the first ones; `rows` is the sheet's height). */
  builtRows: number;
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

/**
 * The view of `ws`; cells are built for the first `maxRows` rows only (the grid shows no more), `rows` is the
 * sheet's full height.
 */
export function buildSheetView(ws: Worksheet, maxRows = MAX_ROWS): SheetView {
  // The sheet's size and merges from ExcelJS's own records: no walk over every cell of a long sheet.
  const rows = Math.max(ws.rowCount, 0);
  const cols = Math.max(ws.columnCount, 1);
  const cells = new Map<string, CellView>();
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
  for (let r = 1; r <= Math.min(rows, maxRows); r++) {
    for (let c = 1; c <= cols; c++) {
      // findCell never creates a cell (getCell would add one to the workbook).
      const cell = ws.findCell(r, c);
      if (!cell) continue;
      const addr = a1(r - 1, c - 1);
      if (covered.has(addr)) continue;
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
      if (view.text || view.fill || view.border || view.bold) cells.set(addr, view);
    }
  }
  const widths: number[] = [];
  const defs = (ws.columns ?? []) as ({ width?: number } | undefined)[];
  for (let c = 0; c < cols; c++) {
    const w = defs[c]?.width;
    widths.push(Math.round((w && w > 0 ? w : 8.43) * 7 + 5));
  }
  return { rows, cols, cells, spans, covered, widths, builtRows: Math.min(rows, maxRows) };
}

