/**
 * Table location (SPEC §2): tables are found by their header row, never by fixed addresses.
 *
 * A row is a header row of a form when its cells, after `headerKey` normalisation, name the form's identifying
 * columns and at least `minMatches` columns in all. A second header row is taken in when it completes labels
 * split over two rows (`政治` / `面貌`) or names sub-columns under a merged parent. Data runs from below the
 * header to the first fully empty row, footnote (`备注：`), signature line (`联系人：…`), section title
 * (`二、…`) or the next header. The `推荐单位（盖章）：… 填表日期：…` line above the tables is parsed once per
 * sheet and shared by the tables under it.
 */
import { cellText, compactText, headerKey } from './normalize';
import { Sheet, isEmptyValue } from './grid';
import type { RowCells, RowSource } from './row-blocks';
import type { FormDef } from './forms/form';
import type { LocatedTable, TitleInfo, YMD } from './table';

interface FormIndex {
  form: FormDef;
  /** header key → role */
  keys: Map<string, string>;
}

const indexCache = new WeakMap<FormDef, FormIndex>();
function indexForm(form: FormDef): FormIndex {
  let ix = indexCache.get(form);
  if (!ix) {
    const keys = new Map<string, string>();
    for (const c of form.columns) {
      keys.set(headerKey(c.label), c.role);
      for (const s of c.synonyms) if (!keys.has(headerKey(s))) keys.set(headerKey(s), c.role);
    }
    ix = { form, keys };
    indexCache.set(form, ix);
  }
  return ix;
}

/** Header cells are short labels; long text is a title or a data value, not worth normalising. */
const MAX_HEADER_LEN = 24;

function keyAt(sheet: Sheet, row: number, col: number): string {
  const v = sheet.value(row, col);
  if (typeof v !== 'string' || v.length > MAX_HEADER_LEN) return '';
  return headerKey(v);
}

interface HeaderMatch {
  form: FormDef;
  columns: Record<string, number>;
  count: number;
  headerRows: number;
}

function matchRow(sheet: Sheet, row: number, ix: FormIndex): HeaderMatch | null {
  const columns: Record<string, number> = {};
  let count = 0;
  const unmatched: number[] = [];
  for (let c = sheet.left; c < sheet.right; c++) {
    const k = keyAt(sheet, row, c);
    if (!k) continue;
    const role = ix.keys.get(k);
    if (role && !(role in columns)) {
      columns[role] = c;
      count++;
    } else if (!role) unmatched.push(c);
  }
  // A label split over two rows (`政治` above `面貌`), or a sub-column under a merged parent. The first row
  // must already look like a header on its own, so a title line above a header is never taken for one.
  let headerRows = 1;
  if (count >= 2 && row + 1 < sheet.bottom) {
    let added = 0;
    let dataLike = false;
    const extra: Record<string, number> = {};
    for (let c = sheet.left; c < sheet.right; c++) {
      const below = keyAt(sheet, row + 1, c);
      const raw = sheet.value(row + 1, c);
      if (!below) {
        if (!isEmptyValue(raw)) dataLike = true;
        continue;
      }
      const above = keyAt(sheet, row, c);
      const role = (above && ix.keys.get(above + below)) || ix.keys.get(below);
      if (role && !(role in columns) && !(role in extra)) {
        extra[role] = c;
        added++;
      } else if (!role && !(above && ix.keys.has(above))) dataLike = true;
    }
    if (added > 0 && !dataLike) {
      Object.assign(columns, extra);
      count += added;
      headerRows = 2;
    }
  }
  for (const r of ix.form.identifying) if (!(r in columns)) return null;
  if (count < ix.form.minMatches) return null;
  return { form: ix.form, columns, count, headerRows };
}

function bestMatch(sheet: Sheet, row: number, forms: readonly FormIndex[]): HeaderMatch | null {
  let best: HeaderMatch | null = null;
  for (const ix of forms) {
    const m = matchRow(sheet, row, ix);
    if (m && (!best || m.count > best.count)) best = m;
  }
  return best;
}

/** First non-empty cell of a row, as compact text ('' when it is not text). */
export function leadingText(sheet: Sheet, row: number): string {
  for (let c = sheet.left; c < sheet.right; c++) {
    const v = sheet.value(row, c);
    if (!isEmptyValue(v)) return typeof v === 'string' ? compactText(v) : '';
  }
  return '';
}

