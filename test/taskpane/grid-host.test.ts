/**
 * The preview page's workbook host over real .xlsx bytes and real ExcelJS (Node build here, browser build in the
 * page): it feeds the engine, selects, marks and restores, applies fill changes and inserts the template.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { GridHost, type ExcelJSModule } from '../../src/preview/grid-host';
import { checkWorkbook } from '../../src/core/check';
import { planFill } from '../../src/core/fill';
import { HostError } from '../../src/taskpane/host-port';
import { describeError } from '../../src/taskpane/errors';
import { templatePayload } from '../../src/taskpane/template-payload';
import { getProfile } from '../../src/core/profiles';
import { writeFixture } from '../e2e/fixture';

const EXAMPLE = path.resolve(__dirname, '..', '..', 'examples', 'annex3-mistakes.xlsx');

async function exampleBytes(): Promise<Buffer> {
  if (fs.existsSync(EXAMPLE)) return fs.readFileSync(EXAMPLE);
  const tmp = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'grid-host-')), 'fixture.xlsx');
  await writeFixture(tmp);
  return fs.readFileSync(tmp);
}

function newHost(): GridHost {
  return new GridHost({
    lang: 'zh',
    excelJS: async () => ExcelJS as unknown as ExcelJSModule,
  });
}

async function loaded(): Promise<GridHost> {
  const host = newHost();
  await host.loadBytes(await exampleBytes(), 'annex3-mistakes.xlsx');
  return host;
}

async function check(host: GridHost) {
  return checkWorkbook(await host.readWorkbook('all'), { file: await host.workbookName(), lang: 'zh' });
}

test('loads an .xlsx and feeds the engine', async () => {
  const host = await loaded();
  const snap = host.getSnapshot();
  expect(snap.fileName).toBe('annex3-mistakes.xlsx');
  expect(snap.loading).toBe(false);
  expect(snap.activeSheet).toBe('附件3');
  const progress: number[] = [];
  const grid = await host.readWorkbook('active', (p) => progress.push(p.done));
  expect(grid.sheets.map((s) => s.name)).toEqual(['附件3']);
  expect(progress[progress.length - 1]).toBe(1);
  const result = checkWorkbook(grid, { file: 'annex3-mistakes.xlsx', lang: 'zh' });
  expect(result.findings.some((f) => f.rule === 'id.checksum')).toBe(true);
});

test('selectCell switches to the sheet and selects the cell', async () => {
  const host = await loaded();
  const seen: number[] = [];
  host.subscribe(() => seen.push(host.getSnapshot().version));
  await host.selectCell('附件3', 'J13');
  expect(host.getSnapshot().selected).toEqual({ sheet: '附件3', cell: 'J13' });
  expect(seen).toHaveLength(1);
  await expect(host.selectCell('没有', 'A1')).rejects.toMatchObject({ name: 'HostError', code: 'not-found', params: { sheet: '没有' } });
});

test('marks are an overlay: the workbook is untouched and clearMarks restores exactly', async () => {
  const host = await loaded();
  const result = await check(host);
  const ws = host.workbook()!.getWorksheet('附件3')!;
  const before = JSON.stringify(ws.model);
  const { marked } = await host.mark(result.findings);
  const cells = new Set(result.findings.map((f) => `${f.sheet}!${f.cell}`));
  expect(marked).toBe(cells.size);
  const checksum = result.findings.find((f) => f.rule === 'id.checksum')!;
  const mark = host.getSnapshot().marks.get(`附件3!${checksum.cell}`)!;
  expect(mark.severity).toBe('error');
  expect(mark.messages).toContain(checksum.message);
  expect(JSON.stringify(ws.model)).toBe(before);
  expect(await host.clearMarks()).toEqual({ cleared: cells.size });
  expect(host.getSnapshot().marks.size).toBe(0);
  expect(JSON.stringify(ws.model)).toBe(before);
});

test('applyChanges writes confirmed changes and skips cells edited since', async () => {
  const host = await loaded();
  const plan = planFill(await check(host), 'zh');
  expect(plan.changes.length).toBeGreaterThan(1);
  const [edited, ...rest] = plan.changes;
  const ws = host.workbook()!.getWorksheet(edited.sheet)!;
  ws.getCell(edited.row + 1, edited.col + 1).value = '用户刚改过';
  const r = await host.applyChanges(plan.changes);
  expect(r.skipped).toEqual([edited]);
  expect(r.written).toBe(rest.length);
  for (const c of rest) {
    const cell = host.workbook()!.getWorksheet(c.sheet)!.getCell(c.row + 1, c.col + 1);
    expect(cell.value).toBe(c.after);
    if (c.numberFormat) expect(cell.numFmt).toBe(c.numberFormat);
  }
  expect(ws.getCell(edited.row + 1, edited.col + 1).value).toBe('用户刚改过');
  // Applied again, nothing matches `before` any more.
  expect((await host.applyChanges(rest)).written).toBe(0);
});

test('insertSheet adds a formatted, validated 附件3 template under a free name', async () => {
  const host = await loaded();
  const name = await host.insertSheet(templatePayload('annex3', getProfile('ili-2025-contribution')));
  expect(name).toBe('附件3 (2)');
  expect(host.getSnapshot().activeSheet).toBe(name);
  expect(host.getSnapshot().sheets).toContain(name);
  const ws = host.workbook()!.getWorksheet(name)!;
  const { annex3Layout } = await import('../../src/xlsx/template');
  const L = annex3Layout();
  const idCol = L.individualColumns.residentId;
  expect(ws.getCell(L.individualFirstRow + 1, idCol + 1).numFmt).toBe('@');
  // Kept by range as the writer added them (`J17:J36`), expanded per cell only when the file is written.
  const dvs = (ws as unknown as { dataValidations: { model: Record<string, { type: string }> } }).dataValidations.model;
  const idLetter = ws.getColumn(idCol + 1).letter;
  const idRange = Object.keys(dvs).find((k) => k.startsWith(`${idLetter}${L.individualFirstRow + 1}`));
  expect(idRange && dvs[idRange].type).toBe('custom');
  expect(Object.values(dvs).filter((d) => d.type === 'list').length).toBeGreaterThanOrEqual(2);
  expect(Object.keys((ws as unknown as { _merges: object })._merges).length).toBeGreaterThan(0);
  // The engine recognises the blank template's header.
  const grid = await host.readWorkbook('active');
  const result = checkWorkbook(grid, { file: 'x', lang: 'zh' });
  expect(result.tables.map((t) => t.kind)).toEqual(expect.arrayContaining(['annex3.individual']));
});

test('bad files and no file: HostError codes the pane words in Chinese and English', async () => {
  const host = newHost();
  await expect(host.readWorkbook('active')).rejects.toMatchObject({ code: 'no-workbook' });
  const none = await host.readWorkbook('active').catch((e: unknown) => e);
  expect(describeError(none, 'zh').message).toContain('尚未打开工作簿');
  expect(describeError(none, 'en').message).toContain('No workbook is open');

  const text = await host.loadBytes(new TextEncoder().encode('序号,姓名\n1,张三'), 'a.xlsx').catch((e: unknown) => e);
  expect(text).toBeInstanceOf(HostError);
  expect(text).toMatchObject({ code: 'file-unreadable', params: { file: 'a.xlsx', reason: 'not-workbook' } });
  expect(host.getSnapshot().loadError).toContain('该文件不是 Excel 工作簿');
  expect(host.getSnapshot().loadError).toContain('a.xlsx');
  expect(host.getSnapshot().loadingFile).toBe('a.xlsx');

  const ole2 = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
  await expect(host.loadBytes(ole2, 'old.xls')).rejects.toMatchObject({ code: 'file-unreadable', params: { reason: 'ole2' } });
  expect(host.getSnapshot().loadError).toContain('旧版 Excel 97-2003');

  const broken = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]);
  const corrupt = await host.loadBytes(broken, 'broken.xlsx').catch((e: unknown) => e);
  expect(corrupt).toMatchObject({ code: 'file-unreadable', params: { reason: 'corrupt' } });
  expect(describeError(corrupt, 'en').message).toMatch(/^"broken\.xlsx" could not be read; no workbook is open\. The file is damaged/);
});

test('a file that cannot be read closes the workbook open before: nothing is taken for the chosen file', async () => {
  const ok = await loaded();
  expect((await ok.readWorkbook('active')).sheets.length).toBe(1);
  const err = await ok.loadBytes(new Uint8Array(0), 'empty.xlsx').catch((e: unknown) => e);
  expect(err).toMatchObject({ code: 'file-unreadable', params: { file: 'empty.xlsx', reason: 'empty' } });
  const snap = ok.getSnapshot();
  expect(snap.fileName).toBeNull();
  expect(snap.sheets).toEqual([]);
  expect(snap.loadError).toContain('empty.xlsx');
  expect(snap.loadError).toContain('未打开任何工作簿');
  await expect(ok.readWorkbook('active')).rejects.toMatchObject({ code: 'no-workbook' });
  await expect(ok.workbookName()).rejects.toMatchObject({ code: 'no-workbook' });
  // The next good file opens as usual.
  await ok.loadBytes(await exampleBytes(), 'again.xlsx');
  expect(await ok.workbookName()).toBe('again.xlsx');
});

test('settings live with the open workbook and go when another is opened', async () => {
  const host = await loaded();
  expect(await host.settings.get('awardTally.profile')).toBeNull();
  await host.settings.set('awardTally.profile', 'xj-qc-2019');
  expect(await host.settings.get('awardTally.profile')).toBe('xj-qc-2019');
  await host.loadBytes(await exampleBytes(), 'other.xlsx');
  expect(await host.settings.get('awardTally.profile')).toBeNull();
});

test('insertSheet writes the payload formulas over other sheets after copying the .xlsx (the 名额核对 sheet)', async () => {
  const host = await loaded();
  const tpl = new ExcelJS.Workbook();
  tpl.addWorksheet('名额核对').getCell('A1').value = '名额核对';
  const base64 = Buffer.from(await tpl.xlsx.writeBuffer()).toString('base64');
  const first = host.getSnapshot().sheets[0];
  const name = await host.insertSheet({ name: '名额核对', base64: async () => base64, formulas: [{ cell: 'C5', formula: `=COUNTIFS('${first}'!$B:$B,"=奎屯市")` }] });
  const ws = host.workbook()!.getWorksheet(name)!;
  expect(ws.getCell('A1').value).toBe('名额核对');
  expect((ws.getCell('C5').value as { formula: string }).formula).toBe(`COUNTIFS('${first}'!$B:$B,"=奎屯市")`);
});
