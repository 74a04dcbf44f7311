/**
 * The guard of every public output (公示 export): full identity numbers and mobiles inside any text, however
 * typed — spaces (any number of them), hyphens, dots, slashes, zero-width characters and full-width digits
 * between the digits, inside a longer sentence. It masks nothing on its own account: core/mask-text.ts is the
 * masker; this finder looks again at what the masker wrote (notice.ts stars what it still finds where it stands)
 * and `assertPublic` refuses a workbook in which it finds anything.
 *
 * What counts as full (the same as the product's checker, shared/tools/scan-ids.js, and stricter):
 * - an identity number: any 18 consecutive digits (the last may be X) passing the GB 11643-1999 check character,
 *   or 15 digits standing alone whose positions 9–12 are a month and day (a first-generation number);
 * - a mainland mobile: 1[3-9] and 9 more digits, not inside a longer run of digits (with +86 / 86 in front too).
 * Separators are dropped before matching, so `654002 1990 0101 1234` and `138-1234-5678` are found.
 */
import { keepEnds } from './profiles/mask-policy';
import { DEFAULT_MASK_POLICY, maskText, type MaskPolicy } from './mask-text';

export type FullNumberKind = 'id' | 'mobile';

export interface FullNumber {
  kind: FullNumberKind;
  /** Positions in the original text of each character of the number (digits only, separators skipped). */
  positions: number[];
  /** The number in compact form (digits, X). */
  digits: string;
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

function checksumOk(s: string, at: number): boolean {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = s.charCodeAt(at + i) - 48;
    if (c < 0 || c > 9) return false;
    sum += c * WEIGHTS[i];
  }
  return CHECK[sum % 11] === s[at + 17];
}

/** A digit (0–9, X for the check character) of the compact form, or '' to skip, or null to break a run. */
function digitOf(c: number, mode: 0 | 1 | 2): string | null | '' {
  if (c >= 48 && c <= 57) return String.fromCharCode(c);
  if (c >= 0xff10 && c <= 0xff19) return String.fromCharCode(c - 0xfee0);
  if (c === 88 || c === 120 || c === 0xff38 || c === 0xff58) return 'X';
  switch (c) {
    case 0x200b: case 0x200c: case 0x200d: case 0x2060: case 0xfeff:
      return '';
    case 32: case 9: case 10: case 13: case 0xa0: case 0x3000:
    case 45: case 0xff0d: case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212: case 0xfe63:
      return mode > 0 ? '' : null;
    case 46: case 0xff0e: case 0xb7: case 0x2022: case 0x30fb: case 47: case 0xff0f: case 95:
      return mode > 1 ? '' : null;
  }
  return null;
}

/**
 * Runs of digits, each with the original position of every digit. Three readings, so that a number is found
 * however it is set off: 0 — digits only (zero-width characters aside), so `ID 13812345678` has the mobile alone;
 * 1 — spaces and hyphens skipped (`138 1234-5678`); 2 — dots, slashes and underscores skipped too (`138.1234.5678`).
 */
function runs(text: string, mode: 0 | 1 | 2): { digits: string; positions: number[] }[] {
  const out: { digits: string; positions: number[] }[] = [];
  let digits = '';
  let positions: number[] = [];
  const flush = () => {
    if (digits.length) out.push({ digits, positions });
    digits = '';
    positions = [];
  };
  for (let i = 0; i < text.length; i++) {
    const d = digitOf(text.charCodeAt(i), mode);
    if (d === null) flush();
    else if (d === 'X') {
      // X ends an ID (its check character) after 17 digits; anywhere else it is a letter between runs.
      if (digits.length >= 17) {
        digits += d;
        positions.push(i);
      }
      flush();
    } else if (d !== '') {
      digits += d;
      positions.push(i);
    }
  }
  flush();
  return out;
}

/** Every full ID and mobile in `text` (overlapping windows tried, so a number glued to other digits is found). */
export function findFullNumbers(text: string): FullNumber[] {
  const found: FullNumber[] = [];
  const seen = new Set<string>();
  for (const run of [...runs(text, 0), ...runs(text, 1), ...runs(text, 2)]) {
    const s = run.digits;
    const taken = new Uint8Array(s.length);
    const take = (kind: FullNumberKind, at: number, len: number) => {
      for (let k = at; k < at + len; k++) taken[k] = 1;
      const key = `${kind}:${run.positions[at]}:${run.positions[at + len - 1]}`;
      if (seen.has(key)) return;
      seen.add(key);
      found.push({ kind, positions: run.positions.slice(at, at + len), digits: s.slice(at, at + len) });
    };
    for (let i = 0; i + 18 <= s.length; i++) if (checksumOk(s, i)) take('id', i, 18);
    // 15 digits alone (a first-generation ID): yymmdd at 6–11 with a real month and day.
    if (s.length === 15 && /^\d{15}$/.test(s)) {
      const m = Number(s.slice(8, 10));
      const d = Number(s.slice(10, 12));
      if (m >= 1 && m <= 12 && d >= 1 && d <= 31) take('id', 0, 15);
    }
    // Mobiles: 11 digits 1[3-9]…, alone in the run or after a country code 86 / 0086.
    const mobileAt = (at: number) => at + 11 <= s.length && s[at] === '1' && s.charCodeAt(at + 1) >= 51 && s.charCodeAt(at + 1) <= 57 && /^\d{11}$/.test(s.slice(at, at + 11));
    const starts = s.length === 11 ? [0] : s.length === 13 && s.startsWith('86') ? [2] : s.length === 15 && s.startsWith('0086') ? [4] : [];
    for (const at of starts) if (mobileAt(at) && !taken[at]) take('mobile', at, 11);
  }
  return found;
}

/** True when the text holds no full ID and no full mobile. */
export function isFreeOfFullNumbers(text: string): boolean {
  return findFullNumbers(text).length === 0;
}

/**
 * The text with every full ID and mobile found in it masked by the policy, where it stands (the characters
 * around it, spaces inside it included, are kept).
 */
export function maskFullNumbers(text: string, policy: MaskPolicy = DEFAULT_MASK_POLICY): string {
  const found = findFullNumbers(text);
  if (found.length === 0) return text;
  const chars = text.split('');
  for (const f of found) {
    const masked = f.kind === 'id' ? keepEnds(f.digits, policy.idHead, policy.idTail) : keepEnds(f.digits, policy.mobileHead, policy.mobileTail);
    f.positions.forEach((p, k) => {
      // Keep a character only when the masked form keeps it and no other number masked it already.
      if (masked[k] === '*') chars[p] = '*';
    });
  }
  return chars.join('');
}

/**
 * Text for any public output (公示 export, HTML report): every ID and phone masked by the one masker
 * (mask-text.ts), then the guard's finder looks again and stars where it stands whatever the masker did not take
 * as a number (an ID typed with wide gaps, a mobile written 138.1234.5678).
 */
export function maskPublicText(text: string, policy: MaskPolicy = DEFAULT_MASK_POLICY): string {
  const masked = maskText(text, policy);
  return findFullNumbers(masked).length ? maskFullNumbers(masked, policy) : masked;
}
