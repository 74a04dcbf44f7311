import { promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { applyPlan, formulaLookup, insertRows, shiftFormulaRows } from '../../src/xlsx/apply-plan';
import { checkWorkbook } from '../../src/core/check';
import { planStatsFill } from '../../src/core/fill-stats';
import { workbookToGrid } from '../../src/xlsx/from-exceljs';
import type { CellValue } from '../../src/core/grid';
import { iliIndicatorsSheet, nantongQualitySheet, qcActivitySheet } from '../helpers/stats-sheets';
import { compareRates, note, recalc, verified } from '../helpers/libreoffice';

let dir: string;
beforeAll(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'at-apply-'));
});
afterAll(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
  if (verified.formulas) console.log(`apply-plan: ${verified.formulas} formula results verified in LibreOffice, max abs error ${verified.maxAbsError}`);
});

describe('shiftFormulaRows (insert 2 rows before row 8 of S)', () => {
  const shift = (f: string, own = 'S') => shiftFormulaRows(f, own, 'S', 8, 2);
  test.each([
    ['IF(C10=0,"",C9/C10)', 'IF(C12=0,"",C11/C12)'],
    ['C7/C9', 'C7/C11'],
    ['$C$8*2', '$C$10*2'],
    ['SUM(C5:C9)', 'SUM(C5:C11)'],
    ['SUM(C8:C9)', 'SUM(C10:C11)'],
    ['SUM(7:9)', 'SUM(7:11)'],
    ['"C9 stays"&C9', '"C9 stays"&C11'],
    ['"say ""C9"""&C9', '"say ""C9"""&C11'],
    ['LOG10(C9)+ATAN2(C9,1)', 'LOG10(C11)+ATAN2(C11,1)'],
    ['0.8*D9+0.6*D7', '0.8*D11+0.6*D7'],
    ['SUM(A:A)', 'SUM(A:A)'],
  ])('%s → %s', (f, want) => expect(shift(f)).toBe(want));
  test('references to other sheets and from other sheets', () => {
    expect(shift('T!C9+C9', 'S')).toBe('T!C9+C11');
    expect(shift('S!C9+C9', 'T')).toBe('S!C11+C9');
    expect(shiftFormulaRows("'附件 7'!C9+C9", 'T', '附件 7', 8, 2)).toBe("'附件 7'!C11+C9");
    expect(shiftFormulaRows('附件7!C9', 'T', '附件7', 8, 2)).toBe('附件7!C11');
  });
});

