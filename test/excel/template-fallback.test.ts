/**
 * 模板 on Excel without ExcelApi 1.13: the template workbook written by ExcelJS (src/xlsx/template.ts) becomes a
 * SheetSpec (src/taskpane/template-spec.ts) that the host renders cell by cell with ExcelApi 1.9 calls
 * (src/excel/render-sheet.ts), against the strict fake.
 */
import ExcelJS from 'exceljs';
import { checkWorkbook } from '../../src/core/check';
import { a1 } from '../../src/core/grid';
import { DEFAULT_PROFILE_ID, getProfile } from '../../src/core/profiles';
import { ExcelHostError } from '../../src/excel/errors';
import type { XlContext } from '../../src/excel/excel-like';
import { createExcelHost } from '../../src/excel/host';
import { columnWidthPoints, renderSheet, uniqueSheetName } from '../../src/excel/render-sheet';
import type { SheetSpec } from '../../src/core/sheet-spec';
import { sheetSpecFromWorksheet, templateSpec } from '../../src/xlsx/template-spec';
import { annex3Layout, buildAnnex3Workbook, TemplateKindError } from '../../src/xlsx/template';
import { buildStatsWorkbook } from '../../src/xlsx/template-stats';
import { idValidationFormula } from '../../src/xlsx/validation-formulas';
import { FakeExcel, FakeWorkbook, type FakeSheet } from '../fakes/excel-fake';
import { ClientExcel } from '../fakes/office-client';

const MB = 1024 * 1024;
const L = annex3Layout();
const profile = getProfile(DEFAULT_PROFILE_ID);
const unitCols = { collective: L.collectiveColumns.unitType, individual: L.individualColumns.unitType };
const idCol = L.individualColumns.residentId;
const genderCol = L.individualColumns.gender;

function setup(apiVersion: string, opts: { spec?: (kind: 'annex3') => Promise<SheetSpec>; base64?: boolean } = {}) {
  const wb = new FakeWorkbook();
  wb.addSheet('Sheet1');
  const fake = new ClientExcel(wb, { apiVersion });
  const calls = { base64: 0, spec: 0 };
  const host = createExcelHost(fake, {
    supports: fake.supports,
    templateBase64:
      opts.base64 === false
        ? undefined
        : async () => {
            calls.base64++;
            return FakeWorkbook.encodeTemplate([{ name: '附件3', cells: { A1: '附件3' } }]);
          },
    templateSpec: async (kind) => {
      calls.spec++;
      return (opts.spec ?? templateSpec)(kind);
    },
  });
  return { wb, fake, host, calls };
}

/** The value ExcelJS holds in a cell, as the fake stores it after typing (null for empty / merged-away cells). */
function excelJsValue(ws: ExcelJS.Worksheet, row: number, col: number): string | number | null {
  const c = ws.findCell(row + 1, col + 1);
  if (!c || (c.isMerged && c.master !== c)) return null;
  const v = c.value;
  return v === null || v === undefined || v === '' ? null : (v as string | number);
}

