/**
 * The 名额 panel's reading of a tally (pure: tested without React): regions grouped with their classes, the ones
 * that need attention first (over quota, then spellings not in the quota table), the ones with nothing nominated
 * apart so the panel can fold them.
 */
import type { CategoryTally, RegionTally } from '../core/tally';

export interface RegionRow {
  region: string;
  known: boolean | null;
  variants: string[];
  byClass: Map<string, RegionTally>;
  /** 0 over quota, 1 not in the quota table or written differently, 2 nominated, 3 nothing nominated. */
  rank: 0 | 1 | 2 | 3;
}

export function groupRegions(list: readonly RegionTally[]): RegionRow[] {
  const out: RegionRow[] = [];
  const at = new Map<string, number>();
  for (const e of list) {
    const k = `${e.known === false ? 'x' : 'k'}\u0000${e.region}`;
    let i = at.get(k);
    if (i === undefined) {
      at.set(k, (i = out.length));
      out.push({ region: e.region, known: e.known, variants: [], byClass: new Map(), rank: 3 });
    }
    const g = out[i];
    g.byClass.set(e.class, e);
    for (const v of e.variants) if (!g.variants.includes(v)) g.variants.push(v);
  }
  for (const g of out) {
    const entries = [...g.byClass.values()];
    g.rank = entries.some((e) => e.over > 0) ? 0 : g.known === false || g.variants.length ? 1 : entries.some((e) => e.count > 0) ? 2 : 3;
  }
  // Stable: within a rank, the quota table's order.
  return out.map((g, i) => ({ g, i })).sort((x, y) => x.g.rank - y.g.rank || x.i - y.i).map((x) => x.g);
}

export interface QuotaView {
  /** Over quota or not in the quota table: shown first. */
  problems: RegionRow[];
  /** Nominated, within quota. */
  counted: RegionRow[];
  /** Nothing nominated: folded. */
  empty: RegionRow[];
  classes: { id: string; label: string }[];
  /** Categories with a nomination or over their places; over first. */
  categories: CategoryTally[];
  overCount: number;
  unknownCount: number;
}

export function quotaView(byRegion: readonly RegionTally[], byCategory: readonly CategoryTally[]): QuotaView {
  const rows = groupRegions(byRegion);
  const classes: { id: string; label: string }[] = [];
  for (const e of byRegion) if (!classes.some((k) => k.id === e.class)) classes.push({ id: e.class, label: e.label });
  const categories = byCategory
    .filter((e) => e.count > 0 || e.over > 0)
    .map((e, i) => ({ e, i }))
    .sort((x, y) => Number(y.e.over > 0) - Number(x.e.over > 0) || x.i - y.i)
    .map((x) => x.e);
  return {
    problems: rows.filter((g) => g.rank <= 1),
    counted: rows.filter((g) => g.rank === 2),
    empty: rows.filter((g) => g.rank === 3),
    classes,
    categories,
    overCount: byRegion.filter((e) => e.over > 0).length + categories.filter((e) => e.over > 0).length,
    unknownCount: rows.filter((g) => g.known === false || g.variants.length > 0).length,
  };
}