/** Whole row as one compact text (cells joined), for title and signature lines. */
function rowText(sheet: Sheet, row: number): string {
  let s = '';
  for (let c = sheet.left; c < sheet.right; c++) {
    const v = sheet.value(row, c);
    if (!isEmptyValue(v)) s += (s ? ' ' : '') + cellText(v);
  }
  return s;
}

const SECTION = /^[一二三四五六七八九十]+[、.．]/;
const FOOTNOTE = /^(备注|注|说明|填表说明)\d*[:：.．、]/;
const SIGNATURE = /^(联系人|填表人|审核人|负责人|经办人)[:：]/;

/** A line that ends a table: footnote, signature line or section title. */
export function isTerminatorLine(lead: string): boolean {
  return FOOTNOTE.test(lead) || SIGNATURE.test(lead) || SECTION.test(lead);
}

/** First characters of the lines isTerminatorLine recognises: other leads skip its three patterns. */
const TERMINATOR_FIRST = new Set(Array.from('备注说填联审负经一二三四五六七八九十'));

/** `12`, `012`, `3.0`: a 序号 typed as text. */
function isNumberText(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 48 || c > 57) && c !== 46) return false;
  }
  return s.length > 0;
}

function validYMD(y: number, m: number, d: number): YMD | null {
  if (m < 1 || m > 12 || d < 1) return null;
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[m - 1] ? { y, m, d } : null;
}

