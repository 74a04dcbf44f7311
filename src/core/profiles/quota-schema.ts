/**
 * The quota part of an award profile (SPEC §5): per-region quota tables, roster limits, share rules,
 * exclusions and severity overrides. Data, not code: each item names the article it comes from (`source`), and
 * each is checked by one `quota.*` rule:
 *
 *   quota        → quota.exceeded, quota.unknown-region (and quota.total-mismatch for its printed total)
 *   categories[].places (in schema.ts) → quota.cap-exceeded
 *   rosters      → quota.members-exceeded
 *   shares       → quota.share-exceeded
 *   exclusions   → quota.share-exceeded (who may not be on the list together / again)
 *   severity     → any rule id → the severity its findings get by default
 */
import { z } from 'zod';
import { severitySchema } from '../finding';
import { compactText } from '../normalize';

/** A column of the quota table: what is counted against it. */
export const quotaClassSchema = z.object({
  /** Stable id; for the QC table the column role of `qc.quota` (groups / presenting / teams). */
  id: z.string().min(1),
  /** Column label as printed, e.g. 小组数. */
  label: z.string().min(1),
  labelEn: z.string().optional(),
  /** Register 类别 values counted in this column (compared after normalisation). */
  categories: z.array(z.string().min(1)).default([]),
  /** Count only applications whose 是否与会发表 says 是 (发表小组数). */
  presenting: z.boolean().default(false),
  /** 附件3 tables counted in this column, by kind (one row = one nomination). */
  kinds: z.array(z.enum(['annex3.collective', 'annex3.individual'])).default([]),
});

export const quotaRegionSchema = z.object({
  /** 地区或部门 as printed in the quota table. */
  name: z.string().min(1),
  /** Other exact spellings of the same region (matched silently). */
  aliases: z.array(z.string().min(1)).default([]),
  /** class id → quota. */
  quota: z.record(z.string(), z.number().int().nonnegative()),
});

export const quotaTableSchema = z.object({
  /** Title of the printed table (the quota template writes it). */
  title: z.string().optional(),
  source: z.string().optional(),
  classes: z.array(quotaClassSchema).min(1),
  regions: z.array(quotaRegionSchema).default([]),
  /** The printed 总计 row; checked against the column sums when the profile is loaded. */
  total: z.record(z.string(), z.number().int().nonnegative()).optional(),
});

/** Roster limit: the members of one application (成员人数, or the names listed in 成员名单). */
export const rosterRuleSchema = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  /** Register 类别 values it applies to. */
  categories: z.array(z.string().min(1)).min(1),
  max: z.number().int().positive(),
  /** What is limited: the 成员人数 figure, the names in 成员名单, or both. */
  count: z.array(z.enum(['members', 'list'])).min(1),
  severity: severitySchema.optional(),
  source: z.string().min(1),
});

/** Who a share rule looks at: one side, optionally within some categories. */
const scopeFields = {
  /** collective (organisations), individual (people) or all nominations. */
  of: z.enum(['collective', 'individual', 'all']),
  /** Categories (profile category names) it applies to; empty = every nomination. */
  categories: z.array(z.string().min(1)).default([]),
};

/** Which nominations a share rule picks out: a keyword in one of the named columns. */
export const matchSchema = z.object({
  /** Column roles searched: position (职务), scale (企业规模), unitType (单位性质), remark (备注) … */
  roles: z.array(z.string().min(1)).min(1),
  keywords: z.array(z.string().min(1)).min(1),
});

export const shareRuleSchema = z.discriminatedUnion('type', [
  /** At most `max` (a fraction) of the scope may match, e.g. 县处级 ≤ 20 % of individuals. */
  z.object({
    type: z.literal('max-share'),
    id: z.string().min(1),
    label: z.string().min(1),
    ...scopeFields,
    match: matchSchema,
    max: z.number().min(0).max(1),
    severity: severitySchema.optional(),
    source: z.string().min(1),
  }),
  /** At least `min` of the scope should match, e.g. 原则上包含 1 家中小企业. */
  z.object({
    type: z.literal('min-count'),
    id: z.string().min(1),
    label: z.string().min(1),
    ...scopeFields,
    match: matchSchema,
    min: z.number().int().positive(),
    severity: severitySchema.optional(),
    source: z.string().min(1),
  }),
  /** The contribution shares (贡献率) of one application add up to `total` percent. */
  z.object({
    type: z.literal('contribution'),
    id: z.string().min(1),
    label: z.string().min(1),
    ...scopeFields,
    total: z.number().positive().default(100),
    severity: severitySchema.optional(),
    source: z.string().min(1),
  }),
]);

