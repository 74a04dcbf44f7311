import { rule } from '../../src/core/rules/stats.inconsistent';
import { verticalCases } from '../helpers/vertical-tester';
import { qcActivitySheet, qcTeamSheet } from '../helpers/stats-sheets';
import type { CellValue } from '../../src/core/grid';

/** 附件7 with the three input rows inserted under the rates (as fill leaves it). */
function withInputs(participants: CellValue, employees: CellValue, achieved: CellValue, v = {}): CellValue[][] {
  const rows = qcActivitySheet(v);
  rows.splice(8, 0, ['参加QC小组人数', '人', participants], ['职工总数', '人', employees]);
  rows.splice(13, 0, ['取得成果小组数', '个', achieved]);
  return rows;
}

verticalCases(rule, {
  valid: [
    { name: '附件7 as printed', values: qcActivitySheet() },
    { name: 'equal counts are allowed', values: qcActivitySheet({ activeGroups: 40, presentedGroups: 40, registeredGroups: 40, cumulativeGroups: 40 }) },
    { name: 'inputs within their totals', values: withInputs(350, 1000, 20) },
    { name: 'missing values are not compared', values: qcActivitySheet({ registeredGroups: null }) },
    { name: '附件12 as printed', values: qcTeamSheet() },
  ],
  invalid: [
    {
      name: '坚持活动 > 本年度注册',
      values: qcActivitySheet({ activeGroups: 50 }),
      errors: [{ cell: 'C9', message: '“本年度坚持活动的QC小组数”（C9＝50）大于“本年度已登记注册QC小组数”（C7＝40）' }],
    },
    {
      name: '本年度注册 > 累计',
      values: qcActivitySheet({ registeredGroups: 40, cumulativeGroups: 30 }),
      errors: [{ cell: 'C7', message: '（C7＝40）大于“历年来已登记注册QC小组累计数”（C6＝30）' }],
    },
    {
      name: '发表小组数 (side-by-side cell D16) > 本年度注册',
      values: qcActivitySheet({ presentedGroups: 41 }),
      errors: [{ cell: 'D16', message: '“发表小组数”（D16＝41）大于“本年度已登记注册QC小组数”（C7＝40）' }],
    },
    {
      name: '参加人数 > 职工总数, 取得成果 > 本年度注册',
      values: withInputs(1200, 1000, 45),
      errors: [
        { cell: 'C9', message: '“参加QC小组人数”（C9＝1200）大于“职工总数”（C10＝1000）' },
        { cell: 'C14', message: '“取得成果小组数”（C14＝45）大于“本年度已登记注册QC小组数”（C7＝40）' },
      ],
    },
    {
      name: '推荐自治区班组数 > 本年度开展班组数',
      values: qcTeamSheet({ teamsRecommended: 30 }),
      errors: [{ cell: 'C9', message: '“本年度推荐自治区质量信得过班组数”（C9＝30）大于“本年度开展质量信得过班组数”（C6＝25）' }],
    },
  ],
});
