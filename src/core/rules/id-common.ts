/**
 * Shared reading of the identity-number column (身份证号, GB 11643-1999) and the unified social credit code
 * column (统一社会信用代码, GB 32100-2015) for the `id.*` and `uscc.*` rules. Each column is read once per table
 * and cached on the table context, so every rule sees the same parse and 100,000 rows are read once.
 *
 * Precedence — one primary finding per bad identity number. For each ID cell the first of these that applies
 * is reported and the later ones are not checked:
 *
 *   1. id.missing          the cell is empty.
 *   2. id.precision-lost   the cell holds a number of 16+ digits (or text in scientific notation): the digits
 *                          after the 15th are gone, so nothing else can be said about them.
 *   3. id.format           after normalisation, neither 18 characters `\d{17}[\dX]` nor 15 digits.
 *   4. id.region  (error)  the province digits are not a province code.
 *   5. id.birthdate        the birth date is not a calendar date.
 *   6. id.checksum         the check character is wrong.
 *
 * 3–6 read the number left to right and stop at its first wrong part: a mistyped digit also breaks the check
 * character, so reporting the part that is wrong is more useful than the checksum's echo of it.
 * Only a number that passes 1–6 ("valid") gets the secondary findings, each independent of the others:
 *
 *   - id.birthdate         born after the form date (or today); id.age is then skipped.
 *   - id.age               (warning) age on the form date outside the profile's limits.
 *   - id.region            (warning) county code in no table since 2002 — never an error.
 *   - id.gender-mismatch   at the 性别 cell, when it says 男/女 and digit 17 says otherwise.
 *   - id.stored-as-number  (warning) a valid 15-digit number stored as a number; fix: its digits as text.
 *   - id.first-generation  (warning) 15 digits; fix: the 18-digit form.
 *   - id.normalized        (info) valid only after normalisation; fix: the clean form. Not reported when
 *                          id.first-generation already gives the fix.
 *
 * id.duplicate compares the 18-digit form of every number with an ID's shape (passes 1–3) whatever 4–6 say, so
 * the same mistyped number entered twice is still found; it never compares 1–2.
 * For USCC cells: empty → no finding (the column is optional); uscc.format, else uscc.checksum; uscc.duplicate
 * compares the compact form of every 18-character code from the alphabet.
 */
import { a1, type CellValue, type Sheet } from '../grid';
import { firstOccurrences, hashInts, hashString } from '../first-seen';
import { cellText } from '../normalize';
import { fillSharedColumn } from '../row-blocks';
import { compact, emptyInspection, inspect, toEighteen, calcCheckDigit, type IdInspection } from '../identifiers/resident-id';
import { isKnownCountyNumber } from '../identifiers/region';
import { inspect as inspectUscc, type UsccInspection } from '../identifiers/uscc';
import type { YMD } from '../table';
import type { RowCells, RunContext, TableContext, TableRef } from './rule';

export const ID_ROLE = 'residentId';
export const USCC_ROLE = 'uscc';

export type IdPrimary = 'missing' | 'precision-lost' | 'length' | 'format' | 'region' | 'birthdate' | 'checksum' | 'ok';

/** The statuses in precedence order; from `region` on the number has an ID's shape. */
const STATUSES: readonly IdPrimary[] = ['missing', 'precision-lost', 'length', 'format', 'region', 'birthdate', 'checksum', 'ok'];
const STATUS_CODE = Object.fromEntries(STATUSES.map((st, k) => [st, k])) as Record<IdPrimary, number>;
const MISSING = STATUS_CODE.missing;
const LOST = STATUS_CODE['precision-lost'];
const REGION = STATUS_CODE.region;
const OK = STATUS_CODE.ok;

/** Bits of IdColumn.flags. */
export const MALE = 1;
export const FOREIGN = 2;
/** The text differed from its compact form (full-width, lowercase x, spaces …). */
export const NORMALIZED = 4;
/** The cell holds a number, not text. */
export const NUMERIC = 8;
/** 15-digit first-generation number. */
export const FIFTEEN = 16;
/** A valid resident's ID whose region code is in no table since 2002 (id.region's warning). */
export const UNKNOWN_COUNTY = 32;

/** Number → the digits Excel displays (15 significant digits, the rest zeros for large integers). */
export function excelDigits(v: number): string {
  if (!Number.isInteger(v) || Math.abs(v) >= 1e21 || Math.abs(v) < 1e15) return cellText(v);
  const [mant, exp] = Math.abs(v).toPrecision(15).split('e+');
  const digits = mant.replace('.', '');
  const e = Number(exp);
  const s = e + 1 > digits.length ? digits + '0'.repeat(e + 1 - digits.length) : digits.slice(0, e + 1);
  return (v < 0 ? '-' : '') + s;
}

