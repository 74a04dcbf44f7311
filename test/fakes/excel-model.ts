/**
 * Excel's side of the fake: the workbook itself — sheets, cells (values, number formats, formulas as typed
 * text), fills, fonts, borders, merges, sizes, notes, threaded comments, data validation, page setup — with the
 * A1 address arithmetic and Office's error type. No Office.js client logic here: test/fakes/excel-fake.ts plays
 * requests on it (directly, or as the server behind Microsoft's client in test/fakes/office-client.ts).
 */
import type { XlDataValidationErrorAlert, XlDataValidationPrompt, XlDataValidationRule } from '../../src/excel/excel-like';

export type FakeValue = string | number | boolean | null;

export interface FakeFill {
  color: string;
  pattern: string;
  patternColor: string;
  tintAndShade: number;
  patternTintAndShade: number;
}
/** What Excel reports for a cell without fill. */
export const NO_FILL: Readonly<FakeFill> = Object.freeze({ color: '#FFFFFF', pattern: 'None', patternColor: '#000000', tintAndShade: 0, patternTintAndShade: 0 });

export interface FakeFont {
  name: string;
  size: number;
  bold: boolean;
  italic: boolean;
  color: string;
  underline: string;
  strikethrough: boolean;
}
/** What Excel reports for a cell whose font was never set (the Normal style of a new workbook). */
export const DEFAULT_FONT: Readonly<FakeFont> = Object.freeze({ name: 'Calibri', size: 11, bold: false, italic: false, color: '#000000', underline: 'None', strikethrough: false });

/** A cell's own sides (the inside lines of a range are stored as the sides of its cells). */
export type FakeSide = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'DiagonalDown' | 'DiagonalUp';
export interface FakeBorder {
  style: string;
  weight: string;
  color: string;
}
export const NO_BORDER: Readonly<FakeBorder> = Object.freeze({ style: 'None', weight: 'Thin', color: '#000000' });

export interface FakeValidation {
  rule: XlDataValidationRule | null;
  errorAlert: XlDataValidationErrorAlert;
  prompt: XlDataValidationPrompt;
  ignoreBlanks: boolean;
}
/** A cell without data validation, as Excel reports it. */
export const NO_VALIDATION: Readonly<FakeValidation> = Object.freeze({
  rule: null,
  errorAlert: { message: '', showAlert: true, style: 'Stop', title: '' },
  prompt: { message: '', showPrompt: false, title: '' },
  ignoreBlanks: true,
});

export interface FakePageSetup {
  orientation: string;
  paperSize: string;
  centerHorizontally: boolean;
  centerVertically: boolean;
  leftMargin: number;
  rightMargin: number;
  topMargin: number;
  bottomMargin: number;
  headerMargin: number;
  footerMargin: number;
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  /** A1 areas, comma-separated, or null. */
  printArea: string | null;
}

/** Column width and row height of a new sheet, in points (Calibri 11: 8.43 characters = 64 px; 20 px rows). */
export const DEFAULT_COLUMN_WIDTH = 48;
export const DEFAULT_ROW_HEIGHT = 15;

export interface FakeCell {
  value: FakeValue;
  /** The cell holds an error (#N/A …); `value` is its text. */
  error?: boolean;
  numberFormat?: string;
  /** The cell holds a formula (typed text beginning with = + - @ in a cell not formatted '@'); `value` is its text. */
  formula?: boolean;
  fill?: FakeFill;
  font?: FakeFont;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  indentLevel?: number;
  borders?: Partial<Record<FakeSide, FakeBorder>>;
  validation?: FakeValidation;
}

export interface FakeNote {
  content: string;
  author: string;
}
export interface FakeComment {
  id: string;
  sheetId: string;
  row: number;
  col: number;
  content: string;
  author: string;
}

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;
export const MB = 1024 * 1024;

export const PATTERNS = new Set([
  'None', 'Solid', 'Gray50', 'Gray75', 'Gray25', 'Horizontal', 'Vertical', 'Down', 'Up', 'Checker', 'SemiGray75',
  'LightHorizontal', 'LightVertical', 'LightDown', 'LightUp', 'Grid', 'CrissCross', 'Gray16', 'Gray8',
]);

