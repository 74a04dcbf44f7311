/**
 * One text masker for everything that leaves the machine or is shown in public (HTML report, 公示 export, the
 * `mask` command): it finds every resident identity number (GB 11643-1999) and every mainland telephone number
 * inside any text, however typed, and masks it with a MaskPolicy.
 *
 * How numbers are found. The text is cut into digit groups: runs of digits (ASCII or full-width), an 18-digit
 * ID's check character X/x directly after a digit kept with its group. Groups separated only by "soft"
 * separators — spaces of every kind, zero-width characters, hyphens and dashes, brackets — form a run (at most
 * two separator characters between groups). Each run is split into pieces, every piece one or more whole
 * groups, choosing the split that recognises the most: a valid 18-character ID, a mobile (1[3-9] + 9 digits), a
 * landline (area code + local number), a 15-digit ID, an 18-character ID shape with a wrong check character, a
 * 17- or 19-digit typo of an ID, a single run of 15 or more digits of any kind. A piece of several groups must
 * be one of the recognised shapes (and an ID typo must carry a plausible birth date), so dates, amounts and
 * counts typed with spaces or hyphens are left alone.
 *
 * Masking keeps `idHead` leading and `idTail` trailing characters of an ID (`654002********1234`), `mobileHead`
 * and `mobileTail` digits of a mobile (`138****5678`), the area code and last 4 digits of a landline
 * (`0991-***4567`); a masked number is written compactly (separators dropped, half-width digits).
 *
 * Pure: no Node or DOM API.
 */
import { isValid as isValidId } from './identifiers/resident-id';
import { inspect as inspectPhone } from './identifiers/phone';

export interface MaskPolicy {
  /** Leading characters of an ID kept (6: the region code). */
  idHead: number;
  /** Trailing characters of an ID kept (4: three digits and the check character). */
  idTail: number;
  /** Leading digits of a mobile kept (3: the network). */
  mobileHead: number;
  /** Trailing digits of a mobile kept. */
  mobileTail: number;
}

/** The 公示 convention (SPEC §6): ID first 6 and last 4, mobile first 3 and last 4. */
export const DEFAULT_MASK_POLICY: Readonly<MaskPolicy> = Object.freeze({ idHead: 6, idTail: 4, mobileHead: 3, mobileTail: 4 });

/**
 * `id`: a valid 18-character ID or a 15-digit first-generation ID; `id-like`: an ID shape that fails its checks,
 * a 17/19-digit typo, or any other run of 15+ digits (masked like an ID); `mobile`; `landline`.
 */
export type FullNumberKind = 'id' | 'id-like' | 'mobile' | 'landline';

export interface FullNumber {
  kind: FullNumberKind;
  /** Position in the text: [start, end). */
  start: number;
  end: number;
  /** The text as typed. */
  text: string;
  /** Compact form: half-width digits (and X), no separators. */
  digits: string;
}

interface Group {
  start: number;
  end: number;
  digits: string;
}

function digitOf(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 0xff10 && c <= 0xff19) return c - 0xff10;
  return -1;
}

function isCheckX(c: number): boolean {
  return c === 88 || c === 120 || c === 0xff38 || c === 0xff58;
}

/** Characters that may sit inside a typed number: spaces, zero-width characters, hyphens, dashes, brackets. */
function isSoftSeparator(c: number): boolean {
  return (
    c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200d) ||
    c === 0x202f || c === 0x205f || c === 0x2060 || c === 0xfeff ||
    c === 45 || (c >= 0x2010 && c <= 0x2015) || c === 0x2212 || c === 0xfe58 || c === 0xfe63 || c === 0xff0d ||
    c === 40 || c === 41 || c === 0xff08 || c === 0xff09 || c === 91 || c === 93
  );
}

/** Runs of digit groups joined by at most two soft separators. */
function runsOf(text: string): Group[][] {
  const runs: Group[][] = [];
  let run: Group[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const d = digitOf(text.charCodeAt(i));
    if (d < 0) {
      i++;
      continue;
    }
    const start = i;
    let digits = '';
    while (i < n) {
      const v = digitOf(text.charCodeAt(i));
      if (v < 0) break;
      digits += v;
      i++;
    }
    if (i < n && isCheckX(text.charCodeAt(i))) {
      digits += 'X';
      i++;
    }
    const last = run[run.length - 1];
    if (last && !last.digits.endsWith('X') && onlySeparators(text, last.end, start)) run.push({ start, end: i, digits });
    else {
      if (run.length) runs.push(run);
      run = [{ start, end: i, digits }];
    }
  }
  if (run.length) runs.push(run);
  return runs;
}

function onlySeparators(text: string, from: number, to: number): boolean {
  if (to - from > 2) return false;
  for (let k = from; k < to; k++) if (!isSoftSeparator(text.charCodeAt(k))) return false;
  return true;
}