describe('insertRows keeps the sheet consistent (formulas, merges, validations, print area)', () => {
  let ws: ExcelJS.Worksheet;
  let other: ExcelJS.Worksheet;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet('S');
    const t = wb.addWorksheet('T');
    for (let r = 1; r <= 12; r++) s.getCell(r, 3).value = r * 10;
    s.getCell('A1').value = 'title';
    s.mergeCells('A1:C1'); // above: stays
    s.mergeCells('A7:A9'); // spans the insertion before row 8: grows
    s.mergeCells('A11:B11'); // below: moves
    s.getCell('D2').value = { formula: 'SUM(C3:C12)' } as ExcelJS.CellFormulaValue;
    s.getCell('D10').value = { formula: 'C10/C9' } as ExcelJS.CellFormulaValue;
    s.getCell('E9').value = { formula: 'C9*2', shareType: 'shared', ref: 'E9:E10' } as unknown as ExcelJS.CellFormulaValue;
    s.getCell('E10').value = { sharedFormula: 'E9' } as unknown as ExcelJS.CellFormulaValue;
    t.getCell('A1').value = { formula: 'S!C9+S!C3' } as ExcelJS.CellFormulaValue;
    (s as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }).dataValidations.add('C5:C12', { type: 'whole', operator: 'greaterThanOrEqual', formulae: [0], allowBlank: true });
    s.getCell('B7').border = { top: { style: 'thin' } };
    s.getCell('C7').numFmt = '0.00%';
    s.pageSetup.printArea = 'A1:E12';
    insertRows(wb, s, 7, 2); // before sheet row 8
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    ws = back.getWorksheet('S')!;
    other = back.getWorksheet('T')!;
  });
  test('values move down', () => {
    expect(ws.getCell('C7').value).toBe(70);
    expect(ws.getCell('C8').value).toBeNull();
    expect(ws.getCell('C10').value).toBe(80);
    expect(ws.getCell('C14').value).toBe(120);
  });
  test('formulas follow, on the sheet and from other sheets; shared formulas expanded', () => {
    expect(ws.getCell('D2').formula).toBe('SUM(C3:C14)');
    expect(ws.getCell('D12').formula).toBe('C12/C11');
    expect(ws.getCell('E11').formula).toBe('C11*2');
    expect(ws.getCell('E12').formula).toBe('C12*2');
    expect(other.getCell('A1').formula).toBe('S!C11+S!C3');
  });
  test('merged areas: above kept, spanning grown, below moved', () => {
    const merges = Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges).sort();
    expect(merges).toEqual(['A1', 'A13', 'A7']);
    expect(ws.getCell('A9').isMerged).toBe(true);
    expect(ws.getCell('A11').isMerged).toBe(true);
    expect(ws.getCell('B13').isMerged).toBe(true);
    expect(ws.getCell('B11').isMerged).toBe(false);
  });
  test('validations and print area follow; new rows take the formatting (not the number format) of the row above', () => {
    expect(ws.getCell('C14').dataValidation?.type).toBe('whole');
    expect(ws.getCell('C8').dataValidation?.type).toBe('whole');
    expect(ws.getCell('C4').dataValidation).toBeUndefined();
    expect(ws.pageSetup.printArea).toBe('A1:E14');
    expect(ws.getCell('B8').border?.top?.style).toBe('thin');
    expect(ws.getCell('C8').numFmt).toBeUndefined();
  });
  test('LibreOffice computes the moved formulas to the same values as before the insert', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await ws.workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const grid = await recalc(wb, path.join(dir, 'insert'));
    if (!grid) return;
    const s = grid.sheets.find((x) => x.name === 'S')!.values;
    const t = grid.sheets.find((x) => x.name === 'T')!.values;
    expect(s[1][3]).toBe(750); // SUM(30..120)
    expect(s[11][3]).toBeCloseTo(100 / 90, 12); // C10/C9 before the insert
    expect(s[10][4]).toBe(180); // C9*2 before the insert
    expect(t[0][0]).toBe(90 + 30);
  }, 120_000);
});

/** Build an ExcelJS workbook from rows of values. */
function workbookOf(sheets: Record<string, CellValue[][]>, formats: Record<string, Record<string, string>> = {}): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((r, i) => r.forEach((v, j) => v !== null && v !== undefined && (ws.getCell(i + 1, j + 1).value = v as ExcelJS.CellValue)));
    for (const [addr, fmt] of Object.entries(formats[name] ?? {})) ws.getCell(addr).numFmt = fmt;
  }
  return wb;
}

/** Plan, apply, type numbers into the new input rows, recalculate in LibreOffice, compare with the engine. */
async function roundTrip(wb: ExcelJS.Workbook, fillInputs: (ws: ExcelJS.Workbook) => void, label: string) {
  const grid = workbookToGrid(wb, 'w.xlsx');
  const result = checkWorkbook(grid, { file: 'w.xlsx', rules: [] });
  const plan = planStatsFill(result, { formulaAt: formulaLookup(wb) });
  const outcome = applyPlan(wb, plan);
  expect(outcome.skipped).toEqual([]);
  fillInputs(wb);
  const back = await recalc(wb, path.join(dir, label));
  return { plan, outcome, back };
}

