/**
 * host.insertSheet (the 名额核对 sheet) against the strict fake: insertWorksheetsFromBase64 on ExcelApi 1.13, the
 * SheetSpec rebuilt cell by cell below it — formulas stay live (COUNTIFS over the register by name).
 */
import { checkWorkbooks } from '../../src/core/check';
import { getProfile } from '../../src/core/profiles';
import { createExcelHost } from '../../src/excel/host';
import ExcelJS from 'exceljs';
import { sheetsReferenced, tallySheetPayload } from '../../src/taskpane/tally-sheet-payload';
import { FakeWorkbook } from '../fakes/excel-fake';
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

describe('the 名额核对 payload refers to no sheet outside it', () => {
  test.each([
    ["COUNTIFS('登记表'!$B:$B,\"=奎屯市\")", ['登记表']],
    ["SUM(C5:C9)", []],
    ["COUNTIFS('A ''b'''!B:B,\"x!y\")+Sheet2!A1", ["A 'b'", 'Sheet2']],
    ['"名额核对!A1"', []],
  ])('sheetsReferenced(%s)', (f, names) => {
    expect(sheetsReferenced(f)).toEqual(names);
  });

  test('the .xlsx carries no formula over 登记表; the host writes them after the insert (ExcelApi 1.13, through the client)', async () => {
    const p = payload();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await p.base64!(), 'base64') as unknown as ExcelJS.Buffer);
    const names = book.worksheets.map((w) => w.name.toLowerCase());
    let formulasInPayload = 0;
    for (const ws of book.worksheets) {
      ws.eachRow((row) => row.eachCell((cell) => {
        const f = (cell.value as { formula?: string } | null)?.formula;
        if (typeof f !== 'string') return;
        formulasInPayload++;
        for (const n of sheetsReferenced(f)) expect(names).toContain(n.toLowerCase());
      }));
    }
    expect(formulasInPayload).toBeGreaterThan(0); // the SUM rows stay
    expect(p.formulas!.length).toBeGreaterThan(0);
    expect(p.formulas!.every((f) => f.formula.includes("'登记表'!"))).toBe(true);

    // The fake inserts its own JSON form of a sheet: the cells without the lifted formulas, as in the .xlsx.
    const { wb, fake, host } = setup('1.13');
    wb.addSheet('登记表');
    fake.resetStats();
    const b64 = Buffer.from(JSON.stringify({ sheets: [{ name: '名额核对', cells: { A1: '名额核对' } }] })).toString('base64');
    const name = await host.insertSheet!({ name: '名额核对', base64: async () => b64, formulas: p.formulas });
    expect(fake.stats.syncs).toBe(2);
    const s = wb.sheet(name);
    for (const f of p.formulas!) {
      expect(s.value(f.cell)).toBe(f.formula);
      expect(s.get(f.cell).formula).toBe(true);
    }
  });
});
