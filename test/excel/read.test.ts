import { createExcelHost } from '../../src/excel/host';
import { MARK_STORE_SHEET } from '../../src/excel/marks';
import { FakeExcel, FakeWorkbook, fillAnnex3, FakeOfficeError } from '../fakes/excel-fake';
import { ClientExcel } from '../fakes/office-client';

const MB4 = 4 * 1024 * 1024;

function setup(apiVersion = '1.18') {
  const wb = new FakeWorkbook();
  const fake = new ClientExcel(wb, { apiVersion });
  const host = createExcelHost(fake, { supports: fake.supports });
  return { wb, fake, host };
}

describe('the fake enforces the Office.js object model', () => {
  test('reading a property before load + sync throws PropertyNotLoaded; writes wait for sync', async () => {
    const wb = new FakeWorkbook();
    const fake = new FakeExcel(wb);
    wb.addSheet('S').set('A1', { value: 'x' });
    await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('S').getRange('A1');
      expect(() => r.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      r.load('values');
      expect(() => r.values).toThrow(FakeOfficeError);
      await ctx.sync();
      expect(r.values).toEqual([['x']]);
      r.values = [['y']];
      expect(wb.sheet('S').value('A1')).toBe('x');
      await ctx.sync();
      expect(wb.sheet('S').value('A1')).toBe('y');
    });
  });

  test('a missing sheet fails at sync with ItemNotFound; number-like text typed into a General cell becomes a number', async () => {
    const { wb, fake } = setup();
    const s = wb.addSheet('S');
    s.set('B1', { numberFormat: '@' });
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('nope');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      ws.getRange('A1:B1').values = [['654002199001011234', '654002199001011234']];
      await ctx.sync();
    });
    expect(s.value('A1')).toBe(654002199001011000);
    expect(s.value('B1')).toBe('654002199001011234');
  });

  test('payload limits: a response over the limit fails with ResponsePayloadSizeLimitExceeded', async () => {
    const { wb, fake } = setup();
    fillAnnex3(wb.addSheet('S'), 2000);
    fake.responseLimit = 50_000;
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getUsedRange(true).load('values');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
  });
});