/** yyyymmdd at `at` is a date between 1900 and 2099 (a plausible birth date). */
function plausibleDate(s: string, at: number, centuryGiven = true): boolean {
  const y = centuryGiven ? Number(s.slice(at, at + 4)) : 1900 + Number(s.slice(at, at + 2));
  const o = centuryGiven ? at + 4 : at + 2;
  const m = Number(s.slice(o, o + 2));
  const d = Number(s.slice(o + 2, o + 4));
  return y >= 1900 && y <= 2099 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

interface Piece {
  kind: FullNumberKind | null;
  score: number;
}

const NONE: Piece = { kind: null, score: 0 };
const INVALID: Piece = { kind: null, score: -1 };

/** Brackets around an area code become a hyphen: `0991)1234567` (the opening one is outside the piece). */
function landlineText(s: string): string {
  return s.replace(/[()（）[\]]/g, '-');
}

/** What a piece (groups i..j joined) is, and how much recognising it is worth. */
function classify(text: string, groups: Group[], i: number, j: number): Piece {
  let s = '';
  for (let k = i; k <= j; k++) s += groups[k].digits;
  const single = i === j;
  const n = s.length;
  const x = s.indexOf('X');
  // An X is only ever an 18-character ID's last character.
  if (x >= 0 && (x !== n - 1 || n !== 18)) return single ? NONE : INVALID;
  if (n === 18) {
    if (isValidId(s)) return { kind: 'id', score: 100 };
    if (single || plausibleDate(s, 6)) return { kind: 'id-like', score: 70 };
  }
  if (n === 11 && s[0] === '1' && s.charCodeAt(1) >= 51) return { kind: 'mobile', score: 90 };
  if (s[0] === '0' && n >= 10 && n <= 12) {
    const p = inspectPhone(landlineText(text.slice(groups[i].start, groups[j].end)));
    if (p.ok && p.number.kind === 'landline') return { kind: 'landline', score: 85 };
  }
  if (n === 15 && (single || plausibleDate(s, 6, false))) return { kind: 'id', score: 80 };
  if ((n === 17 || n === 19) && (single || plausibleDate(s, 6))) return { kind: 'id-like', score: 60 };
  if (single) {
    if (n >= 15) return { kind: 'id-like', score: 10 };
    if (n >= 12 && s[0] === '1') return { kind: 'mobile', score: 5 };
    return NONE;
  }
  return INVALID;
}

/** The best split of a run into pieces (dynamic programming over group boundaries). */
function splitRun(text: string, groups: Group[]): { i: number; j: number; kind: FullNumberKind }[] {
  const k = groups.length;
  const best = new Array<number>(k + 1).fill(-Infinity);
  const from = new Array<number>(k + 1).fill(-1);
  const kindAt = new Array<FullNumberKind | null>(k + 1).fill(null);
  best[0] = 0;
  for (let j = 0; j < k; j++) {
    let digits = 0;
    for (let i = j; i >= 0; i--) {
      digits += groups[i].digits.length;
      if (digits > 20 && i < j) break;
      if (best[i] === -Infinity) continue;
      const p = classify(text, groups, i, j);
      if (p.score < 0) continue;
      // Prefer more recognised, then fewer pieces (a tiny penalty per piece).
      const v = best[i] + p.score - 0.001;
      if (v > best[j + 1]) {
        best[j + 1] = v;
        from[j + 1] = i;
        kindAt[j + 1] = p.kind;
      }
    }
  }
  const out: { i: number; j: number; kind: FullNumberKind }[] = [];
  for (let j = k; j > 0; j = from[j]) {
    const kind = kindAt[j];
    if (kind) out.push({ i: from[j], j: j - 1, kind });
  }
  return out.reverse();
}

/** Every identity and telephone number in the text, in order (for "refuse to write a full number"). */
export function findFullNumbers(text: string): FullNumber[] {
  if (!text) return [];
  const out: FullNumber[] = [];
  for (const groups of runsOf(text)) {
    let total = 0;
    for (const g of groups) total += g.digits.length;
    if (total < 10) continue;
    for (const p of splitRun(text, groups)) {
      let digits = '';
      for (let k = p.i; k <= p.j; k++) digits += groups[k].digits;
      const start = groups[p.i].start;
      const end = groups[p.j].end;
      out.push({ kind: p.kind, start, end, text: text.slice(start, end), digits });
    }
  }
  return out;
}

function keepEnds(s: string, head: number, tail: number): string {
  const h = Math.max(0, Math.min(head, s.length));
  const t = Math.max(0, Math.min(tail, s.length - h));
  return s.slice(0, h) + '*'.repeat(s.length - h - t) + s.slice(s.length - t);
}

/** The masked form of one number found by findFullNumbers. */
export function maskNumber(n: FullNumber, policy: MaskPolicy = DEFAULT_MASK_POLICY): string {
  switch (n.kind) {
    case 'id':
    case 'id-like':
      return keepEnds(n.digits, policy.idHead, policy.idTail);
    case 'mobile':
      return keepEnds(n.digits, policy.mobileHead, policy.mobileTail);
    case 'landline': {
      const p = inspectPhone(landlineText(n.text));
      if (p.ok && p.number.areaCode) return `${p.number.areaCode}-${keepEnds(p.number.local, 0, 4)}`;
      return keepEnds(n.digits, 4, 4);
    }
  }
}

/** The text with every identity and telephone number masked by the policy; all other text as it was. */
export function maskText(text: string, policy: MaskPolicy = DEFAULT_MASK_POLICY): string {
  const found = findFullNumbers(text);
  if (found.length === 0) return text;
  let out = '';
  let at = 0;
  for (const n of found) {
    out += text.slice(at, n.start) + maskNumber(n, policy);
    at = n.end;
  }
  return out + text.slice(at);
}
