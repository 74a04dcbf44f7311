/**
 * Award profiles (SPEC §5): everything that changes from one award or year to the next, as zod-validated data.
 * The TypeScript type is inferred from the schema; nothing re-declares it.
 *
 * `profileSchema` checks each field; `checkedProfileSchema` adds the checks across fields (every synonym points
 * at a listed unit type, names are not repeated). Load profiles through `parseProfile` in ./index, which uses
 * the latter and turns zod's issues into clear Chinese and English messages.
 */
import { z } from 'zod';
import { compactText } from '../normalize';
import { checkQuotaFields, quotaProfileFields } from './quota-schema';
import { maskPolicySchema } from './mask-policy';

export const placesSchema = z.object({
  /** Places for collectives / organisations, when the category awards them. */
  collective: z.number().int().nonnegative().optional(),
  individual: z.number().int().nonnegative().optional(),
  /** Places for organisations and individuals together (jilin-2025: 质量奖 ≤ 5 “均包含组织和个人”), or projects. */
  total: z.number().int().nonnegative().optional(),
});

/** Whether a category's or sub-category's nominations are organisations or people, when the name says so. */
export const sideSchema = z.enum(['collective', 'individual']);

export const subcategorySchema = z.object({
  /** Sub-category as written in 子类, e.g. 外贸. */
  name: z.string().min(1),
  /** Other spellings, e.g. 招商 for 招商引资. */
  aliases: z.array(z.string().min(1)).default([]),
  places: placesSchema.default({}),
  side: sideSchema.optional(),
});

export const categorySchema = z.object({
  /** Category name as written in 推荐方面 or a sheet title, e.g. 商务经济方面. */
  name: z.string().min(1),
  aliases: z.array(z.string()).default([]),
  /**
   * Short forms clerks write (QC小组 for 优秀质量管理小组): counted under the full name, and reported as `info` with
   * the full name as the fix (category.synonym).
   */
  abbreviations: z.array(z.string().min(1)).default([]),
  places: placesSchema.default({}),
  subcategories: z.array(subcategorySchema).default([]),
  side: sideSchema.optional(),
  /** The article the places come from. */
  source: z.string().optional(),
});

export const PROFILE_ID_PATTERN = /^[a-z0-9][a-z0-9.-]*$/;

export const profileSchema = z
  .object({
    id: z.string().regex(PROFILE_ID_PATTERN, 'id: lowercase letters, digits, dots and hyphens'),
    name: z.string().min(1),
    nameEn: z.string().optional(),
    source: z.string().optional(),
    /** 单位性质 allowed values, canonical spelling. */
    unitTypes: z.array(z.string().min(1)).min(1),
    /** Known variants → canonical unit type (compared after normalisation). */
    unitTypeSynonyms: z.record(z.string(), z.string()).default({}),
    categories: z.array(categorySchema).default([]),
    /** Age limits on the form date for `id.age`. */
    age: z.object({ min: z.number().int().nonnegative(), max: z.number().int().positive() }).default({ min: 16, max: 100 }),
    /** What personal data shows in public outputs (HTML report, 公示 export, pane, browser): ./mask-policy.ts. */
    masking: maskPolicySchema.default({}),
    ...quotaProfileFields,
  })
  .passthrough();

export type Profile = z.infer<typeof profileSchema>;
export type ProfileInput = z.input<typeof profileSchema>;

/** A problem found across fields; `params` carries the bilingual message for ./index to show. */
function crossIssue(ctx: z.RefinementCtx, path: (string | number)[], zh: string, en: string): void {
  ctx.addIssue({ code: z.ZodIssueCode.custom, path, message: en, params: { zh, en } });
}

/** The profile schema with the checks that look across fields. */
export const checkedProfileSchema = profileSchema.superRefine((p, ctx) => {
  const unitKeys = new Map<string, number>();
  p.unitTypes.forEach((u, i) => {
    const k = compactText(u);
    if (unitKeys.has(k)) crossIssue(ctx, ['unitTypes', i], `“${u}”重复`, `"${u}" is listed twice`);
    else unitKeys.set(k, i);
  });
  for (const [from, to] of Object.entries(p.unitTypeSynonyms)) {
    if (!unitKeys.has(compactText(to))) {
      crossIssue(
        ctx,
        ['unitTypeSynonyms', from],
        `“${to}”不在 unitTypes 中`,
        `"${to}" is not one of unitTypes`,
      );
    }
  }
  if (p.age.min >= p.age.max) {
    crossIssue(ctx, ['age'], `min（${p.age.min}）应小于 max（${p.age.max}）`, `min (${p.age.min}) must be less than max (${p.age.max})`);
  }
  const catKeys = new Set<string>();
  p.categories.forEach((c, i) => {
    for (const n of [c.name, ...c.aliases, ...c.abbreviations]) {
      const k = compactText(n);
      if (catKeys.has(k)) crossIssue(ctx, ['categories', i], `类别名称“${n}”重复`, `category name "${n}" is used twice`);
      catKeys.add(k);
    }
    for (const side of ['collective', 'individual', 'total'] as const) {
      const total = c.places[side];
      if (total === undefined || c.subcategories.length === 0) continue;
      const sum = c.subcategories.reduce((a, s) => a + (s.places[side] ?? 0), 0);
      if (sum > total) {
        crossIssue(
          ctx,
          ['categories', i, 'subcategories'],
          `各子类 places.${side} 之和 ${sum} 超过类别名额 ${total}`,
          `sub-category places.${side} add up to ${sum}, more than the category's ${total}`,
        );
      }
    }
    const subKeys = new Set<string>();
    c.subcategories.forEach((s, j) => {
      for (const n of [s.name, ...s.aliases]) {
        const k = compactText(n);
        if (subKeys.has(k)) {
          crossIssue(ctx, ['categories', i, 'subcategories', j], `子类名称“${n}”重复`, `sub-category name "${n}" is used twice`);
        }
        subKeys.add(k);
      }
    });
  });
  checkQuotaFields(p, (path, zh, en) => crossIssue(ctx, path, zh, en));
});