describe.each(['1.9', '1.12'])('ExcelApi %s: insertTemplate builds the sheet cell by cell', (apiVersion) => {
  let env: ReturnType<typeof setup>;
  let sheet: FakeSheet;
  let name: string;
  const progress: string[] = [];
  const source = buildAnnex3Workbook().worksheets[0];

  beforeAll(async () => {
    env = setup(apiVersion);
    env.fake.resetStats();
    name = await env.host.insertTemplate('annex3', (p) => progress.push(`${p.done}/${p.total} ${p.step}`));
    sheet = env.wb.sheet(name);
  });

  test('a new, active 附件3 sheet, from the spec (not the base64 path), in ≤ 2 syncs and small requests', () => {
    expect(env.host.capabilities().insertWorksheets).toBe(true);
    expect(name).toBe('附件3');
    expect(env.wb.activeSheet().name).toBe('附件3');
    expect(env.calls).toEqual({ base64: 0, spec: 1 });
    expect(env.fake.trace.some((t) => t.name === 'InsertWorksheetsFromBase64')).toBe(false);
    expect(env.fake.stats.syncs).toBeLessThanOrEqual(2);
    expect(env.fake.maxRequestBytes).toBeLessThan(4 * MB);
    expect(progress).toEqual(['0/2 template', '1/2 template', '2/2 template']);
  });

  test('every cell holds what the ExcelJS template holds', () => {
    for (let r = 0; r < source.rowCount; r++) {
      for (let c = 0; c < 12; c++) expect([a1(r, c), sheet.value(a1(r, c))]).toEqual([a1(r, c), excelJsValue(source, r, c)]);
    }
    expect(sheet.value(a1(L.individualHeaderRow, idCol))).toBe('身份证号');
    expect(sheet.value(a1(L.individualHeaderRow, unitCols.individual))).toBe('单位\n性质');
    expect(String(sheet.value(a1(L.headerInfoRow, 0)))).toMatch(/^推荐单位（盖章）：/);
    expect(String(sheet.value(a1(L.headerInfoRow, 7)))).toMatch(/^填表日期：\s+年\s+月\s+日$/);
    expect(sheet.value(a1(L.individualFirstRow, 0))).toBe(1);
  });

  test('ID and phone columns are text cells, so a typed 18-digit ID stays text', () => {
    for (let r = L.individualFirstRow; r <= L.individualLastRow; r++) {
      expect(sheet.numberFormat(a1(r, idCol))).toBe('@');
      expect(sheet.numberFormat(a1(r, L.individualColumns.phone))).toBe('@');
    }
    expect(sheet.numberFormat(a1(L.collectiveFirstRow, L.collectiveColumns.contactPhone))).toBe('@');
    expect(sheet.numberFormat(a1(L.individualFirstRow, L.individualColumns.name))).toBe('General');
  });

  test('data validation: 单位性质 (the profile list), 性别 (男,女), 身份证号 (the check-character formula)', () => {
    for (const [col, first, last] of [
      [unitCols.collective, L.collectiveFirstRow, L.collectiveLastRow],
      [unitCols.individual, L.individualFirstRow, L.individualLastRow],
    ]) {
      for (const r of [first, last]) {
        const v = sheet.validation(a1(r, col));
        expect(v.rule).toEqual({ list: { inCellDropDown: true, source: profile.unitTypes.join(',') } });
        expect(v.errorAlert).toMatchObject({ showAlert: true, style: 'Stop', title: '单位性质' });
        expect(v.prompt).toMatchObject({ showPrompt: true, title: '单位性质' });
        expect(v.ignoreBlanks).toBe(true);
      }
      expect(sheet.validation(a1(last + 1, col)).rule).toBeNull();
    }
    const gender = sheet.validation(a1(L.individualLastRow, genderCol));
    expect(gender.rule).toEqual({ list: { inCellDropDown: true, source: '男,女' } });
    expect(gender.errorAlert).toMatchObject({ showAlert: true, style: 'Stop', title: '性别' });
    const id = sheet.validation(a1(L.individualFirstRow, idCol));
    expect(id.rule).toEqual({ custom: { formula: `=${idValidationFormula(a1(L.individualFirstRow, idCol))}` } });
    expect(id.errorAlert).toMatchObject({ showAlert: true, style: 'Stop', title: '身份证号有误' });
    expect(id.errorAlert.message).toContain('18位');
    expect(sheet.validation(a1(L.individualHeaderRow, idCol)).rule).toBeNull();
  });

  test('merges, fonts, alignment, fill and borders', () => {
    const merges = (source.model as unknown as { merges: string[] }).merges;
    expect(sheet.mergedAreas().sort()).toEqual([...merges].sort());
    expect(sheet.mergedAreas()).toContain(`A${L.titleRow + 1}:L${L.titleRow + 1}`);
    expect(sheet.font(a1(L.titleRow, 0))).toMatchObject({ name: '宋体', size: 18, bold: true });
    expect(sheet.alignment(a1(L.titleRow, 0))).toMatchObject({ horizontal: 'Center', vertical: 'Center' });
    expect(sheet.font(a1(L.individualHeaderRow, 4))).toMatchObject({ name: '宋体', size: 11, bold: true });
    expect(sheet.alignment(a1(L.individualHeaderRow, 4)).wrap).toBe(true);
    expect(sheet.fill(a1(L.individualHeaderRow, 4)).color).toBe('#F2F2F2');
    expect(sheet.fill(a1(L.individualFirstRow, 4)).color).toBe('#FFFFFF');
    expect(sheet.font(a1(L.section1Row, 0))).toMatchObject({ name: '黑体', size: 12, bold: false });
    const thin = { style: 'Continuous', weight: 'Thin' };
    for (const side of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as const) {
      expect(sheet.border(a1(L.individualFirstRow + 3, 5), side)).toMatchObject(thin); // an inside cell
      expect(sheet.border(a1(L.individualLastRow, 11), side)).toMatchObject(thin); // the bottom-right corner
      expect(sheet.border(a1(L.collectiveHeaderRow, 0), side)).toMatchObject(thin);
    }
    expect(sheet.border(a1(L.collectiveFirstRow, 8), 'EdgeLeft').style).toBe('None'); // right of the 8-column table
    expect(sheet.border(a1(L.titleRow, 0), 'EdgeTop').style).toBe('None');
  });

  test('column widths (characters → points), row heights and print setup', () => {
    expect(sheet.columnWidth('J')).toBe(columnWidthPoints(22));
    expect(sheet.columnWidth('J')).toBe(115.5);
    expect(sheet.columnWidth('A')).toBe(31.5);
    expect(sheet.rowHeight(L.titleRow)).toBe(36);
    expect(sheet.rowHeight(L.individualHeaderRow)).toBe(36);
    expect(sheet.rowHeight(L.individualFirstRow)).toBe(22);
    expect(sheet.page).toMatchObject({
      orientation: 'Landscape',
      paperSize: 'A4',
      centerHorizontally: true,
      leftMargin: 28.8,
      topMargin: 43.2,
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printArea: `A1:L${L.signatureRow + 1}`,
    });
  });

  test('read back through the host, the engine finds both tables and no errors', async () => {
    const grid = await env.host.readWorkbook('active');
    const result = checkWorkbook(grid, { file: 'Book1.xlsx' });
    expect(result.tables.map((t) => [t.kind, t.rows])).toEqual([
      ['annex3.collective', 0],
      ['annex3.individual', 0],
    ]);
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('a second insert gets the next free name and is activated', async () => {
    env.fake.resetStats();
    expect(await env.host.insertTemplate('annex3')).toBe('附件3 (2)');
    expect(env.wb.activeSheet().name).toBe('附件3 (2)');
    expect(env.fake.stats.syncs).toBeLessThanOrEqual(2);
    expect(env.wb.sheet('附件3 (2)').value(a1(L.individualHeaderRow, idCol))).toBe('身份证号');
    expect(await env.host.insertTemplate('annex3')).toBe('附件3 (3)');
  });
});

describe('fallback edge cases', () => {
  test('ExcelApi 1.13: the base64 path is still used', async () => {
    const { wb, fake, host, calls } = setup('1.13');
    fake.resetStats();
    expect(await host.insertTemplate('annex3')).toBe('附件3');
    expect(calls).toEqual({ base64: 1, spec: 0 });
    expect(fake.trace.some((t) => t.name === 'InsertWorksheetsFromBase64')).toBe(true);
    expect(wb.activeSheet().name).toBe('附件3');
  });

  test('ExcelApi 1.13 without the .xlsx writer falls back to the spec', async () => {
    const { host, calls } = setup('1.13', { base64: false });
    expect(await host.insertTemplate('annex3')).toBe('附件3');
    expect(calls).toEqual({ base64: 0, spec: 1 });
  });

  test('a taken name gets the next free one', async () => {
    const { wb, host } = setup('1.12');
    wb.addSheet('附件3');
    expect(await host.insertTemplate('annex3')).toBe('附件3 (2)');
  });

  test('print setup Excel rejects: the sheet is kept, complete and active (one more sync to confirm)', async () => {
    const { wb, fake, host } = setup('1.12');
    fake.failAction('Zoom');
    fake.resetStats();
    expect(await host.insertTemplate('annex3')).toBe('附件3');
    const s = wb.sheet('附件3');
    expect(wb.activeSheet().name).toBe('附件3');
    expect(s.validation(a1(L.individualFirstRow, idCol)).rule).toHaveProperty('custom');
    expect(s.page.orientation).toBe('Landscape'); // set before the zoom
    expect(s.page.zoom).toEqual({ scale: 100 });
    expect(fake.stats.syncs).toBe(3);
  });

  test('any other rejected call is an ExcelHostError', async () => {
    const { fake, host } = setup('1.12');
    fake.failAction('Rule');
    const err = await host.insertTemplate('annex3').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ExcelHostError);
    expect((err as ExcelHostError).code).toBe('excel');
    expect((err as ExcelHostError).officeCode).toBe('InvalidArgument');
  });

  test('a host with a 20 kB request limit still gets the whole sheet (requests split on RequestPayloadSizeLimitExceeded)', async () => {
    const { wb, fake, host } = setup('1.12');
    fake.requestLimit = 20_000;
    fake.resetStats();
    expect(await host.insertTemplate('annex3')).toBe('附件3');
    const s = wb.sheet('附件3');
    expect(wb.sheets.filter((x) => x.name.startsWith('附件3'))).toHaveLength(1);
    expect(s.value(a1(L.individualHeaderRow, idCol))).toBe('身份证号');
    expect(s.validation(a1(L.individualLastRow, genderCol)).rule).toEqual({ list: { inCellDropDown: true, source: '男,女' } });
    expect(s.mergedAreas()).toHaveLength(10);
    expect(fake.stats.syncs).toBeGreaterThan(2);
  });

  test('a unit-type list too long for a literal source goes into a hidden column', async () => {
    const many = Array.from({ length: 40 }, (_, i) => `单位类型第${i + 1}种`);
    const ws = buildAnnex3Workbook({ profile: { ...profile, unitTypes: many }, collectiveRows: 2, individualRows: 3 }).worksheets[0];
    const spec = sheetSpecFromWorksheet(ws);
    expect(spec.validations[0].rule).toEqual({ type: 'list', values: many, inCellDropDown: true });
    const { wb, host } = setup('1.12', { spec: async () => spec });
    const name = await host.insertTemplate('annex3');
    const s = wb.sheet(name);
    const L2 = annex3Layout({ collectiveRows: 2, individualRows: 3 });
    // Both 单位性质 columns share one hidden list column, just right of the used area (A:L, then a gap).
    for (const cell of [a1(L2.collectiveFirstRow, L2.collectiveColumns.unitType), a1(L2.individualFirstRow, L2.individualColumns.unitType)]) {
      expect(s.validation(cell).rule).toEqual({ list: { inCellDropDown: true, source: '=$N$1:$N$40' } });
    }
    expect(s.value('N1')).toBe('单位类型第1种');
    expect(s.value('N40')).toBe('单位类型第40种');
    expect(s.value('O1')).toBeNull();
    expect([...s.hiddenColumns]).toEqual([13]);
  });
});

describe('SheetSpec from an ExcelJS worksheet', () => {
  const ws = buildAnnex3Workbook().worksheets[0];
  const spec = sheetSpecFromWorksheet(ws);

  test('annex3: shape, values, text formats, merges, sizes', () => {
    expect(spec.name).toBe('附件3');
    expect([spec.rowCount, spec.columnCount]).toEqual([L.signatureRow + 1, 12]);
    expect(spec.values[L.individualHeaderRow][idCol]).toBe('身份证号');
    expect(spec.values[L.titleRow][1]).toBe(''); // merged away
    expect(spec.numberFormats[L.individualFirstRow][idCol]).toBe('@');
    expect(spec.numberFormats[L.individualHeaderRow][idCol]).toBeNull();
    expect(spec.merges).toEqual((ws.model as unknown as { merges: string[] }).merges);
    expect(spec.columnWidths).toEqual([6, 26, 10, 10, 10, 10, 24, 12, 12, 22, 15, 10]);
    expect(spec.rowHeights[L.titleRow]).toBe(36);
    expect(spec.omitted).toBeUndefined();
  });

  test('annex3: a bordered table is one range with its inside lines', () => {
    const all = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'];
    expect(spec.borders).toEqual([
      { range: `A${L.collectiveHeaderRow + 1}:H${L.collectiveLastRow + 1}`, edges: all, style: 'Continuous', weight: 'Thin' },
      { range: `A${L.individualHeaderRow + 1}:L${L.individualLastRow + 1}`, edges: all, style: 'Continuous', weight: 'Thin' },
    ]);
  });

  test('annex3: validations and print setup', () => {
    const first = L.individualFirstRow + 1;
    const last = L.individualLastRow + 1;
    expect(spec.validations.map((v) => [v.ranges, v.rule.type])).toEqual([
      [[`C${L.collectiveFirstRow + 1}:C${L.collectiveLastRow + 1}`], 'list'],
      [[`C${first}:C${last}`], 'list'],
      [[`H${first}:H${last}`], 'list'],
      [[`J${first}:J${last}`], 'custom'],
    ]);
    expect(spec.validations[0].rule).toEqual({ type: 'list', values: profile.unitTypes, inCellDropDown: true });
    expect(spec.validations[2].rule).toEqual(spec.validations[0].rule);
    expect(spec.validations[1].rule).toEqual({ type: 'list', values: ['男', '女'], inCellDropDown: true });
    expect(spec.validations[3].rule).toEqual({ type: 'custom', formula: `=${idValidationFormula(`J${first}`)}` });
    expect(spec.validations[3].prompt).toEqual({ title: '身份证号', message: expect.stringContaining('文本格式') });
    expect(spec.print).toEqual({
      orientation: 'Landscape',
      paperSize: 'A4',
      centerHorizontally: true,
      margins: { left: 28.8, right: 28.8, top: 43.2, bottom: 43.2, header: 21.6, footer: 21.6 },
      printArea: `A1:L${L.signatureRow + 1}`,
      fitToPages: { wide: 1, tall: 0 },
    });
  });

  test('a workbook read from a file (validations keyed cell by cell) gives the same ranges', async () => {
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await buildAnnex3Workbook().xlsx.writeBuffer()) as ArrayBuffer);
    const again = sheetSpecFromWorksheet(back.worksheets[0]);
    expect(again.validations.map((v) => v.ranges)).toEqual(spec.validations.map((v) => v.ranges));
    expect(again.validations.map((v) => v.rule)).toEqual(spec.validations.map((v) => v.rule));
    expect(again.merges.sort()).toEqual([...spec.merges].sort());
    expect(again.borders).toEqual(spec.borders);
  });

  test('generic cells: formulas, typed-looking text, dates, rich text, partial borders, other validations', () => {
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet('统计');
    const lists = wb.addWorksheet('lists', { state: 'hidden' });
    lists.getCell('A1').value = '甲';
    lists.getCell('A2').value = '乙';
    s.getCell('A1').value = { formula: 'SUM(B1:B3)', result: 6 } as ExcelJS.CellFormulaValue;
    s.getCell('B1').value = '00123'; // General: would become 123 if typed
    s.getCell('B2').value = '00123';
    s.getCell('B2').numFmt = '@';
    s.getCell('B3').value = '=not a formula';
    s.getCell('C1').value = new Date(Date.UTC(2025, 2, 18));
    s.getCell('C2').value = { richText: [{ text: '一' }, { text: '二', font: { bold: true } }] };
    s.getCell('C3').value = true;
    s.getCell('D1').value = 0.25;
    s.getCell('D1').numFmt = '0%';
    s.getCell('D2').border = { bottom: { style: 'medium', color: { argb: 'FFFF0000' } } };
    s.getCell('D3').border = { left: { style: 'dashed' } };
    s.getCell('D4').border = { left: { style: 'dashed' } };
    s.getCell('E1').font = { color: { theme: 1 } };
    s.getCell('E2').value = '市';
    s.getCell('E2').alignment = { horizontal: 'centerContinuous', vertical: 'top', indent: 1 };
    const dvs = (s as unknown as { dataValidations: { add(r: string, dv: ExcelJS.DataValidation): void } }).dataValidations;
    dvs.add('F1:F5', { type: 'whole', operator: 'between', formulae: [1, 100], allowBlank: true, showErrorMessage: true, errorStyle: 'warning', errorTitle: '人数', error: '1–100' });
    dvs.add('G1:G5', { type: 'list', formulae: ['lists!$A$1:$A$2'] });
    dvs.add('H1:H5', { type: 'list', formulae: ['$A$1:$A$3'] });
    dvs.add('I1', { type: 'textLength', operator: 'lessThanOrEqual', formulae: [18] });
    dvs.add('J1', { type: 'date', operator: 'greaterThan', formulae: [new Date(Date.UTC(2025, 0, 1))] });

    const g = sheetSpecFromWorksheet(s);
    expect(g.values[0].slice(0, 4)).toEqual(['=SUM(B1:B3)', "'00123", 45734, 0.25]);
    expect(g.values[1].slice(1, 3)).toEqual(['00123', '一二']);
    expect(g.values[2].slice(1, 3)).toEqual(["'=not a formula", true]);
    expect([g.numberFormats[0][2], g.numberFormats[0][3], g.numberFormats[1][1]]).toEqual(['yyyy-mm-dd', '0%', '@']);
    expect(g.borders).toEqual(
      expect.arrayContaining([
        { range: 'D2', edges: ['EdgeBottom'], style: 'Continuous', weight: 'Medium', color: '#FF0000' },
        { range: 'D3:D4', edges: ['EdgeLeft'], style: 'Dash', weight: 'Thin' },
      ]),
    );
    expect(g.formats).toContainEqual({ ranges: ['E2'], format: { horizontal: 'CenterAcrossSelection', vertical: 'Top', indent: 1 } });
    expect(g.validations).toEqual([
      {
        ranges: ['F1:F5'],
        rule: { type: 'wholeNumber', operator: 'Between', formula1: 1, formula2: 100 },
        ignoreBlanks: true,
        error: { show: true, style: 'Warning', title: '人数', message: '1–100' },
      },
      { ranges: ['G1:G5'], rule: { type: 'list', values: ['甲', '乙'], inCellDropDown: true }, ignoreBlanks: false, error: { show: false, style: 'Stop', title: '', message: '' } },
      { ranges: ['H1:H5'], rule: { type: 'list', source: '=$A$1:$A$3', inCellDropDown: true }, ignoreBlanks: false, error: { show: false, style: 'Stop', title: '', message: '' } },
      { ranges: ['I1'], rule: { type: 'textLength', operator: 'LessThanOrEqualTo', formula1: 18 }, ignoreBlanks: false, error: { show: false, style: 'Stop', title: '', message: '' } },
    ]);
    expect(g.omitted).toEqual(['date validations', 'rich text formatting inside cells', 'theme or indexed colours']);
  });

  test('unknown kinds are refused like the command line refuses them', async () => {
    await expect(templateSpec('no-such-template')).rejects.toThrow(TemplateKindError);
  });
});

