/**
 * The engine's view of one worksheet: a rectangular block of cell values with its position in the sheet.
 * Hosts (ExcelJS, Office.js, the preview page) build it; the engine never touches a real spreadsheet.
 *
 * Coordinates are 0-based sheet coordinates everywhere in the engine (row 0 = sheet row 1, col 0 = column A).
 * `values[i][j]` is the cell at sheet row `origin.row + i`, column `origin.col + j`.
 */

/** A cell value as the engine sees it. Numbers stay numbers: an ID typed as a number must be detectable. */
export type CellValue = string | number | boolean | Date | null;

/** What the host knows about how a cell stores its value (Excel's valueTypes), when it differs from `typeof`. */
export type CellType = 'string' | 'number' | 'boolean' | 'date' | 'error' | 'empty' | 'formula';

export interface RangeRef {
  /** 0-based sheet coordinates, inclusive. */
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetGrid {
  name: string;
  values: CellValue[][];
  /** Sheet position of values[0][0]; defaults to A1. */
  origin?: { row: number; col: number };
  /** Number formats, same shape as values, when the host read them (e.g. '@' marks a text cell). */
  numberFormats?: (string | null | undefined)[][];
  /** Merged areas in sheet coordinates. */
  merges?: RangeRef[];
}

export interface WorkbookGrid {
  /** File name or workbook name, used in findings. */
  name: string;
  sheets: SheetGrid[];
}

/** Column index (0-based) to letters: 0 → A, 25 → Z, 26 → AA. */
export function colToLetters(col: number): string {
  let s = '';
  let n = col + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Letters to 0-based column index: A → 0, AA → 26. */
export function lettersToCol(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Column letters of the columns addressed so far (findings name many cells of a few columns). */
const LETTER_CACHE = 1024;
const letters: (string | undefined)[] = new Array<string | undefined>(LETTER_CACHE);

/** A1 address of a 0-based sheet cell. */
export function a1(row: number, col: number): string {
  const cached = col >= 0 && col < LETTER_CACHE;
  let l = cached ? letters[col] : undefined;
  if (l === undefined) {
    l = colToLetters(col);
    if (cached) letters[col] = l;
  }
  return l + (row + 1);
}

/** A1 range address (`A1:C3`, or `A1` for a single cell). */
export function a1Range(r: RangeRef): string {
  const tl = a1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? tl : `${tl}:${a1(r.bottom, r.right)}`;
}

/** Parse `B12` (or `$B$12`) into 0-based sheet coordinates. */
export function parseA1(addr: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(addr.trim());
  if (!m) throw new Error(`not an A1 address: ${addr}`);
  return { row: Number(m[2]) - 1, col: lettersToCol(m[1]) };
}

/** Parse `A1:C3` (or a single cell) into a range. */
export function parseA1Range(addr: string): RangeRef {
  const [a, b] = addr.split(':');
  const p = parseA1(a);
  const q = b ? parseA1(b) : p;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

/** Sheet-coordinate accessors over a SheetGrid. */
export class Sheet {
  readonly name: string;
  readonly top: number;
  readonly left: number;
  /** One past the last sheet row / column covered by the grid. */
  readonly bottom: number;
  readonly right: number;
  readonly grid: SheetGrid;
  /** Cells covered by a merged area other than its top-left cell (row → columns), see spreadMerges. */
  private readonly covered: Map<number, Set<number>> | null;
  constructor(grid: SheetGrid) {
    const spread = spreadMerges(grid);
    this.grid = spread.grid;
    this.covered = spread.covered;
    grid = spread.grid;
    this.name = grid.name;
    this.top = grid.origin?.row ?? 0;
    this.left = grid.origin?.col ?? 0;
    this.bottom = this.top + grid.values.length;
    let w = 0;
    for (const row of grid.values) if (row && row.length > w) w = row.length;
    this.right = this.left + w;
  }
  value(row: number, col: number): CellValue {
    const r = this.grid.values[row - this.top];
    if (!r) return null;
    const v = r[col - this.left];
    return v === undefined ? null : v;
  }
  numberFormat(row: number, col: number): string | null {
    const r = this.grid.numberFormats?.[row - this.top];
    return (r && r[col - this.left]) || null;
  }
  /** True for a cell inside a merged area that is not its top-left cell: it shows the area's value, hosts write the top-left. */
  isCovered(row: number, col: number): boolean {
    return this.covered?.get(row)?.has(col) ?? false;
  }
  contains(row: number, col: number): boolean {
    return row >= this.top && row < this.bottom && col >= this.left && col < this.right;
  }
  /** True when every cell of the row is empty (null, '' or whitespace only). */
  isRowEmpty(row: number): boolean {
    const r = this.grid.values[row - this.top];
    if (!r) return true;
    for (const v of r) if (!isEmptyValue(v)) return false;
    return true;
  }
}

export function isEmptyValue(v: CellValue | undefined): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v === 'string') {
    for (let i = 0; i < v.length; i++) {
      const c = v.charCodeAt(i);
      // Most cells start with a printable ASCII or a Chinese character: two comparisons.
      if ((c > 32 && c < 0xa0) || (c > 0x3000 && c < 0xfeff)) return false;
      // space, tab, CR, LF, NBSP, ideographic space, zero-width characters
      if (!(c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x3000 || (c >= 0x200b && c <= 0x200d) || c === 0xfeff)) return false;
    }
    return true;
  }
  return false;
}

/**
 * SPEC §2 "merged data cells": a merged area over several rows (工作单位 / 单位性质 shared by two people, a register's
 * region merged over its applications) gives its value to every row it covers. The grid the host read holds the
 * value in the top-left cell only; this returns a grid whose covered cells below it hold the same value (rows copied
 * on write, the host's arrays are not changed) and the covered cells. Areas one row high are left alone (titles and
 * header cells merged across columns).
 */
export function spreadMerges(grid: SheetGrid): { grid: SheetGrid; covered: Map<number, Set<number>> | null } {
  const merges = grid.merges;
  if (!merges || merges.length === 0) return { grid, covered: null };
  const top = grid.origin?.row ?? 0;
  const left = grid.origin?.col ?? 0;
  let values: CellValue[][] | null = null;
  const copied = new Set<number>();
  let covered: Map<number, Set<number>> | null = null;
  for (const m of merges) {
    if (m.bottom <= m.top) continue;
    const src = grid.values[m.top - top];
    const v = src ? src[m.left - left] : undefined;
    if (v === undefined || isEmptyValue(v)) continue;
    const last = Math.min(m.bottom, top + grid.values.length - 1);
    for (let r = m.top + 1; r <= last; r++) {
      if (!values) values = grid.values.slice();
      const i = r - top;
      if (!copied.has(i)) {
        values[i] = values[i] ? values[i].slice() : [];
        copied.add(i);
      }
      const row = values[i];
      while (row.length < m.left - left) row.push(null);
      row[m.left - left] = v;
      covered ??= new Map();
      let set = covered.get(r);
      if (!set) covered.set(r, (set = new Set()));
      set.add(m.left);
    }
  }
  return values ? { grid: { ...grid, values }, covered } : { grid, covered: null };
}
