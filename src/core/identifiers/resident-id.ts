/**
 * 居民身份证号码 — Citizen identity number of the People's Republic of China, GB 11643-1999.
 *
 * Eighteen characters:
 *
 *     6 5 4 0 0 2 | 1 9 9 0 0 1 0 1 | 0 0 3 | X
 *     region      | birth date      | seq   | check
 *
 * - positions 1–6: the GB/T 2260 code of the county where the holder was first registered. It is kept for life,
 *   so codes of abolished counties remain valid; the first two digits are the province (see ./region.ts).
 * - positions 7–14: date of birth, YYYYMMDD. Years before 1900 are legal: the standard's own example is
 *   440524188001010014.
 * - positions 15–17: sequence number among people of the same region and birth date; the 17th digit is odd for
 *   men and even for women.
 * - position 18: check character, ISO 7064 MOD 11-2: Σ aᵢ·wᵢ over the first 17 digits with weights
 *   wᵢ = 2^(18−i) mod 11 = 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, then `10X98765432`[Σ mod 11].
 *
 * First-generation numbers (1984 onwards, GB 11643-1989) have 15 digits: the year has two digits and there is no
 * check character. The 18-digit form inserts `19` before the year and appends the check character.
 *
 * The 2023 Foreigner's Permanent Residence ID Card (外国人永久居留身份证) uses the same 18-character layout with
 * a different first block: `9`, the two-digit province of issue, a three-digit country code; birth date,
 * sequence and check character follow as above.
 *
 * Module shape after python-stdnum: compact / calcCheckDigit / validate / isValid / format, plus the components
 * (birthDate, gender), conversion from 15 digits, masking for public notices, and `inspect`, a non-throwing
 * single-pass reader used by the rules on 100,000-row sheets.
 */
import { isKnownCountyNumber, isProvinceNumber } from './region';

export type ResidentIdReason = 'length' | 'format' | 'checksum' | 'birthdate' | 'region';

/** Thrown by `validate` and the component readers; `reason` says which part of the number is wrong. */
export class InvalidResidentIdError extends Error {
  constructor(
    readonly reason: ResidentIdReason,
    message: string,
    /** For `checksum`: the check character the first 17 digits require. */
    readonly expected?: string,
  ) {
    super(message);
    this.name = 'InvalidResidentIdError';
  }
}

export interface BirthDate {
  y: number;
  m: number;
  d: number;
}

/** Dates before this year are treated as typing errors (nobody holding an ID was born earlier). */
export const MIN_BIRTH_YEAR = 1800;

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
const CHECK_CODES = Array.from(CHECK_CHARS, (c) => c.charCodeAt(0));

/**
 * What one character becomes in the compact form: its (half-width) code, or -1 to drop it.
 * Full-width forms become ASCII, lowercase x becomes X; whitespace, hyphens/dashes and zero-width characters
 * are dropped. Anything else is kept as is (and fails the format check later).
 */
function compactChar(c: number): number {
  if (c >= 48 && c <= 57) return c;
  if (c === 88) return c; // X
  if (c === 120) return 88; // x
  if (c >= 0xff01 && c <= 0xff5e) {
    const h = c - 0xfee0;
    return h === 120 ? 88 : h === 45 ? -1 : h; // ｘ → X, full-width hyphen dropped
  }
  switch (c) {
    case 32: case 9: case 10: case 13: case 0xa0: case 0x3000: // spaces, tab, line breaks, NBSP, ideographic space
    case 0x200b: case 0x200c: case 0x200d: case 0x2060: case 0xfeff: // zero-width
    case 45: case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212: case 0xfe63:
      return -1;
  }
  return c;
}

/** True when `s` is already an 18-char `\d{17}[\dX]` or 15-digit string: nothing to compact. */
function isCleanShape(s: string): boolean {
  const n = s.length;
  if (n !== 18 && n !== 15) return false;
  for (let i = 0; i < n - 1; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  const last = s.charCodeAt(n - 1);
  return (last >= 48 && last <= 57) || (last === 88 && n === 18);
}

/**
 * Normalised form: full-width → half-width, spaces / hyphens / zero-width characters removed, `x` → `X`.
 * `４４０５２４ １８８００１０１００１ｘ` → `44052418800101001X`.
 */
export function compact(s: string): string {
  return isCleanShape(s) ? s : compactSlow(s);
}

function compactSlow(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = compactChar(s.charCodeAt(i));
    if (c >= 0) out += String.fromCharCode(c);
  }
  return out;
}

