/**
 * What the worker does for each job of the protocol (protocol.ts). Plain async functions over plain data, so the
 * tests run them in Node directly and the worker (worker.ts) only moves messages. No rule logic here: the engine
 * (src/core) checks, tallies and consolidates; this file reads files, calls it and shapes its answers.
 */
import { RunChecker, type LocatedFinding, type RunResult } from '../core/check';
import { consolidate } from '../core/consolidate';
import { findingRows, notSubmitted } from '../core/consolidate-report';
import { buildNotice, NoticeLeakError } from '../core/notice';
import type { WorkbookGrid } from '../core/grid';
import type { Lang } from '../core/finding';
import { DEFAULT_PROFILE_ID, getProfile, loadProfileText, ProfileError, type Profile } from '../core/profiles';
import { summarize } from '../core/report';
import { WorkbookReadError } from '../xlsx/errors';
import { buildMergedWorkbook } from '../xlsx/merge';
import { buildNoticeWorkbook } from '../xlsx/notice';
import type {
  CheckInput,
  CheckOutput,
  ConsolidateInput,
  ConsolidateOutput,
  EngineOptions,
  FileError,
  InputFile,
  JobError,
  JobName,
  JobProgress,
  Jobs,
  NoticeInput,
  NoticeOutput,
  DuplicateEntry,
  ReadOutcome,
} from './protocol';
import { readWorkbookBytes } from './read-bytes';
import { nameSheets, renamed, workbookSpecs } from './sheets';

/** An error that ends a job (posted as `{ kind: 'error' }`). */
export class JobFailure extends Error {
  constructor(readonly error: JobError) {
    super(error.message);
    this.name = 'JobFailure';
  }
}

export interface JobContext {
  progress(p: JobProgress): void;
  /** True once the page asked to stop. */
  cancelled(): boolean;
}

const QC_PROFILE = 'xj-qc-2019';
const CANCELLED = { zh: '已取消。', en: 'Cancelled.' };

function profileOf(opts: EngineOptions): Profile {
  try {
    const p = opts.profile;
    if (!p) return getProfile(DEFAULT_PROFILE_ID);
    return 'id' in p ? getProfile(p.id) : loadProfileText(p.json, 'profile.json');
  } catch (e) {
    if (e instanceof ProfileError) throw new JobFailure({ code: 'profile', message: e.format(opts.lang) });
    throw e;
  }
}

function readError(e: WorkbookReadError, lang: Lang): FileError {
  return e.detail ? { code: e.code, message: e.text(lang), detail: e.detail } : { code: e.code, message: e.text(lang) };
}

function checkCancel(ctx: JobContext, lang: Lang): void {
  if (ctx.cancelled()) throw new JobFailure({ code: 'cancelled', message: CANCELLED[lang] });
}

/** Read each file; an unreadable one gets its reason and the others are still read. */
export async function readFiles(files: readonly InputFile[], lang: Lang, ctx: JobContext, each?: (name: string, grid: WorkbookGrid) => void): Promise<ReadOutcome[]> {
  const out: ReadOutcome[] = [];
  for (let i = 0; i < files.length; i++) {
    checkCancel(ctx, lang);
    const f = files[i];
    ctx.progress({ stage: 'read', done: i, total: files.length, file: f.name });
    try {
      const grid = await readWorkbookBytes(f.bytes, f.name);
      out.push({ name: f.name, grid });
      each?.(f.name, grid);
    } catch (e) {
      if (!(e instanceof WorkbookReadError)) throw e;
      out.push({ name: f.name, error: readError(e, lang) });
    }
  }
  ctx.progress({ stage: 'read', done: files.length, total: files.length });
  return out;
}

function runCheck(books: readonly { file: string; grid: WorkbookGrid }[], profile: Profile, opts: EngineOptions): RunResult {
  const run = new RunChecker({ profile, lang: opts.lang, today: opts.today });
  for (const b of books) run.add(b.grid, b.file);
  return run.finish();
}

/**
 * Without a chosen profile: the default award's, unless the workbooks hold registers and no 附件3 table, then the
 * QC awards' (xj-qc-2019), whose quota table counts registers. A quota table among the inputs always wins (engine).
 */
function checkWithProfile(books: readonly { file: string; grid: WorkbookGrid }[], opts: EngineOptions): { run: RunResult; profile: Profile } {
  let profile = profileOf(opts);
  let run = runCheck(books, profile, opts);
  if (!opts.profile) {
    const kinds = new Set(run.results.flatMap((r) => r.tables.map((t) => t.kind)));
    if (kinds.has('qc.register') && !kinds.has('annex3.individual') && !kinds.has('annex3.collective')) {
      profile = getProfile(QC_PROFILE);
      run = runCheck(books, profile, opts);
    }
  }
  return { run, profile };
}

