/**
 * The JSON report of SPEC §7 (`award-tally/report@1`). A public contract: the schema is the source of truth and
 * the CLI validates what it prints against it.
 */
import { z } from 'zod';
import { findingSchema, type Finding } from './finding';
import { tableKindSchema } from './forms/form';
import { EMPTY_TALLY, tallySchema, type Tally } from './tally';

export const REPORT_SCHEMA_ID = 'award-tally/report@1';

export const fileErrorSchema = z.object({ code: z.string(), message: z.string() });

export const tableSummarySchema = z.object({
  sheet: z.string(),
  kind: tableKindSchema,
  range: z.string(),
  rows: z.number().int().nonnegative(),
});

export const fileEntrySchema = z.object({
  path: z.string(),
  error: fileErrorSchema.nullable(),
  tables: z.array(tableSummarySchema),
});

export const summarySchema = z.object({
  errors: z.number().int().nonnegative(),
  warnings: z.number().int().nonnegative(),
  infos: z.number().int().nonnegative(),
});

export const reportSchema = z.object({
  schema: z.literal(REPORT_SCHEMA_ID),
  files: z.array(fileEntrySchema),
  findings: z.array(findingSchema),
  /** Nominations per region × class against quotas and per category × sub-category against places (tally.ts). */
  tally: tallySchema,
  summary: summarySchema,
});

export type FileEntry = z.infer<typeof fileEntrySchema>;
export type Summary = z.infer<typeof summarySchema>;
export type ReportDocument = z.infer<typeof reportSchema>;

export function summarize(findings: readonly Pick<Finding, 'severity'>[]): Summary {
  const s = { errors: 0, warnings: 0, infos: 0 };
  for (const f of findings) {
    if (f.severity === 'error') s.errors++;
    else if (f.severity === 'warning') s.warnings++;
    else s.infos++;
  }
  return s;
}

/** Assemble the report document; findings keep only the contract's fields. */
export function buildReport(files: FileEntry[], findings: readonly Finding[], tally: Tally = EMPTY_TALLY): ReportDocument {
  const clean = findings.map((f) => ({
    file: f.file,
    sheet: f.sheet,
    cell: f.cell,
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    value: f.value ?? null,
    fix: f.fix ?? null,
  }));
  return { schema: REPORT_SCHEMA_ID, files, findings: clean, tally, summary: summarize(clean) };
}