export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string };
  constructor(code: string, message: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message };
  }
}

// ---------------------------------------------------------------------------------------------- addresses

export function colLetters(col: number): string {
  let s = '';
  let n = col + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
export function lettersCol(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
export function cellA1(row: number, col: number): string {
  return colLetters(col) + (row + 1);
}
export interface Rect {
  top: number;
  left: number;
  rows: number;
  cols: number;
}
export function rectA1(r: Rect): string {
  const tl = cellA1(r.top, r.left);
  return r.rows === 1 && r.cols === 1 ? tl : `${tl}:${cellA1(r.top + r.rows - 1, r.left + r.cols - 1)}`;
}
export function quoteSheet(name: string): string {
  return /^[A-Za-z_\u4e00-\u9fff][A-Za-z0-9_.\u4e00-\u9fff]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
/** Split `Sheet!A1:B2` into sheet name (unquoted) and the local part. */
export function splitSheet(address: string): { sheet?: string; local: string } {
  const i = address.lastIndexOf('!');
  if (i < 0) return { local: address.trim() };
  let s = address.slice(0, i).trim();
  if (s.startsWith("'") && s.endsWith("'")) s = s.slice(1, -1).replace(/''/g, "'");
  return { sheet: s, local: address.slice(i + 1).trim() };
}
export function parseRect(local: string): Rect {
  // Whole rows (`8:9`, `$8:$8`), as in `sheet.getRange("8:9").insert("Down")`.
  const rows = /^\$?(\d+):\$?(\d+)$/.exec(local.trim());
  if (rows) {
    const a = Number(rows[1]) - 1;
    const b = Number(rows[2]) - 1;
    const rect = { top: Math.min(a, b), left: 0, rows: Math.abs(b - a) + 1, cols: MAX_COLS };
    checkRect(rect);
    return rect;
  }
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(local.trim());
  if (!m) throw new FakeOfficeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format: ${local}`);
  const r1 = Number(m[2]) - 1;
  const c1 = lettersCol(m[1]);
  const r2 = m[4] ? Number(m[4]) - 1 : r1;
  const c2 = m[3] ? lettersCol(m[3]) : c1;
  const top = Math.min(r1, r2);
  const left = Math.min(c1, c2);
  const rect = { top, left, rows: Math.abs(r2 - r1) + 1, cols: Math.abs(c2 - c1) + 1 };
  checkRect(rect);
  return rect;
}
export function checkRect(r: Rect): void {
  if (r.top < 0 || r.left < 0 || r.rows < 1 || r.cols < 1 || r.top + r.rows > MAX_ROWS || r.left + r.cols > MAX_COLS) {
    throw new FakeOfficeError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
  }
}
/** Split a RangeAreas address at commas outside quotes. */
export function splitAreas(address: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (const ch of address) {
    if (ch === "'") q = !q;
    if (ch === ',' && !q) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((s) => s.trim()).filter((s) => s !== '');
}

/** Excel's rules for a sheet name: 1–31 characters, none of : \\ / ? * [ ], no apostrophe at either end. */
export function checkSheetName(name: string): void {
  if (name.length === 0 || name.length > 31 || /[:\\/?*[\]]/.test(name) || name.startsWith("'") || name.endsWith("'") || name.toLowerCase() === 'history') {
    throw new FakeOfficeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format (sheet name ${JSON.stringify(name)}).`);
  }
}

export function versionAtLeast(have: string, need: string): boolean {
  const a = have.split('.').map(Number);
  const b = need.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

export function utf8(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

// ---------------------------------------------------------------------------------------------- data model

export class FakeSheet {
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  /** rows[r][c]; sparse. */
  readonly rows: (FakeCell | undefined)[][] = [];
  /** Notes by cell key (row * MAX_COLS + col). */
  readonly notes = new Map<number, FakeNote>();
  /** Sizes set through the API, in points, by 0-based column / row. */
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  readonly hiddenColumns = new Set<number>();
  readonly hiddenRows = new Set<number>();
  readonly merges: Rect[] = [];
  readonly page: FakePageSetup = {
    orientation: 'Portrait',
    paperSize: 'Letter',
    centerHorizontally: false,
    centerVertically: false,
    leftMargin: 50.4,
    rightMargin: 50.4,
    topMargin: 54,
    bottomMargin: 54,
    headerMargin: 21.6,
    footerMargin: 21.6,
    zoom: { scale: 100 },
    printArea: null,
  };
  constructor(
    readonly workbook: FakeWorkbook,
    readonly id: string,
    public name: string,
  ) {}

  /**
   * Insert ▸ Sheet Rows: `count` empty rows at `top`; every row from `top` down moves down with its values,
   * formats, notes, comments, sizes and merged areas; a merged area spanning the insertion point grows. New rows
   * take the formats (not values) of the row above, like Excel. Same-sheet A1 references in formula text (cells
   * whose value starts with `=`, unqualified references only) from `top` down are moved too; references from
   * other sheets are not (not modelled).
   */
  insertRows(top: number, count: number): void {
    const last = this.usedRect(false);
    if (last && last.top + last.rows - 1 + count >= MAX_ROWS) {
      throw new FakeOfficeError('InvalidOperation', 'Insert would push non-empty cells off the end of the sheet.');
    }
    const above = top > 0 ? this.rows[top - 1] : undefined;
    const fresh = (): (FakeCell | undefined)[] =>
      (above ?? []).map((c) =>
        c ? { value: null, numberFormat: c.numberFormat, fill: c.fill, font: c.font, horizontalAlignment: c.horizontalAlignment, verticalAlignment: c.verticalAlignment, wrapText: c.wrapText, indentLevel: c.indentLevel, borders: c.borders ? { ...c.borders } : undefined, validation: c.validation } : undefined,
      );
    if (this.rows.length > top) this.rows.splice(top, 0, ...Array.from({ length: count }, fresh));
    const shiftMap = <V>(m: Map<number, V>) => {
      const moved = [...m.entries()].filter(([r]) => r >= top);
      for (const [r] of moved) m.delete(r);
      for (const [r, v] of moved) m.set(r + count, v);
    };
    shiftMap(this.rowHeights);
    const hidden = [...this.hiddenRows].filter((r) => r >= top);
    for (const r of hidden) this.hiddenRows.delete(r);
    for (const r of hidden) this.hiddenRows.add(r + count);
    const notes = [...this.notes.entries()].filter(([k]) => Math.floor(k / MAX_COLS) >= top);
    for (const [k] of notes) this.notes.delete(k);
    for (const [k, v] of notes) this.notes.set(k + count * MAX_COLS, v);
    for (const c of this.workbook.comments.values()) if (c.sheetId === this.id && c.row >= top) c.row += count;
    for (const m of this.merges) {
      if (m.top >= top) m.top += count;
      else if (m.top + m.rows - 1 >= top) m.rows += count;
    }
    const moveRefs = (f: string) =>
      f.replace(/("[^"]*")|('(?:[^']|'')*'|[A-Za-z_][\w.]*)!\$?[A-Za-z]{1,3}\$?\d+|(\$?[A-Za-z]{1,3}\$?)(\d+)(?![\w(!])/g, (all, str: string | undefined, _q, col: string | undefined, row: string | undefined) => {
        if (str !== undefined || col === undefined || row === undefined) return all;
        const r = Number(row) - 1;
        return r >= top ? `${col}${r + count + 1}` : all;
      });
    for (const row of this.rows) for (const c of row ?? []) if (c && typeof c.value === 'string' && c.value.startsWith('=')) c.value = moveRefs(c.value);
  }
  cellAt(row: number, col: number): FakeCell | undefined {
    return this.rows[row]?.[col];
  }
  ensure(row: number, col: number): FakeCell {
    let r = this.rows[row];
    if (!r) r = this.rows[row] = [];
    let c = r[col];
    if (!c) c = r[col] = { value: null };
    return c;
  }

  /** Test helper: set one cell (`B3`) — value, number format, fill, or an error text. */
  set(address: string, init: { value?: FakeValue; numberFormat?: string; fill?: Partial<FakeFill>; error?: string }): this {
    const r = parseRect(address);
    const c = this.ensure(r.top, r.left);
    if (init.error !== undefined) {
      c.value = init.error;
      c.error = true;
    } else if (init.value !== undefined) {
      c.value = init.value;
      c.error = false;
    }
    if (init.numberFormat !== undefined) c.numberFormat = init.numberFormat;
    if (init.fill !== undefined) c.fill = { ...NO_FILL, ...init.fill };
    return this;
  }

  /** Test helper: write a block of values whose top-left cell is `origin`. */
  setValues(origin: string, values: FakeValue[][], numberFormat?: string): this {
    const o = parseRect(origin);
    for (let i = 0; i < values.length; i++) {
      const row = values[i];
      for (let j = 0; j < row.length; j++) {
        const v = row[j];
        if (v === null || v === undefined) continue;
        const c = this.ensure(o.top + i, o.left + j);
        c.value = v;
        if (numberFormat) c.numberFormat = numberFormat;
      }
    }
    return this;
  }

  /** Test helper: the cell at `B3` (a fresh empty cell when none). */
  get(address: string): FakeCell {
    const r = parseRect(address);
    return this.cellAt(r.top, r.left) ?? { value: null };
  }
  value(address: string): FakeValue {
    return this.get(address).value;
  }
  fill(address: string): FakeFill {
    return { ...(this.get(address).fill ?? NO_FILL) };
  }
  numberFormat(address: string): string {
    return this.get(address).numberFormat ?? 'General';
  }
  note(address: string): FakeNote | undefined {
    const r = parseRect(address);
    return this.notes.get(r.top * MAX_COLS + r.left);
  }
  addNote(address: string, content: string, author = 'User'): this {
    const r = parseRect(address);
    this.notes.set(r.top * MAX_COLS + r.left, { content, author });
    return this;
  }
  comment(address: string): FakeComment | undefined {
    const r = parseRect(address);
    return this.workbook.commentAt(this.id, r.top, r.left);
  }
  /** Test helpers for formats: what Excel would report for the cell at `B3`. */
  font(address: string): FakeFont {
    return { ...(this.get(address).font ?? DEFAULT_FONT) };
  }
  alignment(address: string): { horizontal: string; vertical: string; wrap: boolean; indent: number } {
    const c = this.get(address);
    return { horizontal: c.horizontalAlignment ?? 'General', vertical: c.verticalAlignment ?? 'Bottom', wrap: c.wrapText ?? false, indent: c.indentLevel ?? 0 };
  }
  border(address: string, side: FakeSide): FakeBorder {
    return { ...(this.get(address).borders?.[side] ?? NO_BORDER) };
  }
  validation(address: string): FakeValidation {
    return this.get(address).validation ?? NO_VALIDATION;
  }
  /** Merged areas as A1 ranges, in the order they were made. */
  mergedAreas(): string[] {
    return this.merges.map(rectA1);
  }
  /** Width of a column (`J` or 0-based index) and height of a row (0-based), in points. */
  columnWidth(col: string | number): number {
    return this.columnWidths.get(typeof col === 'number' ? col : lettersCol(col)) ?? DEFAULT_COLUMN_WIDTH;
  }
  rowHeight(row: number): number {
    return this.rowHeights.get(row) ?? DEFAULT_ROW_HEIGHT;
  }

  /** Smallest rectangle holding every cell with a value (valuesOnly) or with a value or format. */
  usedRect(valuesOnly: boolean): Rect | null {
    let top = -1;
    let bottom = -1;
    let left = Infinity;
    let right = -1;
    for (let r = 0; r < this.rows.length; r++) {
      const row = this.rows[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        if (!cell) continue;
        const formatted =
          cell.fill !== undefined ||
          (cell.numberFormat !== undefined && cell.numberFormat !== 'General') ||
          cell.font !== undefined ||
          cell.horizontalAlignment !== undefined ||
          cell.verticalAlignment !== undefined ||
          cell.wrapText !== undefined ||
          cell.indentLevel !== undefined ||
          cell.borders !== undefined ||
          cell.validation !== undefined;
        const used = (cell.value !== null && cell.value !== '') || (!valuesOnly && formatted);
        if (!used) continue;
        if (top < 0) top = r;
        bottom = r;
        if (c < left) left = c;
        if (c > right) right = c;
      }
    }
    if (top < 0) return null;
    return { top, left, rows: bottom - top + 1, cols: right - left + 1 };
  }
}

export interface FakeTemplateSheet {
  name: string;
  cells?: Record<string, FakeValue>;
}

export class FakeWorkbook {
  name = 'Book1.xlsx';
  readonly sheets: FakeSheet[] = [];
  readonly comments = new Map<string, FakeComment>();
  activeSheetId = '';
  selection: { sheetId: string; address: string } | null = null;
  private nextSheet = 1;
  private nextComment = 1;

  addSheet(name: string): FakeSheet {
    if (this.findSheet(name)) throw new FakeOfficeError('ItemAlreadyExists', `A sheet named ${name} already exists.`);
    const s = new FakeSheet(this, `{S${this.nextSheet++}}`, name);
    this.sheets.push(s);
    if (!this.activeSheetId) this.activeSheetId = s.id;
    return s;
  }
  findSheet(key: string): FakeSheet | undefined {
    const k = key.toLowerCase();
    return this.sheets.find((s) => s.id === key || s.name.toLowerCase() === k);
  }
  sheet(name: string): FakeSheet {
    const s = this.findSheet(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }
  activeSheet(): FakeSheet {
    const s = this.sheets.find((x) => x.id === this.activeSheetId) ?? this.sheets[0];
    if (!s) throw new FakeOfficeError('ItemNotFound', 'The workbook has no sheets.');
    return s;
  }
  commentAt(sheetId: string, row: number, col: number): FakeComment | undefined {
    for (const c of this.comments.values()) if (c.sheetId === sheetId && c.row === row && c.col === col) return c;
    return undefined;
  }
  addComment(sheet: FakeSheet, row: number, col: number, content: string, author = 'User'): FakeComment {
    if (sheet.notes.has(row * MAX_COLS + col)) throw new FakeOfficeError('InvalidOperation', 'The cell already has a note.');
    if (this.commentAt(sheet.id, row, col)) throw new FakeOfficeError('InvalidOperation', 'The cell already has a comment.');
    const c: FakeComment = { id: `{C${this.nextComment++}}`, sheetId: sheet.id, row, col, content, author };
    this.comments.set(c.id, c);
    return c;
  }
  /** Test helper: a user's threaded comment. */
  addUserComment(sheetName: string, address: string, content: string): FakeComment {
    const r = parseRect(address);
    return this.addComment(this.sheet(sheetName), r.top, r.left, content, 'User');
  }
  /** What `insertWorksheetsFromBase64` understands in the fake: base64 of JSON `{ sheets: FakeTemplateSheet[] }`. */
  static encodeTemplate(sheets: FakeTemplateSheet[]): string {
    return Buffer.from(JSON.stringify({ sheets }), 'utf8').toString('base64');
  }
  insertFromBase64(b64: string): string[] {
    let spec: { sheets: FakeTemplateSheet[] };
    try {
      spec = JSON.parse(Buffer.from(b64, 'base64').toString('utf8')) as { sheets: FakeTemplateSheet[] };
      if (!Array.isArray(spec.sheets)) throw new Error('no sheets');
    } catch {
      throw new FakeOfficeError('InvalidArgument', 'The file is not a workbook.');
    }
    const ids: string[] = [];
    for (const t of spec.sheets) {
      let name = t.name;
      for (let n = 2; this.findSheet(name); n++) name = `${t.name} (${n})`;
      const s = this.addSheet(name);
      for (const [a, v] of Object.entries(t.cells ?? {})) s.set(a, { value: v });
      ids.push(s.id);
    }
    return ids;
  }
}
