import { rule } from '../../src/core/rules/stats.rate-range';
import { verticalCases } from '../helpers/vertical-tester';
import { iliIndicatorsSheet, nantongQualitySheet, qcActivitySheet } from '../helpers/stats-sheets';

verticalCases(rule, {
  valid: [
    { name: '0 %, 100 %, 35', values: qcActivitySheet({ popularityRate: '0%', achievementRate: '100%' }) },
    { name: 'a bare 35 and a bare 0.5', values: qcActivitySheet({ popularityRate: 35, achievementRate: 0.5 }) },
    { name: '资本保值增值率 above 100 % and a negative 总资产贡献率 are possible', values: iliIndicatorsSheet({ capitalPreservation: ['112%', 105, 1.08], totalAssetContribution: ['-3.5%', null, null] }) },
    { name: '资产负债率 above 100 % (insolvent) is possible', values: iliIndicatorsSheet({ debtRatio: ['120%', null, null] }) },
  ],
  invalid: [
    {
      name: 'a share above 100 %',
      values: qcActivitySheet({ popularityRate: '135%' }),
      errors: [{ cell: 'C8', message: '“本年度QC小组普及率”为 135%，应在 0%–100% 之间' }],
    },
    {
      name: 'a bare 150 (150 % or 15000 %: both out of range)',
      values: qcActivitySheet({ achievementRate: 150 }),
      errors: [{ cell: 'C11', message: '为 150，应在 0%–100% 之间' }],
    },
    {
      name: 'a negative share',
      values: qcActivitySheet({ popularityRate: -0.2 }),
      errors: [{ cell: 'C8' }],
    },
    {
      name: 'a percentage-formatted 1.2 is 120 %',
      values: qcActivitySheet({ popularityRate: 1.2 }),
      formats: { C8: '0.00%' },
      errors: [{ cell: 'C8', message: '为 120%' }],
    },
    {
      name: 'a negative 资产负债率 and 流动资产周转率',
      values: iliIndicatorsSheet({ debtRatio: ['-5%', null, null], currentAssetTurnover: [null, -1.2, null] }),
      errors: [
        { cell: 'D13', message: '“资产负债率”（2022年）为 -5%，不能为负数' },
        { cell: 'E14', message: '“流动资产周转率”（2023年）为 -1.2，不能为负数' },
      ],
    },
    {
      name: 'nantong 等级品率 over 100 %',
      values: nantongQualitySheet({ gradeRate: ['101%'] }),
      errors: [{ cell: 'C7' }],
    },
  ],
});
