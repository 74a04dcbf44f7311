/**
 * Form definitions: one per table kind, data not code. Each column has a role (the name the code uses), the
 * printed Chinese label, the English label, and the other labels counties write for it.
 */
import { z } from 'zod';

export const tableKindSchema = z.enum([
  'annex3.collective',
  'annex3.individual',
  'qc.activity-stats',
  'qc.team-stats',
  'qc.quota',
  'qc.register',
  /** Financial / quality indicator tables of the application forms (ili-2025 附表1 二.2, nantong-2020 表3, 表5). */
  'form.indicators',
]);
export type TableKind = z.infer<typeof tableKindSchema>;

export const columnDefSchema = z.object({
  role: z.string(),
  /** Label as printed on the seed form. */
  label: z.string(),
  labelEn: z.string(),
  /** Other labels meaning the same column, compared after `headerKey` normalisation. */
  synonyms: z.array(z.string()).default([]),
  required: z.boolean(),
});
export type ColumnDef = z.infer<typeof columnDefSchema>;

export const formDefSchema = z.object({
  kind: tableKindSchema,
  title: z.object({ zh: z.string(), en: z.string() }),
  source: z.string(),
  columns: z.array(columnDefSchema),
  /** Roles that must be found for a header row to count as this kind (they tell the kinds apart). */
  identifying: z.array(z.string()),
  /**
   * Combined columns (SPEC §2): one printed label standing for several roles, e.g. `工作单位及职务` for 工作单位 and
   * 职务. The column then serves every role it names.
   */
  combined: z.array(z.object({ label: z.string(), roles: z.array(z.string()).min(2) })).optional(),
  /**
   * Rows labelled 小计 / 合计 / 总计: 'skip' (default) — not data rows (附件3, registers); 'keep' — rows of the table
   * that the kind's own code tells apart (qc.quota: the 总计 row is compared with the sum of the regions).
   */
  totalRows: z.enum(['skip', 'keep']).optional(),
  /** Minimum number of matched columns for a header row. */
  minMatches: z.number().int().positive(),
  /**
   * 'table' (default): one record per row under a header row (附件3). 'vertical': a form whose rows are items
   * (统计项目 / 单位 / 数量), found by src/core/locate-vertical.ts; `columns` then name the header cells.
   */
  layout: z.enum(['table', 'vertical']).optional(),
  /** Vertical forms: the items, matched by label (see locate-vertical.ts). */
  items: z.array(z.lazy(() => statsItemSchema)).optional(),
  /** Vertical forms: rates and ratios computed from items, written as live formulas by fill. */
  rates: z.array(z.lazy(() => rateDefSchema)).optional(),
  /** Vertical forms: `part ≤ whole` pairs of item roles (stats.inconsistent). */
  limits: z.array(z.object({ part: z.string(), whole: z.string() })).optional(),
  /** Vertical forms: compact title texts (`附件7`, `质量管理小组活动统计表`) that tell this form from its siblings. */
  titles: z.array(z.string()).optional(),
  /** Vertical forms: the value columns are periods (`2022年`, `2023年` …) instead of one 数量 column. */
  periodColumns: z.boolean().optional(),
});
export type FormDef = z.infer<typeof formDefSchema>;

/**
 * Value type of a vertical form's item: count (non-negative integer), money (non-negative amount), amount (signed
 * amount, e.g. 利润总额), months (累计月数, integer 1–12), rate (a percentage or ratio computed by `rates`), text,
 * checkbox (`□是 □否`), pair (`a/b`, e.g. 国家级/自治区级 diagnosticians).
 */
export const itemTypeSchema = z.enum(['count', 'money', 'amount', 'months', 'rate', 'text', 'checkbox', 'pair']);
export type ItemType = z.infer<typeof itemTypeSchema>;

export const statsItemSchema = z.object({
  role: z.string(),
  /** Label as printed on the seed form (or, for input rows the product adds, the label fill writes). */
  label: z.string(),
  labelEn: z.string(),
  /** Unit as printed (个, 元, 百分数, 人, 万元 …); '' when none. */
  unit: z.string(),
  type: itemTypeSchema,
  /** Other labels meaning the same item, compared after `itemKey` normalisation. */
  synonyms: z.array(z.string()).default([]),
  /** Reworded labels: the item matches when every word of one of these sets occurs in the label … */
  keywords: z.array(z.array(z.string())).default([]),
  /** … and none of these does. */
  exclude: z.array(z.string()).default([]),
  /**
   * 'form': printed on the seed form. 'input': not printed; an input of a rate that fill inserts under the rate.
   * 'extra': not printed, recognised when a county adds it (活动率).
   */
  origin: z.enum(['form', 'input', 'extra']).default('form'),
  /** On both QC forms (是否组织发表会, 参会人数, contacts): does not tell them apart. */
  shared: z.boolean().default(false),
});
export type StatsItem = z.infer<typeof statsItemSchema>;

export const rateDefSchema = z.object({
  /** Role of the item holding the rate. */
  role: z.string(),
  /** Σ weight × item, e.g. 等级品率 1.0 P1 + 0.8 P2 + 0.6 P3. */
  numerator: z.array(z.object({ role: z.string(), weight: z.number().default(1) })).min(1),
  /** Σ items (or their mean when `average`, e.g. 平均资产总额 = (期初 + 期末) / 2). */
  denominator: z.array(z.string()).min(1),
  average: z.boolean().default(false),
  /** Role of 累计月数: the ratio is annualised × 12 / months. */
  annualize: z.string().optional(),
  /** A percentage (number format 0.00%, typed as 35% / 35 / 0.35) or a plain ratio (次, 万元/人). */
  percent: z.boolean(),
  /** Range a typed value must lie in (stats.rate-range): '0-100' %, 'non-negative', or 'any'. */
  range: z.enum(['0-100', 'non-negative', 'any']).default('any'),
  /** Where the formula comes from (seed and line, or the standard definition). */
  source: z.string(),
});
export type RateDef = z.infer<typeof rateDefSchema>;
