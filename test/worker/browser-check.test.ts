/**
 * The browser version's check, run where its workbooks are held (src/preview/workbook-jobs.ts, the code of its Web
 * Worker, driven here in Node with the Node build of ExcelJS): the page receives plain data that survives
 * structured cloning unchanged, with the same tables, findings and tally as the engine's own check of the file as
 * the CLI reads it; the fill plan is built there too, for the latest check only; progress is posted while it runs.
 */
import * as fs from 'fs';
import * as path from 'path';
import { checkWorkbook } from '../../src/core/check';
import { getProfile } from '../../src/core/profiles';
import { readWorkbookBytes } from '../../src/xlsx/read-xlsx';
import { workbookJobs } from '../../src/preview/workbook-jobs';
import type { ProgressEvent, WorkerMessage, WorkerRequest } from '../../src/preview/worker-protocol';
import { fillPlanOf, toCheckView, type SessionCheckView } from '../../src/worker/check-session';
import type { FillPlan } from '../../src/core/fill';
import { noticeJob } from '../../src/worker/jobs';
import type { NoticeOutput } from '../../src/worker/protocol';
import { tallyWorkbook, toTallyView, type TallyView } from '../../src/taskpane/tally-run';

const EXAMPLES = path.resolve(__dirname, '..', '..', 'examples');
const TODAY = { y: 2025, m: 11, d: 20 };

type Req = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

function bytesOf(name: string): ArrayBuffer {
  const b = fs.readFileSync(path.join(EXAMPLES, name));
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
}

/** The worker's jobs with every message it posts recorded, and requests numbered as the page numbers them. */
function worker() {
  const posted: WorkerMessage[] = [];
  const jobs = workbookJobs((m) => posted.push(m));
  let id = 0;
  const run = async <T>(req: Req): Promise<T> => {
    const r = { ...req, id: ++id } as WorkerRequest;
    try {
      return (await jobs.handle(r)).value as T;
    } catch (e) {
      throw Object.assign(new Error(jobs.errorOf(e, r).zh), { worker: jobs.errorOf(e, r) });
    }
  };
  return { posted, run, lastId: () => id };
}

/**
 * Where `v` holds something other than plain data (a class instance, a function, a symbol): the paths. Checked by
 * prototype, since structuredClone in Node gives objects of another realm than the test's (toStrictEqual would
 * call them different types).
 */
function notPlain(v: unknown, at = '$', out: string[] = []): string[] {
  if (v === null || ['string', 'number', 'boolean', 'undefined'].includes(typeof v)) return out;
  if (typeof v !== 'object') {
    out.push(`${at}: ${typeof v}`);
    return out;
  }
  const proto = Object.getPrototypeOf(v) as { constructor?: { name?: string } } | null;
  const kind = proto === null ? 'Object' : proto.constructor?.name;
  if (kind === 'Array') (v as unknown[]).forEach((x, i) => notPlain(x, `${at}[${i}]`, out));
  else if (kind === 'Object') for (const [k, x] of Object.entries(v)) notPlain(x, `${at}.${k}`, out);
  else out.push(`${at}: ${kind}`);
  return out;
}

/** The engine's check of the file as the CLI reads it. */
async function direct(name: string, profileId: string, scope: 'all' | 'active', activeSheet?: string) {
  const grid = await readWorkbookBytes(new Uint8Array(bytesOf(name)), { name });
  const sheets = scope === 'all' ? grid.sheets : grid.sheets.filter((s) => s.name === activeSheet);
  return checkWorkbook({ ...grid, sheets }, { file: name, lang: 'zh', profile: getProfile(profileId), today: TODAY });
}

// Workbooks of each kind and layout: 附件3 with mistakes, merged cells, pages, side by side, statistics (a plan
// with inserted rows), quota and register (the QC award).
const CASES: [file: string, profile: string][] = [
  ['annex3-mistakes.xlsx', 'ili-2025-contribution'],
  ['annex3-clean.xlsx', 'ili-2025-contribution'],
  ['layouts-merged.xlsx', 'ili-2025-contribution'],
  ['layouts-pages.xlsx', 'ili-2025-contribution'],
  ['layouts-side-by-side.xlsx', 'ili-2025-contribution'],
  ['qc-stats-faulty.xlsx', 'ili-2025-contribution'],
  ['register-faulty.xlsx', 'xj-qc-2019'],
  ['quota-faulty.xlsx', 'xj-qc-2019'],
];