describe('a stats plan applied and recalculated in LibreOffice', () => {
  test('附件7 as printed: inputs inserted, formulas computed by LibreOffice equal the engine', async () => {
    const wb = workbookOf({ 附件7: qcActivitySheet({ activeGroups: 36, registeredGroups: 40 }) });
    const { plan, outcome, back } = await roundTrip(
      wb,
      (w) => {
        const ws = w.getWorksheet('附件7')!;
        ws.getCell('C9').value = 353; // 参加QC小组人数
        ws.getCell('C10').value = 1207; // 职工总数
        ws.getCell('C14').value = 23; // 取得成果小组数
      },
      'qc',
    );
    expect(outcome.inserted).toBe(3);
    expect(plan.changes.filter((c) => c.formula).map((c) => c.cell)).toEqual(['C8', 'C13']);
    const ws = wb.getWorksheet('附件7')!;
    expect(ws.getCell('A9').value).toBe('参加QC小组人数');
    expect(ws.getCell('C8').formula).toBe('IF(C10=0,"",C9/C10)');
    expect(ws.getCell('C8').numFmt).toBe('0.00%');
    // The side-by-side pair row moved with the inserts: 发表小组数 now in D19.
    expect(ws.getCell('D19').value).toBe(12);
    if (!back) return;
    const cmp = compareRates(back);
    note(cmp);
    expect(cmp.problems).toEqual([]);
    expect(cmp.compared).toBe(2);
    expect(back.sheets[0].values[7][2]).toBeCloseTo(353 / 1207, 12);
  }, 120_000);

  test('ili 附表1 and nantong 表5: every ratio, every year', async () => {
    const years = (a: number, b: number, c: number) => [a, b, c];
    const wb = workbookOf({
      附表1: iliIndicatorsSheet({ totalAssets: years(12000, 13500, 15110.5), totalProfit: years(860, -120.25, 1304) }),
      表5: nantongQualitySheet({ p1: years(3000, 3200, 3300), p2: years(5000, 5100, 5500.5), p3: years(2000, 1500, 1200), grossOutput: years(10000, 9800, 10000.5), internalLoss: years(120, 98, 80), externalLoss: years(30, 25, 41) }),
    });
    const inputs: Record<string, number[]> = {
      税金总额: [410, 388, 512.75], 利息支出: [95, 120, 88], 期初资产总计: [11000, 12000, 13500], 累计月数: [12, 12, 9],
      报告期期末所有者权益: [5400, 5600, 6100], 上年同期期末所有者权益: [5000, 5400, 5600], 负债总额: [6600, 7900, 9010.5],
      销售收入: [9800, 10400, 12750], 流动资产平均余额: [4100, 4300, 4650.25], 成本费用总额: [8600, 9900, 10800],
      工业增加值: [2900, 3050, 3400], 全部职工平均人数: [410, 425, 432], 工业销售产值: [9500, 9900, 10200], 工业总产值: [10000, 10500, 10750],
      新产品产值: [1500, 1800, 2100.5],
    };
    const { plan, back } = await roundTrip(
      wb,
      (w) => {
        for (const ws of w.worksheets) {
          ws.eachRow((row) => {
            const label = String(row.getCell(ws.name === '表5' ? 2 : 2).value ?? '');
            const v = inputs[label];
            if (!v) return;
            const first = ws.name === '表5' ? 3 : 4;
            v.forEach((x, k) => {
              const cell = row.getCell(first + k);
              if (cell.value === null || cell.value === undefined || cell.value === 12) cell.value = x;
            });
          });
        }
      },
      'indicators',
    );
    expect(plan.conflicts).toEqual([]);
    // 7 ratios × 3 years on 附表1, 3 on 表5 (新产品产值 inserted there) × 3 years.
    expect(plan.changes.filter((c) => c.formula).length).toBe(21 + 9);
    if (!back) return;
    const cmp = compareRates(back);
    note(cmp);
    expect(cmp.problems).toEqual([]);
    expect(cmp.compared).toBe(30);
  }, 120_000);
});
