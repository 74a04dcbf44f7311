import { rule } from '../../src/core/rules/stats.rate-mismatch';
import { verticalCases } from '../helpers/vertical-tester';
import { iliIndicatorsSheet, nantongQualitySheet, qcActivitySheet, qcActivityWithInputBlock } from '../helpers/stats-sheets';
import type { CellValue } from '../../src/core/grid';

/** 附件7 with the input rows (participants 350 of 1000 employees → 35 %; 20 of 40 groups → 50 %); rates in C8, C13. */
function withInputs(popularity: CellValue, achievement: CellValue, extra: { participants?: CellValue; employees?: CellValue } = {}): CellValue[][] {
  const rows = qcActivitySheet({ popularityRate: popularity, achievementRate: achievement });
  rows.splice(8, 0, ['参加QC小组人数', '人', extra.participants ?? 350], ['职工总数', '人', extra.employees ?? 1000]);
  rows.splice(13, 0, ['取得成果小组数', '个', 20]);
  return rows;
}

verticalCases(rule, {
  valid: [
    { name: '35% as text', values: withInputs('35%', '50%') },
    { name: 'inputs in a marked block below the table: 35 %, 50 %', values: qcActivityWithInputBlock({ popularityRate: '35%', achievementRate: '50%' }) },
    { name: "'35.00%' and full-width ％", values: withInputs('35.00%', '５０％') },
    { name: '35 (percentage points) and 0.5 (fraction)', values: withInputs(35, 0.5) },
    { name: '0.35 in a percentage-formatted cell', values: withInputs(0.35, 0.5), formats: { C8: '0.00%', C13: '0%' } },
    { name: 'within 0.05 percentage points', values: withInputs('35.04%', '49.96%') },
    { name: 'a bare 0.35 agreeing as 0.35 % (ambiguous, accepted)', values: withInputs(0.35, 0.5, { participants: 35, employees: 10000 }) },
    { name: 'inputs missing: nothing to compare (stats.rate-inputs-missing says so)', values: qcActivitySheet({ popularityRate: '99%' }) },
    { name: 'an empty denominator: the rate is not defined', values: withInputs('35%', '50%', { employees: null }) },
    { name: 'empty rate cells', values: withInputs(null, null) },
    {
      name: 'nantong 表5: 等级品率 with weights 1.0 / 0.8 / 0.6: (100 + 160 + 60) / 400 = 80 %',
      values: nantongQualitySheet({ p1: [100], p2: [200], p3: [100], grossOutput: [400], gradeRate: ['80%'] }),
    },
    {
      name: 'indicator ratios typed to two decimals',
      values: withIliInputs(['18.00%', 45.5, '2.50']),
    },
  ],
  invalid: [
    {
      name: 'inputs in a marked block: 成果率 typed 33% but 12 / 36 = 33.33%',
      values: qcActivityWithInputBlock({ registeredGroups: 36, popularityRate: '35%', achievementRate: '33%' }, { achieved: 12 }),
      errors: [{ cell: 'C11', message: '33.33%' }],
    },
    {
      name: 'a typed rate that disagrees',
      values: withInputs('40%', '50%'),
      errors: [{ cell: 'C8', message: '“本年度QC小组普及率”填写为 40%，按 C9/C10 计算应为 35.00%', fix: '35.00%' }],
    },
    {
      name: '0.06 percentage points off',
      values: withInputs('35.06%', 0.5),
      errors: [{ cell: 'C8', fix: '35.00%' }],
    },
    {
      name: 'a percentage-formatted cell is not ambiguous: 0.0035 shown as 0.35% ≠ 35%',
      values: withInputs(0.0035, 0.5),
      formats: { C8: '0.00%' },
      errors: [{ cell: 'C8', message: '填写为 0.35%' }],
    },
    {
      name: '成果率 against 本年度已登记注册QC小组数',
      values: withInputs('35%', '60%'),
      errors: [{ cell: 'C13', message: '按 C14/C7 计算应为 50.00%' }],
    },
    {
      name: 'ili 附表1: 资产负债率 per year',
      values: withIliInputs(['18.00%', 45.5, '2.50'], ['40%', '45.5%', '50%']),
      errors: [{ cell: 'D17', message: '“资产负债率”（2022年）填写为 40%，按 D18/D3 计算应为 45.50%' }],
    },
    {
      name: 'nantong 表5: 等级品率 typed without the weights',
      values: nantongQualitySheet({ p1: [100, 100], p2: [200, 200], p3: [100, 100], grossOutput: [400, 400], gradeRate: ['80%', '100%'] }),
      errors: [{ cell: 'D7', message: '按 (D3+0.8*D4+0.6*D5)/D6 计算应为 80.00%' }],
    },
  ],
});

/**
 * ili 附表1 with inputs inserted: 总资产贡献率 (row 11) gets 税金总额, 利息支出, 期初资产总计, 累计月数; 资产负债率
 * (row 13) gets 负债总额 (row 14); 流动资产周转率 (row 15) gets 销售收入, 流动资产平均余额.
 */
function withIliInputs(typed2022: CellValue[], debt?: CellValue[]): CellValue[][] {
  const rows = iliIndicatorsSheet({
    totalAssets: [1000, 1100, 1200],
    totalProfit: [100, 110, 120],
    totalAssetContribution: [typed2022[0], null, null],
    debtRatio: debt ?? [null, null, null],
    currentAssetTurnover: [typed2022[2], null, null],
  });
  // 资产负债率 typed as a bare 45.5 in 2022 (percentage points) when no `debt` row is given.
  if (!debt) rows[12][3] = typed2022[1];
  rows.splice(14, 0, [null, '销售收入', '万元', 2500, 2600, 2700], [null, '流动资产平均余额', '万元', 1000, 1000, 1000]);
  rows.splice(13, 0, [null, '负债总额', '万元', 455, 500, 600]);
  rows.splice(11, 0, [null, '税金总额', '万元', 50, 50, 50], [null, '利息支出', '万元', 30, 30, 30], [null, '期初资产总计', '万元', 1000, 1000, 1100], [null, '累计月数', '月', 12, 12, 12]);
  return rows;
}