describe.each(CASES)('%s checked in the worker (%s)', (file, profile) => {
  let w: ReturnType<typeof worker>;
  let view: SessionCheckView;

  beforeAll(async () => {
    w = worker();
    await w.run({ op: 'open', file: 'f1', name: file, bytes: bytesOf(file), lang: 'zh' });
    view = await w.run<SessionCheckView>({ op: 'check', file: 'f1', scope: 'all', name: file, lang: 'zh', profile: { id: profile }, today: TODAY });
  });

  test('the result is plain data: structured cloning gives it back unchanged (no class instance, no function)', () => {
    expect(notPlain(view)).toEqual([]);
    expect(structuredClone(view)).toEqual(view);
    expect(Object.keys(view).sort()).toEqual(['checkId', 'findings', 'tables', 'tally']);
  });

  test('the same tables, findings and tally as the engine checking the file as the CLI reads it', async () => {
    const engine = await direct(file, profile, 'all');
    const { checkId, ...plain } = structuredClone(view);
    expect(typeof checkId).toBe('number');
    expect(plain).toEqual(toCheckView(engine));
    expect(plain.tables.length).toBeGreaterThan(0);
    // What the page is spared: the engine's own result holds the located Sheets (class instances).
    expect(notPlain(engine).some((p) => /located\[\d+\]\.sheet: Sheet/.test(p))).toBe(true);
  });

  test('the fill plan is built in the worker, as the pane builds it from the engine result', async () => {
    const engine = await direct(file, profile, 'all');
    const options = { lang: 'zh' as const, replaceMismatched: false, canInsert: true };
    const plan = await w.run<FillPlan | null>({ op: 'fillPlan', file: 'f1', checkId: view.checkId, options });
    expect(plan).not.toBeNull();
    expect(notPlain(plan)).toEqual([]);
    expect(structuredClone(plan)).toEqual(plan);
    expect(plan).toEqual(fillPlanOf(engine, options));
  });
});

