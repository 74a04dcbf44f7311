/**
 * SPEC §2 "Merged data cells" in the add-in: the host reads the used range's merged areas (ExcelApi 1.13,
 * Range.getMergedAreasOrNullObject, in the first read sync) through Microsoft's Office.js client, so a 工作单位
 * merged over two people gives its value to both rows; below 1.13 it is not spread (capabilities say so).
 */
import { checkWorkbook } from '../../src/core/check';
import { planFill } from '../../src/core/fill';
import { parseA1, parseA1Range } from '../../src/core/grid';
import { createExcelHost } from '../../src/excel/host';
import { parseAreas } from '../../src/excel/merged-areas';
import { FakeWorkbook, fillAnnex3, type FakeSheet } from '../fakes/excel-fake';
import { ClientExcel } from '../fakes/office-client';

function merge(s: FakeSheet, a1: string): void {
  const r = parseA1Range(a1);
  s.merges.push({ top: r.top, left: r.left, rows: r.bottom - r.top + 1, cols: r.right - r.left + 1 });
}

/** An Annex 3 sheet of 6 people whose 工作单位 (G) of rows 5–6 is one merged cell, as counties type it. */
function workbook(apiVersion: string) {
  const wb = new FakeWorkbook();
  wb.name = '伊宁市.xlsx';
  const s = wb.addSheet('附件3');
  const layout = fillAnnex3(s, 6);
  s.set('G5', { value: '伊宁市人民医院' });
  s.set('G6', { value: null });
  merge(s, 'G5:G6');
  const excel = new ClientExcel(wb, { apiVersion });
  const host = createExcelHost(excel, { supports: excel.supports });
  return { wb, s, excel, host, layout };
}

describe.each([
  ['1.13', true],
  ['1.18', true],
  ['1.9', false],
  ['1.1', false],
])('ExcelApi %s: merged 工作单位 over two rows', (v, spread) => {
  test(spread ? 'both rows have it: no required.missing, 6 rows, merged areas read in the first sync' : 'not spread (documented): capabilities say so', async () => {
    const { excel, host } = workbook(v);
    expect(host.capabilities().mergedCells).toBe(spread);
    excel.resetStats();
    const g = await host.readWorkbook('all');
    const syncs = excel.stats.syncs;
    // Asked for only where it is there (Microsoft's client fails an unsupported member at sync).
    expect(excel.calls.some((c) => c.api === 'Range.getMergedAreasOrNullObject')).toBe(spread);
    const r = checkWorkbook(g, { file: '伊宁市.xlsx', today: { y: 2025, m: 3, d: 20 } });
    const missing = r.findings.filter((f) => f.rule === 'required.missing').map((f) => f.cell);
    expect(r.tables.map((t) => t.rows)).toEqual([6]);
    if (spread) {
      expect(g.sheets[0].merges).toEqual([{ top: 4, left: 6, bottom: 5, right: 6 }]);
      expect(missing).toEqual([]);
      // The merged areas ride with the values: no more syncs than a sheet without merges.
      const plain = new FakeWorkbook();
      fillAnnex3(plain.addSheet('附件3'), 6);
      const px = new ClientExcel(plain, { apiVersion: v });
      const ph = createExcelHost(px, { supports: px.supports });
      px.resetStats();
      await ph.readWorkbook('all');
      expect(syncs).toBe(px.stats.syncs);
    } else {
      expect(g.sheets[0].merges).toBeUndefined();
      expect(missing).toEqual(['G6']);
    }
  });
});

test('a fill through the host writes only the top-left cell of a merged area', async () => {
  const { s, host } = workbook('1.13');
  // 联系电话 of rows 5–6 merged (one office phone), typed with gaps: the fix goes to K5, never to the covered K6.
  s.set('K5', { value: '138 0991 2345', numberFormat: '@' });
  s.set('K6', { value: null });
  merge(s, 'K5:K6');
  const g = await host.readWorkbook('all');
  const plan = planFill(checkWorkbook(g, { file: '伊宁市.xlsx', today: { y: 2025, m: 3, d: 20 } }));
  const onK = plan.changes.filter((c) => c.col === 10);
  expect(onK.map((c) => `${c.cell}=${c.after}`)).toEqual(['K5=13809912345']);
  const res = await host.applyChanges(plan.changes);
  expect(res.skipped).toEqual([]);
  expect(s.value('K5')).toBe('13809912345');
  expect(s.value('K6') ?? null).toBeNull();
});

test('over 512 merged areas (Excel refuses them in one call): read again in row slices, none lost', async () => {
  const wb = new FakeWorkbook();
  const s = wb.addSheet('附件3');
  fillAnnex3(s, 1400);
  // 工作单位 and 单位性质 of each pair of people merged: 1,400 areas.
  for (let r = 4; r + 1 < 4 + 1400; r += 2) {
    s.set(`G${r + 1}`, { value: null });
    s.set(`H${r + 1}`, { value: null });
    merge(s, `G${r}:G${r + 1}`);
    merge(s, `H${r}:H${r + 1}`);
  }
  const excel = new ClientExcel(wb, { apiVersion: '1.13' });
  const host = createExcelHost(excel, { supports: excel.supports });
  excel.resetStats();
  const g = await host.readWorkbook('all');
  expect(g.sheets[0].merges).toHaveLength(1400);
  // Sheet list, the refused first sync, the first sync again, the rest of the values, the slices (12 columns:
  // 42 rows each, 34 slices in one sync).
  expect(excel.stats.syncs).toBe(5);
  const r = checkWorkbook(g, { file: 'x.xlsx', today: { y: 2025, m: 3, d: 20 } });
  expect(r.findings.filter((f) => f.rule === 'required.missing')).toEqual([]);
  expect(r.tables.map((t) => t.rows)).toEqual([1400]);
});

describe('RangeAreas addresses', () => {
  test.each([
    ['附件3!G5:G6', ['G5:G6']],
    ["'附件 3'!$G$5:$G$6, '附件 3'!A9:B9", ['G5:G6', 'A9:B9']],
    ["'a,b!''c'!C3:C4,'a,b!''c'!D7", ['C3:C4', 'D7']],
    ['G5:G6', ['G5:G6']],
    ['', []],
    ['S!1:2,S!A:A,S!B2:B3', ['B2:B3']],
  ])('%s', (address, want) => {
    const a1 = (r: { top: number; left: number; bottom: number; right: number }) => {
      const p = `${String.fromCharCode(65 + r.left)}${r.top + 1}`;
      return r.top === r.bottom && r.left === r.right ? p : `${p}:${String.fromCharCode(65 + r.right)}${r.bottom + 1}`;
    };
    expect(parseAreas(address).map(a1)).toEqual(want);
    expect(parseA1('G5')).toEqual({ row: 4, col: 6 });
  });
});