export async function consolidateJob(input: ConsolidateInput, ctx: JobContext): Promise<ConsolidateOutput> {
  const lang = input.lang;
  const books: { file: string; grid: WorkbookGrid }[] = [];
  const read = await readFiles(input.files, lang, ctx, (file, grid) => books.push({ file, grid }));
  checkCancel(ctx, lang);
  ctx.progress({ stage: 'check', done: 0, total: 1 });
  const { run, profile } = checkWithProfile(books, input);
  ctx.progress({ stage: 'check', done: 1, total: 1 });
  checkCancel(ctx, lang);

  const files: ConsolidateOutput['files'] = [];
  let k = 0;
  const findings: LocatedFinding[] = [];
  for (const r of read) {
    if (r.error) {
      files.push({ name: r.name, error: r.error, tables: [] });
      continue;
    }
    const res = run.results[k++];
    files.push({ name: r.name, error: null, tables: res.tables });
    for (const f of res.findings) findings.push(f);
  }

  // The engine's consolidation, as `award-tally merge` runs it, with the master sheets under free names.
  const engine = consolidate(run.tallyDetail, profile, { findings });
  const c = renamed(engine, nameSheets(engine, input.takenSheetNames));
  const rows = findingRows(c, findings, books.map((b) => b.file));
  const missing = notSubmitted(run.tallyDetail, read.filter((r) => r.error).map((r) => r.name));
  const sum = summarize(findings);
  const base = { files, missing, summary: { ...sum, findings: findings.length }, tally: run.tally };
  if (c.sheets.length === 0) return { ...base, sheets: [], masters: [], duplicates: [] };

  ctx.progress({ stage: 'build', done: 0, total: 2 });
  const q = run.tallyDetail.quota;
  const quotaSource = q ? (q.from === 'table' ? `${run.tallyDetail.tables[q.table!].file} ${run.tallyDetail.tables[q.table!].sheet.name}` : `${profile.name}（${profile.quota?.source ?? profile.id}）`) : null;
  const { wb } = buildMergedWorkbook(c, run.tally, { quotaSource, findings: rows, notSubmitted: missing, lang });
  ctx.progress({ stage: 'build', done: 1, total: 2 });
  checkCancel(ctx, lang);
  const sheets = workbookSpecs(wb, [...input.takenSheetNames], new Set(c.sheets.map((s) => s.name)));
  ctx.progress({ stage: 'build', done: 2, total: 2 });

  // Cross-file duplicates: each row of a group a place in its master sheet (sheet row = data row + 1).
  const duplicates: DuplicateEntry[] = c.duplicates
    .filter((d) => d.acrossFiles)
    .map((d) => {
      const s = c.sheets.find((x) => x.name === d.sheet)!;
      return {
        why: d.why,
        value: d.value,
        places: d.rows.map((r) => ({ sheet: d.sheet, row: r + 1, file: s.sources[r].fileName, sourceSheet: s.sources[r].sheet, sourceCell: `A${s.sources[r].row + 1}` })),
      };
    });
  return { ...base, sheets, masters: c.sheets.map((s) => ({ name: s.name, kind: s.kind, rows: s.rows.length })), duplicates };
}

export async function checkJob(input: CheckInput, ctx: JobContext): Promise<CheckOutput> {
  ctx.progress({ stage: 'check', done: 0, total: 1 });
  const run = runCheck(input.workbooks, profileOf(input), input);
  ctx.progress({ stage: 'check', done: 1, total: 1 });
  return { results: run.results.map((r, i) => ({ file: input.workbooks[i].file, tables: r.tables, findings: r.findings })), tally: run.tally };
}

export async function noticeJob(input: NoticeInput, ctx: JobContext): Promise<NoticeOutput> {
  ctx.progress({ stage: 'check', done: 0, total: 1 });
  const profile = profileOf(input);
  const run = runCheck([input.workbook], profile, input);
  const result = run.results[0];
  ctx.progress({ stage: 'build', done: 0, total: 1 });
  // The engine's notice (columns, masking by the profile's policy) and the CLI's writer, whose last guard scans
  // every cell: a full ID or mobile left anywhere and nothing is written.
  const notice = buildNotice(result.located, profile, { drop: input.drop });
  const tables = result.tables.filter((t) => notice.some((n) => n.kind === t.kind));
  if (notice.length === 0) return { sheets: [], rows: [], leak: null, tables };
  let wb;
  try {
    wb = buildNoticeWorkbook(notice);
  } catch (e) {
    if (!(e instanceof NoticeLeakError)) throw e;
    return { sheets: [], rows: notice.map((n) => n.rows.length), leak: { sheet: e.sheet, cell: e.cell, kind: e.kind, message: e.text(input.lang) }, tables };
  }
  const sheets = workbookSpecs(wb, [...input.takenSheetNames]);
  ctx.progress({ stage: 'build', done: 1, total: 1 });
  return { sheets, rows: notice.map((n) => n.rows.length), leak: null, tables };
}

type Handler<K extends JobName> = (input: Jobs[K]['input'], ctx: JobContext) => Promise<Jobs[K]['output']>;

/** The handler of each job: a new job is one line here and its types in protocol.ts. */
export const HANDLERS: { [K in JobName]: Handler<K> } = {
  read: async (input, ctx) => ({ files: await readFiles(input.files, input.lang, ctx) }),
  check: checkJob,
  consolidate: consolidateJob,
  notice: noticeJob,
};
