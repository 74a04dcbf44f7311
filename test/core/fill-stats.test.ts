import { checkWorkbook } from '../../src/core/check';
import { planFill } from '../../src/core/fill';
import { mergePlans, planStatsFill, shiftRow } from '../../src/core/fill-stats';
import type { CellValue, SheetGrid } from '../../src/core/grid';
import { iliIndicatorsSheet, qcActivitySheet, qcActivityWithInputBlock, qcTeamSheet } from '../helpers/stats-sheets';

const TODAY = { y: 2025, m: 11, d: 20 };
function plan(sheets: SheetGrid[], opts: Parameters<typeof planStatsFill>[1] = {}) {
  const result = checkWorkbook({ name: 'w.xlsx', sheets }, { file: 'w.xlsx', today: TODAY });
  return { result, plan: planStatsFill(result, opts) };
}
const at = (p: ReturnType<typeof planStatsFill>, cell: string, sheet?: string) => p.changes.find((c) => c.cell === cell && (!sheet || c.sheet === sheet));

describe('附件7 as printed (no inputs, no typed rates)', () => {
  const { plan: p } = plan([{ name: '附件7', values: qcActivitySheet() }]);
  test('inputs inserted under the rate they feed, bottom up', () => {
    expect(p.inserts?.map(({ sheet, beforeRow, count }) => ({ sheet, beforeRow, count }))).toEqual([
      { sheet: '附件7', beforeRow: 11, count: 1 }, // under 成果率 (row 11 → 0-based 10)
      { sheet: '附件7', beforeRow: 8, count: 2 }, // under 普及率 (row 8 → 0-based 7)
    ]);
    expect(p.inserts?.[1].message).toBe('在“本年度QC小组普及率”下方插入 2 行输入：参加QC小组人数、职工总数');
  });
  test('labels and units of the new rows, addresses after insertion', () => {
    expect(at(p, 'A9')?.after).toBe('参加QC小组人数');
    expect(at(p, 'B9')?.after).toBe('人');
    expect(at(p, 'A10')?.after).toBe('职工总数');
    expect(at(p, 'A14')?.after).toBe('取得成果小组数');
    expect(at(p, 'B14')?.after).toBe('个');
  });
  test('rate formulas over the new addresses, guarded, as percentages', () => {
    const pop = at(p, 'C8');
    expect(pop?.formula).toBe('=IF(C10=0,"",C9/C10)');
    expect(pop?.after).toBe(pop?.formula);
    expect(pop?.numberFormat).toBe('0.00%');
    expect(pop?.formulaResult).toBe('');
    expect(pop?.before).toBe('');
    // 成果率 moved from row 11 to row 13; 本年度已登记注册 (C7) above every insert keeps its address.
    expect(at(p, 'C13')?.formula).toBe('=IF(C7=0,"",C14/C7)');
    expect(p.conflicts).toEqual([]);
  });
  test('nothing writes into the value cells of the new input rows', () => {
    expect(at(p, 'C9')).toBeUndefined();
    expect(at(p, 'C10')).toBeUndefined();
    expect(at(p, 'C14')).toBeUndefined();
  });
});

/** 附件7 with the input rows already present (as fill leaves it); rates in C8 and C13. */
function filledIn(pop: CellValue, ach: CellValue, inputs: CellValue[] = [350, 1000, 20]): CellValue[][] {
  const rows = qcActivitySheet({ popularityRate: pop, achievementRate: ach });
  rows.splice(8, 0, ['参加QC小组人数', '人', inputs[0]], ['职工总数', '人', inputs[1]]);
  rows.splice(13, 0, ['取得成果小组数', '个', inputs[2]]);
  return rows;
}

describe('typed rates', () => {
  test('agreeing: replaced by the live formula, listed with the typed value', () => {
    const { plan: p } = plan([{ name: 'S', values: filledIn('35%', 0.5) }]);
    expect(p.inserts).toEqual([]);
    expect(at(p, 'C8')).toMatchObject({ before: '35%', formula: '=IF(C10=0,"",C9/C10)', formulaResult: 0.35, reason: 'fill.rate-formula' });
    expect(at(p, 'C13')).toMatchObject({ before: '0.5', formula: '=IF(C7=0,"",C14/C7)', formulaResult: 0.5 });
  });
  test('disagreeing: a conflict, not a change …', () => {
    const { plan: p, result } = plan([{ name: 'S', values: filledIn('40%', '50%') }]);
    expect(at(p, 'C8')).toBeUndefined();
    expect(p.conflicts).toEqual([
      expect.objectContaining({ cell: 'C8', value: '40%', derived: '=IF(C10=0,"",C9/C10)', message: '“本年度QC小组普及率”填写为 40%，按公式计算为 35.00%，未改动；确认替换后才会改为公式' }),
    ]);
    expect(result.findings.filter((f) => f.rule === 'stats.rate-mismatch').map((f) => f.cell)).toEqual(['C8']);
  });
  test('… unless the user confirms the replacement', () => {
    const { plan: p } = plan([{ name: 'S', values: filledIn('40%', '50%') }], { replaceMismatched: true });
    expect(p.conflicts).toEqual([]);
    expect(at(p, 'C8')).toMatchObject({ before: '40%', reason: 'fill.rate-replace', formulaResult: 0.35 });
  });
  test('typed but not checkable (inputs absent): kept, inputs inserted, a conflict says why', () => {
    const { plan: p } = plan([{ name: 'S', values: qcActivitySheet({ popularityRate: '35%' }) }], { replaceMismatched: true });
    expect(p.inserts?.length).toBe(2);
    expect(at(p, 'C8')).toBeUndefined();
    expect(p.conflicts[0]).toMatchObject({ cell: 'C8', value: '35%' });
    expect(p.conflicts[0].message).toContain('“参加QC小组人数”、“职工总数” 尚未填写');
  });
  test('a cell holding this very formula is left alone; another formula is a conflict', () => {
    const values = filledIn(0.35, 0.5);
    const formulaAt = (_s: string, row: number, col: number) => (row === 7 && col === 2 ? '=IF($C$10=0,"",C9/C10)' : row === 12 && col === 2 ? 'C14/C7*100' : null);
    const { plan: p } = plan([{ name: 'S', values }], { formulaAt });
    expect(at(p, 'C8')).toBeUndefined();
    expect(at(p, 'C13')).toBeUndefined();
    expect(p.conflicts.map((c) => [c.cell, c.message])).toEqual([['C13', '“本年度QC小组成果率”已有公式 =C14/C7*100，与应写公式 =IF(C7=0,"",C14/C7) 不同，未改动']]);
  });
});

