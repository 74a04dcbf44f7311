/**
 * Administrative division codes (GB/T 2260) as they appear in identity numbers (GB 11643-1999 §5.1: the first six
 * digits are the code of the county where the holder was first registered).
 *
 * Province codes are fixed by the standard's list and checked without the table. County codes come from the
 * generated table in ../data/regions.ts (current codes plus every GB/T 2260 revision since 1980), because an identity
 * number keeps an abolished county code for life: an unknown county is a warning, never an error.
 */
import { REGION_TABLE, REGION_DATA_YEAR } from '../data/regions';

export { REGION_DATA_YEAR };

/**
 * Province-level codes: 11–15 North, 21–23 North-east, 31–37 East, 41–46 Central-south, 50–54 South-west,
 * 61–65 North-west, 71 Taiwan, 81 Hong Kong, 82 Macao, 83 residence permits of Taiwan residents (2018).
 * Indexed by the two-digit number for a branch-free lookup.
 */
const PROVINCE = (() => {
  const t = new Uint8Array(100);
  const ranges: [number, number][] = [
    [11, 15], [21, 23], [31, 37], [41, 46], [50, 54], [61, 65], [71, 71], [81, 83],
  ];
  for (const [a, b] of ranges) for (let i = a; i <= b; i++) t[i] = 1;
  return t;
})();

/** True for a province-level number 11…83 from the list above. */
export function isProvinceNumber(n: number): boolean {
  return n >= 0 && n < 100 && PROVINCE[n] === 1;
}

/** True when `two` is a two-digit province code (`'65'`). */
export function isProvinceCode(two: string): boolean {
  if (two.length !== 2) return false;
  const a = two.charCodeAt(0) - 48;
  const b = two.charCodeAt(1) - 48;
  if (a < 0 || a > 9 || b < 0 || b > 9) return false;
  return PROVINCE[a * 10 + b] === 1;
}

interface RegionEntry {
  name: string;
  /** False when only historic revisions list the code. */
  current: boolean;
  /** Historic codes: the years of the first and last revision listing it (`1984-2000`), when known. */
  years?: string;
}

/** 6-digit code as a number → entry. Built on first use (about 4,000 entries). */
let index: Map<number, RegionEntry> | null = null;
/** The same codes as a bitmap over 0–999999 (125 KB): the per-ID lookup is one bit test. */
let known: Uint8Array | null = null;

function load(): Map<number, RegionEntry> {
  if (index) return index;
  const m = new Map<number, RegionEntry>();
  for (const p of Object.keys(REGION_TABLE)) {
    const base = Number(p) * 10000;
    for (const item of REGION_TABLE[p].split('|')) {
      const historic = item.charCodeAt(0) === 126; // '~'
      const s = historic ? item.slice(1) : item;
      const at = s.indexOf('@', 4);
      m.set(base + Number(s.slice(0, 4)), at < 0 ? { name: s.slice(4), current: !historic } : { name: s.slice(4, at), current: false, years: s.slice(at + 1) });
    }
  }
  const bits = new Uint8Array(1_000_000 / 8);
  for (const n of m.keys()) bits[n >>> 3] |= 1 << (n & 7);
  index = m;
  known = bits;
  return m;
}

/** Six ASCII digits as a number, or -1. */
function codeNumber(six: string): number {
  if (six.length !== 6) return -1;
  let n = 0;
  for (let i = 0; i < 6; i++) {
    const d = six.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** True when the 6-digit code is in the current table or in any revision since 1980. */
export function isKnownCounty(six: string): boolean {
  const n = codeNumber(six);
  return n >= 0 && isKnownCountyNumber(n);
}

/** Same as isKnownCounty, for a code already read as a number (the identity-number hot path). */
export function isKnownCountyNumber(n: number): boolean {
  if (known === null) load();
  return n >= 0 && n < 1_000_000 && (known![n >>> 3] & (1 << (n & 7))) !== 0;
}

/** True when the code is still in the current table (false for abolished and unknown codes). */
export function isCurrentCounty(six: string): boolean {
  const n = codeNumber(six);
  return n >= 0 && load().get(n)?.current === true;
}

/** Name of the division itself (`654002` → `伊宁市`), or null when unknown. */
export function regionName(six: string): string | null {
  const n = codeNumber(six);
  if (n < 0) return null;
  return load().get(n)?.name ?? null;
}

const PLACEHOLDER = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划', '省直辖县级行政单位']);

/**
 * Province, prefecture and county names joined (`654002` → `新疆维吾尔自治区伊犁哈萨克自治州伊宁市`), skipping
 * the table's placeholders such as 市辖区; null when the code itself is unknown.
 */
export function regionFullName(six: string): string | null {
  const n = codeNumber(six);
  if (n < 0) return null;
  const m = load();
  if (!m.has(n)) return null;
  const parts: string[] = [];
  const prov = Math.floor(n / 10000) * 10000;
  const pref = Math.floor(n / 100) * 100;
  for (const c of new Set([prov, pref, n])) {
    const e = m.get(c);
    if (e && !PLACEHOLDER.has(e.name)) parts.push(e.name);
  }
  return parts.join('');
}