/** 2025年11月3日, 2025-11-03, 2025.11.3, 2025/11/3 (full-width digits allowed). */
export function parseChineseDate(text: string): YMD | null {
  const s = compactText(text);
  const m = /(\d{4})年(\d{1,2})月(\d{1,2})日?/.exec(s) ?? /(\d{4})[-./](\d{1,2})[-./](\d{1,2})/.exec(s);
  return m ? validYMD(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

function parseTitleLine(sheet: Sheet, row: number): TitleInfo | null {
  const text = rowText(sheet, row);
  const compact = compactText(text);
  const hasUnit = compact.includes('推荐单位');
  const hasDate = compact.includes('填表日期');
  if (!hasUnit && !hasDate) return null;
  let col = sheet.left;
  while (col < sheet.right && isEmptyValue(sheet.value(row, col))) col++;
  let recommender: string | null = null;
  if (hasUnit) {
    const m = /推荐单位(?:\((?:盖章|公章)\))?[:：]?(.*?)(?:填表日期|$)/.exec(compact);
    recommender = m && m[1].replace(/[:：]/g, '') ? m[1].replace(/^[:：]+/, '') : null;
  }
  let formDateText: string | null = null;
  if (hasDate) {
    const m = /填表日期[:：]?(.*)$/.exec(compact);
    formDateText = m && m[1] ? m[1] : null;
  }
  // A date cell next to the label arrives as a Date and reads as ISO text.
  const formDate = formDateText ? parseChineseDate(formDateText) : null;
  return { row, col, recommender, formDateText, formDate };
}

const CATEGORY = /[(（]([^()（）]{1,12}方面)[)）]/;
/** Category from a title such as `…先进集体推荐对象汇总表（商务经济方面）`, or a sheet name `商务经济方面`. */
export function categoryFrom(text: string): string | null {
  const s = compactText(text);
  const m = CATEGORY.exec(s) ?? /([^()（）\s、]{2,10}方面)/.exec(s);
  return m ? m[1] : null;
}

/**
 * Find every table of the given forms on a sheet. Rows inside a located table are not scanned for headers again,
 * so the cost is linear in the sheet's size.
 *
 * With `each`, every table is handed over as soon as its header is found, with its rows still to be read: `each`
 * reads them through the scanner (the check's row pass does, block after block, so that each row comes from
 * memory once), and the table's `rows` and `bottom` are complete when `each` returns. Without it the tables
 * come back complete.
 */
export function locateTables(sheet: Sheet, forms: readonly FormDef[], each?: (table: LocatedTable, scanner: RowScanner) => void): LocatedTable[] {
  const ixs = forms.filter((f) => f.layout !== 'vertical').map(indexForm); // vertical forms: locate-vertical.ts
  // A row can start the next table only if its first cell is a header label of some form: the full header match
  // (every cell against every form, about 8 µs) is tried on those rows only, not on 100,000 data rows.
  const labels = new Set<string>();
  for (const ix of ixs) for (const k of ix.keys.keys()) labels.add(k);
  const tables: LocatedTable[] = [];
  let title: TitleInfo | null = null;
  let section: string | null = null;
  let sheetCategory: string | null = categoryFrom(sheet.name);
  let row = sheet.top;
  while (row < sheet.bottom) {
    const match = bestMatch(sheet, row, ixs);
    if (!match) {
      const lead = leadingText(sheet, row);
      if (lead) {
        if (!title && tables.length === 0) title = parseTitleLine(sheet, row) ?? title;
        const cat = categoryFrom(lead);
        if (SECTION.test(lead)) section = cat;
        else if (cat && tables.length === 0 && !sheetCategory) sheetCategory = cat;
      }
      row++;
      continue;
    }
    const cols = Object.values(match.columns);
    const left = Math.min(...cols);
    const right = Math.max(...cols);
    const scanner = new RowScanner(sheet, row + match.headerRows, match.columns.seq ?? -1, ixs, labels);
    const missing = match.form.columns.filter((c) => c.required && !(c.role in match.columns)).map((c) => c.role);
    const table: LocatedTable = {
      kind: match.form.kind,
      form: match.form,
      sheet: sheet.name,
      headerRow: row,
      headerRows: match.headerRows,
      columns: match.columns,
      missing,
      rows: scanner.rows,
      left,
      right,
      bottom: scanner.bottom,
      category: section ?? sheetCategory,
      title,
    };
    if (each) each(table, scanner);
    scanner.finish();
    table.bottom = scanner.bottom;
    tables.push(table);
    section = null;
    row = scanner.end;
  }
  return tables;
}

/**
 * Reads the data rows of a table whose header ends above `from`: up to an empty row, a footnote, signature or
 * section line, or the next header. `rows` grows as rows are read; `end` is then the first row after the
 * table. Each row's array is read once (100,000-row tables).
 */
export class RowScanner implements RowSource {
  /** Data rows (0-based sheet rows) read so far, in order; template rows holding only a 序号 are left out. */
  readonly rows: number[] = [];
  /** Last row of the table read so far (inclusive). */
  bottom: number;
  /** Next row to read; once `done`, the first row after the table. */
  end: number;
  done = false;
  /** An upper bound of the table's data rows (every row down to the sheet's last). */
  readonly capacity: number;
  private readonly seqAt: number;

  constructor(
    private readonly sheet: Sheet,
    from: number,
    private readonly seqCol: number,
    private readonly ixs: readonly FormIndex[],
    /** First-cell texts that may start the next table: the header labels of the forms. */
    private readonly labels: ReadonlySet<string>,
  ) {
    this.bottom = from - 1;
    this.end = from;
    this.capacity = Math.max(0, sheet.bottom - from);
    this.seqAt = seqCol - sheet.left;
  }

  /**
   * Read data rows until `max` more are found or the table ends; the cells of each go into `block` (if given)
   * from 0 on.
   * Returns how many were found (0 once the table has ended).
   */
  next(block: RowCells[] | null, max: number): number {
    if (this.done) return 0;
    const { sheet, seqCol, seqAt, labels, rows } = this;
    const values = sheet.grid.values;
    const top = sheet.top;
    let n = 0;
    let r = this.end;
    let bottom = this.bottom;
    for (; r < sheet.bottom && n < max; r++) {
      const cells = values[r - top];
      if (!cells) break; // an empty row ends the table
      // Most data rows start with their 序号, a number.
      const first = typeof cells[0] === 'number' ? 0 : firstNonEmpty(cells, 0);
      if (first < 0) break;
      const v = cells[first];
      if (typeof v === 'string') {
        const lead = compactText(v);
        if (lead && !isNumberText(lead)) {
          if (TERMINATOR_FIRST.has(lead[0]) && isTerminatorLine(lead)) break;
          if (lead.length <= MAX_HEADER_LEN && labels.has(headerKey(v)) && bestMatch(sheet, r, this.ixs)) break;
        }
      }
      bottom = r;
      // A pre-numbered template row: only its 序号 is filled.
      if (seqCol >= 0 && first === seqAt && firstNonEmpty(cells, first + 1) < 0) continue;
      rows.push(r);
      if (block !== null) block[n] = cells;
      n++;
    }
    this.bottom = bottom;
    this.end = r;
    if (n < max) this.done = true;
    return n;
  }

  /** Read the rest of the table. */
  finish(): void {
    while (this.next(null, 1 << 30) > 0);
  }
}

/** Index of the first non-empty entry of a row's cells from `from`, -1 when there is none. */
function firstNonEmpty(cells: RowCells, from: number): number {
  for (let j = from; j < cells.length; j++) if (!isEmptyValue(cells[j])) return j;
  return -1;
}