describe('addresses after insertion', () => {
  test('two 附件7 tables on one sheet: the second moves down by the first one\'s inserts', () => {
    const values = [...qcActivitySheet(), [], ...qcActivitySheet()];
    const { plan: p } = plan([{ name: 'S', values }]);
    // Second table: title at 0-based 21, header at 25, 普及率 at 28 → 31 after the first table's 3 new rows.
    expect(p.inserts?.map((i) => i.beforeRow)).toEqual([32, 29, 11, 8]);
    expect(shiftRow(p.inserts ?? [], 'S', 28)).toBe(31);
    expect(at(p, 'C32')?.formula).toBe('=IF(C34=0,"",C33/C34)');
    // 成果率 of the second table: read at 31 → 31 + 3 + 2 = 36 (C37); 本年度注册 read at 27 → 30 (C31).
    expect(at(p, 'C37')?.formula).toBe('=IF(C31=0,"",C38/C31)');
  });
  test('附件12 has no rates: no plan', () => {
    const { plan: p } = plan([{ name: 'S', values: qcTeamSheet() }]);
    expect(p).toEqual({ changes: [], conflicts: [], inserts: [] });
  });
  test('ili 附表1: shared inputs inserted once, under the first ratio needing them; months proposed per year', () => {
    const { plan: p } = plan([{ name: '附表1', values: iliIndicatorsSheet() }]);
    const ins = p.inserts?.map((i) => [i.beforeRow, i.count]);
    // Under 总资产贡献率 (0-based 10): 税金总额, 利息支出, 期初资产总计, 累计月数; under 资本保值增值率: 2;
    // 资产负债率: 负债总额; 流动资产周转率: 销售收入, 流动资产平均余额 (累计月数 already scheduled); …
    expect(ins).toEqual([[17, 2], [16, 2], [15, 1], [14, 2], [13, 1], [12, 2], [11, 4]]);
    expect(at(p, 'B12')?.after).toBe('税金总额');
    expect(at(p, 'C15')?.after).toBe('月');
    expect(['D15', 'E15', 'F15'].map((c) => at(p, c)?.after)).toEqual([12, 12, 12]);
    // 总资产贡献率 2022 (D11): (利润总额 D7 + 税金 D12 + 利息 D13) / ((期初 D14 + 资产总额 D3) / 2) × 12 / 月数 D15
    expect(at(p, 'D11')?.formula).toBe('=IF(OR((D14+D3)=0,D15=0),"",(D7+D12+D13)/((D14+D3)/2)*12/D15)');
    // 流动资产周转率 reads the same 累计月数 row.
    const turnover = p.changes.find((c) => c.formula?.includes('*12/E15') && c.formula.includes('/E'));
    expect(turnover).toBeDefined();
    expect(p.changes.filter((c) => c.formula).length).toBe(7 * 3);
  });
});

test('mergePlans moves the 附件3 plan past the inserts of the same sheet', () => {
  const annex3 = {
    changes: [
      { sheet: 'S', cell: 'A30', row: 29, col: 0, before: '9', after: 1, reason: 'fill.seq', message: '' },
      { sheet: 'T', cell: 'A30', row: 29, col: 0, before: '9', after: 1, reason: 'fill.seq', message: '' },
    ],
    conflicts: [],
  };
  const { result, plan: stats } = plan([{ name: 'S', values: qcActivitySheet() }]);
  const merged = mergePlans(annex3, stats);
  expect(merged.changes.filter((c) => c.reason === 'fill.seq').map((c) => `${c.sheet}!${c.cell}`)).toEqual(['S!A33', 'T!A30']);
  expect(merged.inserts).toEqual(stats.inserts);
  // planFill leaves vertical tables alone (no 序号, no 性别).
  expect(planFill(result).changes).toEqual([]);
});

describe('inputs typed in a marked block below the table (SPEC §4)', () => {
  test('no rows inserted; the rate cells get formulas over the block (C23, C24, C25)', () => {
    const { plan: p } = plan([{ name: 'S', values: qcActivityWithInputBlock() }]);
    expect(p.inserts ?? []).toEqual([]);
    expect(at(p, 'C8')?.formula).toBe('=IF(C24=0,"",C23/C24)');
    expect(at(p, 'C11')?.formula).toBe('=IF(C7=0,"",C25/C7)');
    expect(p.changes.filter((c) => c.row >= 20)).toEqual([]);
  });
  test('typed rates that agree with the block: replaced by the formulas, still no inserts', () => {
    const { plan: again } = plan([{ name: 'S', values: qcActivityWithInputBlock({ popularityRate: 0.35, achievementRate: 0.5 }) }]);
    expect(again.inserts ?? []).toEqual([]);
    expect(at(again, 'C8')?.formula).toBe('=IF(C24=0,"",C23/C24)');
  });
});
