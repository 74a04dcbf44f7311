import type { LocatedFinding } from '../../src/core/check';
import type { CellChange } from '../../src/core/fill';
import { a1, parseA1 } from '../../src/core/grid';
import { ExcelHostError, toHostError } from '../../src/excel/errors';
import { createExcelHost } from '../../src/excel/host';
import { MARK_STORE_SHEET } from '../../src/excel/marks';
import { FakeWorkbook, fillAnnex3, type FakeSheet } from '../fakes/excel-fake';
import { ClientExcel } from '../fakes/office-client';

function setup(apiVersion = '1.18', templateBase64?: (kind: 'annex3') => Promise<string>) {
  const wb = new FakeWorkbook();
  const fake = new ClientExcel(wb, { apiVersion });
  const host = createExcelHost(fake, { supports: fake.supports, templateBase64 });
  return { wb, fake, host };
}

describe('capabilities and small operations', () => {
  test.each([
    ['1.1', { marks: false, notes: false, comments: false, insertWorksheets: false, mergedCells: false }],
    ['1.8', { marks: false, notes: false, comments: false, insertWorksheets: false, mergedCells: false }],
    ['1.9', { marks: true, notes: false, comments: false, insertWorksheets: false, mergedCells: false }],
    ['1.10', { marks: true, notes: false, comments: true, insertWorksheets: false, mergedCells: false }],
    ['1.13', { marks: true, notes: false, comments: true, insertWorksheets: true, mergedCells: true }],
    ['1.18', { marks: true, notes: true, comments: true, insertWorksheets: true, mergedCells: true }],
  ])('ExcelApi %s', (v, caps) => {
    expect(setup(v).host.capabilities()).toEqual(caps);
  });

  test('without a supports function only the minimum set is assumed', () => {
    const fake = new ClientExcel(new FakeWorkbook());
    expect(createExcelHost(fake).capabilities()).toEqual({ marks: false, notes: false, comments: false, insertWorksheets: false, mergedCells: false });
  });

  test('below ExcelApi 1.9 the sheet is read, and marking says what it needs in plain words', async () => {
    const { wb, host } = setup('1.8');
    wb.addSheet('S').set('A1', { value: '序号' });
    expect((await host.readWorkbook('active')).sheets[0].values).toEqual([['序号']]);
    await expect(host.mark([{ file: 'b', sheet: 'S', cell: 'A1', row: 0, col: 0, rule: 'r', severity: 'error', message: 'm', value: null, fix: null }])).rejects.toMatchObject({
      code: 'unsupported',
      params: { set: 'ExcelApi', version: '1.9' },
    });
  });

  test('workbookName', async () => {
    const { wb, host } = setup();
    wb.name = '伊宁市推荐汇总.xlsx';
    wb.addSheet('S');
    expect(await host.workbookName()).toBe('伊宁市推荐汇总.xlsx');
  });

  test('selectCell activates the sheet and selects the cell in one sync', async () => {
    const { wb, fake, host } = setup();
    wb.addSheet('一');
    const two = wb.addSheet('附件3');
    fake.resetStats();
    await host.selectCell('附件3', 'J14');
    expect(fake.stats.syncs).toBe(1);
    expect(wb.activeSheetId).toBe(two.id);
    expect(wb.selection).toEqual({ sheetId: two.id, address: 'J14' });
  });
});

describe('insertTemplate', () => {
  const template = FakeWorkbook.encodeTemplate([{ name: '附件3', cells: { A1: '先进个人推荐对象汇总表', A3: '序号' } }]);

  test('inserts the sheets of the base64 workbook and activates the first one', async () => {
    const kinds: string[] = [];
    const { wb, host } = setup('1.13', async (kind) => {
      kinds.push(kind);
      return template;
    });
    wb.addSheet('附件3'); // the name is taken: Excel renames the inserted sheet
    const name = await host.insertTemplate('annex3');
    expect(kinds).toEqual(['annex3']);
    expect(name).toBe('附件3 (2)');
    expect(wb.activeSheet().name).toBe('附件3 (2)');
    expect(wb.sheet('附件3 (2)').value('A3')).toBe('序号');
  });

  test('below ExcelApi 1.13: a clear Chinese message pointing to the command line', async () => {
    const { host } = setup('1.12', async () => template);
    const err = await host.insertTemplate('annex3').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ExcelHostError);
    expect((err as ExcelHostError).message).toBe('此版本的 Excel 不支持插入模板工作表，请使用命令行 award-tally template annex3 生成');
    expect((err as ExcelHostError).messageEn).toContain('award-tally template annex3');
  });
});

