/**
 * The 汇总 panel's work without the UI (src/taskpane/consolidate-run.ts) over the preview's workbook host (Node
 * ExcelJS) and the engine run in-process (LocalEngine: the worker's own handler): the sheets land in the open
 * workbook with their free names, county text stays text, progress counts rows, and 公示 reads the active sheet.
 * The Office.js host writes the same SheetSpecs: syncs per sheet ≤ 1 + ⌈request bytes / 4 MB⌉ (typed fake).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { GridHost, type ExcelJSModule } from '../../src/preview/grid-host';
import { LocalEngine } from '../../src/worker/client';
import { runConsolidation, runNotice, type PickedFile } from '../../src/taskpane/consolidate-run';
import type { Progress } from '../../src/taskpane/host-port';
import { createExcelHost } from '../../src/excel/host';
import { FakeExcel, FakeWorkbook } from '../fakes/excel-fake';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const counties = require('../../bench/counties.js') as {
  writeCountyWorkbooks(dir: string, n: number, o?: { people?: number; groups?: number; unreadable?: boolean }): Promise<string[]>;
  SHARED_ID: string;
};

let dir: string;
let picked: PickedFile[];
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'award-tally-run-'));
  const files = await counties.writeCountyWorkbooks(dir, 3, { people: 450, groups: 2, unreadable: true });
  picked = files.map((f) => ({
    name: path.basename(f),
    arrayBuffer: async () => {
      const b = fs.readFileSync(f);
      return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
    },
  }));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function previewHost(): GridHost {
  const host = new GridHost({ lang: 'zh', excelJS: async () => ExcelJS as unknown as ExcelJSModule });
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('先进个人汇总').getCell('A1').value = '上次的汇总';
  host.setWorkbook(wb, '秘书处.xlsx');
  return host;
}

test('preview host: sheets written with free names, rows in slices with progress, duplicate row selectable', async () => {
  const host = previewHost();
  const progress: Progress[] = [];
  const done = await runConsolidation(host, new LocalEngine(), picked, { lang: 'zh', onProgress: (p) => progress.push(p) });
  expect(done.written.map((w) => w.name)).toEqual(['先进集体汇总', '先进个人汇总 (2)', '核查结果', '名额核对']);
  expect(done.written.map((w) => w.rows).slice(0, 2)).toEqual([6, 1350]);
  expect(done.written.every((w) => w.name === w.wanted)).toBe(true);
  expect(done.out.files.find((f) => f.error)?.name).toBe('县99-损坏.xlsx');
  // The earlier sheet of the same name is untouched.
  expect(host.worksheet('先进个人汇总')!.getCell('A1').value).toBe('上次的汇总');
  const ws = host.worksheet('先进个人汇总 (2)')!;
  expect(ws.rowCount).toBe(1 + 3 * 450);
  // Progress: files read, then rows of the big sheet in slices (not one jump).
  expect(progress.filter((p) => p.step === 'readFiles').pop()).toEqual({ step: 'readFiles', done: 4, total: 4, unit: 'files' });
  const rows = progress.filter((p) => p.step === 'writeSheets' && p.total === 1351).map((p) => p.done);
  expect(rows[rows.length - 1]).toBe(1351);
  expect(new Set(rows).size).toBeGreaterThan(3);
  // Text stays text, IDs keep their digits as text, the formula-like remark is not a formula.
  const header = (ws.getRow(1).values as unknown[]).slice(1);
  const idCol = header.indexOf('身份证号') + 1;
  const remarkCol = header.indexOf('备注') + 1;
  expect(ws.getCell(2, idCol).value).toBe(counties.SHARED_ID);
  expect(ws.getCell(2, idCol).numFmt).toBe('@');
  const remarks = [];
  for (let r = 2; r <= ws.rowCount; r++) remarks.push(ws.getCell(r, remarkCol).value);
  expect(remarks).toContain('=县级表彰');
  expect(remarks.some((v) => typeof v === 'object' && v !== null)).toBe(false);
  // Only text cells got the text format (ExcelJS shares styles between cells).
  expect(ws.getCell(2, header.indexOf('姓名') + 1).numFmt).not.toBe('@');
  // Each row of the cross-file duplicate holds the shared ID and is filled.
  const dup = done.out.duplicates.find((d) => d.places[0].sheet === '先进个人汇总 (2)')!;
  for (const p of dup.places) {
    expect(ws.getCell(p.row + 1, idCol).value).toBe(counties.SHARED_ID);
    expect(ws.getCell(p.row + 1, idCol).fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
  }
  expect(host.getSnapshot().activeSheet).toBe('先进集体汇总');

  // 公示 from the active sheet (the individuals' master): IDs and mobiles masked.
  await host.selectCell('先进个人汇总 (2)', 'A1');
  const notice = await runNotice(host, new LocalEngine(), { lang: 'zh', drop: [], onProgress: () => undefined });
  expect(notice.written.map((w) => w.name)).toEqual(['公示-先进个人']);
  expect(notice.out.rows).toEqual([1350]);
  const n = host.worksheet('公示-先进个人')!;
  const texts: string[] = [];
  n.eachRow((row) => (row.values as unknown[]).forEach((v) => v !== undefined && texts.push(String(v))));
  expect(texts.join('\n')).not.toContain(counties.SHARED_ID);
  expect(texts.join('\n').replace(/\s/g, '')).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
});

test('Office.js host: each sheet in ≤ 1 + ⌈request bytes / 4 MB⌉ syncs, no request over 4 MB', async () => {
  const engine = new LocalEngine();
  const out = await engine.run('consolidate', { files: await Promise.all(picked.map(async (p) => ({ name: p.name, bytes: await p.arrayBuffer() }))), lang: 'zh', takenSheetNames: ['Sheet1'] });
  const wb = new FakeWorkbook();
  wb.addSheet('Sheet1');
  const fake = new FakeExcel(wb, { apiVersion: '1.9' });
  const host = createExcelHost(fake, { supports: fake.supports });
  for (const spec of out.sheets) {
    fake.resetStats();
    const name = await host.insertSheet!({ name: spec.name, spec: async () => spec });
    expect(name).toBe(spec.name);
    expect(fake.stats.syncs).toBeLessThanOrEqual(1 + Math.ceil(fake.totalRequestBytes / (4 * 1024 * 1024)));
    expect(fake.maxRequestBytes).toBeLessThanOrEqual(4 * 1024 * 1024);
  }
  expect(await host.sheetNames!()).toEqual(['Sheet1', ...out.sheets.map((s) => s.name)]);
});
