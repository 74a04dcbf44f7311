/**
 * The worker's jobs run in Node over generated county workbooks (bench/counties.js): the same code the Web Worker
 * runs in the pane. Consolidation: unreadable files listed with their reason while the rest are merged; master
 * sheets, 核查结果 and 名额核对 as SheetSpecs with final names; cross-file duplicates placed on their master rows;
 * county text that looks like a formula kept as text. The protocol: progress, errors, cancel, unknown jobs.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { consolidateJob, readFiles, type JobContext } from '../../src/worker/jobs';
import { handle } from '../../src/worker/worker';
import { PROTOCOL_VERSION, type ConsolidateOutput, type InputFile, type JobProgress, type WorkerResponse } from '../../src/worker/protocol';
import { LocalEngine, EngineJobError } from '../../src/worker/client';
import type { SheetSpec } from '../../src/core/sheet-spec';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const counties = require('../../bench/counties.js') as {
  writeCountyWorkbooks(dir: string, n: number, o?: { people?: number; groups?: number; unreadable?: boolean }): Promise<string[]>;
  SHARED_ID: string;
};

const TODAY = { y: 2025, m: 11, d: 20 };
let dir: string;
let files: InputFile[];

function load(paths: string[]): InputFile[] {
  return paths.map((p) => {
    const b = fs.readFileSync(p);
    return { name: path.basename(p), bytes: b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer };
  });
}
const ctx = (log: JobProgress[] = [], stop = () => false): JobContext => ({ progress: (p) => log.push(p), cancelled: stop });
const header = (s: SheetSpec) => s.values[0];
const colOf = (s: SheetSpec, label: string) => header(s).indexOf(label);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'award-tally-worker-'));
  files = load(await counties.writeCountyWorkbooks(dir, 4, { people: 6, groups: 2, unreadable: true }));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('consolidate job', () => {
  let out: ConsolidateOutput;
  const log: JobProgress[] = [];
  beforeAll(async () => {
    out = await consolidateJob({ files: load(files.map((f) => path.join(dir, f.name))), lang: 'zh', today: TODAY, takenSheetNames: ['附件3'] }, ctx(log));
  });

  test('every file listed; the unreadable one with its reason, the others merged', () => {
    expect(out.files.map((f) => f.name)).toEqual(files.map((f) => f.name));
    const bad = out.files.find((f) => f.name === '县99-损坏.xlsx')!;
    expect(bad.error?.code).toBe('not-workbook');
    expect(bad.error?.message).toMatch(/另存为/);
    expect(out.files.filter((f) => !f.error).every((f) => f.tables.some((t) => t.kind === 'annex3.individual'))).toBe(true);
  });

  test('the CLI merge sheets: master sheets, 核查结果, 名额核对; rows of every readable county', () => {
    expect(out.sheets.map((s) => s.name)).toEqual(['先进集体汇总', '先进个人汇总', '核查结果', '名额核对']);
    expect(out.masters).toEqual([
      { name: '先进集体汇总', kind: 'annex3.collective', rows: 8 },
      { name: '先进个人汇总', kind: 'annex3.individual', rows: 24 },
    ]);
    const ind = out.sheets[1];
    expect(ind.rowCount).toBe(25);
    expect(header(ind)).toEqual(expect.arrayContaining(['序号', '来源文件', '来源工作表', '推荐单位', '原行号', '姓名', '身份证号']));
    // Source file is the file's name; IDs in text cells.
    expect(ind.values[1][colOf(ind, '来源文件')]).toBe('县01-伊宁市.xlsx');
    expect(ind.numberFormats[1][colOf(ind, '身份证号')]).toBe('@');
  });

  test('county text that Excel would read as a formula is written as text', () => {
    const ind = out.sheets[1];
    const remarks = ind.values.map((r) => r[colOf(ind, '备注')]);
    expect(remarks).toContain("'=县级表彰");
    expect(ind.values.flat().some((v) => typeof v === 'string' && v.startsWith('='))).toBe(false);
  });

  test('cross-file duplicates: each row a place in its master sheet, and those rows highlighted', () => {
    const person = out.duplicates.find((d) => d.places[0].sheet === '先进个人汇总')!;
    expect(person.why).toBe('id');
    expect(person.places.map((p) => p.file)).toEqual(['县01-伊宁市.xlsx', '县02-奎屯市.xlsx']);
    const ind = out.sheets[1];
    for (const p of person.places) {
      const row = ind.values[p.row];
      expect(String(row[colOf(ind, '身份证号')]).replace(/^'/, '')).toBe(counties.SHARED_ID);
      expect(row[colOf(ind, '来源文件')]).toBe(p.file);
      expect(ind.formats.some((f) => !!f.format.fill && f.ranges.some((r) => r.startsWith(`A${p.row + 1}:`) || r === `A${p.row + 1}`))).toBe(true);
    }
    // The collective named by two counties too.
    expect(out.duplicates.some((d) => d.places[0].sheet === '先进集体汇总')).toBe(true);
  });

  test('核查结果 lists every finding with its file, sheet and cell', () => {
    const f = out.sheets[2];
    expect(f.rowCount).toBe(out.summary.findings + 1);
    expect(f.values.some((r) => r[5] === 'dup.cross-file' && r[1] === '县02-奎屯市.xlsx')).toBe(true);
  });

  test('名额核对 counts over the master sheets by name', () => {
    const t = out.sheets[3];
    const formulas = t.values.flat().filter((v): v is string => typeof v === 'string' && v.startsWith('='));
    expect(formulas.length).toBeGreaterThan(0);
    expect(formulas.some((x) => x.includes("'先进个人汇总'!"))).toBe(true);
  });

  test('progress: every file read, then the check, then each sheet built', () => {
    const reads = log.filter((p) => p.stage === 'read');
    expect(reads[reads.length - 1]).toEqual({ stage: 'read', done: 5, total: 5 });
    expect(reads.some((p) => p.file === '县03-霍尔果斯市.xlsx')).toBe(true);
    expect(log.some((p) => p.stage === 'check')).toBe(true);
    expect(log[log.length - 1]).toEqual({ stage: 'build', done: 2, total: 2 });
  });
});

test('sheet names already in the workbook: the new sheets get free names and the formulas follow them', async () => {
  const out = await consolidateJob({ files: load(files.slice(0, 2).map((f) => path.join(dir, f.name))), lang: 'zh', today: TODAY, takenSheetNames: ['先进个人汇总', '名额核对', '核查结果'] }, ctx());
  expect(out.sheets.map((s) => s.name)).toEqual(['先进集体汇总', '先进个人汇总 (2)', '核查结果 (2)', '名额核对 (2)']);
  const formulas = out.sheets[3].values.flat().filter((v): v is string => typeof v === 'string' && v.startsWith('='));
  expect(formulas.some((x) => x.includes("'先进个人汇总 (2)'!"))).toBe(true);
  expect(formulas.some((x) => x.includes("'先进个人汇总'!"))).toBe(false);
});

test('read job: grids, or the reason per file; a cancelled job stops between files', async () => {
  const some = load(files.slice(3).map((f) => path.join(dir, f.name)));
  const read = await readFiles(some, 'en', ctx());
  expect(read[0].grid?.sheets[0].name).toBe('附件3');
  expect(read[1].error?.message).toMatch(/not an Excel workbook/);
  await expect(readFiles(some, 'zh', ctx([], () => true))).rejects.toMatchObject({ error: { code: 'cancelled' } });
});

describe('protocol', () => {
  const post = () => {
    const got: WorkerResponse[] = [];
    return { got, fn: (m: WorkerResponse) => got.push(m) };
  };
  test('unknown job and wrong version are errors, not crashes', async () => {
    const a = post();
    await handle({ v: PROTOCOL_VERSION, kind: 'run', id: 7, job: 'nope' as never, input: {} }, a.fn);
    expect(a.got).toEqual([expect.objectContaining({ kind: 'error', id: 7, error: expect.objectContaining({ code: 'bad-request' }) })]);
    const b = post();
    await handle({ v: 99 as never, kind: 'run', id: 8, job: 'read', input: { files: [], lang: 'zh' } }, b.fn);
    expect(b.got[0]).toMatchObject({ kind: 'error', error: { code: 'version' } });
  });
  test('a job answers progress messages then one result', async () => {
    const a = post();
    await handle({ v: PROTOCOL_VERSION, kind: 'run', id: 3, job: 'read', input: { files: load([path.join(dir, files[0].name)]), lang: 'zh' } }, a.fn);
    expect(a.got.slice(0, -1).every((m) => m.kind === 'progress' && m.id === 3)).toBe(true);
    expect(a.got[a.got.length - 1]).toMatchObject({ kind: 'result', id: 3 });
  });
  test('a bad profile fails the job with its message', async () => {
    const engine = new LocalEngine();
    const e = await engine.run('check', { workbooks: [], lang: 'zh', profile: { json: '{ "id": ' } }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(EngineJobError);
    expect((e as EngineJobError).code).toBe('profile');
    expect((e as EngineJobError).text()).toMatch(/JSON/);
  });
});