describe('errors reach the user in plain words', () => {
  test('cell-edit mode', async () => {
    const { wb, fake, host } = setup();
    wb.addSheet('S');
    fake.failNextSync('InvalidOperationInCellEditMode', 'The operation is not allowed in cell edit mode.');
    const err = (await host.selectCell('S', 'A1').catch((e: unknown) => e)) as ExcelHostError;
    expect(err).toBeInstanceOf(ExcelHostError);
    expect(err.code).toBe('cell-editing');
    expect(err.message).toContain('按 Enter 或 Esc');
    expect(err.text('en')).toContain('Enter or Esc');
    expect(err.officeCode).toBe('InvalidOperationInCellEditMode');
    expect(err.detail).toContain('cell edit mode');
  });

  test('a renamed sheet', async () => {
    const { wb, host } = setup();
    wb.addSheet('S');
    await expect(host.selectCell('改名了', 'A1')).rejects.toMatchObject({ code: 'not-found', message: expect.stringContaining('重命名或删除') });
  });

  test('protection and unknown errors', () => {
    expect(toHostError(Object.assign(new Error('Access denied'), { code: 'AccessDenied' })).code).toBe('protected');
    const e = toHostError(new TypeError('x is undefined'));
    expect(e.code).toBe('excel');
    expect(e.message).not.toContain('x is undefined');
    expect(e.detail).toContain('x is undefined');
  });
});

describe('a host stricter than the 4 MB budget', () => {
  function findingsFor(s: FakeSheet, n: number): LocatedFinding[] {
    const layout = fillAnnex3(s, n);
    return Array.from({ length: n }, (_, i) => {
      const row = layout.firstDataRow + i;
      return { file: 'b', sheet: s.name, cell: a1(row, layout.idCol), row, col: layout.idCol, rule: 'id.checksum', severity: 'error', message: '身份证号校验码错误' };
    });
  }

  test('marks and clears with a 60 kB request/response limit by splitting (threaded comments, ExcelApi 1.17)', async () => {
    const { wb, fake, host } = setup('1.17');
    const s = wb.addSheet('附件3');
    const findings = findingsFor(s, 1500);
    const before = JSON.stringify(s.rows);
    fake.requestLimit = 60_000;
    fake.responseLimit = 60_000;
    expect(await host.mark(findings)).toEqual({ marked: 1500 });
    expect(wb.comments.size).toBe(1500);
    expect(await host.clearMarks()).toEqual({ cleared: 1500 });
    expect(JSON.stringify(s.rows)).toBe(before);
    expect(wb.comments.size).toBe(0);
    expect(wb.findSheet(MARK_STORE_SHEET)).toBeUndefined();
  });

  test('applyChanges with a 30 kB request limit', async () => {
    const { wb, fake, host } = setup();
    const s = wb.addSheet('S');
    for (let i = 0; i < 3000; i++) s.set(`A${i + 1}`, { value: `旧值${i}` });
    const plan: CellChange[] = Array.from({ length: 3000 }, (_, i) => ({ sheet: 'S', cell: `A${i + 1}`, ...parseA1(`A${i + 1}`), before: `旧值${i}`, after: `新值${i}`, reason: 't', message: 't' }));
    fake.requestLimit = 30_000;
    fake.responseLimit = 30_000;
    const r = await host.applyChanges(plan);
    expect(r.written).toBe(3000);
    expect(s.value('A3000')).toBe('新值2999');
  });
});