describe('the worker check', () => {
  test('has findings where the example has mistakes, and every finding names the file given', async () => {
    const w = worker();
    await w.run({ op: 'open', file: 'f1', name: 'annex3-mistakes.xlsx', bytes: bytesOf('annex3-mistakes.xlsx'), lang: 'zh' });
    const view = await w.run<SessionCheckView>({ op: 'check', file: 'f1', scope: 'all', name: '甲县.xlsx', lang: 'zh', profile: { id: 'ili-2025-contribution' } });
    expect(view.findings.some((f) => f.rule === 'id.checksum' && f.severity === 'error')).toBe(true);
    expect(new Set(view.findings.map((f) => f.file))).toEqual(new Set(['甲县.xlsx']));
  });

  test('posts progress for its request: the sheets read, then the check', async () => {
    const w = worker();
    await w.run({ op: 'open', file: 'f1', name: 'layouts-pages.xlsx', bytes: bytesOf('layouts-pages.xlsx'), lang: 'zh' });
    w.posted.length = 0;
    await w.run({ op: 'check', file: 'f1', scope: 'all', name: 'x.xlsx', lang: 'zh', profile: { id: 'ili-2025-contribution' } });
    const progress = w.posted.filter((m): m is ProgressEvent => 'event' in m && m.event === 'progress');
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress.every((p) => p.id === w.lastId())).toBe(true);
    expect(progress[0].progress.step).toBe('read');
    expect(progress[progress.length - 1].progress.step).toBe('check');
    // Nothing of the grid crosses: no slices of rows are posted for a check.
    expect(w.posted.some((m) => 'event' in m && m.event === 'gridChunk')).toBe(false);
  });

  test('the active sheet only, when asked', async () => {
    const w = worker();
    await w.run({ op: 'open', file: 'f1', name: 'layouts-side-by-side.xlsx', bytes: bytesOf('layouts-side-by-side.xlsx'), lang: 'zh' });
    const names = await w.run<string[]>({ op: 'call', file: 'f1', method: 'sheetNames', args: [] });
    const last = names[names.length - 1];
    await w.run({ op: 'activate', file: 'f1', sheet: last });
    const view = await w.run<SessionCheckView>({ op: 'check', file: 'f1', scope: 'active', name: 'layouts-side-by-side.xlsx', lang: 'zh', profile: { id: 'ili-2025-contribution' }, today: TODAY });
    expect(new Set(view.tables.map((t) => t.sheet))).toEqual(new Set(view.tables.length ? [last] : []));
    const engine = await direct('layouts-side-by-side.xlsx', 'ili-2025-contribution', 'active', last);
    expect(view.findings).toEqual(engine.findings);
  });

  test('a later check replaces the earlier one: the earlier fill plan is no longer given', async () => {
    const w = worker();
    await w.run({ op: 'open', file: 'f1', name: 'annex3-mistakes.xlsx', bytes: bytesOf('annex3-mistakes.xlsx'), lang: 'zh' });
    const req = { op: 'check', file: 'f1', scope: 'all', name: 'a.xlsx', lang: 'zh', profile: { id: 'ili-2025-contribution' } } as const;
    const first = await w.run<SessionCheckView>(req);
    const second = await w.run<SessionCheckView>(req);
    expect(second.checkId).not.toBe(first.checkId);
    const options = { lang: 'zh' as const, replaceMismatched: false, canInsert: true };
    expect(await w.run({ op: 'fillPlan', file: 'f1', checkId: first.checkId, options })).toBeNull();
    const plan = await w.run<FillPlan>({ op: 'fillPlan', file: 'f1', checkId: second.checkId, options });
    expect(plan.changes.length).toBeGreaterThan(0);
  });

  test('English messages when asked in English', async () => {
    const w = worker();
    await w.run({ op: 'open', file: 'f1', name: 'annex3-mistakes.xlsx', bytes: bytesOf('annex3-mistakes.xlsx'), lang: 'en' });
    const view = await w.run<SessionCheckView>({ op: 'check', file: 'f1', scope: 'all', name: 'a.xlsx', lang: 'en', profile: { id: 'ili-2025-contribution' } });
    const checksum = view.findings.find((f) => f.rule === 'id.checksum')!;
    expect(checksum.message).toMatch(/check/i);
    expect(checksum.message).not.toMatch(/[\u4e00-\u9fff]{4}/);
  });

  test.each([
    ['an unknown award', { op: 'check', file: 'f1', scope: 'all', name: 'a.xlsx', lang: 'zh', profile: { id: 'no-such-award' } }, /no-such-award|可用的有/],
    ['a profile that is not JSON', { op: 'check', file: 'f1', scope: 'all', name: 'a.xlsx', lang: 'zh', profile: { json: '{ not json' } }, /profile\.json/],
    ['a closed file', { op: 'check', file: 'gone', scope: 'all', name: 'a.xlsx', lang: 'zh', profile: { id: 'ili-2025-contribution' } }, /已关闭/],
    ['the fill plan of a closed file', { op: 'fillPlan', file: 'gone', checkId: 1, options: { lang: 'zh', replaceMismatched: false, canInsert: true } }, /已关闭/],
  ] as [string, Req, RegExp][])('refuses %s with a Chinese message', async (_, req, message) => {
    const w = worker();
    await w.run({ op: 'open', file: 'f1', name: 'annex3-mistakes.xlsx', bytes: bytesOf('annex3-mistakes.xlsx'), lang: 'zh' });
    await expect(w.run(req)).rejects.toThrow(message);
  });
});