/** Text such as `6.54002E+17`: a long number that went through a number format or a CSV file. */
function isScientific(s: string): boolean {
  return /^\d(\.\d+)?[eE]\+?(1[5-9]|2\d)$/.test(s);
}

/**
 * The ID column of one table, parsed once (during the row pass, see idColumn): entry i is data row `rows[i]`.
 * Typed arrays only — the texts are read again from the grid for the few cells that get a finding — so 100,000
 * rows allocate nothing per row.
 */
export class IdColumn {
  /** Outcome of checks 1–6 of the precedence, as an index into STATUSES. */
  private readonly codes: Uint8Array;
  /** Birth date as yyyymmdd (0 when the shape is wrong). */
  readonly birth: Int32Array;
  /** Six-digit region code; -1 for a foreigner's ID or a wrong shape. */
  readonly county: Int32Array;
  readonly flags: Uint8Array;
  /**
   * Hash of the 18-digit form (numbers with an ID's shape), from the parsed region, birth date, sequence number
   * and check character: the duplicate check then never rereads the text.
   */
  readonly keyHash: Int32Array;
  /** Entries that fail checks 1–6 (a few in a hundred, usually), in order: the primary rules look only at these. */
  readonly failed: number[] = [];
  /**
   * Valid entries written as a number, in 15 digits, needing normalisation or with an unknown county
   * (NUMERIC | FIFTEEN | NORMALIZED | UNKNOWN_COUNTY).
   */
  readonly marked: number[] = [];
  private readonly grid: readonly (readonly CellValue[] | undefined)[];
  private readonly top: number;
  private readonly j: number;

  constructor(
    /** 0-based sheet rows, in order (the table's: it grows during the row pass). */
    readonly rows: readonly number[],
    /** 0-based sheet column of the IDs. */
    readonly col: number,
    sheet: Sheet | null,
    /** At least the number of rows (TableContext.rowCapacity). */
    n: number = rows.length,
  ) {
    // Only typed arrays per row: the texts are read again from the grid for the few cells that get a finding.
    this.codes = new Uint8Array(n);
    this.birth = new Int32Array(n);
    this.county = new Int32Array(n).fill(-1);
    this.flags = new Uint8Array(n);
    this.keyHash = new Int32Array(n);
    this.grid = sheet === null ? [] : sheet.grid.values;
    this.top = sheet === null ? 0 : sheet.top;
    this.j = sheet === null ? 0 : col - sheet.left;
  }


  /** Parse the entries of a block of the row pass (see RowVisitor): the rows are read once for all rules. */
  fill(block: readonly RowCells[], first: number, count: number): void {
    const r = this.scratch;
    const j = this.j;
    for (let k = 0; k < count; k++) this.parse(first + k, block[k][j] ?? null, r);
  }

  private readonly scratch = emptyInspection();
  /** The check character of the entries that fail id.checksum, kept from the parse (few entries). */
  private readonly expectedAt = new Map<number, string>();

  private parse(i: number, v: CellValue, r: IdInspection): void {
    let text: string;
    let numeric = false;
    if (typeof v === 'string') text = v;
    else if (typeof v === 'number') {
      text = excelDigits(v);
      numeric = true;
      if (Number.isInteger(v) && Math.abs(v) >= 1e15) {
        this.codes[i] = LOST;
        this.flags[i] = NUMERIC;
        this.failed.push(i);
        return;
      }
    } else text = cellText(v);
    inspect(text, r);
    if (r.clean === '') {
      this.codes[i] = MISSING;
      this.failed.push(i);
      return;
    }
    if (r.status === 'format' && isScientific(r.clean)) {
      this.codes[i] = LOST;
      this.failed.push(i);
      return;
    }
    const ok = r.status === 'ok';
    this.codes[i] = ok ? OK : STATUS_CODE[r.status];
    if (!ok) {
      this.failed.push(i);
      if (r.status === 'checksum') this.expectedAt.set(i, r.expected);
    }
    if (r.length === 0) return;
    this.birth[i] = r.y * 10000 + r.m * 100 + r.d;
    this.county[i] = r.county;
    this.flags[i] =
      (r.male ? MALE : 0) |
      (r.foreign ? FOREIGN : 0) |
      (r.normalized ? NORMALIZED : 0) |
      (numeric ? NUMERIC : 0) |
      (r.length === 15 ? FIFTEEN : 0) |
      (ok && !r.foreign && !isKnownCountyNumber(r.county) ? UNKNOWN_COUNTY : 0);
    // Digits 15–18 of the 18-digit form: sequence number and check character (X as 10). With the region
    // (a foreigner's: -1), the birth date and this, equal 18-digit forms hash equal.
    const k = r.canonical;
    const check = k.charCodeAt(17) - 48;
    const tail = ((k.charCodeAt(14) - 48) * 100 + (k.charCodeAt(15) - 48) * 10 + (k.charCodeAt(16) - 48)) * 16 + (check === 40 ? 10 : check);
    this.keyHash[i] = hashInts(r.county, this.birth[i], tail);
    if (ok && (this.flags[i] & (NUMERIC | FIFTEEN | NORMALIZED | UNKNOWN_COUNTY)) !== 0) this.marked.push(i);
  }

