/**
 * 汇总 and 公示 downloads of the browser version (run in its Web Worker), made as the command line makes them:
 * - merge: the open workbooks checked as one run, consolidated (core/consolidate, with the findings for the
 *   核查结果 sheet and the regions not heard from) and written by xlsx/merge.ts — `award-tally merge`;
 * - notice: the 公示 list of one workbook (core/notice, the award's masking policy) written by xlsx/notice.ts,
 *   whose last guard refuses any cell still holding a full ID or mobile — `award-tally mask`.
 * The award: the default one, or the QC awards' when the files hold registers and no 附件3 table (as the task
 * pane's 汇总 worker chooses).
 */
import type { Workbook } from 'exceljs';
import { RunChecker, type LocatedFinding, type RunResult } from '../core/check';
import { consolidate } from '../core/consolidate';
import { findingRows, notSubmitted } from '../core/consolidate-report';
import type { Lang } from '../core/finding';
import type { WorkbookGrid } from '../core/grid';
import { buildNotice } from '../core/notice';
import { DEFAULT_PROFILE_ID, getProfile, type Profile } from '../core/profiles';
import { workbookToGrid } from '../xlsx/from-exceljs';
import { buildMergedWorkbook } from '../xlsx/merge';
import { buildNoticeWorkbook } from '../xlsx/notice';

const QC_PROFILE = 'xj-qc-2019';

export interface MergeOutcome {
  wb: Workbook;
  sheets: { name: string; rows: number }[];
  /** Every finding of the run, cross-file duplicates (dup.cross-file) included. */
  findings: LocatedFinding[];
  errors: number;
}

function check(books: readonly { file: string; grid: WorkbookGrid }[], lang: Lang): { run: RunResult; profile: Profile } {
  const run1 = (profile: Profile) => {
    const checker = new RunChecker({ profile, lang });
    for (const b of books) checker.add(b.grid, b.file);
    return checker.finish();
  };
  let profile = getProfile(DEFAULT_PROFILE_ID);
  let run = run1(profile);
  const kinds = new Set(run.results.flatMap((r) => r.tables.map((t) => t.kind)));
  if (kinds.has('qc.register') && !kinds.has('annex3.individual') && !kinds.has('annex3.collective')) {
    profile = getProfile(QC_PROFILE);
    run = run1(profile);
  }
  return { run, profile };
}

/** null when no file holds a table that consolidates. */
export function mergeWorkbooks(books: readonly { name: string; wb: Workbook }[], lang: Lang): MergeOutcome | null {
  const { run, profile } = check(
    books.map((b) => ({ file: b.name, grid: workbookToGrid(b.wb, b.name) })),
    lang,
  );
  const findings = run.results.flatMap((r) => r.findings);
  const c = consolidate(run.tallyDetail, profile, { findings });
  if (c.sheets.length === 0) return null;
  const q = run.tallyDetail.quota;
  const quotaSource = q
    ? q.from === 'table'
      ? `${run.tallyDetail.tables[q.table!].file} ${run.tallyDetail.tables[q.table!].sheet.name}`
      : `${profile.name}（${profile.quota?.source ?? profile.id}）`
    : null;
  const { wb } = buildMergedWorkbook(c, run.tally, {
    quotaSource,
    findings: findingRows(c, findings, books.map((b) => b.name)),
    notSubmitted: notSubmitted(run.tallyDetail, []),
    lang,
  });
  return {
    wb,
    sheets: c.sheets.map((s) => ({ name: s.name, rows: s.rows.length })),
    findings,
    errors: findings.filter((f) => f.severity === 'error').length,
  };
}

/** The 公示 workbook of one open workbook; null when it holds no table a notice lists. Throws NoticeLeakError. */
export function noticeWorkbook(book: { name: string; wb: Workbook }, lang: Lang): { wb: Workbook; rows: number } | null {
  const { run, profile } = check([{ file: book.name, grid: workbookToGrid(book.wb, book.name) }], lang);
  const notice = buildNotice(run.results[0].located, profile, {});
  if (notice.length === 0) return null;
  return { wb: buildNoticeWorkbook(notice), rows: notice.reduce((n, s) => n + s.rows.length, 0) };
}