describe('readWorkbook', () => {
  test('numbers stay numbers, IDs typed as numbers stay detectable, dates become Dates, errors their text', async () => {
    const { wb, fake, host } = setup();
    const s = wb.addSheet('附件3');
    s.set('C3', { value: '姓名' }).set('D3', { value: '身份证号' }).set('E3', { value: '出生日期' }).set('F3', { value: '人数' });
    s.set('C4', { value: '张三' })
      .set('D4', { value: 654002199001011000 }) // an 18-digit ID typed as a number: precision already lost
      .set('E4', { value: 45369, numberFormat: 'yyyy"年"m"月"d"日"' })
      .set('F4', { value: 12 })
      .set('G4', { value: true });
    s.set('C5', { value: '李四' }).set('D5', { value: '65400219900101123X', numberFormat: '@' }).set('E5', { error: '#N/A' }).set('F5', { value: 0.5, numberFormat: '0.00%' });
    fake.resetStats();
    const grid = await host.readWorkbook('active');
    expect(fake.stats.syncs).toBe(1);
    expect(grid.name).toBe('Book1.xlsx');
    const g = grid.sheets[0];
    expect(g.name).toBe('附件3');
    expect(g.origin).toEqual({ row: 2, col: 2 }); // used range starts at C3
    expect(g.values[0]).toEqual(['姓名', '身份证号', '出生日期', '人数', null]);
    expect(g.values[1][1]).toBe(654002199001011000);
    expect(typeof g.values[1][1]).toBe('number');
    expect(g.values[1][2]).toEqual(new Date(Date.UTC(2024, 2, 18)));
    expect(g.values[1][3]).toBe(12);
    expect(g.values[1][4]).toBe(true);
    expect(g.values[2][1]).toBe('65400219900101123X');
    expect(g.values[2][2]).toBe('#N/A');
    expect(g.values[2][3]).toBe(0.5);
    expect(g.numberFormats?.[2][1]).toBe('@');
    expect(g.numberFormats?.[1][0]).toBe('General');
  });

  test("'all' reads every user sheet, skips the mark store and very hidden sheets, keeps hidden ones", async () => {
    const { wb, host } = setup();
    wb.addSheet('一').set('A1', { value: 1 });
    wb.addSheet('二').set('B2', { value: 'x' });
    const h = wb.addSheet('隐藏');
    h.set('A1', { value: 'h' });
    h.visibility = 'Hidden';
    const store = wb.addSheet(MARK_STORE_SHEET);
    store.set('A1', { value: 'sheet' });
    store.visibility = 'VeryHidden';
    const empty = wb.addSheet('空');
    void empty;
    const grid = await host.readWorkbook('all');
    expect(grid.sheets.map((s) => s.name)).toEqual(['一', '二', '隐藏', '空']);
    expect(grid.sheets[1].origin).toEqual({ row: 1, col: 1 });
    expect(grid.sheets[3].values).toEqual([]);
  });

  test('progress is reported in rows', async () => {
    const { wb, host } = setup();
    fillAnnex3(wb.addSheet('S'), 1000);
    const seen: number[] = [];
    await host.readWorkbook('active', (p) => seen.push(p.done / p.total));
    expect(seen[seen.length - 1]).toBe(1);
  });

  test.each([10, 10_000, 100_000])('%i rows: syncs ≤ 1 + ⌈bytes / 4 MB⌉, no request or response over 4 MB', async (rows) => {
    const { wb, fake, host } = setup();
    const layout = fillAnnex3(wb.addSheet('附件3'), rows, { originRow: 1, originCol: 1 });
    fake.tracing = false;
    fake.resetStats();
    const grid = await host.readWorkbook('active');
    const bytes = fake.totalResponseBytes;
    expect(fake.stats.syncs).toBeLessThanOrEqual(1 + Math.ceil(bytes / MB4));
    expect(fake.maxRequestBytes).toBeLessThanOrEqual(MB4);
    expect(fake.maxResponseBytes).toBeLessThanOrEqual(MB4);
    const g = grid.sheets[0];
    expect(g.origin).toEqual({ row: 1, col: 1 });
    expect(g.values.length).toBe(rows + 3);
    const last = g.values[g.values.length - 1];
    expect(last[0]).toBe(rows);
    expect(last[layout.idCol - layout.firstCol]).toBe(wb.sheet('附件3').value(`K${rows + 4}`));
    expect(typeof last[layout.idCol - layout.firstCol]).toBe('string');
  });

  test('a chunk over the host limit is retried at half the rows until it fits', async () => {
    const { wb, fake, host } = setup();
    fillAnnex3(wb.addSheet('S'), 5000);
    const expected = await host.readWorkbook('active');
    fake.responseLimit = 150_000; // far below the host's 4 MB budget
    fake.resetStats();
    const grid = await host.readWorkbook('active');
    expect(grid).toEqual(expected);
    const failed = fake.stats.responseBytes.filter((b) => b > 150_000).length;
    expect(failed).toBeGreaterThan(0);
    expect(fake.stats.syncs).toBeGreaterThan(failed);
  });

  test('a sample too large for the limit is retried at half the rows', async () => {
    const { wb, fake, host } = setup();
    fillAnnex3(wb.addSheet('S'), 300);
    const expected = await host.readWorkbook('active');
    fake.responseLimit = 20_000;
    const grid = await host.readWorkbook('active');
    expect(grid).toEqual(expected);
  });

  test('one row over the limit is a plain-language error, not a raw exception', async () => {
    const { wb, fake, host } = setup();
    wb.addSheet('S').set('A1', { value: 'x'.repeat(5000) });
    fake.responseLimit = 1000;
    await expect(host.readWorkbook('active')).rejects.toMatchObject({ name: 'ExcelHostError', code: 'too-large', message: expect.stringContaining('数据量超出') });
  });
});
