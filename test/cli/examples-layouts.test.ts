/**
 * The layout samples in examples/ (scripts/make-examples-layouts.js), read from the .xlsx files as the CLI reads them:
 * each layout is read as the SPEC says (tables, rows) and gives exactly the findings listed in the script's header.
 */
import { promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { applyPlan } from '../../src/xlsx/apply-plan';
import { compareRates, recalc } from '../helpers/libreoffice';
import { readWorkbookFile } from '../../src/xlsx/read';
import { checkWorkbook } from '../../src/core/check';
import { planFill } from '../../src/core/fill';
import { planStatsFill } from '../../src/core/fill-stats';
import { getProfile } from '../../src/core/profiles';

const root = path.join(__dirname, '..', '..', 'examples');
async function check(name: string, profile?: string) {
  const { grid } = await readWorkbookFile(path.join(root, name));
  return checkWorkbook(grid, { file: name, today: { y: 2026, m: 12, d: 1 }, profile: profile ? getProfile(profile) : undefined });
}
const list = (r: Awaited<ReturnType<typeof check>>) => r.findings.map((f) => `${f.sheet}!${f.cell} ${f.rule}`);

test('layouts-pages.xlsx: one table over two pages, six nominees, 序号 continuing, 小计 and 合计 untouched', async () => {
  const r = await check('layouts-pages.xlsx');
  expect(r.tables).toEqual([{ sheet: '附件3', kind: 'annex3.individual', range: 'A3:L14', rows: 6 }]);
  expect(list(r)).toEqual([]);
  expect(planFill(r).changes).toEqual([]);
});

test('layouts-merged.xlsx: the merged 工作单位 and 单位性质 count for both rows', async () => {
  const r = await check('layouts-merged.xlsx');
  expect(r.tables.map((t) => t.rows)).toEqual([4]);
  expect(list(r)).toEqual([]);
});

test('layouts-side-by-side.xlsx: two tables on one header row', async () => {
  const r = await check('layouts-side-by-side.xlsx');
  expect(r.tables.map((t) => `${t.kind} ${t.range} ${t.rows}`)).toEqual(['annex3.collective A3:H5 2', 'annex3.individual J3:U7 4']);
  expect(list(r)).toEqual([]);
  expect(planFill(r).changes).toEqual([]);
});

test('layouts-forms.xlsx: 工作单位及职务, the Chinese-numeral form date, 6541xx and 440524, helper column, middle dots, two phones', async () => {
  const r = await check('layouts-forms.xlsx');
  expect(r.tables).toEqual([{ sheet: '附件3', kind: 'annex3.individual', range: 'A3:K7', rows: 4 }]);
  // One name typed with two middle dots at one unit is a duplicate; the 100-year-old is 100 on the form date
  // (2025-10-28) though 101 on the test's today (2026-12-01): no id.age; 6541xx and 440524 are known counties.
  expect(list(r)).toEqual(['附件3!B5 name.duplicate']);
});

test('register-merged-regions.xlsx: merged regions counted on every row; abbreviations counted and noted; two regions over quota', async () => {
  const r = await check('register-merged-regions.xlsx', 'xj-qc-2019');
  expect(r.tables.map((t) => t.rows)).toEqual([14]);
  const f = list(r);
  expect(f.filter((x) => x.endsWith('quota.exceeded'))).toEqual(['登记表!B9 quota.exceeded', '登记表!B14 quota.exceeded', '登记表!B14 quota.exceeded']);
  expect(f.filter((x) => x.endsWith('category.synonym'))).toHaveLength(8);
  expect(f.filter((x) => !/quota\.exceeded|category\.synonym/.test(x))).toEqual([]);
  const hami = r.tally.byRegion.find((e) => e.region === '哈密地区工信局' && e.class === 'teams');
  expect(hami).toMatchObject({ count: 7, quota: 6, over: 1 });
});

test('quota-subtotals.xlsx: 地州市小计 and 行业部门小计 are not regions; 总计 agrees with the regions', async () => {
  const r = await check('quota-subtotals.xlsx', 'xj-qc-2019');
  expect(list(r)).toEqual([]);
});

test('qc-stats-input-block.xlsx: the block is read (33% vs 33.33%), fill writes formulas over it and inserts nothing', async () => {
  const r = await check('qc-stats-input-block.xlsx', 'xj-qc-2019');
  expect(list(r)).toEqual(['附件7!C10 stats.rate-mismatch']);
  const plan = planStatsFill(r);
  expect(plan.inserts ?? []).toEqual([]);
  expect(plan.changes.find((c) => c.cell === 'C7')?.formula).toBe('=IF(C17=0,"",C16/C17)');
});

test('qc-stats-input-block.xlsx filled (rates confirmed): LibreOffice computes the formulas over the block as the engine does', async () => {
  const r = await check('qc-stats-input-block.xlsx', 'xj-qc-2019');
  const plan = planStatsFill(r, { replaceMismatched: true });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(root, 'qc-stats-input-block.xlsx'));
  applyPlan(wb, plan);
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'at-layouts-'));
  try {
    const grid = await recalc(wb, dir);
    if (!grid) return;
    const cmp = compareRates(grid);
    expect(cmp.problems).toEqual([]);
    expect(cmp.compared).toBe(2);
  } finally {
    await fsp.rm(dir, { recursive: true, force: true });
  }
}, 120_000);
