import { promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { buildQuotaWorkbook, buildRegisterWorkbook, quotaLayout, registerLayout, QUOTA_SHEET_NAME, REGISTER_SHEET_NAME } from '../../src/xlsx/template-quota';
import { writeTemplate, IMPLEMENTED_TEMPLATES } from '../../src/xlsx/template';
import { findSoffice, readWorkbookBuffer, readWorkbookFile, runSoffice } from '../../src/xlsx/read';
import { checkWorkbook } from '../../src/core/check';
import { getProfile } from '../../src/core/profiles';
import { QC_CATEGORIES } from '../../src/core/forms/qc-quota';

let dir: string;
beforeAll(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'at-tq-'));
});
afterAll(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

/** The validation of a cell (ExcelJS keeps them per cell after loading). */
function validations(ws: ExcelJS.Worksheet): Record<string, ExcelJS.DataValidation | undefined> {
  return new Proxy({}, { get: (_t, addr: string) => ws.getCell(addr.split(':')[0]).dataValidation }) as Record<string, ExcelJS.DataValidation | undefined>;
}
async function reload(wb: ExcelJS.Workbook): Promise<{ back: ExcelJS.Workbook; buf: Buffer }> {
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(buf as unknown as ArrayBuffer);
  return { back, buf };
}

describe('quota template (附件2)', () => {
  const xj = getProfile('xj-qc-2019');
  const L = quotaLayout(41);

  test('implemented and written by writeTemplate', async () => {
    expect(IMPLEMENTED_TEMPLATES).toEqual(expect.arrayContaining(['quota', 'register']));
    const out = path.join(dir, 'q.xlsx');
    await writeTemplate('quota', out);
    const read = await readWorkbookFile(out);
    expect(read.grid.sheets[0].name).toBe(QUOTA_SHEET_NAME);
  });

  test('seed layout: 附件2, title, two-row header with merges, 41 regions pre-filled, 总  计 as SUM formulas', async () => {
    const { back } = await reload(buildQuotaWorkbook({ profile: xj }));
    const ws = back.getWorksheet(QUOTA_SHEET_NAME)!;
    const v = (r: number, c: number) => ws.getCell(r + 1, c + 1).value;
    expect(v(0, 0)).toBe('附件2');
    expect(v(L.titleRow, 0)).toBe('2019年自治区质量管理小组、质量信得过班组推荐名额表');
    expect([0, 1, 2, 3, 4].map((c) => v(L.headerRow, c))).toEqual(['序号', '地区或部门', '质量管理活动', '质量管理活动', '质量信得过班组数']);
    expect([v(L.headerRow + 1, 2), v(L.headerRow + 1, 3)]).toEqual(['小组数', '发表小组数']);
    const merges = (ws as unknown as { _merges: Record<string, { model: { top: number; left: number; bottom: number; right: number } }> })._merges;
    expect(Object.keys(merges).sort()).toEqual(['A2', 'A3', 'B3', 'C3', 'E3']);
    expect([v(L.firstRow, 1), v(L.firstRow, 2), v(L.firstRow, 3), v(L.firstRow, 4)]).toEqual(['乌鲁木齐市工信局', 25, 22, 6]);
    expect(v(L.lastRow, 1)).toBe('自治区建设工程专业委员会');
    expect(v(L.totalRow, 1)).toBe('总  计');
    expect([2, 3, 4].map((c) => v(L.totalRow, c))).toEqual([
      { formula: 'SUM(C5:C45)', result: 446 },
      { formula: 'SUM(D5:D45)', result: 247 },
      { formula: 'SUM(E5:E45)', result: 185 },
    ]);
    expect(validations(ws)['C5:E45']).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual' });
  });

  test('recognised as qc.quota, totals verified, no finding', async () => {
    const { buf } = await reload(buildQuotaWorkbook());
    const read = await readWorkbookBuffer(buf, { name: 'q.xlsx' });
    const r = checkWorkbook(read.grid, { file: 'q.xlsx', profile: xj });
    expect(r.tables).toEqual([{ sheet: QUOTA_SHEET_NAME, kind: 'qc.quota', range: 'A3:E46', rows: 42 }]);
    expect(r.findings).toEqual([]);
  });

  test('a profile without a quota table gives blank numbered rows', async () => {
    const { back } = await reload(buildQuotaWorkbook({ profile: getProfile('ili-2025-contribution') }));
    const ws = back.getWorksheet(QUOTA_SHEET_NAME)!;
    const B = quotaLayout(20);
    expect(ws.getCell(B.lastRow + 1, 1).value).toBe(20);
    expect(ws.getCell(B.firstRow + 1, 2).value).toBeNull();
    expect(ws.getCell(B.totalRow + 1, 3).value).toMatchObject({ formula: 'SUM(C5:C24)' });
  });

  test('LibreOffice recalculates 总  计 to 446 / 247 / 185 (and to a new sum after an edit)', async () => {
    const soffice = await findSoffice();
    if (!soffice) {
      console.log('skipped: soffice (LibreOffice) is not installed');
      return;
    }
    const wb = buildQuotaWorkbook();
    const ws = wb.getWorksheet(QUOTA_SHEET_NAME)!;
    ws.getCell(L.firstRow + 1, 3).value = 30; // 乌鲁木齐市工信局 25 → 30
    // As after an edit in a spreadsheet: the cached totals are stale; drop them so LibreOffice must calculate.
    for (const c of [3, 4, 5]) ws.getCell(L.totalRow + 1, c).value = { formula: (ws.getCell(L.totalRow + 1, c).value as ExcelJS.CellFormulaValue).formula } as ExcelJS.CellFormulaValue;
    const input = path.join(dir, 'edited.xlsx');
    await wb.xlsx.writeFile(input);
    const work = path.join(dir, 'lo');
    await fsp.mkdir(work, { recursive: true });
    await runSoffice(soffice, work, ['--convert-to', 'xlsx', '--outdir', path.join(work, 'out'), input]);
    const back = await readWorkbookFile(path.join(work, 'out', 'edited.xlsx'));
    const row = back.grid.sheets[0].values[L.totalRow];
    expect(row.slice(2, 5)).toEqual([451, 247, 185]);
  }, 180_000);
});

describe('register template', () => {
  const L = registerLayout();

  test('header from the form, pre-numbered rows, note line; recognised with no rows', async () => {
    const { back, buf } = await reload(buildRegisterWorkbook());
    const ws = back.getWorksheet(REGISTER_SHEET_NAME)!;
    const header = Array.from({ length: 9 }, (_, c) => ws.getCell(L.headerRow + 1, c + 1).value);
    expect(header).toEqual(['序号', '推荐地区或部门', '类别', '名称', '企业名称', '是否与会发表', '成员人数', '成员名单', '备注']);
    expect(ws.getCell(L.firstRow + 1, 1).value).toBe(1);
    expect(ws.getCell(L.lastRow + 1, 1).value).toBe(50);
    expect(String(ws.getCell(L.noteRow + 1, 1).value)).toMatch(/^备注：/);
    const read = await readWorkbookBuffer(buf, { name: 'r.xlsx' });
    const r = checkWorkbook(read.grid, { file: 'r.xlsx' });
    expect(r.tables).toEqual([{ sheet: REGISTER_SHEET_NAME, kind: 'qc.register', range: 'A2:I52', rows: 0 }]);
    expect(r.findings).toEqual([]);
  });

  test('data validation: 类别 list of the six categories, 是/否, 成员人数 whole 1–15, regions from the quota table', async () => {
    const { back } = await reload(buildRegisterWorkbook());
    const ws = back.getWorksheet(REGISTER_SHEET_NAME)!;
    const dv = validations(ws);
    const lists = back.getWorksheet('_lists')!;
    expect(lists.state).toBe('hidden');
    const category = dv['C3:C52']!;
    expect(category.type).toBe('list');
    expect(dv['C52']).toEqual(category);
    const catValues = String(category.formulae[0]).startsWith('"')
      ? String(category.formulae[0]).slice(1, -1).split(',')
      : Array.from({ length: 6 }, (_, i) => lists.getCell(i + 1, 2).value);
    expect(catValues).toEqual([...QC_CATEGORIES]);
    expect(dv['F3:F52']).toMatchObject({ type: 'list', formulae: ['"是,否"'] });
    expect(dv['G3:G52']).toMatchObject({ type: 'whole', operator: 'between', formulae: [1, 15] });
    expect(dv['B3:B52']).toMatchObject({ type: 'list', formulae: ["'_lists'!$A$1:$A$41"], errorStyle: 'warning' });
    expect(lists.getCell(2, 1).value).toBe('伊犁州工信局');
  });

  test('a profile’s categories (jilin): its names in the list, no region list without a quota table', async () => {
    const { back } = await reload(buildRegisterWorkbook({ profile: getProfile('jilin-2025-quality') }));
    const dv = validations(back.getWorksheet(REGISTER_SHEET_NAME)!);
    expect(dv['C3:C52']!.formulae).toEqual(['"质量奖,提名奖,标准创新"']);
    expect(dv['B3:B52']).toBeUndefined();
  });
});