/** Check character (`0`–`9` or `X`) of the first 17 digits, ISO 7064 MOD 11-2. */
export function calcCheckDigit(first17: string): string {
  if (first17.length !== 17) throw new InvalidResidentIdError('length', `expected 17 digits, got ${first17.length}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const d = first17.charCodeAt(i) - 48;
    if (d < 0 || d > 9) throw new InvalidResidentIdError('format', `not a digit at position ${i + 1}`);
    sum += d * WEIGHTS[i];
  }
  return CHECK_CHARS[sum % 11];
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const MONTH_DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True when y-m-d is a calendar date (proleptic Gregorian) with y ≥ MIN_BIRTH_YEAR. */
export function isCalendarDate(y: number, m: number, d: number): boolean {
  if (y < MIN_BIRTH_YEAR || m < 1 || m > 12 || d < 1) return false;
  return d <= (m === 2 && isLeap(y) ? 29 : MONTH_DAYS[m]);
}

/** Outcome of `inspect`, in the order the checks run (left to right through the number). */
export type IdStatus = 'ok' | 'length' | 'format' | 'region' | 'birthdate' | 'checksum';

/** Everything the rules need to know about one ID cell, read in one pass. */
export interface IdInspection {
  /** The input as given. */
  raw: string;
  /** Compact form (see `compact`); '' for an empty or blank cell. */
  clean: string;
  /** True when `clean` differs from `raw` (full-width digits, lowercase x, spaces, hyphens, zero-width …). */
  normalized: boolean;
  /** 18 or 15 when `clean` has an ID's shape, else 0. */
  length: 0 | 15 | 18;
  /** First failing check, or 'ok'. `length`/`format`: not an ID's shape (then the fields below are zero). */
  status: IdStatus;
  /** 2023 foreigner's permanent residence ID (first digit 9). */
  foreign: boolean;
  /** Province number (digits 1–2; for a foreigner's ID the province of issue, digits 2–3). */
  province: number;
  /** Six-digit region code as a number; -1 for a foreigner's ID. */
  county: number;
  y: number;
  m: number;
  d: number;
  /** Digit 17 (18-digit) or 15 (15-digit) is odd. */
  male: boolean;
  /** Check character required by the first 17 digits (18-digit form), '' otherwise. */
  expected: string;
  /** The 18-digit form (15-digit numbers converted) when the shape is right, else ''. Duplicate key. */
  canonical: string;
}

/** A blank inspection, for callers that pass a reusable object to `inspect`. */
export function emptyInspection(): IdInspection {
  return {
    raw: '', clean: '', normalized: false, length: 0, status: 'length', foreign: false,
    province: 0, county: 0, y: 0, m: 0, d: 0, male: false, expected: '', canonical: '',
  };
}

function notAnId(out: IdInspection, raw: string, clean: string, status: 'length' | 'format'): IdInspection {
  out.raw = raw;
  out.clean = clean;
  out.normalized = clean !== raw;
  out.length = 0;
  out.status = status;
  out.foreign = false;
  out.province = 0;
  out.county = 0;
  out.y = 0;
  out.m = 0;
  out.d = 0;
  out.male = false;
  out.expected = '';
  out.canonical = '';
  return out;
}

/**
 * Read an ID cell's text without throwing. Status precedence: length/format → region (province) → birthdate
 * (calendar) → checksum. The county code and the date relative to a form date are left to the caller.
 * An all-ASCII, already clean value takes a loop over its characters and no string building; pass `into` (a
 * reusable object, see emptyInspection) to read a whole column without allocating per row.
 */
export function inspect(raw: string, into?: IdInspection): IdInspection {
  const out = into ?? emptyInspection();
  const clean = isCleanShape(raw) ? raw : compactSlow(raw);
  const n = clean.length;
  if (n === 0) return notAnId(out, raw, clean, 'length');
  // One pass: shape and the weighted sum of the first 17 digits. 18 = 17 digits + digit/X, 15 = 15 digits.
  // Only digits and X but a wrong count → 'length'; any other character, or an X before the end → 'format'.
  let xAt = -1;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const c = clean.charCodeAt(i) - 48;
    if (c >= 0 && c <= 9) {
      if (i < 17) sum += c * WEIGHTS[i];
      continue;
    }
    if (c !== 40 || xAt >= 0) return notAnId(out, raw, clean, 'format'); // 40 = 'X' - '0'
    xAt = i;
  }
  if (xAt >= 0 && xAt !== n - 1) return notAnId(out, raw, clean, 'format');
  if (n !== 18 && n !== 15) return notAnId(out, raw, clean, 'length');
  if (n === 15 && xAt >= 0) return notAnId(out, raw, clean, 'format');

  const c0 = clean.charCodeAt(0) - 48;
  const c1 = clean.charCodeAt(1) - 48;
  const c2 = clean.charCodeAt(2) - 48;
  let status: IdStatus = 'ok';
  let foreign = false;
  let province: number;
  let county = -1;
  if (n === 18 && c0 === 9) {
    foreign = true;
    province = c1 * 10 + c2;
  } else {
    province = c0 * 10 + c1;
    county =
      province * 10000 +
      c2 * 1000 +
      (clean.charCodeAt(3) - 48) * 100 +
      (clean.charCodeAt(4) - 48) * 10 +
      (clean.charCodeAt(5) - 48);
  }
  if (!isProvinceNumber(province)) status = 'region';

  // Birth date starts at index 6; a 15-digit number has a two-digit year in the 1900s.
  let y: number;
  let p: number;
  if (n === 18) {
    y = (clean.charCodeAt(6) - 48) * 1000 + (clean.charCodeAt(7) - 48) * 100 + (clean.charCodeAt(8) - 48) * 10 + (clean.charCodeAt(9) - 48);
    p = 10;
  } else {
    y = 1900 + (clean.charCodeAt(6) - 48) * 10 + (clean.charCodeAt(7) - 48);
    p = 8;
  }
  const m = (clean.charCodeAt(p) - 48) * 10 + (clean.charCodeAt(p + 1) - 48);
  const d = (clean.charCodeAt(p + 2) - 48) * 10 + (clean.charCodeAt(p + 3) - 48);
  if (status === 'ok' && !isCalendarDate(y, m, d)) status = 'birthdate';

  const male = ((n === 18 ? clean.charCodeAt(16) : clean.charCodeAt(14)) & 1) === 1;
  let expected = '';
  let canonical: string;
  if (n === 18) {
    const k = sum % 11;
    expected = CHECK_CHARS[k];
    if (status === 'ok' && clean.charCodeAt(17) !== CHECK_CODES[k]) status = 'checksum';
    canonical = clean;
  } else {
    const first17 = clean.slice(0, 6) + '19' + clean.slice(6);
    canonical = first17 + calcCheckDigit(first17);
  }
  out.raw = raw;
  out.clean = clean;
  out.normalized = clean !== raw;
  out.length = n;
  out.status = status;
  out.foreign = foreign;
  out.province = province;
  out.county = county;
  out.y = y;
  out.m = m;
  out.d = d;
  out.male = male;
  out.expected = expected;
  out.canonical = canonical;
  return out;
}

/** True when the region code of an inspected ID is in the region table (current or historic). */
export function isKnownRegion(r: IdInspection): boolean {
  return r.county >= 0 && isKnownCountyNumber(r.county);
}

function fail(r: IdInspection): never {
  switch (r.status) {
    case 'length':
      throw new InvalidResidentIdError('length', `expected 18 characters, got ${r.clean.length}`);
    case 'format':
      throw new InvalidResidentIdError('format', 'expected 17 digits and a digit or X');
    case 'region':
      throw new InvalidResidentIdError('region', `unknown province code ${String(r.province).padStart(2, '0')}`);
    case 'birthdate':
      throw new InvalidResidentIdError('birthdate', `not a date: ${String(r.y).padStart(4, '0')}-${String(r.m).padStart(2, '0')}-${String(r.d).padStart(2, '0')}`);
    case 'checksum':
      throw new InvalidResidentIdError('checksum', `check character should be ${r.expected}`, r.expected);
    default:
      throw new Error('unreachable');
  }
}

/**
 * Validate an 18-character identity number (after `compact`) and return its compact form. Throws
 * InvalidResidentIdError with reason length | format | region (province) | birthdate | checksum.
 * 15-digit first-generation numbers are rejected with 'length'; convert them with `toEighteen`.
 */
export function validate(s: string): string {
  const r = inspect(s);
  if (r.status === 'ok' && r.length === 15) throw new InvalidResidentIdError('length', 'first-generation 15-digit number; convert with toEighteen');
  if (r.status !== 'ok') fail(r);
  return r.clean;
}

/** Reused by isValid: no allocation per call. */
const scratch = emptyInspection();

export function isValid(s: string): boolean {
  const r = inspect(s, scratch);
  return r.status === 'ok' && r.length === 18;
}

/** Display form: the compact form (identity numbers are written without separators). */
export function format(s: string): string {
  return compact(s);
}

/** Compact form with the shape of an ID (15 or 18), or throws. */
function shaped(id: string): IdInspection {
  const r = inspect(id);
  if (r.status === 'length' || r.status === 'format') fail(r);
  return r;
}

/** Date of birth encoded in a 15- or 18-digit number (not checked for being a real date: see validate). */
export function birthDate(id: string): BirthDate {
  const r = shaped(id);
  return { y: r.y, m: r.m, d: r.d };
}

/** 男 when digit 17 (15-digit: digit 15) is odd, 女 when even. */
export function gender(id: string): '男' | '女' {
  return shaped(id).male ? '男' : '女';
}

/** 15-digit first-generation number → 18 digits: `19` inserted before the year, check character appended. */
export function toEighteen(id15: string): string {
  const s = compact(id15);
  if (s.length !== 15) throw new InvalidResidentIdError('length', `expected 15 digits, got ${s.length}`);
  for (let i = 0; i < 15; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) throw new InvalidResidentIdError('format', `not a digit at position ${i + 1}`);
  }
  const first17 = s.slice(0, 6) + '19' + s.slice(6);
  return first17 + calcCheckDigit(first17);
}

/**
 * Masked form for public notices (公示): the first 6 and last 4 characters kept, `654002********1234`.
 * Shorter strings are masked entirely.
 */
export function mask(id: string): string {
  const s = compact(id);
  if (s.length <= 10) return '*'.repeat(s.length);
  return s.slice(0, 6) + '*'.repeat(s.length - 10) + s.slice(-4);
}