export const exclusionSchema = z.discriminatedUnion('type', [
  /** An organisation and its top manager may not both be nominated (matched by the person's 工作单位 and 职务). */
  z.object({
    type: z.literal('org-and-manager'),
    id: z.string().min(1),
    label: z.string().min(1),
    /** 职务 keywords that make a person the organisation's top manager. */
    managerKeywords: z.array(z.string().min(1)).min(1),
    severity: severitySchema.optional(),
    source: z.string().min(1),
  }),
  /** A winner of `category` may not apply again within `years` years of the award. */
  z.object({
    type: z.literal('previous-winner'),
    id: z.string().min(1),
    label: z.string().min(1),
    category: z.string().min(1),
    years: z.number().int().positive(),
    /** Known winners; a register's 曾获质量奖年份 column is used too. */
    winners: z
      .array(z.object({ name: z.string().min(1), uscc: z.string().optional(), year: z.number().int() }))
      .default([]),
    severity: severitySchema.optional(),
    source: z.string().min(1),
  }),
]);

/** Fields added to the profile object (spread into profileSchema). */
export const quotaProfileFields = {
  /** Year of the round (for exclusions measured in years); defaults to the form date's or today's year. */
  year: z.number().int().optional(),
  quota: quotaTableSchema.optional(),
  rosters: z.array(rosterRuleSchema).default([]),
  shares: z.array(shareRuleSchema).default([]),
  exclusions: z.array(exclusionSchema).default([]),
  /** Rule id → default severity of its findings (e.g. quota.cap-exceeded → warning). */
  severity: z.record(z.string(), severitySchema).default({}),
};

export type QuotaTable = z.infer<typeof quotaTableSchema>;
export type QuotaClass = z.infer<typeof quotaClassSchema>;
export type RosterRule = z.infer<typeof rosterRuleSchema>;
export type ShareRule = z.infer<typeof shareRuleSchema>;
export type Exclusion = z.infer<typeof exclusionSchema>;

interface QuotaFields {
  quota?: QuotaTable;
  rosters: RosterRule[];
  shares: ShareRule[];
  exclusions: Exclusion[];
}

/** Checks across the quota fields; `issue` adds a bilingual problem at a path. */
export function checkQuotaFields(
  p: QuotaFields,
  issue: (path: (string | number)[], zh: string, en: string) => void,
): void {
  const q = p.quota;
  if (q) {
    const ids = new Set<string>();
    q.classes.forEach((c, i) => {
      if (ids.has(c.id)) issue(['quota', 'classes', i, 'id'], `类别 id“${c.id}”重复`, `class id "${c.id}" is used twice`);
      ids.add(c.id);
    });
    const names = new Set<string>();
    q.regions.forEach((r, i) => {
      for (const n of [r.name, ...r.aliases]) {
        const k = compactText(n);
        if (names.has(k)) issue(['quota', 'regions', i], `地区名称“${n}”重复`, `region name "${n}" is used twice`);
        names.add(k);
      }
      for (const k of Object.keys(r.quota)) {
        if (!ids.has(k)) issue(['quota', 'regions', i, 'quota', k], `“${k}”不是 quota.classes 中的 id`, `"${k}" is not a class id of quota.classes`);
      }
    });
    if (q.total) {
      for (const [k, v] of Object.entries(q.total)) {
        if (!ids.has(k)) {
          issue(['quota', 'total', k], `“${k}”不是 quota.classes 中的 id`, `"${k}" is not a class id of quota.classes`);
          continue;
        }
        const sum = q.regions.reduce((a, r) => a + (r.quota[k] ?? 0), 0);
        if (sum !== v) issue(['quota', 'total', k], `总计 ${v} 与各地区之和 ${sum} 不符`, `total ${v} differs from the regions' sum ${sum}`);
      }
    }
  }
  const seen = new Set<string>();
  const uniq = (list: { id: string }[], field: string) =>
    list.forEach((x, i) => {
      if (seen.has(x.id)) issue([field, i, 'id'], `规则 id“${x.id}”重复`, `rule id "${x.id}" is used twice`);
      seen.add(x.id);
    });
  uniq(p.rosters, 'rosters');
  uniq(p.shares, 'shares');
  uniq(p.exclusions, 'exclusions');
}
