/**
 * Region names as written in registers and quota tables (SPEC §3 quota.unknown-region): the key they are compared
 * by, and the matcher that finds a region of the quota table for a name typed another way.
 */
import { asciiLower, compactText } from './normalize';

/** A cell of one of the tallied tables (`t` indexes the tables given to `computeTally`). */
export interface Hit {
  t: number;
  row: number;
  col: number;
}

/** Match key of a region name: compact (no whitespace, half width, brackets unified), ASCII lower case. */
export function regionKey(s: string): string {
  return asciiLower(compactText(s));
}

/** Agency suffixes that do not change which region is meant (longest first). */
const AGENCY_SUFFIXES = [
  '工业和信息化委员会',
  '经济和信息化委员会',
  '工业和信息化局',
  '经济和信息化局',
  '市场监督管理局',
  '质量技术监督局',
  '市场监管局',
  '人民政府',
  '经信委',
  '经信局',
  '工信委',
  '工信局',
  '质监局',
  '政府',
  '局',
];
const PLACE_SUFFIX = /(地区|自治州|州|市|区|县)$/;

function stripAgency(k: string): string {
  for (const s of AGENCY_SUFFIXES) if (k.length > s.length && k.endsWith(s)) return k.slice(0, -s.length);
  return k;
}
function stripPlace(k: string): string {
  const m = PLACE_SUFFIX.exec(k);
  return m && k.length - m[0].length >= 2 ? k.slice(0, -m[0].length) : k;
}

export interface QuotaRegion {
  name: string;
  aliases: string[];
  /** class id → quota (null: the cell could not be read). */
  quota: Record<string, number | null>;
  /** Where the region is written, when it comes from a qc.quota table. */
  at?: Hit;
}

export type RegionMatch =
  | { index: number; how: 'exact' | 'variant' }
  | { index: -1; how: 'unknown' | 'ambiguous'; candidates: number[] };

/** Region names → quota table rows. Results are cached per spelling. */
export class RegionMatcher {
  private readonly exact = new Map<string, number>();
  private readonly agency = new Map<string, Set<number>>();
  private readonly place = new Map<string, Set<number>>();
  private readonly cache = new Map<string, RegionMatch>();
  constructor(readonly regions: readonly QuotaRegion[]) {
    const add = (m: Map<string, Set<number>>, k: string, i: number) => {
      let s = m.get(k);
      if (!s) m.set(k, (s = new Set()));
      s.add(i);
    };
    regions.forEach((r, i) => {
      for (const n of [r.name, ...r.aliases]) {
        const k = regionKey(n);
        if (!this.exact.has(k)) this.exact.set(k, i);
        const a = stripAgency(k);
        add(this.agency, a, i);
        add(this.place, stripPlace(a), i);
      }
    });
  }
  match(written: string): RegionMatch {
    const k = regionKey(written);
    let m = this.cache.get(k);
    if (m) return m;
    const exact = this.exact.get(k);
    if (exact !== undefined) m = { index: exact, how: 'exact' };
    else {
      const a = stripAgency(k);
      const candidates = [...(this.agency.get(a) ?? this.place.get(stripPlace(a)) ?? [])];
      if (candidates.length === 1) m = { index: candidates[0], how: 'variant' };
      else m = { index: -1, how: candidates.length ? 'ambiguous' : 'unknown', candidates };
    }
    this.cache.set(k, m);
    return m;
  }
}
