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
  /** Minimum number of matched columns for a header row. */
  minMatches: z.number().int().positive(),
});
export type FormDef = z.infer<typeof formDefSchema>;
