import { rule } from '../../src/core/rules/stats.value-type';
import { verticalCases } from '../helpers/vertical-tester';
import { iliIndicatorsSheet, qcActivitySheet, qcTeamSheet } from '../helpers/stats-sheets';

verticalCases(rule, {
  valid: [
    { name: '附件7 as printed, filled in', values: qcActivitySheet() },
    { name: '附件12 as printed, filled in', values: qcTeamSheet() },
    { name: 'empty cells are not type errors', values: qcActivitySheet({ cumulativeGroups: null, funding: null, diagnosticians: null, conferenceHeld: '□是   □否' }) },
    { name: 'numbers typed as text: 1,234 / １２ / 12个', values: qcActivitySheet({ economicBenefit: '1,234', activeGroups: '１２', registeredGroups: '40个' }) },
    { name: 'checkboxes: 是√ 否□, 否, TRUE', values: qcActivitySheet({ conferenceHeld: '是√ 否□' }) },
    { name: 'money in 万 / 万元 and plain amounts: 1.5万, 1.2万元, 50000元, 20,000', values: qcActivitySheet({ economicBenefit: '1.5万', funding: '1.2万元', rewards: '50000元' }) },
    { name: 'counts typed with their unit: 16人, 12个', values: qcActivitySheet({ registeredGroups: '16个', activeGroups: '12个' }) },
    { name: 'rates as 35% / 0.35 / 35', values: qcActivitySheet({ popularityRate: '35%', achievementRate: 0.35 }) },
    { name: 'a loss year: negative 利润总额 is a number', values: iliIndicatorsSheet({ totalProfit: [-120.5, 30, 45] }) },
  ],
  invalid: [
    {
      name: 'negative money and a fractional count',
      values: qcActivitySheet({ rewards: -3000, activeGroups: 12.5 }),
      errors: [
        { cell: 'C9', message: '“本年度坚持活动的QC小组数”应为非负整数，实际为“12.5”' },
        { cell: 'C13', message: '“本年度企业对QC小组活动奖励费用”应为不小于 0 的金额，实际为“-3000”' },
      ],
    },
    {
      name: 'a count in 万 is still a count: 1.5万个 groups is no whole number of groups',
      values: qcActivitySheet({ activeGroups: '1.00005万个' }),
      errors: [{ cell: 'C9', message: '应为非负整数' }],
    },
    {
      name: 'a count in words',
      values: qcTeamSheet({ teamsThisYear: '若干' }),
      errors: [{ cell: 'C6', message: '应为非负整数，实际为“若干”' }],
    },
    {
      name: 'both boxes ticked',
      values: qcActivitySheet({ conferenceHeld: '☑是 ☑否' }),
      errors: [{ cell: 'B16', message: '同时勾选了“是”和“否”' }],
    },
    {
      name: 'an unreadable checkbox',
      values: qcActivitySheet({ conferenceHeld: '待定' }),
      errors: [{ cell: 'B16', message: '无法识别“待定”' }],
    },
    {
      name: 'a diagnostician count without the slash',
      values: qcActivitySheet({ diagnosticians: '7' }),
      errors: [{ cell: 'C14', message: '如 2/5，实际为“7”' }],
    },
    {
      name: '2/5 turned into a date by Excel',
      values: qcActivitySheet({ diagnosticians: new Date(Date.UTC(2019, 1, 5)) }),
      errors: [{ cell: 'C14', message: '被 Excel 自动转成了日期（2019-02-05），应为“2/5”', fix: '2/5' }],
    },
    {
      name: 'a rate in words',
      values: qcActivitySheet({ popularityRate: '很高' }),
      errors: [{ cell: 'C8', message: '应为数值或百分数' }],
    },
    {
      name: 'indicator periods are named',
      values: iliIndicatorsSheet({ totalAssets: [1000, '未统计', -5] }),
      errors: [
        { cell: 'E3', message: '“资产总额”（2023年）应为不小于 0 的金额，实际为“未统计”' },
        { cell: 'F3', message: '“资产总额”（2024年）应为不小于 0 的金额' },
      ],
    },
    {
      name: 'English messages',
      lang: 'en',
      values: qcTeamSheet({ teamRewards: -1 }),
      errors: [{ cell: 'C11', message: 'must be a non-negative amount, found "-1"' }],
    },
  ],
});
