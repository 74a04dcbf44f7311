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
import { compactText, headerKey } from './normalize';
import { Sheet, isEmptyValue } from './grid';
import type { RowCells, RowSource } from './row-blocks';
import type { FormDef } from './forms/form';
import type { LocatedTable, TitleInfo } from './table';
import { categoryFrom, parseTitleLine } from './title-line';

export { categoryFrom, parseChineseDate } from './title-line';

interface FormIndex {
  form: FormDef;
  /** header key → role */
  keys: Map<string, string>;
  /** header key → roles, for combined columns (`工作单位及职务`) */
  multi: Map<string, readonly string[]>;
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
    const multi = new Map<string, readonly string[]>();
    for (const c of form.combined ?? []) {
      const k = headerKey(c.label);
      multi.set(k, c.roles);
      if (!keys.has(k)) keys.set(k, c.roles[0]);
    }
    ix = { form, keys, multi };
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

/** Columns `lo` … `hi` − 1 of a row matched against one form (the whole row by default). */
function matchRow(sheet: Sheet, row: number, ix: FormIndex, lo = sheet.left, hi = sheet.right): HeaderMatch | null {
  const columns: Record<string, number> = {};
  let count = 0;
  for (let c = lo; c < hi; c++) {
    const k = keyAt(sheet, row, c);
    if (!k) continue;
    const roles = ix.multi.get(k);
    if (roles) {
      // A combined column serves each of its roles that no column of its own has taken.
      let took = false;
      for (const r of roles)
        if (!(r in columns)) {
          columns[r] = c;
          took = true;
        }
      if (took) count++;
      continue;
    }
    const role = ix.keys.get(k);
    if (role && !(role in columns)) {
      columns[role] = c;
      count++;
    }
  }
  // A label split over two rows (`政治` above `面貌`), or a sub-column under a merged parent. The first row
  // must already look like a header on its own, so a title line above a header is never taken for one.
  let headerRows = 1;
  if (count >= 2 && row + 1 < sheet.bottom) {
    let added = 0;
    let dataLike = false;
    const extra: Record<string, number> = {};
    for (let c = lo; c < hi; c++) {
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

function bestMatch(sheet: Sheet, row: number, forms: readonly FormIndex[], lo = sheet.left, hi = sheet.right): HeaderMatch | null {
  let best: HeaderMatch | null = null;
  for (const ix of forms) {
    const m = matchRow(sheet, row, ix, lo, hi);
    if (m && (!best || m.count > best.count)) best = m;
  }
  return best;
}

/** True when a row holds a text cell that is not blank. */
function hasText(cells: RowCells | undefined): boolean {
  if (!cells) return false;
  for (let j = 0; j < cells.length; j++) {
    const v = cells[j];
    if (typeof v === 'string' && !isEmptyValue(v)) return true;
  }
  return false;
}

/** How many cells of a row are header labels of some form (a header row has at least two). */
function labelCells(sheet: Sheet, row: number, labels: ReadonlySet<string>, atLeast: number): boolean {
  const cells = sheet.grid.values[row - sheet.top];
  if (!cells) return false;
  let n = 0;
  for (let j = 0; j < cells.length; j++) {
    const v = cells[j];
    if (typeof v !== 'string' || v.length > MAX_HEADER_LEN) continue;
    if (labels.has(headerKey(v)) && ++n >= atLeast) return true;
  }
  return false;
}

/**
 * Tables side by side (SPEC §2): two tables whose headers share a row (collectives A–H, individuals J–U). The row
 * is cut where a second 序号 starts a table, or else at columns empty in the header and the rows under it; when
 * at least two pieces are headers on their own, each is a table.
 */
function matchSideBySide(sheet: Sheet, row: number, forms: readonly FormIndex[], seqKeys: ReadonlySet<string>): HeaderMatch[] | null {
  const cuts: number[][] = [];
  const seqAt: number[] = [];
  for (let c = sheet.left; c < sheet.right; c++) if (seqKeys.has(keyAt(sheet, row, c))) seqAt.push(c);
  if (seqAt.length >= 2) cuts.push(seqAt.slice(1));
  const gaps: number[] = [];
  let inTable = false;
  for (let c = sheet.left; c < sheet.right; c++) {
    let empty = true;
    for (let r = row; r < Math.min(row + 3, sheet.bottom) && empty; r++) if (!isEmptyValue(sheet.value(r, c))) empty = false;
    if (empty && inTable) gaps.push(c);
    if (!empty) inTable = true;
  }
  if (gaps.length > 0) cuts.push(gaps);
  for (const at of cuts) {
    const bounds = [sheet.left, ...at, sheet.right];
    const found: HeaderMatch[] = [];
    for (let i = 0; i + 1 < bounds.length; i++) {
      const m = bounds[i + 1] > bounds[i] ? bestMatch(sheet, row, forms, bounds[i], bounds[i + 1]) : null;
      if (m) found.push(m);
    }
    if (found.length >= 2) return found;
  }
  return null;
}

/** First non-empty cell of a row, as compact text ('' when it is not text). */
export function leadingText(sheet: Sheet, row: number): string {
  for (let c = sheet.left; c < sheet.right; c++) {
    const v = sheet.value(row, c);
    if (!isEmptyValue(v)) return typeof v === 'string' ? compactText(v) : '';
  }
  return '';
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
  const seqKeys = new Set<string>();
  for (const ix of ixs)
    for (const [k, role] of ix.keys) {
      labels.add(k);
      if (role === 'seq') seqKeys.add(k);
    }
  const tables: LocatedTable[] = [];
  let title: TitleInfo | null = null;
  let section: string | null = null;
  let sheetCategory: string | null = categoryFrom(sheet.name);
  let row = sheet.top;
  const values = sheet.grid.values;
  while (row < sheet.bottom) {
    // Headers, titles and section lines are text: a row without any (numbers of a helper column down to row
    // 1,048,576) is passed over at the cost of one look at each of its cells.
    if (!hasText(values[row - sheet.top])) {
      row++;
      continue;
    }
    // A header row names at least two columns of some form: rows that do not skip the full match.
    const match = labelCells(sheet, row, labels, 2) ? bestMatch(sheet, row, ixs) : null;
    if (!match) {
      const lead = leadingText(sheet, row);
      if (lead) {
        if (!title && tables.length === 0) title = parseTitleLine(sheet, row) ?? title;
        else if (title && title.formDateText === null && tables.length === 0) {
          // 填表日期 on a line of its own under the 推荐单位 line.
          const more = parseTitleLine(sheet, row);
          if (more?.formDateText) title = Object.assign({}, title as TitleInfo, { formDateText: more.formDateText, formDate: more.formDate });
        }
        const cat = categoryFrom(lead);
        if (SECTION.test(lead)) section = cat;
        else if (cat && tables.length === 0 && !sheetCategory) sheetCategory = cat;
      }
      row++;
      continue;
    }
    const matches = matchSideBySide(sheet, row, ixs, seqKeys) ?? [match];
    let end = row + 1;
    for (const m of matches) {
      const cols = Object.values(m.columns);
      const left = Math.min(...cols);
      const right = Math.max(...cols);
      const scanner = new RowScanner(sheet, row + m.headerRows, m, left, right, ixs, labels);
      const missing = m.form.columns.filter((c) => c.required && !(c.role in m.columns)).map((c) => c.role);
      const table: LocatedTable = {
        kind: m.form.kind,
        form: m.form,
        sheet: sheet.name,
        headerRow: row,
        headerRows: m.headerRows,
        columns: m.columns,
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
      end = Math.max(end, scanner.end);
    }
    section = null;
    row = end;
  }
  return tables;
}

/** 小计 / 合计 / 总计 (地州市小计, 合  计, 总计：): a row so labelled is not a nominee (SPEC §2). */
const TOTAL_ROW = /^[^\d]{0,10}(小计|合计|总计|共计)([:：]?\d*(人|个|项|家|名)?)?$/;
export function isTotalRowLabel(text: string): boolean {
  return text.length <= 16 && TOTAL_ROW.test(text);
}

/** Lines between the pages of a table typed again (表格可加页): 续表, （续）, 第2页, 共3页. */
const PAGE_LINE = /^[(（]?续(表|上表|前表)?[)）]?|^第\d+页|^共\d+页|^-?\d+-?$/;
/** A title line repeated on the next page with 续: `二、先进个人推荐对象汇总表（续）`, `续表：…`. */
function isPageLine(lead: string): boolean {
  return PAGE_LINE.test(lead) || (lead.length <= 40 && /[(（]续[)）]|续表|（续$|\(续$/.test(lead));
}

/**
 * Reads the data rows of a table whose header ends above `from`: up to an empty row, a footnote, signature or
 * section line, or the next header. Only the table's own columns count (a helper column beside it adds no rows).
 * The table's header typed again (page 2, 3 …, with empty rows or a 续表 line before it) is a page break: its
 * rows are read on. 小计 / 合计 / 总计 rows are part of the table but not data rows (unless the form keeps them).
 * `rows` grows as rows are read; `end` is then the first row after the table. Each row's array is read once
 * (100,000-row tables).
 */
export class RowScanner implements RowSource {
  /** Data rows (0-based sheet rows) read so far, in order; template rows holding only a 序号 are left out. */
  readonly rows: number[] = [];
  /** Header rows typed again inside the table (page breaks), 0-based sheet rows of their first row. */
  readonly pageBreaks: number[] = [];
  /** Last row of the table read so far (inclusive). */
  bottom: number;
  /** Next row to read; once `done`, the first row after the table. */
  end: number;
  done = false;
  /** An upper bound of the table's data rows (every row down to the sheet's last). */
  readonly capacity: number;
  private readonly seqAt: number;
  /** The table's columns as indices into a row's cells: lo … hi inclusive. */
  private readonly lo: number;
  private readonly hi: number;
  private readonly skipTotals: boolean;
  private readonly own: FormIndex;

  constructor(
    private readonly sheet: Sheet,
    from: number,
    private readonly match: HeaderMatch,
    private readonly left: number,
    private readonly right: number,
    private readonly ixs: readonly FormIndex[],
    /** First-cell texts that may start the next table: the header labels of the forms. */
    private readonly labels: ReadonlySet<string>,
  ) {
    this.bottom = from - 1;
    this.end = from;
    this.capacity = Math.max(0, sheet.bottom - from);
    const seqCol = match.columns.seq ?? -1;
    this.seqAt = seqCol < 0 ? -1 : seqCol - sheet.left;
    this.lo = left - sheet.left;
    this.hi = right - sheet.left;
    this.skipTotals = match.form.totalRows !== 'keep';
    this.own = indexForm(match.form);
  }

  /** The table's header typed again at `r` (same form, same columns): the number of header rows, else 0. */
  private repeatedHeader(r: number): number {
    const m = matchRow(this.sheet, r, this.own, this.left, this.right + 1);
    if (!m) return 0;
    for (const role of Object.keys(this.match.columns)) if (m.columns[role] !== undefined && m.columns[role] !== this.match.columns[role]) return 0;
    return m.headerRows;
  }

  /**
   * After an empty row (or a 续表 line) at `r`: the first row of the next page when the header is typed again within
   * a few rows, else -1.
   */
  private nextPage(r: number): number {
    const { sheet, lo, hi } = this;
    for (let k = r; k < Math.min(r + 6, sheet.bottom); k++) {
      const cells = sheet.grid.values[k - sheet.top];
      const first = cells ? firstNonEmpty(cells, lo, hi) : -1;
      if (first < 0) continue;
      const v = cells[first];
      if (typeof v !== 'string') return -1;
      const lead = compactText(v);
      if (isPageLine(lead) || /推荐单位|填表日期/.test(lead)) continue;
      if (lead.length > MAX_HEADER_LEN || !this.labels.has(headerKey(v))) return -1;
      const n = this.repeatedHeader(k);
      if (n === 0) return -1;
      this.pageBreaks.push(k);
      return k + n;
    }
    return -1;
  }

  /**
   * Read data rows until `max` more are found or the table ends; the cells of each go into `block` (if given)
   * from 0 on.
   * Returns how many were found (0 once the table has ended).
   */
  next(block: RowCells[] | null, max: number): number {
    if (this.done) return 0;
    const { sheet, seqAt, labels, rows, lo, hi } = this;
    const values = sheet.grid.values;
    const top = sheet.top;
    let n = 0;
    let r = this.end;
    let bottom = this.bottom;
    for (; r < sheet.bottom && n < max; r++) {
      const cells = values[r - top];
      // Most data rows start with their 序号, a number.
      const first = !cells ? -1 : typeof cells[lo] === 'number' ? lo : firstNonEmpty(cells, lo, hi);
      if (first < 0) {
        // An empty row ends the table, unless the header follows again (the next page).
        const page = this.nextPage(r + 1);
        if (page < 0) break;
        r = page - 1;
        continue;
      }
      const v = cells[first];
      if (typeof v === 'string') {
        const lead = compactText(v);
        if (lead && !isNumberText(lead)) {
          if (isPageLine(lead)) {
            const page = this.nextPage(r + 1);
            if (page >= 0) {
              r = page - 1;
              continue;
            }
          }
          if (TERMINATOR_FIRST.has(lead[0]) && isTerminatorLine(lead)) break;
          if (lead.length <= MAX_HEADER_LEN && labels.has(headerKey(v))) {
            const again = this.repeatedHeader(r);
            if (again > 0) {
              this.pageBreaks.push(r);
              r += again - 1;
              continue;
            }
            if (bestMatch(sheet, r, this.ixs, this.left, this.right + 1)) break;
          }
        }
      }
      bottom = r;
      if (this.skipTotals && isTotalRow(cells, first, hi)) continue;
      // A pre-numbered template row: only its 序号 is filled.
      if (seqAt >= 0 && first === seqAt && firstNonEmpty(cells, first + 1, hi) < 0) continue;
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

/** A 小计 / 合计 / 总计 row: one of its first two text cells (序号 or the name column) says so. */
function isTotalRow(cells: RowCells, first: number, hi: number): boolean {
  let seen = 0;
  for (let j = first; j <= hi && j < cells.length && seen < 2; j++) {
    const v = cells[j];
    if (isEmptyValue(v)) continue;
    seen++;
    // Every label ends in 计: one character search per name cell before any normalising.
    if (typeof v === 'string' && v.length <= 24 && v.indexOf('计') >= 0 && isTotalRowLabel(compactText(v))) return true;
  }
  return false;
}

/** Index of the first non-empty entry of a row's cells from `from` to `to` (inclusive), -1 when there is none. */
function firstNonEmpty(cells: RowCells, from: number, to: number): number {
  const end = Math.min(cells.length - 1, to);
  for (let j = from; j <= end; j++) if (!isEmptyValue(cells[j])) return j;
  return -1;
}
