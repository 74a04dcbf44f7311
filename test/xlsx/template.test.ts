import { promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { annex3Layout, buildAnnex3Workbook, unitTypeNote, writeTemplate, TemplateKindError } from '../../src/xlsx/template';
import { DV_FORMULA_MAX, idValidationFormula, literalListFormula } from '../../src/xlsx/validation-formulas';
import { findSoffice, readWorkbookBuffer, readWorkbookFile, runSoffice } from '../../src/xlsx/read';
import { checkWorkbook } from '../../src/core/check';
import { getProfile, DEFAULT_PROFILE_ID } from '../../src/core/profiles';
import { calcCheckDigit, isValid } from '../../src/core/identifiers/resident-id';
import { a1 } from '../../src/core/grid';

let dir: string;
beforeAll(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'at-template-'));
});
afterAll(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const back = new ExcelJS.Workbook();
  await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return back;
}

describe('annex3 template', () => {
  const L = annex3Layout();
  let ws: ExcelJS.Worksheet;
  let buf: Buffer;
  beforeAll(async () => {
    const out = path.join(dir, 'annex3.xlsx');
    await writeTemplate('annex3', out);
    buf = await fsp.readFile(out);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    ws = wb.worksheets[0];
  });
  const cell = (row: number, col: number) => ws.getCell(row + 1, col + 1);

  test('seed layout: title, header line, sections, headers, notes, signature line', () => {
    expect(ws.name).toBe('附件3');
    expect(cell(0, 0).value).toBe('附件3');
    expect(cell(L.titleRow, 0).value).toBe('伊犁州经济高质量发展贡献奖先进集体和先进个人推荐对象汇总表');
    expect(String(cell(L.headerInfoRow, 0).value)).toMatch(/^推荐单位（盖章）：/);
    expect(String(cell(L.headerInfoRow, 7).value)).toMatch(/^填表日期：\s+年\s+月\s+日$/);
    expect(cell(L.section1Row, 0).value).toBe('一、伊犁州经济高质量发展贡献奖先进集体推荐对象汇总表');
    expect(cell(L.section2Row, 0).value).toBe('二、伊犁州经济高质量发展贡献奖先进个人推荐对象汇总表');
    const headers = (row: number, n: number) => Array.from({ length: n }, (_, c) => cell(row, c).value);
    expect(headers(L.collectiveHeaderRow, 8)).toEqual(['序号', '先进集体名称', '单位性质', '负责人姓名', '负责人职务', '联系人姓名', '联系人电话', '备注']);
    expect(headers(L.individualHeaderRow, 12)).toEqual(['序号', '姓名', '性别', '民族', '政治\n面貌', '学历\n学位', '工作单位', '单位\n性质', '职务', '身份证号', '联系电话', '备注']);
    expect(cell(L.individualHeaderRow, 4).alignment?.wrapText).toBe(true);
    expect(cell(L.noteRows[0], 0).value).toBe('备注：1．单位性质选填机关、参公、事业、企业、社会团体、村（居）民委员会及其他社会组织等。');
    expect(String(cell(L.noteRows[1], 0).value).trim()).toBe('2．表格可加页，每页均需加盖单位公章。');
    expect([cell(L.signatureRow, 0).value, cell(L.signatureRow, 4).value, cell(L.signatureRow, 8).value]).toEqual(['联系人：', '职务：', '联系电话：']);
    expect(cell(L.individualFirstRow, 0).value).toBe(1);
    expect(cell(L.individualLastRow, 0).value).toBe(20);
    expect(cell(L.individualFirstRow, 3).border?.left?.style).toBe('thin');
  });

  test('column widths and print setup', () => {
    expect(ws.getColumn(10).width).toBeGreaterThanOrEqual(20); // 身份证号
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.pageSetup.printArea).toBe(`A1:L${L.signatureRow + 1}`);
  });

  test('ID and phone columns are text cells', () => {
    const idCol = L.individualColumns.residentId;
    for (let r = L.individualFirstRow; r <= L.individualLastRow; r++) {
      expect(cell(r, idCol).numFmt).toBe('@');
      expect(cell(r, L.individualColumns.phone).numFmt).toBe('@');
    }
    expect(cell(L.collectiveFirstRow, L.collectiveColumns.contactPhone).numFmt).toBe('@');
  });

  test('native data validation: 单位性质, 性别, 身份证号', () => {
    const idCol = L.individualColumns.residentId;
    const first = L.individualFirstRow;
    const id = cell(first + 3, idCol).dataValidation;
    expect(id.type).toBe('custom');
    expect(id.allowBlank).toBe(true);
    expect(id.showErrorMessage).toBe(true);
    expect(id.formulae).toEqual([idValidationFormula(a1(first, idCol))]);
    expect(cell(L.individualLastRow, idCol).dataValidation?.type).toBe('custom');
    const gender = cell(first, L.individualColumns.gender).dataValidation;
    expect(gender.type).toBe('list');
    expect(gender.formulae).toEqual(['"男,女"']);
    const unit = getProfile(DEFAULT_PROFILE_ID).unitTypes;
    for (const [row, col] of [
      [first, L.individualColumns.unitType],
      [L.collectiveFirstRow, L.collectiveColumns.unitType],
    ]) {
      const dv = cell(row, col).dataValidation;
      expect(dv.type).toBe('list');
      expect(dv.formulae).toEqual([`"${unit.join(',')}"`]);
    }
    expect(cell(L.individualHeaderRow, idCol).dataValidation).toBeUndefined();
  });

  test('the engine finds both tables and nothing to report as an error', async () => {
    const { grid } = await readWorkbookBuffer(buf, { name: 'annex3.xlsx' });
    const result = checkWorkbook(grid, { file: 'annex3.xlsx' });
    expect(result.tables.map((t) => [t.kind, t.rows])).toEqual([
      ['annex3.collective', 0],
      ['annex3.individual', 0],
    ]);
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('a profile with a long unit-type list gets a hidden list sheet', async () => {
    const base = getProfile(DEFAULT_PROFILE_ID);
    const many = Array.from({ length: 40 }, (_, i) => `单位类型第${i + 1}种`);
    const wb = await roundTrip(buildAnnex3Workbook({ profile: { ...base, unitTypes: many }, individualRows: 3, collectiveRows: 2 }));
    const lists = wb.getWorksheet('_lists');
    expect(lists?.state).toBe('hidden');
    expect(lists?.getCell('A40').value).toBe('单位类型第40种');
    const L2 = annex3Layout({ individualRows: 3, collectiveRows: 2 });
    const dv = wb.worksheets[0].getCell(L2.individualFirstRow + 1, L2.individualColumns.unitType + 1).dataValidation;
    expect(dv.formulae).toEqual(["'_lists'!$A$1:$A$40"]);
  });

  test('unknown and not-yet-available kinds', async () => {
    // qc-stats / team-stats are written now (test/xlsx/template-stats.test.ts).
    await expect(writeTemplate('qc-stats', path.join(dir, 'x.xlsx'))).resolves.toBeUndefined();
    await expect(writeTemplate('nope', path.join(dir, 'x.xlsx'))).rejects.toThrow(TemplateKindError);
    await expect(writeTemplate('nope', path.join(dir, 'x.xlsx'))).rejects.toThrow(/没有名为“nope”的模板/);
  });

  test('unit-type note follows the profile', () => {
    expect(unitTypeNote(['机关', '企业'])).toBe('备注：1．单位性质选填机关及企业等。');
  });
});

describe('validation formulas', () => {
  test('the ID formula fits in 255 characters even for the last cell of a sheet, with no array constants', () => {
    for (const ref of ['J5', 'J19', 'AB1000', 'XFD1048576']) {
      const f = idValidationFormula(ref);
      expect(f.length).toBeLessThanOrEqual(DV_FORMULA_MAX);
      expect(f).not.toMatch(/[{}]/);
      expect(f).not.toMatch(/^=/);
    }
  });

  test('literal lists', () => {
    expect(literalListFormula(['男', '女'])).toBe('"男,女"');
    expect(literalListFormula(['a,b'])).toBeNull();
    expect(literalListFormula(Array.from({ length: 100 }, () => 'abcdef'))).toBeNull();
  });
});

/**
 * The ID formula, evaluated by a real spreadsheet engine: LibreOffice recalculates a workbook where each row holds
 * a test ID (text) and the formula as an ordinary cell formula over it; ExcelJS reads the cached results back.
 */
describe('ID validation formula in LibreOffice', () => {
  let soffice: string | null = null;
  beforeAll(async () => {
    soffice = await findSoffice();
    if (!soffice) console.log('skipped: soffice (LibreOffice) is not installed; apt-get install libreoffice-calc to run the formula check');
  });

  /** 17 digits of a plausible ID: a real county, a real birth date, a sequence number. */
  function base17(i: number): string {
    const counties = ['654002', '110105', '440524', '650102', '654021', '320602'];
    const y = 1950 + (i * 7) % 60;
    const m = 1 + (i * 5) % 12;
    const d = 1 + (i * 11) % 28;
    return counties[i % counties.length] + String(y) + String(m).padStart(2, '0') + String(d).padStart(2, '0') + String(100 + ((i * 37) % 900));
  }

  test('agrees with the engine', async () => {
    if (!soffice) return;
    const cases: { id: string; expect: boolean; note: string }[] = [];
    let xFound = 0;
    for (let i = 0; cases.length < 60 || xFound < 2; i++) {
      const b = base17(i);
      const check = calcCheckDigit(b);
      if (check === 'X') {
        xFound++;
        cases.push({ id: b + 'X', expect: true, note: 'check X' });
        cases.push({ id: b + 'x', expect: true, note: 'lowercase x: accepted (UPPER), as the engine does after normalisation' });
        cases.push({ id: b + '0', expect: false, note: 'X expected, 0 given' });
      } else {
        cases.push({ id: b + check, expect: true, note: 'valid' });
        const wrong = check === '9' ? '0' : String(Number(check) + 1);
        cases.push({ id: b + wrong, expect: false, note: 'wrong check digit' });
      }
      if (i > 500) break;
    }
    const v = base17(3) + calcCheckDigit(base17(3));
    cases.push(
      { id: v.slice(0, 17), expect: false, note: '17 digits' },
      { id: v + '1', expect: false, note: '19 characters' },
      { id: v.slice(0, 15), expect: false, note: '15 digits (first generation) are rejected' },
      { id: 'A' + v.slice(1), expect: false, note: 'letter at the start' },
      { id: v.slice(0, 8) + 'B' + v.slice(9), expect: false, note: 'letter inside' },
      { id: '+' + v.slice(1), expect: false, note: 'plus sign' },
      { id: v.slice(0, 6) + '.' + v.slice(7), expect: false, note: 'decimal point' },
      { id: v.slice(0, 17) + 'Y', expect: false, note: 'Y as check character' },
      { id: '', expect: false, note: 'empty (a blank cell is allowed by allowBlank, not by the formula)' },
    );
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('ids');
    cases.forEach((c, i) => {
      const idCell = ws.getCell(i + 1, 1);
      idCell.numFmt = '@';
      idCell.value = c.id;
      ws.getCell(i + 1, 2).value = { formula: idValidationFormula(`A${i + 1}`) } as ExcelJS.CellFormulaValue;
    });
    // A column validated from C5 down, as the template's: the formula of row r is the rule shifted from C5 to Cr
    // (the start C$5 stays). An ID typed again below is refused, also with a lowercase x or sharing 15 digits only.
    const u = base17(0) + calcCheckDigit(base17(0));
    const xId = (() => {
      for (let i = 0; ; i++) if (calcCheckDigit(base17(i)) === 'X') return base17(i) + 'X';
    })();
    const twin = (() => {
      // Same first 15 digits, another valid number: COUNTIF would take them for the same.
      for (let k = 0; k < 100; k++) {
        const b = u.slice(0, 15) + String(k).padStart(2, '0');
        const id = b + calcCheckDigit(b);
        if (id !== u) return id;
      }
      throw new Error('no twin');
    })();
    const column: { id: string; expect: boolean; note: string }[] = [
      { id: u, expect: true, note: 'first entry' },
      { id: xId, expect: true, note: 'another ID' },
      { id: twin, expect: true, note: 'same first 15 digits, another ID' },
      { id: u, expect: false, note: 'typed again' },
      { id: xId.toLowerCase(), expect: false, note: 'typed again with a lowercase x' },
      { id: [2, 3, 4, 5].map((i) => base17(i) + calcCheckDigit(base17(i))).find((id) => id !== xId && id !== u)!, expect: true, note: 'a new one' },
    ];
    const shifted = (r: number) => idValidationFormula('C5').replace(/(?<![$A-Z])C5(?!\d)/g, `C${r}`);
    column.forEach((c, k) => {
      const r = 5 + k;
      ws.getCell(r, 3).numFmt = '@';
      ws.getCell(r, 3).value = c.id;
      ws.getCell(r, 4).value = { formula: shifted(r) } as ExcelJS.CellFormulaValue;
    });
    expect(shifted(9)).toContain('SUMPRODUCT(--(C$5:C9=C9))=1');
    const work = path.join(dir, 'lo');
    await fsp.mkdir(path.join(work, 'out'), { recursive: true });
    const input = path.join(work, 'ids.xlsx');
    await wb.xlsx.writeFile(input);
    await runSoffice(soffice, work, ['--convert-to', 'xlsx', '--outdir', path.join(work, 'out'), input]);
    // Cached results read back with this project's reader (ExcelJS's full reader turns a cached FALSE of a
    // formula into "no result").
    const { grid } = await readWorkbookFile(path.join(work, 'out', 'ids.xlsx'));
    const values = grid.sheets[0].values;
    const results = cases.map((c, i) => {
      const raw = values[i]?.[1];
      return { ...c, got: raw === true, raw: raw === null || raw === undefined ? undefined : raw };
    });
    // Every formula was calculated (a result or an error, never missing).
    expect(results.filter((r) => r.raw === undefined)).toEqual([]);
    expect(results.filter((r) => r.got !== r.expect)).toEqual([]);
    // Same verdict as the engine's isValid, for every case the engine does not first normalise.
    for (const r of results) expect({ id: r.id, dv: r.got }).toEqual({ id: r.id, dv: isValid(r.id) });
    const dup = column.map((c, k) => ({ note: c.note, expect: c.expect, got: values[4 + k]?.[3] }));
    expect(dup.map((d) => [d.note, d.got])).toEqual(dup.map((d) => [d.note, d.expect]));
  }, 120_000);

  test('LibreOffice loads the template and keeps its validations (the ID formula parses as a validation rule)', async () => {
    if (!soffice) return;
    const work = path.join(dir, 'lo-template');
    await fsp.mkdir(path.join(work, 'out'), { recursive: true });
    const input = path.join(work, 'annex3.xlsx');
    await writeTemplate('annex3', input);
    await runSoffice(soffice, work, ['--convert-to', 'xlsx', '--outdir', path.join(work, 'out'), input]);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(path.join(work, 'out', 'annex3.xlsx'));
    const L = annex3Layout();
    const ws = back.worksheets[0];
    const idCol = L.individualColumns.residentId;
    const dv = ws.getCell(L.individualFirstRow + 2, idCol + 1).dataValidation;
    expect(dv?.type).toBe('custom');
    expect(dv?.formulae?.[0]).toBe(idValidationFormula(a1(L.individualFirstRow, idCol)));
    expect(ws.getCell(L.individualFirstRow + 1, L.individualColumns.gender + 1).dataValidation?.type).toBe('list');
    expect(ws.getCell(L.individualFirstRow + 1, idCol + 1).numFmt).toBe('@');
  }, 120_000);

  test('documented differences from the engine', () => {
    // The engine normalises spaces and full-width digits (id.normalized, info); the sheet's validation does not.
    const v = base17(5) + calcCheckDigit(base17(5));
    expect(isValid(v.slice(0, 6) + ' ' + v.slice(6))).toBe(true);
    // The validation checks length and check character only; the engine also checks the birth date.
    const bad = '65400219990229' + '123';
    expect(isValid(bad + calcCheckDigit(bad))).toBe(false);
  });
});