describe.each(['qc-stats', 'team-stats'] as const)('%s: the statistics templates take the same path', (kind) => {
  test('formulas, number validations, indents and print setup arrive in ExcelApi 1.9 calls, in 2 syncs', async () => {
    const source = buildStatsWorkbook(kind).worksheets[0];
    const spec = await templateSpec(kind);
    expect(spec.omitted).toBeUndefined();
    const wb = new FakeWorkbook();
    wb.addSheet('Sheet1');
    const fake = new ClientExcel(wb, { apiVersion: '1.9' });
    const r = await fake.run((ctx) => renderSheet(ctx, spec));
    expect(r).toEqual({ name: source.name, print: 'applied' });
    expect(fake.stats.syncs).toBe(2);
    const s = wb.sheet(r.name);
    let formulas = 0;
    for (let row = 0; row < source.rowCount; row++) {
      for (let col = 0; col < spec.columnCount; col++) {
        const c = source.findCell(row + 1, col + 1);
        if (!c || (c.isMerged && c.master !== c)) continue;
        const v = c.value as unknown;
        if (v && typeof v === 'object' && 'formula' in v) {
          formulas++;
          expect(s.value(a1(row, col))).toBe(`=${c.formula}`);
        } else {
          expect([a1(row, col), s.value(a1(row, col))]).toEqual([a1(row, col), v === undefined || v === '' ? null : v]);
        }
        if (c.numFmt && c.numFmt !== 'General') expect(s.numberFormat(a1(row, col))).toBe(c.numFmt);
        if (c.alignment?.indent) expect(s.alignment(a1(row, col)).indent).toBe(c.alignment.indent);
        const dv = c.dataValidation;
        if (dv?.type === 'whole') expect(Object.keys(s.validation(a1(row, col)).rule ?? {})).toEqual(['wholeNumber']);
        if (dv?.type === 'decimal') expect(Object.keys(s.validation(a1(row, col)).rule ?? {})).toEqual(['decimal']);
      }
    }
    if (kind === 'qc-stats') expect(formulas).toBeGreaterThan(0);
    expect(s.page.printArea).toBe(String(source.pageSetup.printArea).replace(/\$/g, ''));
  });
});

