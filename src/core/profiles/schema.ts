/**
 * Award profiles (SPEC §5): everything that changes from one award or year to the next, as zod-validated data.
 * The TypeScript type is inferred from the schema; nothing re-declares it.
 */
import { z } from 'zod';

export const placesSchema = z.object({
  /** Places for collectives / organisations, when the category awards them. */
  collective: z.number().int().nonnegative().optional(),
  individual: z.number().int().nonnegative().optional(),
});

export const categorySchema = z.object({
  /** Category name as written in 推荐方面 or a sheet title, e.g. 商务经济方面. */
  name: z.string().min(1),
  aliases: z.array(z.string()).default([]),
  places: placesSchema.default({}),
  subcategories: z
    .array(z.object({ name: z.string().min(1), places: placesSchema.default({}) }))
    .default([]),
});

export const profileSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'id: lowercase letters, digits, dots and hyphens'),
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
  })
  .passthrough();

export type Profile = z.infer<typeof profileSchema>;
export type ProfileInput = z.input<typeof profileSchema>;
