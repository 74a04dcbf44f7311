import { promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { writeTemplate, IMPLEMENTED_TEMPLATES } from '../../src/xlsx/template';
import { buildStatsWorkbook, statsLayout } from '../../src/xlsx/template-stats';
import { readWorkbookBuffer } from '../../src/xlsx/read';
import { checkWorkbook } from '../../src/core/check';
import { planStatsFill } from '../../src/core/fill-stats';
import { formulaLookup } from '../../src/xlsx/apply-plan';
import { a1 } from '../../src/core/grid';
import { main } from '../../src/cli/main';
import { compareRates, note, recalc, verified } from '../helpers/libreoffice';

let dir: string;
beforeAll(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'at-tpl-stats-'));
});
afterAll(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
  if (verified.formulas) console.log(`stats templates: ${verified.formulas} formula results verified in LibreOffice, max abs error ${verified.maxAbsError}`);
});

async function load(kind: 'qc-stats' | 'team-stats') {
  const out = path.join(dir, `${kind}.xlsx`);
  await writeTemplate(kind, out);
  const buf = await fsp.readFile(out);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return { buf, wb, ws: wb.worksheets[0] };
}

test('both kinds are implemented templates', () => {
  expect(IMPLEMENTED_TEMPLATES).toEqual(expect.arrayContaining(['qc-stats', 'team-stats']));
});