describe('naming and units', () => {
  test('uniqueSheetName: Excel-style suffixes, case-insensitive, 31 characters, no forbidden characters', () => {
    expect(uniqueSheetName('附件3', ['Sheet1'])).toBe('附件3');
    expect(uniqueSheetName('附件3', ['附件3', '附件3 (2)'])).toBe('附件3 (3)');
    expect(uniqueSheetName('Annex', ['ANNEX'])).toBe('Annex (2)');
    const long = 'x'.repeat(40);
    expect(uniqueSheetName(long, [])).toHaveLength(31);
    expect(uniqueSheetName(long, ['x'.repeat(31)])).toBe(`${'x'.repeat(27)} (2)`);
    expect(uniqueSheetName('a/b:c', [])).toBe('a_b_c');
  });

  test('columnWidthPoints: the .xlsx width in characters, as pixels of a 7-px digit, in points', () => {
    expect(columnWidthPoints(9.140625)).toBe(48); // Excel's standard 8.43-character column: 64 px
    expect(columnWidthPoints(26)).toBe(136.5);
    expect(columnWidthPoints(6)).toBe(31.5);
    expect(columnWidthPoints(0)).toBe(0);
  });
});

describe('the fake stays strict for the new members', () => {
  async function run<T>(fake: { run: FakeExcel['run'] }, batch: (ctx: XlContext) => Promise<T>): Promise<T> {
    return fake.run(batch);
  }
  function book(apiVersion = '1.12') {
    const wb = new FakeWorkbook();
    wb.addSheet('S');
    return { wb, fake: new FakeExcel(wb, { apiVersion }) };
  }

  test('formats are read only after load and sync; values come back as set', async () => {
    const { fake } = book();
    await run(fake, async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('S').getRange('A1:B2');
      r.format.font.bold = true;
      r.format.horizontalAlignment = 'Center';
      r.format.columnWidth = 60;
      expect(() => r.format.font.bold).toThrow(/not available/);
      r.format.font.load('bold,name');
      r.format.load(['horizontalAlignment', 'columnWidth', 'rowHeight']);
      await ctx.sync();
      expect([r.format.font.bold, r.format.font.name, r.format.horizontalAlignment, r.format.columnWidth, r.format.rowHeight]).toEqual([true, 'Calibri', 'Center', 60, 15]);
      expect(() => r.format.wrapText).toThrow(/not available/);
    });
  });

  test('unknown properties, values outside the enumerations and unknown rule keys fail like the real API', async () => {
    const { fake } = book();
    const attempt = (f: (ctx: XlContext) => void) =>
      run(fake, async (ctx) => {
        f(ctx);
        await ctx.sync();
      }).catch((e: { code?: string }) => e.code);
    const range = (ctx: XlContext) => ctx.workbook.worksheets.getItem('S').getRange('A1:A3');
    expect(await attempt((ctx) => void range(ctx).format.load('wrap'))).toBe('InvalidArgument');
    expect(await attempt((ctx) => void (range(ctx).format.horizontalAlignment = 'Centre'))).toBe('InvalidArgument');
    expect(await attempt((ctx) => void (range(ctx).format.borders.getItem('EdgeTop').weight = 'Hair'))).toBe('InvalidArgument');
    expect(await attempt((ctx) => void (range(ctx).format.rowHeight = 410))).toBe('InvalidArgument');
    expect(await attempt((ctx) => void (range(ctx).dataValidation.rule = { list: { inCellDropDown: true, source: 'a,b' }, custom: { formula: '=A1>0' } }))).toBe('InvalidArgument');
    expect(await attempt((ctx) => void (range(ctx).dataValidation.rule = { custom: { formula: 'A1>0' } }))).toBe('InvalidArgument');
    expect(await attempt((ctx) => void (range(ctx).dataValidation.errorAlert = { title: 'x'.repeat(33), message: '', showAlert: true, style: 'Stop' }))).toBe('InvalidArgument');
    // A misspelt member is not silently ignored either.
    await expect(run(fake, async (ctx) => void ((range(ctx).format as unknown as Record<string, unknown>).wrap = true))).rejects.toThrow(TypeError);
  });

  test('worksheets.add of a taken name fails with ItemAlreadyExists; data validation needs ExcelApi 1.8', async () => {
    const { fake } = book();
    const err = await run(fake, async (ctx) => {
      ctx.workbook.worksheets.add('s');
      await ctx.sync();
    }).catch((e: { code?: string }) => e.code);
    expect(err).toBe('ItemAlreadyExists');
    const old = book('1.7').fake;
    const e2 = await run(old, async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1').dataValidation.ignoreBlanks = true;
      await ctx.sync();
    }).catch((e: { code?: string }) => e.code);
    expect(e2).toBe('ApiNotFound');
  });

  test('merging keeps the upper-left value; a merge sticking out of an existing one is refused', async () => {
    const { wb, fake } = book();
    wb.sheet('S').setValues('A1', [['a', 'b'], ['c', 'd']]);
    await run(fake, async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1:B2').merge();
      await ctx.sync();
    });
    expect(wb.sheet('S').mergedAreas()).toEqual(['A1:B2']);
    expect([wb.sheet('S').value('A1'), wb.sheet('S').value('B1'), wb.sheet('S').value('B2')]).toEqual(['a', null, null]);
    const err = await run(fake, async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('B2:C3').merge();
      await ctx.sync();
    }).catch((e: { code?: string }) => e.code);
    expect(err).toBe('InvalidOperation');
  });
});
