/**
 * Tally (SPEC §1 reviewers, §3 "Quotas and tallies"): nominations counted per region × class against the quota
 * table, and per category × sub-category against the award's places. Pure: located tables and a profile in,
 * counts out. The `quota.*` rules report from the same computation, so the report's tally and the findings never
 * disagree.
 *
 * Where counts come from:
 * - `qc.register` rows: region = 推荐地区或部门, class = the quota column its 类别 counts in (发表小组数 only when
 *   是否与会发表 says 是), category = 类别, sub-category = 子类.
 * - 附件3 rows: region = the 推荐单位 of the title line, class = the table (先进集体 / 先进个人) or a profile class
 *   naming the kind, category = 推荐方面 (column, else the section or sheet title), sub-category = 子类.
 *
 * Quotas come from the first `qc.quota` table of the run, else from the profile's quota table. Region names are
 * matched after normalisation (whitespace, full width, case). A name that only differs by an agency suffix
 * (伊犁州 for 伊犁州工信局, 伊犁州工业和信息化局, 伊犁州市场监督管理局 …) is *not* matched silently: it is counted under
 * the one region it can mean and reported by `quota.unknown-region` (warning, fix = the table's spelling); a name
 * that means no region, or several, is counted under its own spelling with no quota and reported as an error.
 */
import { z } from 'zod';
import { Sheet } from './grid';
import type { LocatedTable } from './table';
import type { TableKind } from './forms/form';
import type { Profile } from './profiles/schema';
import type { QuotaClass } from './profiles/quota-schema';
import { quotaNumber, quotaRows } from './forms/qc-quota';
import { getProfile } from './profiles';
import { RowReader, textAt, type CategoryRef, type RowClass } from './row-reader';
import { RegionMatcher, regionKey, type Hit, type QuotaRegion, type RegionMatch } from './region-names';

export { RegionMatcher, regionKey, type Hit, type QuotaRegion, type RegionMatch } from './region-names';

export { CategoryResolver, RowReader, isYes, type CategoryRef, type RowClass } from './row-reader';

export const tallySideSchema = z.enum(['collective', 'individual', 'total']);
export type TallySide = z.infer<typeof tallySideSchema>;

export const regionTallySchema = z.object({
  /** The quota table's spelling, or the name as written when it is not in the table. */
  region: z.string(),
  /** In the quota table; null when there is no quota table to know against. */
  known: z.boolean().nullable(),
  /** Class id (quota column), e.g. groups; `annex3.collective` / `annex3.individual` for 附件3 tables. */
  class: z.string(),
  /** Column label, e.g. 小组数. */
  label: z.string(),
  count: z.number().int().nonnegative(),
  quota: z.number().int().nonnegative().nullable(),
  /** How many over the quota (0 when within it or without a quota). */
  over: z.number().int().nonnegative(),
  /** Other spellings counted here (reported by quota.unknown-region). */
  variants: z.array(z.string()),
});

export const categoryTallySchema = z.object({
  category: z.string(),
  subcategory: z.string().nullable(),
  /** collective / individual, or total (both together, for places given that way). */
  side: tallySideSchema,
  count: z.number().int().nonnegative(),
  places: z.number().int().nonnegative().nullable(),
  over: z.number().int().nonnegative(),
  /** The category (and sub-category) is one of the profile's. */
  known: z.boolean(),
});

export const tallySchema = z.object({
  byRegion: z.array(regionTallySchema),
  byCategory: z.array(categoryTallySchema),
});

export type RegionTally = z.infer<typeof regionTallySchema>;
export type CategoryTally = z.infer<typeof categoryTallySchema>;
export type Tally = z.infer<typeof tallySchema>;

export const EMPTY_TALLY: Tally = { byRegion: [], byCategory: [] };

/** The kinds the tally reads; the quota rules run on these, so they share one computation. */
export const TALLY_KINDS: readonly TableKind[] = ['qc.quota', 'qc.register', 'annex3.collective', 'annex3.individual'];

/** A located table and where it is. `TableRef` of the rules is one. */
export interface TallyTable {
  file: string;
  sheet: Sheet;
  table: LocatedTable;
}

