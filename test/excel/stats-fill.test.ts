/**
 * The QC statistics fill in Excel (SPEC §4, §6): the Office.js host applies a plan with row insertions and live
 * rate formulas, against the strict fake. Also the fake's own row insertion (values, formats, merges, notes below).
 */
import { checkWorkbook } from '../../src/core/check';
import { planStatsFill } from '../../src/core/fill-stats';
import type { CellValue } from '../../src/core/grid';
import { createExcelHost, rowBeforeInserts } from '../../src/excel/host';
import { FakeWorkbook, type FakeSheet, type FakeValue } from '../fakes/excel-fake';
import { ClientExcel } from '../fakes/office-client';
import { qcActivitySheet } from '../helpers/stats-sheets';

function setup() {
  const wb = new FakeWorkbook();
  const fake = new ClientExcel(wb);
  const host = createExcelHost(fake, { supports: fake.supports });
  return { wb, fake, host };
}

function put(s: FakeSheet, rows: CellValue[][]): void {
  rows.forEach((r, i) => r.forEach((v, j) => v !== null && v !== undefined && s.ensure(i, j) && (s.ensure(i, j).value = v as FakeValue)));
}

describe('fake: Insert ▸ Sheet Rows', () => {
  test('values, formats, notes, merges and same-sheet formula references move down; new rows take the formats of the row above', async () => {
    const { wb, fake } = setup();
    const s = wb.addSheet('表');
    s.set('A1', { value: '标题' }).set('A2', { value: 'x', numberFormat: '0.00%' }).set('A3', { value: 5 }).set('B3', { value: '=A3*2' }).set('C1', { value: '=SUM(A2:A3)' });
    s.addNote('A3', '说明');
    s.merges.push({ top: 3, left: 0, rows: 1, cols: 3 }, { top: 0, left: 3, rows: 4, cols: 1 });
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('表').getRange('3:4').insert('Down');
      await ctx.sync();
    });
    expect(s.value('A3')).toBeNull();
    expect(s.numberFormat('A3')).toBe('0.00%'); // from the row above
    expect(s.value('A5')).toBe(5);
    expect(s.value('B5')).toBe('=A5*2');
    expect(s.value('C1')).toBe('=SUM(A2:A5)');
    expect(s.note('A5')?.content).toBe('说明');
    expect(s.mergedAreas()).toEqual(['A6:C6', 'D1:D6']);
  });

  test('only whole rows are modelled', async () => {
    const { wb, fake } = setup();
    wb.addSheet('表');
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('表').getRange('A3:B4').insert('Down');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'NotImplemented' });
  });
});

describe('rowBeforeInserts', () => {
  const ins = [
    { sheet: 'S', beforeRow: 8, count: 2, reason: '', message: '' },
    { sheet: 'S', beforeRow: 11, count: 1, reason: '', message: '' },
  ];
  test.each([
    [7, 7],
    [8, null],
    [9, null],
    [10, 8],
    [12, 10],
    [13, null],
    [14, 11],
  ])('row %p → %p', (after, before) => expect(rowBeforeInserts(ins, 'S', after)).toBe(before));
  test('other sheets are not moved', () => expect(rowBeforeInserts(ins, 'T', 20)).toBe(20));
});

describe('applyPlan: the 附件7 statistics fill', () => {
  async function planned(values = {}) {
    const env = setup();
    const s = env.wb.addSheet('附件7');
    put(s, qcActivitySheet(values));
    s.merges.push({ top: 17, left: 0, rows: 1, cols: 4 }); // 归口部门 line, below the inserts
    const grid = await env.host.readWorkbook('all');
    const result = checkWorkbook(grid, { file: 'x.xlsx', profile: undefined });
    const plan = planStatsFill(result, { lang: 'zh' });
    return { ...env, s, result, plan };
  }

  test('the check finds the stats table and its missing inputs', async () => {
    const { result } = await planned();
    expect(result.tables.map((t) => t.kind)).toContain('qc.activity-stats');
    expect(result.findings.filter((f) => f.rule === 'stats.rate-inputs-missing').length).toBeGreaterThan(0);
  });

  test('rows inserted under the rates, labels written, rates as live formulas with 0.00% — in 2 syncs', async () => {
    const { s, fake, host, plan } = await planned();
    expect(plan.inserts!.length).toBeGreaterThan(0);
    fake.resetStats();
    fake.tracing = true;
    const r = await host.applyPlan!(plan);
    expect(r.skipped).toEqual([]);
    expect(r.written).toBe(plan.changes.length);
    expect(r.insertedRows).toBe(plan.inserts!.reduce((n, i) => n + i.count, 0));
    expect(fake.stats.syncs).toBe(2);
    // Inserted rows: 参加QC小组人数 and 职工总数 under 普及率 (row 8), 取得成果小组数 under 成果率.
    expect(String(s.value('A9'))).toContain('参加QC小组人数');
    expect(String(s.value('A10'))).toContain('职工总数');
    expect(String(s.value('A14'))).toContain('取得成果小组数');
    for (const c of plan.changes.filter((x) => x.formula)) {
      expect(s.value(c.cell)).toBe(c.formula);
      expect(s.numberFormat(c.cell)).toBe('0.00%');
    }
    expect(s.value('C8')).toBe('=IF(C10=0,"",C9/C10)');
    // Rows below moved, the merged line too.
    expect(s.value('A19')).toMatch(/^是否组织发表会/);
    expect(s.mergedAreas()).toEqual(['A21:D21']);
    // The formulas go through Range.formulas, the inserts before any write.
    const names = fake.trace.filter((t) => t.sync === 2).map((t) => t.name);
    expect(names.indexOf('Insert')).toBeLessThan(names.indexOf('Formulas'));
    expect(names).toContain('Formulas');
  });

  test('a cell changed since the plan was made is skipped, never overwritten; the rest is applied', async () => {
    const { s, host, plan } = await planned();
    s.set('C11', { value: '88%' }); // 成果率 typed after the plan (row 11 as read)
    const r = await host.applyPlan!(plan);
    const skipped = r.skipped.map((c) => c.reason);
    expect(skipped).toEqual(['fill.rate-formula']);
    expect(s.value(r.skipped[0].cell)).toBe('88%');
    expect(s.value('C8')).toBe('=IF(C10=0,"",C9/C10)');
  });

  test('applyChanges is applyPlan without inserts', async () => {
    const { s, host } = await planned();
    const r = await host.applyChanges([{ sheet: '附件7', cell: 'C8', row: 7, col: 2, before: '', after: '=C6/C7', formula: '=C6/C7', numberFormat: '0.00%', reason: 't', message: 't' }]);
    expect(r).toEqual({ written: 1, skipped: [] });
    expect(s.value('C8')).toBe('=C6/C7');
  });
});