  /** Number of entries: the table's data rows (all of them once the row pass is over). */
  get size(): number {
    return this.rows.length;
  }

  private value(i: number): CellValue {
    const cells = this.grid[this.rows[i] - this.top];
    return cells === undefined ? null : (cells[this.j] ?? null);
  }

  /** Outcome of checks 1–6 of the precedence. */
  status(i: number): IdPrimary {
    return STATUSES[this.codes[i]];
  }

  /** The cell as text: the string itself, or a number's digits as Excel shows them. */
  text(i: number): string {
    const v = this.value(i);
    return typeof v === 'string' ? v : typeof v === 'number' ? excelDigits(v) : cellText(v);
  }

  /** Compact text ('' for missing and precision-lost). */
  clean(i: number): string {
    const c = this.codes[i];
    return c === MISSING || c === LOST ? '' : compact(this.text(i));
  }

  /** Passes checks 1–6: the secondary rules look only at these. */
  isValid(i: number): boolean {
    return this.codes[i] === OK;
  }

  /** The duplicate keys' hashes of the numbers with an ID's shape (see KeyedColumn.hashInto). */
  hashInto(hashes: Int32Array, has: Uint8Array, at: number): void {
    const { codes, keyHash } = this;
    for (let i = 0; i < this.size; i++) {
      if (codes[i] < REGION) continue;
      has[at + i] = 1;
      hashes[at + i] = keyHash[i];
    }
  }

  /** Has an ID's shape (passes 1–3). */
  hasShape(i: number): boolean {
    return this.codes[i] >= REGION;
  }

  is(i: number, flag: number): boolean {
    return (this.flags[i] & flag) !== 0;
  }

  /** 18-digit form ('' without an ID's shape): the duplicate key. */
  canonical(i: number): string {
    if (!this.hasShape(i)) return '';
    return this.flags[i] & FIFTEEN ? toEighteen(this.clean(i)) : this.clean(i);
  }

  /** Check character the first 17 digits require (18-digit numbers). */
  expected(i: number): string {
    return this.expectedAt.get(i) ?? calcCheckDigit(this.clean(i).slice(0, 17));
  }

  birthYMD(i: number): YMD {
    const b = this.birth[i];
    return { y: Math.floor(b / 10000), m: Math.floor(b / 100) % 100, d: b % 100 };
  }

}

const idCache = new WeakMap<TableContext, IdColumn>();

/**
 * The table's ID column, parsed once per table context (size 0 when the table has no ID column). Asked for in a
 * rule's `check`, it is filled during the row pass (before the rules' visitors see each block), so its entries
 * may be read in the rule's visitor — for the rows of the block — or in its `end`; asked for after the row pass,
 * it is filled at once.
 */
export function idColumn(ctx: TableContext): IdColumn {
  let c = idCache.get(ctx);
  if (!c) {
    const col = ctx.col(ID_ROLE);
    if (col < 0) c = new IdColumn([], -1, null);
    else {
      const made = new IdColumn(ctx.table.rows, col, ctx.sheet, ctx.rowCapacity);
      fillSharedColumn(ctx, (block, first, count) => made.fill(block, first, count));
      c = made;
    }
    idCache.set(ctx, c);
  }
  return c;
}

export interface UsccCell {
  row: number;
  col: number;
  /** 'precision-lost': a number of 16+ digits. */
  status: 'empty' | 'precision-lost' | UsccInspection['status'];
  text: string;
  code: UsccInspection | null;
}

const usccCache = new WeakMap<TableContext, UsccCell[]>();

/** Every data row's USCC cell; [] when the table has no USCC column. Cached per table context. */
export function usccCells(ctx: TableContext): UsccCell[] {
  let cells = usccCache.get(ctx);
  if (cells) return cells;
  cells = [];
  const col = ctx.col(USCC_ROLE);
  if (col >= 0) {
    for (const row of ctx.table.rows) {
      const v = ctx.value(row, USCC_ROLE);
      if (typeof v === 'number' && Number.isInteger(v) && Math.abs(v) >= 1e15) {
        cells.push({ row, col, status: 'precision-lost', text: excelDigits(v), code: null });
        continue;
      }
      const text = typeof v === 'number' ? excelDigits(v) : typeof v === 'string' ? v : cellText(v);
      const code = inspectUscc(text);
      cells.push({ row, col, status: code.clean === '' ? 'empty' : code.status, text, code });
    }
  }
  usccCache.set(ctx, cells);
  return cells;
}