/** Default quota classes: the 附件2 columns (xinjiang-2019), when a quota table is found without a profile quota. */
export function qcQuotaClasses(): readonly QuotaClass[] {
  return getProfile('xj-qc-2019').quota?.classes ?? [];
}

const ANNEX3_CLASSES: Record<string, { zh: string; en: string }> = {
  'annex3.collective': { zh: '先进集体', en: 'Collectives' },
  'annex3.individual': { zh: '先进个人', en: 'Individuals' },
};

// ---------------------------------------------------------------------------------------------------------------
// The quota source

export interface QuotaSource {
  from: 'table' | 'profile';
  /** Index of the qc.quota table among the tallied tables, when from a table. */
  table: number | null;
  classes: QuotaClass[];
  regions: QuotaRegion[];
}

function quotaFromTable(tables: readonly TallyTable[], t: number, profile: Profile): QuotaSource {
  const { sheet, table } = tables[t];
  const inTable = (list: readonly QuotaClass[]) => list.filter((k) => table.columns[k.id] !== undefined);
  let classes = inTable(profile.quota?.classes ?? []);
  if (classes.length === 0) classes = inTable(qcQuotaClasses());
  const aliases = new Map<string, string[]>();
  for (const r of profile.quota?.regions ?? []) aliases.set(regionKey(r.name), r.aliases);
  const regions: QuotaRegion[] = [];
  for (const row of quotaRows(sheet, table).regions) {
    const name = textAt(sheet, row, table.columns.region);
    if (name === '') continue;
    const quota: Record<string, number | null> = {};
    for (const k of classes) {
      const n = quotaNumber(sheet.value(row, table.columns[k.id]));
      // A quota that is not a whole number (2.5, text) is reported by quota.total-mismatch and counts as unknown here.
      quota[k.id] = n === null || !Number.isInteger(n) || n < 0 ? null : n;
    }
    regions.push({ name, aliases: aliases.get(regionKey(name)) ?? [], quota, at: { t, row, col: table.columns.region } });
  }
  return { from: 'table', table: t, classes: [...classes], regions };
}

