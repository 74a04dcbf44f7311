/**
 * 汇总 in the browser version (run in its Web Worker): the open workbooks checked as one run, consolidated and
 * written as the command line's `merge` writes them (core/consolidate + xlsx/merge: one master sheet per kind with
 * 来源文件 and 推荐单位, the 名额核对 sheet of live COUNTIFS). Cross-file duplicates are among the findings.
 */
import type { Workbook } from 'exceljs';
import { RunChecker, type LocatedFinding } from '../core/check';
import { consolidate } from '../core/consolidate';
import type { Lang } from '../core/finding';
import { DEFAULT_PROFILE_ID, getProfile } from '../core/profiles';
import { workbookToGrid } from '../xlsx/from-exceljs';
import { buildMergedWorkbook } from '../xlsx/merge';

export interface MergeOutcome {
  wb: Workbook;
  sheets: { name: string; rows: number }[];
  /** Every finding of the run, cross-file duplicates (dup.cross-file) included. */
  findings: LocatedFinding[];
  errors: number;
}

/** null when no file holds a table that consolidates. */
export async function mergeWorkbooks(books: readonly { name: string; wb: Workbook }[], lang: Lang): Promise<MergeOutcome | null> {
  const profile = getProfile(DEFAULT_PROFILE_ID);
  const checker = new RunChecker({ profile, lang });
  for (const b of books) checker.add(workbookToGrid(b.wb, b.name), b.name);
  const run = checker.finish();
  const c = consolidate(run.tallyDetail, profile);
  if (c.sheets.length === 0) return null;
  const q = run.tallyDetail.quota;
  const quotaSource = q
    ? q.from === 'table'
      ? `${run.tallyDetail.tables[q.table!].file} ${run.tallyDetail.tables[q.table!].sheet.name}`
      : `${profile.name}（${profile.quota?.source ?? profile.id}）`
    : null;
  const { wb } = buildMergedWorkbook(c, run.tally, { quotaSource });
  const findings = run.results.flatMap((r) => r.findings);
  return {
    wb,
    sheets: c.sheets.map((s) => ({ name: s.name, rows: s.rows.length })),
    findings,
    errors: findings.filter((f) => f.severity === 'error').length,
  };
}
