/**
 * host.insertSheet (the 名额核对 sheet) against the strict fake: insertWorksheetsFromBase64 on ExcelApi 1.13, the
 * SheetSpec rebuilt cell by cell below it — formulas stay live (COUNTIFS over the register by name).
 */
import { checkWorkbooks } from '../../src/core/check';
import { getProfile } from '../../src/core/profiles';
import { createExcelHost } from '../../src/excel/host';
import { tallySheetPayload } from '../../src/taskpane/tally-sheet-payload';
import { FakeExcel, FakeWorkbook } from '../fakes/excel-fake';
import { ClientExcel } from '../fakes/office-client';
import { many, registerSheet } from '../helpers/quota-tester';

function setup(apiVersion: string) {
  const wb = new FakeWorkbook();
  const fake = new ClientExcel(wb, { apiVersion });
  const host = createExcelHost(fake, { supports: fake.supports });
  return { wb, fake, host };
}

function payload() {
  const profile = getProfile('xj-qc-2019');
  const grid = { name: 'r.xlsx', sheets: [registerSheet([...many(5, { region: '奎屯市工信局' }), { region: '奎屯市' }])] };
  const run = checkWorkbooks([{ grid, file: 'r.xlsx' }], { profile });
  return tallySheetPayload(run, profile, profile.name);
}

describe('insertSheet', () => {
  test('ExcelApi 1.13: insertWorksheetsFromBase64, then activate — 2 syncs', async () => {
    const { wb, fake, host } = setup('1.13');
    wb.addSheet('登记表');
    fake.resetStats();
    const b64 = Buffer.from(JSON.stringify({ sheets: [{ name: '名额核对', cells: { A1: '名额核对', C6: '=SUMPRODUCT(1)' } }] })).toString('base64');
    const name = await host.insertSheet!({ name: '名额核对', base64: async () => b64 });
    expect(name).toBe('名额核对');
    expect(fake.stats.syncs).toBe(2);
    expect(wb.activeSheet().name).toBe('名额核对');
  });

  test('ExcelApi 1.9: the SheetSpec rebuilt, COUNTIFS formulas live over the register sheet, variants counted', async () => {
    const { wb, fake, host } = setup('1.9');
    wb.addSheet('登记表');
    fake.resetStats();
    const name = await host.insertSheet!(payload());
    expect(name).toBe('名额核对');
    expect(fake.stats.syncs).toBe(2);
    const s = wb.sheet('名额核对');
    const formulas: string[] = [];
    for (const row of s.rows) for (const c of row ?? []) if (c && typeof c.value === 'string' && c.value.startsWith('=')) formulas.push(c.value);
    const count = formulas.find((f) => f.includes('"=奎屯市工信局"'));
    expect(count).toMatch(/COUNTIFS\('登记表'!\$B:\$B,"=奎屯市工信局",'登记表'!\$C:\$C,/);
    expect(count).toContain('"=奎屯市"'); // the variant the engine counted there
    expect(formulas.some((f) => /^=SUM\(/.test(f))).toBe(true);
  });
});