/** The quota table that applies: the first qc.quota table of the run, else the profile's. */
export function quotaSource(tables: readonly TallyTable[], profile: Profile): QuotaSource | null {
  const t = tables.findIndex((x) => x.table.kind === 'qc.quota');
  if (t >= 0) return quotaFromTable(tables, t, profile);
  const q = profile.quota;
  if (!q) return null;
  return {
    from: 'profile',
    table: null,
    classes: q.classes,
    regions: q.regions.map((r) => ({ name: r.name, aliases: r.aliases, quota: { ...r.quota } })),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The tally

/** A row whose region is not a quota table spelling. */
export interface RegionProblem {
  hit: Hit;
  written: string;
  match: RegionMatch;
  /** 附件3: the region is the table's 推荐单位, reported once per table. */
  perTable: boolean;
}

/** A bucket over its limit: where the first nomination beyond the limit is. */
export interface Excess {
  entry: RegionTally | CategoryTally;
  /** The (limit + 1)-th nomination of the bucket. */
  first: Hit;
}

export interface TallyDetail {
  tally: Tally;
  /** The tables tallied; `Hit.t` indexes them. */
  tables: readonly TallyTable[];
  quota: QuotaSource | null;
  /** Rows (or 附件3 tables) whose region is a variant, unknown or ambiguous; only when there is a quota table. */
  regionProblems: RegionProblem[];
  regionExcess: Excess[];
  categoryExcess: Excess[];
  /** The region bucket name each counted row went to, by table then row: what consolidation writes as 推荐单位. */
  bucketOf(t: number, row: number): string | null;
}

interface Bucket {
  count: number;
  limit: number | null;
  first: Hit | null;
}
/** Count one row; the row that first goes over the limit is kept (the only one that gets an object). */
function bump(b: Bucket, t: number, row: number, col: number): void {
  b.count++;
  if (b.limit !== null && b.count === b.limit + 1) b.first = { t, row, col };
}
/** perTable[row − offset] = value for every row (a loop of its own: optimised apart from computeTally). */
function markRows(perTable: Int32Array, rows: readonly number[], offset: number, value: number): void {
  for (let i = 0; i < rows.length; i++) perTable[rows[i] - offset] = value;
}

/** Count rows that all go to `b`: the same as bumping each in turn. */
function bumpAll(b: Bucket, t: number, rows: readonly number[], col: number): void {
  const before = b.count;
  b.count += rows.length;
  if (b.limit !== null && before <= b.limit && b.count > b.limit) b.first = { t, row: rows[b.limit - before], col };
}

export function computeTally(tables: readonly TallyTable[], profile: Profile): TallyDetail {
  const reader = new RowReader(profile);
  const source = quotaSource(tables, profile);
  const matcher = source ? new RegionMatcher(source.regions) : null;
  const regionProblems: RegionProblem[] = [];

  // Classes: the quota's, then 附件3 tables that no quota class takes get one class per kind.
  const classes: { id: string; label: string; q: QuotaClass | null }[] = (source?.classes ?? qcQuotaClasses()).map((q) => ({
    id: q.id,
    label: q.label,
    q,
  }));
  const kindClass = new Map<string, string[]>();
  for (const k of Object.keys(ANNEX3_CLASSES)) {
    const ids = classes.filter((c) => c.q?.kinds.includes(k as never)).map((c) => c.id);
    if (ids.length === 0 && tables.some((x) => x.table.kind === k)) {
      classes.push({ id: k, label: ANNEX3_CLASSES[k].zh, q: null });
      ids.push(k);
    }
    kindClass.set(k, ids);
  }
  const classIx = new Map(classes.map((c, i) => [c.id, i]));
  // Register 类别 → class ids (by the resolved category name), cached per category and 是否与会发表.
  const classCache = new Map<string, number[]>();
  const categoryClasses = (cat: CategoryRef | null, presenting: boolean): number[] => {
    if (!cat) return [];
    const key = (presenting ? '1' : '0') + cat.name;
    const hit = classCache.get(key);
    if (hit) return hit;
    const out: number[] = [];
    classCache.set(key, out);
    classes.forEach((c, i) => {
      if (!c.q || c.q.categories.length === 0) return;
      if (c.q.presenting && !presenting) return;
      if (c.q.categories.some((n) => regionKey(n) === regionKey(cat.name) || reader.categories.is(n, cat.name))) out.push(i);
    });
    return out;
  };

  // Region buckets: known regions first (table order), then other spellings in order of appearance.
  interface RegionBucket {
    /** Position in regionBuckets. */
    ix: number;
    name: string;
    known: boolean | null;
    byClass: Bucket[];
    variants: string[];
  }
  const regionBuckets: RegionBucket[] = [];
  const known: RegionBucket[] = (source?.regions ?? []).map((r) => {
    const b: RegionBucket = {
      ix: regionBuckets.length,
      name: r.name,
      known: true,
      byClass: classes.map((c) => ({ count: 0, limit: r.quota[c.id] ?? null, first: null })),
      variants: [],
    };
    regionBuckets.push(b);
    return b;
  });
  const others = new Map<string, RegionBucket>();
  // 附件3 rows are matched against the quota table only when a quota class counts them; otherwise a QC quota table in
  // the same run says nothing about a 附件3 推荐单位.
  const quotaKinds = new Set(classes.flatMap((c) => c.q?.kinds ?? []));
  const bucketFor = (written: string, useQuota: boolean): { bucket: RegionBucket; match: RegionMatch | null } => {
    if (matcher && useQuota) {
      const m = matcher.match(written);
      if (m.index >= 0) {
        const b = known[m.index];
        if (m.how === 'variant' && !b.variants.includes(written)) b.variants.push(written);
        return { bucket: b, match: m };
      }
      return { bucket: otherBucket(written, false), match: m };
    }
    return { bucket: otherBucket(written, null), match: null };
  };
  const otherBucket = (written: string, isKnown: boolean | null): RegionBucket => {
    const k = `${isKnown}\u0000${regionKey(written)}`;
    let b = others.get(k);
    if (!b) {
      b = { ix: regionBuckets.length, name: written, known: isKnown, byClass: classes.map(() => ({ count: 0, limit: null, first: null })), variants: [] };
      others.set(k, b);
      regionBuckets.push(b);
    }
    return b;
  };

  // Category buckets, keyed category | sub-category | side.
  interface CatBucket extends Bucket {
    category: string;
    subcategory: string | null;
    side: TallySide;
    known: boolean;
  }
  const catBuckets = new Map<string, CatBucket>();
  const catBucket = (category: string, sub: string | null, side: TallySide, limit: number | null, isKnown: boolean): CatBucket => {
    const key = `${category}\u0000${sub ?? ''}\u0000${side}`;
    let b = catBuckets.get(key);
    if (!b) {
      b = { category, subcategory: sub, side, count: 0, limit, first: null, known: isKnown };
      catBuckets.set(key, b);
    }
    return b;
  };
  // Profile categories first, in their order, so the table reads like the notice.
  for (const c of profile.categories) {
    for (const side of ['collective', 'individual', 'total'] as const) {
      if (c.places[side] !== undefined) catBucket(c.name, null, side, c.places[side]!, true);
    }
    for (const s of c.subcategories) {
      for (const side of ['collective', 'individual', 'total'] as const) {
        if (s.places[side] !== undefined) catBucket(c.name, s.name, side, s.places[side]!, true);
      }
    }
  }

  // The region bucket of each counted row, by table: bucket position + 1 by row offset from the header (0 = none).
  const buckets: Int32Array[] = [];
  for (let t = 0; t < tables.length; t++) {
    const { sheet, table } = tables[t];
    const perTable = new Int32Array(table.bottom - table.headerRow + 1);
    buckets.push(perTable);
    if (!RowReader.counts(table)) continue;
    const register = table.kind === 'qc.register';
    const perRow = register || table.columns.category !== undefined || table.columns.subcategory !== undefined;
    const tableIds = register ? [] : (kindClass.get(table.kind) ?? []).map((id) => classIx.get(id)!);
    // Per-table constants (table.columns is a dictionary: read it once, not per row).
    const nameCol = table.columns.name ?? table.columns.collectiveName ?? table.left;
    const subcategoryCol = table.columns.subcategory;
    const offset = table.headerRow;
    /** Where one row counts: its region bucket (and the cell a finding names), its class and category buckets. */
    // A 附件3 table's region is its title line's: matched (and a problem with it reported) once per table.
    let tableBucket: RegionBucket | null | undefined;
    const classify = (row: number, rc: RowClass) => {
      let bucket: RegionBucket | null = null;
      if (!register && tableBucket !== undefined) bucket = tableBucket;
      else if (rc.regionText !== '') {
        const { bucket: b, match } = bucketFor(rc.regionText, register || quotaKinds.has(table.kind as never));
        bucket = b;
        if (match && match.how !== 'exact') {
          const cell = rc.regionCell ?? { row, col: table.left };
          regionProblems.push({ hit: { t, row: cell.row, col: cell.col }, written: rc.regionText, match, perTable: !register });
        }
      }
      if (!register) tableBucket = bucket;
      const targets: { bucket: Bucket; col: number }[] = [];
      if (bucket) {
        const ids = register ? categoryClasses(rc.category, rc.presenting) : tableIds;
        const col = rc.regionCell && register ? rc.regionCell.col : nameCol;
        for (const i of ids) targets.push({ bucket: bucket.byClass[i], col });
      }
      // Category × sub-category × side.
      if (rc.category) {
        const cat = rc.category.index >= 0 ? profile.categories[rc.category.index] : null;
        const col = rc.categoryCell?.col ?? nameCol;
        targets.push({ bucket: catBucket(rc.category.name, null, rc.side, cat?.places[rc.side] ?? null, rc.category.known), col });
        if (cat?.places.total !== undefined) targets.push({ bucket: catBucket(rc.category.name, null, 'total', cat.places.total, true), col });
        if (rc.subcategory) {
          const sub = cat && rc.subcategory.index >= 0 ? cat.subcategories[rc.subcategory.index] : null;
          const subCol = subcategoryCol ?? col;
          targets.push({ bucket: catBucket(rc.category.name, rc.subcategory.name, rc.side, sub?.places[rc.side] ?? null, rc.subcategory.known), col: subCol });
          if (sub?.places.total !== undefined) targets.push({ bucket: catBucket(rc.category.name, rc.subcategory.name, 'total', sub.places.total, true), col: subCol });
        }
      }
      return { bucket, targets };
    };
    if (perRow) {
      for (const row of table.rows) {
        const { bucket, targets } = classify(row, reader.read(sheet, table, row));
        if (bucket) perTable[row - offset] = bucket.ix + 1;
        for (const x of targets) bump(x.bucket, t, row, x.col);
      }
    } else if (table.rows.length > 0) {
      // A 附件3 table without 推荐方面/子类 columns classes every row alike (region from the title line, category
      // from the section title): the first row is read, and the table is counted at once.
      const { bucket, targets } = classify(table.rows[0], reader.read(sheet, table, table.rows[0]));
      if (bucket) markRows(perTable, table.rows, offset, bucket.ix + 1);
      for (const x of targets) bumpAll(x.bucket, t, table.rows, x.col);
    }
  }

  const byRegion: RegionTally[] = [];
  const regionExcess: Excess[] = [];
  for (const b of regionBuckets) {
    b.byClass.forEach((k, i) => {
      // Every quota cell of the table is listed; otherwise only what was nominated.
      if (k.count === 0 && (b.known !== true || k.limit === null)) return;
      const entry: RegionTally = {
        region: b.name,
        known: b.known,
        class: classes[i].id,
        label: classes[i].label,
        count: k.count,
        quota: k.limit,
        over: k.limit === null ? 0 : Math.max(0, k.count - k.limit),
        variants: b.variants,
      };
      byRegion.push(entry);
      if (k.first) regionExcess.push({ entry, first: k.first });
    });
  }
  const byCategory: CategoryTally[] = [];
  const categoryExcess: Excess[] = [];
  for (const b of catBuckets.values()) {
    const entry: CategoryTally = {
      category: b.category,
      subcategory: b.subcategory,
      side: b.side,
      count: b.count,
      places: b.limit,
      over: b.limit === null ? 0 : Math.max(0, b.count - b.limit),
      known: b.known,
    };
    byCategory.push(entry);
    if (b.first) categoryExcess.push({ entry, first: b.first });
  }
  // Sub-categories after their category, sides in a fixed order.
  const catOrder = new Map<string, number>();
  byCategory.forEach((e) => catOrder.has(e.category) || catOrder.set(e.category, catOrder.size));
  const sideOrder: Record<TallySide, number> = { collective: 0, individual: 1, total: 2 };
  byCategory.sort(
    (a, b) =>
      catOrder.get(a.category)! - catOrder.get(b.category)! ||
      (a.subcategory === null ? -1 : 0) - (b.subcategory === null ? -1 : 0) ||
      subOrder(profile, a) - subOrder(profile, b) ||
      sideOrder[a.side] - sideOrder[b.side],
  );

  return {
    tally: { byRegion, byCategory },
    tables,
    quota: source,
    regionProblems,
    regionExcess,
    categoryExcess,
    bucketOf(t, row) {
      const tb = tables[t];
      const b = buckets[t]?.[row - tb.table.headerRow];
      return b ? regionBuckets[b - 1].name : null;
    },
  };
}

function subOrder(profile: Profile, e: CategoryTally): number {
  if (e.subcategory === null) return -1;
  const c = profile.categories.find((x) => x.name === e.category);
  const j = c ? c.subcategories.findIndex((s) => s.name === e.subcategory) : -1;
  return j < 0 ? 1e6 : j;
}

/** Memo for the rules of one run: they all tally the same tables. */
const memo = new WeakMap<Profile, { tables: readonly TallyTable[]; detail: TallyDetail }[]>();
export function tallyFor(tables: readonly TallyTable[], profile: Profile): TallyDetail {
  let list = memo.get(profile);
  if (!list) memo.set(profile, (list = []));
  const hit = list.find(
    (m) => m.tables.length === tables.length && m.tables.every((x, i) => x.table === tables[i].table && x.file === tables[i].file),
  );
  if (hit) return hit.detail;
  const detail = computeTally(tables, profile);
  list.push({ tables, detail });
  if (list.length > 4) list.shift();
  return detail;
}