describe('qc-stats (附件7)', () => {
  const L = statsLayout('qc-stats');
  let ws: ExcelJS.Worksheet;
  let buf: Buffer;
  beforeAll(async () => {
    ({ ws, buf } = await load('qc-stats'));
  });
  const cell = (row: number, col: number) => ws.getCell(row + 1, col + 1);

  test('seed layout: 附件7, title, header, items with units', () => {
    expect(ws.name).toBe('附件7');
    expect(cell(0, 0).value).toBe('附件7');
    expect(cell(L.titleRow, 0).value).toBe('质 量 管 理 小 组 活 动 统 计 表');
    expect(String(cell(3, 0).value)).toBe('推荐地区、部门（盖章）：');
    expect([0, 1, 2].map((c) => cell(L.headerRow, c).value)).toEqual(['统计项目', '单位', '数量']);
    expect(cell(L.rows.cumulativeGroups, 0).value).toBe('历年来已登记注册QC小组累计数');
    expect(cell(L.rows.popularityRate, 0).value).toBe('本年度QC小组普及率=参加QC小组人数/职工总数x100%');
    expect(cell(L.rows.popularityRate, 1).value).toBe('百分数');
    expect(cell(L.rows.participants, 0).value).toBe('参加QC小组人数');
    expect(cell(L.rows.participants, 1).value).toBe('人');
    expect(cell(L.rows.funding, 0).value).toBe('本年度企业对QC小组活动经费投入（培训、交流、书籍等费用）');
    expect(cell(L.rows.funding, 1).value).toBe('元');
    expect(cell(L.rows.diagnosticians, 0).value).toBe('具备QC小组活动诊断师资格人数（国家级／自治区级）');
    expect(cell(L.rows.conferenceHeld, 0).value).toBe('是否组织发表会');
    expect(cell(L.lastRow, 0).value).toMatch(/^通信地址：\s+邮编：$/);
  });

  test('input rows directly under the rate they feed', () => {
    expect(L.rows.participants).toBe(L.rows.popularityRate + 1);
    expect(L.rows.employees).toBe(L.rows.popularityRate + 2);
    expect(L.rows.achievedGroups).toBe(L.rows.achievementRate + 1);
  });

  test('rates are live, guarded formulas in 0.00%', () => {
    const v = (role: string) => a1(L.rows[role], 2);
    expect(cell(L.rows.popularityRate, 2).formula).toBe(`IF(${v('employees')}=0,"",${v('participants')}/${v('employees')})`);
    expect(cell(L.rows.achievementRate, 2).formula).toBe(`IF(${v('registeredGroups')}=0,"",${v('achievedGroups')}/${v('registeredGroups')})`);
    expect(cell(L.rows.activityRate, 2).formula).toBe(`IF(${v('registeredGroups')}=0,"",${v('activeGroups')}/${v('registeredGroups')})`);
    expect(cell(L.rows.popularityRate, 2).formula).toBe('IF(C10=0,"",C9/C10)');
    for (const r of ['popularityRate', 'achievementRate', 'activityRate']) expect(cell(L.rows[r], 2).numFmt).toBe('0.00%');
  });

  test('number formats and data validation', () => {
    const dv = (role: string) => cell(L.rows[role], 2).dataValidation;
    expect(dv('registeredGroups')).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual', formulae: [0] });
    expect(dv('participants')).toMatchObject({ type: 'whole' });
    expect(dv('economicBenefit')).toMatchObject({ type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0] });
    expect(dv('conferenceHeld')).toMatchObject({ type: 'list', formulae: ['"是,否"'] });
    expect(dv('popularityRate')).toBeUndefined();
    expect(cell(L.rows.registeredGroups, 2).numFmt).toBe('0');
    expect(cell(L.rows.funding, 2).numFmt).toBe('#,##0.00');
    expect(cell(L.rows.diagnosticians, 2).numFmt).toBe('@');
  });

  test('the engine maps every row to its item, and an empty template has nothing to report', async () => {
    const { grid } = await readWorkbookBuffer(buf, { name: 'qc-stats.xlsx' });
    const result = checkWorkbook(grid, { file: 'qc-stats.xlsx' });
    expect(result.tables.map((t) => t.kind)).toEqual(['qc.activity-stats']);
    const t = result.located[0].table;
    for (const [role, row] of Object.entries(L.rows)) expect({ role, row: t.items?.[role]?.row }).toEqual({ role, row });
    expect(result.findings).toEqual([]);
  });

  test('fill finds nothing to do on the template (its formulas are the ones fill writes)', async () => {
    const { grid } = await readWorkbookBuffer(buf, { name: 'qc-stats.xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const plan = planStatsFill(checkWorkbook(grid, { file: 'x', rules: [] }), { formulaAt: formulaLookup(wb) });
    expect(plan).toEqual({ changes: [], conflicts: [], inserts: [] });
  });

  test('LibreOffice computes the rates as the engine does, for many inputs', async () => {
    const cases: [number | null, number | null, number | null, number | null, number | null][] = [
      // participants, employees, registered, active, achieved
      [353, 1207, 40, 36, 23],
      [1, 3, 7, 7, 0],
      [0, 1, 1, 0, 1],
      [999, 1000, 3, 2, 1],
      [12345, 67891, 97, 89, 61],
      [5, 0, 0, 0, 0], // zero denominators: empty cells
      [null, null, null, null, null], // nothing typed: empty cells
    ];
    let compared = 0;
    let blank = 0;
    for (const [i, c] of cases.entries()) {
      const wb = buildStatsWorkbook('qc-stats');
      const ws = wb.worksheets[0];
      const put = (role: string, v: number | null) => v !== null && (ws.getCell(L.rows[role] + 1, 3).value = v);
      put('participants', c[0]);
      put('employees', c[1]);
      put('registeredGroups', c[2]);
      put('activeGroups', c[3]);
      put('achievedGroups', c[4]);
      put('cumulativeGroups', 500);
      const grid = await recalc(wb, path.join(dir, `lo-${i}`));
      if (!grid) return;
      const cmp = compareRates(grid);
      note(cmp);
      expect(cmp.problems).toEqual([]);
      compared += cmp.compared;
      blank += cmp.blank;
    }
    expect(compared).toBe(5 * 3);
    expect(blank).toBe(2 * 3);
  }, 300_000);
});

describe('team-stats (附件12)', () => {
  const L = statsLayout('team-stats');
  test('layout, validations, recognised with every item, nothing to report', async () => {
    const { ws, buf } = await load('team-stats');
    expect(ws.name).toBe('附件12');
    expect(ws.getCell(1, 1).value).toBe('附件12');
    expect(ws.getCell(L.titleRow + 1, 1).value).toBe('质量信得过班组活动统计表');
    expect(ws.getCell(L.rows.teamFunding + 1, 1).value).toBe('本年度对质量信得过班组活动投入费用（培训、交流、规范化等）');
    expect(ws.getCell(L.rows.reviewForm + 1, 2).value).toBe('发表评审□ 现场评审□ 与QC小组合开□ 单独举办□');
    expect(ws.getCell(L.rows.teamsThisYear + 1, 3).dataValidation).toMatchObject({ type: 'whole' });
    expect(ws.getCell(L.lastRow + 1, 1).value).toMatch(/^注：本统计表来自企业统计数据资料/);
    const { grid } = await readWorkbookBuffer(buf, { name: 'team-stats.xlsx' });
    const result = checkWorkbook(grid, { file: 'team-stats.xlsx' });
    expect(result.tables.map((t) => t.kind)).toEqual(['qc.team-stats']);
    const t = result.located[0].table;
    for (const [role, row] of Object.entries(L.rows)) expect({ role, row: t.items?.[role]?.row }).toEqual({ role, row });
    expect(result.findings).toEqual([]);
  });
});

test('award-tally template qc-stats -o …', async () => {
  let out = '';
  const code = await main(['template', 'qc-stats', '-o', 'cli-qc.xlsx'], { stdout: { write: (s: string) => (out += s) }, stderr: { write: () => true }, env: {}, cwd: dir });
  expect(code).toBe(0);
  expect(out).toContain('已生成模板 qc-stats');
  await expect(fsp.access(path.join(dir, 'cli-qc.xlsx'))).resolves.toBeUndefined();
});
