/**
 * 统一社会信用代码 — Unified social credit code for legal persons and other organisations, GB 32100-2015.
 *
 * Eighteen characters from the 31-character set `0123456789ABCDEFGHJKLMNPQRTUWXY` (no I, O, S, V, Z):
 *
 *     9 1 | 6 5 4 0 0 2 | M A 7 8 9 0 1 2 3 | 4
 *     a b | region      | subject id        | check
 *
 * - position 1: registration authority (1 机构编制, 5 民政, 9 工商, Y 其他 …);
 * - position 2: organisation type within that authority;
 * - positions 3–8: GB/T 2260 code of the registration authority's region;
 * - positions 9–17: subject identifier (the GB 11714 organisation code where one exists);
 * - position 18: check character: with each character's value its index in the set above (0–30) and weights
 *   wᵢ = 3^(i−1) mod 31 = 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28, check = 31 − (Σ mod 31), where 31
 *   becomes 0; the result is written as the set's character of that value.
 *
 * Module shape after python-stdnum: compact / calcCheckDigit / validate / isValid / format, and a non-throwing
 * `inspect` for the rules.
 */

export type UsccReason = 'length' | 'format' | 'checksum';

export class InvalidUsccError extends Error {
  constructor(
    readonly reason: UsccReason,
    message: string,
    /** For `checksum`: the check character the first 17 characters require. */
    readonly expected?: string,
  ) {
    super(message);
    this.name = 'InvalidUsccError';
  }
}

export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** ASCII code → value in the alphabet, -1 when not in it. */
const VALUE = (() => {
  const t = new Int8Array(128).fill(-1);
  for (let i = 0; i < USCC_ALPHABET.length; i++) t[USCC_ALPHABET.charCodeAt(i)] = i;
  return t;
})();

function valueOf(c: number): number {
  return c < 128 ? VALUE[c] : -1;
}

function isClean(s: string): boolean {
  if (s.length !== 18) return false;
  for (let i = 0; i < 18; i++) if (valueOf(s.charCodeAt(i)) < 0) return false;
  return true;
}

/** Full-width → half-width, spaces / hyphens / zero-width characters removed, letters upper-cased. */
export function compact(s: string): string {
  if (isClean(s)) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x3000 || c === 45) continue;
    if ((c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff || (c >= 0x2010 && c <= 0x2015) || c === 0x2212) continue;
    if (c >= 97 && c <= 122) c -= 32;
    out += String.fromCharCode(c);
  }
  return out;
}

/** Check character of the first 17 characters (which must be from the alphabet). */
export function calcCheckDigit(first17: string): string {
  if (first17.length !== 17) throw new InvalidUsccError('length', `expected 17 characters, got ${first17.length}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = valueOf(first17.charCodeAt(i));
    if (v < 0) throw new InvalidUsccError('format', `character ${first17[i]} at position ${i + 1} is not allowed`);
    sum += v * WEIGHTS[i];
  }
  const c = 31 - (sum % 31);
  return USCC_ALPHABET[c === 31 ? 0 : c];
}

export type UsccStatus = 'ok' | UsccReason;

export interface UsccInspection {
  raw: string;
  clean: string;
  normalized: boolean;
  status: UsccStatus;
  /** For 'format': 1-based position of the first character outside the alphabet (0 when the length is off). */
  badAt: number;
  /** Check character required by the first 17 characters ('' unless they are well-formed). */
  expected: string;
}

/** Read a USCC cell's text without throwing. Precedence: length → format → checksum. */
export function inspect(raw: string): UsccInspection {
  const clean = compact(raw);
  const normalized = clean !== raw;
  let badAt = 0;
  for (let i = 0; i < clean.length; i++) {
    if (valueOf(clean.charCodeAt(i)) < 0) {
      badAt = i + 1;
      break;
    }
  }
  if (clean.length !== 18) {
    return { raw, clean, normalized, status: badAt ? 'format' : 'length', badAt, expected: '' };
  }
  if (badAt) return { raw, clean, normalized, status: 'format', badAt, expected: '' };
  const expected = calcCheckDigit(clean.slice(0, 17));
  return { raw, clean, normalized, status: clean[17] === expected ? 'ok' : 'checksum', badAt: 0, expected };
}

/** Validate and return the compact form; throws InvalidUsccError (length | format | checksum). */
export function validate(s: string): string {
  const r = inspect(s);
  switch (r.status) {
    case 'ok':
      return r.clean;
    case 'length':
      throw new InvalidUsccError('length', `expected 18 characters, got ${r.clean.length}`);
    case 'format':
      throw new InvalidUsccError('format', `character ${r.clean[r.badAt - 1]} at position ${r.badAt} is not allowed`);
    case 'checksum':
      throw new InvalidUsccError('checksum', `check character should be ${r.expected}`, r.expected);
  }
}

export function isValid(s: string): boolean {
  return inspect(s).status === 'ok';
}

/** Display form: the compact form (codes are printed without separators). */
export function format(s: string): string {
  return compact(s);
}