// ---- dates ----

/** yyyymmdd as one number, for comparing with IdColumn.birth. */
export function ymdNumber(a: YMD): number {
  return a.y * 10000 + a.m * 100 + a.d;
}

export function formatYMD(a: YMD): string {
  return `${String(a.y).padStart(4, '0')}-${String(a.m).padStart(2, '0')}-${String(a.d).padStart(2, '0')}`;
}

/** True when the table's reference date is its own 填表日期 (not today). */
export function hasFormDate(ctx: TableContext): boolean {
  return ctx.table.title?.formDate != null;
}

// ---- duplicates ----

export interface Place {
  ref: TableRef;
  row: number;
  col: number;
}

/** What duplicate detection needs of a table's column: entry i's key ('' = not compared) and its cell. */
export interface KeyedColumn {
  readonly size: number;
  key(i: number): string;
  /**
   * Writes, for each entry i, has[at + i] = 1 when key(i) is not '' and hashes[at + i] = a 32-bit hash of key(i)
   * (equal keys hash equal).
   */
  hashInto(hashes: Int32Array, has: Uint8Array, at: number): void;
  row(i: number): number;
  col(i: number): number;
}

export function idKeys(c: IdColumn): KeyedColumn {
  return { size: c.size, key: (i) => c.canonical(i), hashInto: (hashes, has, at) => c.hashInto(hashes, has, at), row: (i) => c.rows[i], col: () => c.col };
}

export function usccKeys(cells: readonly UsccCell[]): KeyedColumn {
  const key = (i: number) => {
    const c = cells[i];
    return c.code && (c.status === 'ok' || c.status === 'checksum') ? c.code.clean : '';
  };
  return {
    size: cells.length,
    key,
    hashInto: (hashes, has, at) => {
      for (let i = 0; i < cells.length; i++) {
        const k = key(i);
        if (k === '') continue;
        has[at + i] = 1;
        hashes[at + i] = hashString(k);
      }
    },
    row: (i) => cells[i].row,
    col: (i) => cells[i].col,
  };
}

/**
 * Report every later occurrence of a key against its first occurrence, across all tables of the run (in run
 * order). One entry per distinct key, holding its first position packed into a number (no per-row objects).
 */
export function reportDuplicates(
  refs: readonly TableRef[],
  columnOf: (ref: TableRef) => KeyedColumn,
  report: (ref: TableRef, row: number, col: number, first: Place, otherFile: boolean) => void,
): void {
  const columns = refs.map(columnOf);
  // The entries of every table in run order: table t's entry i is number start[t] + i.
  const start: number[] = [];
  let total = 0;
  for (const c of columns) {
    start.push(total);
    total += c.size;
  }
  const tableOf = new Int32Array(total);
  const hashes = new Int32Array(total);
  const has = new Uint8Array(total);
  for (let t = 0; t < columns.length; t++) {
    tableOf.fill(t, start[t], start[t] + columns[t].size);
    columns[t].hashInto(hashes, has, start[t]);
  }
  const keyAt = (e: number) => columns[tableOf[e]].key(e - start[tableOf[e]]);
  const first = firstOccurrences(hashes, has, total, (a, b) => keyAt(a) === keyAt(b));
  for (let e = 0; e < total; e++) {
    const f = first[e];
    if (f < 0) continue;
    const t = tableOf[e];
    const ft = tableOf[f];
    const fi = f - start[ft];
    const place: Place = { ref: refs[ft], row: columns[ft].row(fi), col: columns[ft].col(fi) };
    report(refs[t], columns[t].row(e - start[t]), columns[t].col(e - start[t]), place, refs[ft].file !== refs[t].file);
  }
}

/**
 * The body of id.duplicate and uscc.duplicate: every later occurrence of a key is reported against the first,
 * with the rule's `duplicate` / `duplicateOtherFile` messages naming the first place.
 */
export function reportDuplicateCells(run: RunContext, columnOf: (ref: TableRef) => KeyedColumn): void {
  reportDuplicates(run.tables, columnOf, (ref, row, col, first, otherFile) => {
    run.report(ref, {
      row,
      col,
      messageId: otherFile ? 'duplicateOtherFile' : 'duplicate',
      data: { file: first.ref.file, sheet: first.ref.sheet.name, cell: a1(first.row, first.col) },
      fix: null,
    });
  });
}
