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
import type { CellValue } from '../grid';
import { cellText } from '../normalize';
import { inspect, type IdInspection } from '../identifiers/resident-id';
import { inspect as inspectUscc, type UsccInspection } from '../identifiers/uscc';
import type { YMD } from '../table';
import type { TableContext, TableRef } from './rule';

export const ID_ROLE = 'residentId';
export const USCC_ROLE = 'uscc';

export type IdPrimary = 'missing' | 'precision-lost' | 'length' | 'format' | 'region' | 'birthdate' | 'checksum' | 'ok';

export interface IdCell {
  /** 0-based sheet row and column. */
  row: number;
  col: number;
  /** The first failing check of the precedence above, or 'ok'. */
  primary: IdPrimary;
  /** The cell holds a number (not text). */
  numeric: boolean;
  /** For a number: the digits as Excel shows them; for text: the text. */
  text: string;
  /** The parse, or null for `missing` and `precision-lost`. */
  id: IdInspection | null;
}

/** Number → the digits Excel displays (15 significant digits, the rest zeros for large integers). */
export function excelDigits(v: number): string {
  if (!Number.isInteger(v) || Math.abs(v) < 1e15) return cellText(v);
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

function readId(row: number, col: number, v: CellValue): IdCell {
  if (typeof v === 'number') {
    const text = excelDigits(v);
    if (Number.isInteger(v) && Math.abs(v) >= 1e15) return { row, col, primary: 'precision-lost', numeric: true, text, id: null };
    const id = inspect(text);
    return { row, col, primary: id.status, numeric: true, text, id };
  }
  const text = typeof v === 'string' ? v : cellText(v);
  const id = inspect(text);
  if (id.clean === '') return { row, col, primary: 'missing', numeric: false, text, id: null };
  if (id.status === 'format' && isScientific(id.clean)) return { row, col, primary: 'precision-lost', numeric: false, text, id: null };
  return { row, col, primary: id.status, numeric: false, text, id };
}

const idCache = new WeakMap<TableContext, IdCell[]>();

/** Every data row's ID cell, in row order; [] when the table has no ID column. Cached per table context. */
export function idCells(ctx: TableContext): IdCell[] {
  let cells = idCache.get(ctx);
  if (cells) return cells;
  cells = [];
  const col = ctx.col(ID_ROLE);
  if (col >= 0) for (const row of ctx.table.rows) cells.push(readId(row, col, ctx.value(row, ID_ROLE)));
  idCache.set(ctx, cells);
  return cells;
}

/** The parse of a valid ID (passes checks 1–6), else null. */
export function validId(c: IdCell): IdInspection | null {
  return c.primary === 'ok' ? c.id : null;
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

export function compareYMD(a: YMD, b: YMD): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

export function formatYMD(a: YMD): string {
  return `${String(a.y).padStart(4, '0')}-${String(a.m).padStart(2, '0')}-${String(a.d).padStart(2, '0')}`;
}

/** Completed years of age on `on` for a birth date. */
export function ageOn(birth: YMD, on: YMD): number {
  return on.y - birth.y - (on.m < birth.m || (on.m === birth.m && on.d < birth.d) ? 1 : 0);
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

/**
 * Report every later occurrence of a key against its first occurrence, across all tables of the run.
 * Message data: `sheet`, `cell` (of the first occurrence) and `file` when it is another file.
 */
export function reportDuplicates(
  refs: readonly TableRef[],
  keysOf: (ref: TableRef) => Iterable<{ key: string; row: number; col: number }>,
  report: (ref: TableRef, row: number, col: number, first: Place, otherFile: boolean) => void,
): void {
  const seen = new Map<string, Place>();
  for (const ref of refs) {
    for (const { key, row, col } of keysOf(ref)) {
      const first = seen.get(key);
      if (!first) seen.set(key, { ref, row, col });
      else report(ref, row, col, first, first.ref.file !== ref.file);
    }
  }
}