describe('the 公示 list built in the worker', () => {
  test('inserted into the open workbook, every ID and mobile masked; only counts and names come back', async () => {
    const w = worker();
    await w.run({ op: 'open', file: 'f1', name: 'annex3-mistakes.xlsx', bytes: bytesOf('annex3-mistakes.xlsx'), lang: 'zh' });
    const done = await w.run<{ out: NoticeOutput; written: { wanted: string; name: string; rows: number }[] }>({ op: 'insertNotice', file: 'f1', name: 'annex3-mistakes.xlsx', lang: 'zh', drop: [] });
    expect(done.out.leak).toBeNull();
    expect(done.out.sheets).toEqual([]);
    expect(done.written.length).toBeGreaterThan(0);
    expect(notPlain(done)).toEqual([]);
    // The same rows as the engine worker's notice job over the sheet as the CLI reads it.
    const grid = await readWorkbookBytes(new Uint8Array(bytesOf('annex3-mistakes.xlsx')), { name: 'annex3-mistakes.xlsx' });
    const job = await noticeJob({ workbook: { file: 'annex3-mistakes.xlsx', grid: { ...grid, sheets: [grid.sheets[0]] } }, lang: 'zh', drop: [], takenSheetNames: grid.sheets.map((s) => s.name) }, { progress: () => undefined, cancelled: () => false });
    expect(done.out.rows).toEqual(job.rows);
    expect(done.written.map((s) => s.name)).toEqual(job.sheets.map((s) => s.name));
    const cells: string[] = [];
    for (const sheet of done.written) cells.push(...(await w.run<string[][]>({ op: 'cells', file: 'f1', sheet: sheet.name })).flat());
    expect(cells.some((v) => /^\d{6}\*{8}[\dX]{4}$/.test(v))).toBe(true);
    expect(cells.some((v) => /^1\d{2}\*{4}\d{4}$/.test(v))).toBe(true);
    expect(cells.filter((v) => /\d{17}[\dXx]|(?<!\d)1[3-9]\d{9}(?!\d)/.test(v))).toEqual([]);
    // The new sheet is shown.
    const snap = [...w.posted].reverse().find((m) => 'event' in m && m.event === 'snapshot') as { snap: { activeSheet: string } };
    expect(snap.snap.activeSheet).toBe(done.written[0].name);
  });
});

describe('名额 tallied in the worker', () => {
  test.each([
    ['register-faulty.xlsx', 'auto'],
    ['register-faulty.xlsx', 'award'],
    ['quota-faulty.xlsx', 'auto'],
    ['annex3-mistakes.xlsx', 'auto'],
  ] as const)('%s (%s): the view is plain data, as the panel builds it from the engine run', async (file, choice) => {
    const w = worker();
    await w.run({ op: 'open', file: 'f1', name: file, bytes: bytesOf(file), lang: 'zh' });
    const done = await w.run<TallyView & { tallyId: number }>({ op: 'tally', file: 'f1', name: file, lang: 'zh', profile: { id: 'xj-qc-2019' }, choice });
    expect(notPlain(done)).toEqual([]);
    const { tallyId, ...view } = done;
    expect(typeof tallyId).toBe('number');
    const grid = await readWorkbookBytes(new Uint8Array(bytesOf(file)), { name: file });
    expect(view).toEqual(toTallyView(tallyWorkbook(grid, file, choice, 'zh', getProfile('xj-qc-2019'))));
  });

  test('its 名额核对 sheet is built and inserted there, with live COUNTIFS over the register; a replaced tally is refused', async () => {
    const w = worker();
    await w.run({ op: 'open', file: 'f1', name: 'register-faulty.xlsx', bytes: bytesOf('register-faulty.xlsx'), lang: 'zh' });
    const req = { op: 'tally', file: 'f1', name: 'register-faulty.xlsx', lang: 'zh', profile: { id: 'xj-qc-2019' }, choice: 'auto' } as const;
    const first = await w.run<{ tallyId: number; hasRegister: boolean; tally: { byRegion: unknown[] } }>(req);
    expect(first.hasRegister).toBe(true);
    expect(first.tally.byRegion.length).toBeGreaterThan(0);
    const second = await w.run<{ tallyId: number }>(req);
    await expect(w.run({ op: 'insertTallySheet', file: 'f1', tallyId: first.tallyId, quotaSource: '附件2' })).rejects.toThrow(/已过期/);
    const name = await w.run<string>({ op: 'insertTallySheet', file: 'f1', tallyId: second.tallyId, quotaSource: '附件2' });
    expect(name).toMatch(/名额核对/);
    const cells = (await w.run<string[][]>({ op: 'cells', file: 'f1', sheet: name })).flat();
    expect(cells.some((v) => /^=.*COUNTIFS\(/.test(v))).toBe(true);
  });
});
