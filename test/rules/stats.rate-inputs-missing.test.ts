import { rule } from '../../src/core/rules/stats.rate-inputs-missing';
import { verticalCases } from '../helpers/vertical-tester';
import { iliIndicatorsSheet, nantongQualitySheet, qcActivitySheet, qcActivityWithInputBlock, qcTeamSheet } from '../helpers/stats-sheets';

const inputsAdded = (() => {
  const rows = qcActivitySheet();
  rows.splice(8, 0, ['参加QC小组人数', '人', null], ['职工总数', '人', null]);
  rows.splice(13, 0, ['取得成果小组数', '个', null]);
  return rows;
})();

verticalCases(rule, {
  valid: [
    { name: 'input rows present (still empty) under the rates', values: inputsAdded },
    { name: '附件12 has no rates', values: qcTeamSheet() },
    { name: 'inputs in a marked block below the table', values: qcActivityWithInputBlock() },
    { name: 'inputs in a block marked by a note line (说明：以下为计算用数据)', values: qcActivityWithInputBlock({}, {}, '说明：以下为计算用数据') },
    { name: 'an unmarked block after an empty row, every row an input', values: qcActivityWithInputBlock({}, {}, null) },
    { name: 'an indicator table without ratio rows', values: iliIndicatorsSheet().filter((r) => !/率/.test(String(r[1] ?? ''))) },
  ],
  invalid: [
    {
      name: 'an unmarked block mixing inputs with other text is not the table’s: inputs still missing',
      values: (() => {
        const rows = qcActivityWithInputBlock({}, {}, null);
        rows.splice(21, 0, ['另附：企业简介']);
        return rows;
      })(),
      errors: [{ cell: 'C8' }, { cell: 'C11' }],
    },
    {
      name: '附件7 as printed: 普及率 and 成果率 lack their inputs',
      values: qcActivitySheet(),
      errors: [
        { cell: 'C8', message: '无法核算“本年度QC小组普及率”：缺少输入行 “参加QC小组人数”、“职工总数”', fix: '参加QC小组人数、职工总数' },
        { cell: 'C11', message: '缺少输入行 “取得成果小组数”', fix: '取得成果小组数' },
      ],
    },
    {
      name: 'a county added 活动率 but deleted 本年度已登记注册QC小组数',
      values: (() => {
        const rows = inputsAdded.filter((r) => r[0] !== '本年度已登记注册QC小组数');
        rows.splice(8, 0, ['本年度QC小组活动率', '百分数', '90%']);
        return rows;
      })(),
      errors: [
        { cell: 'C9', message: '“本年度QC小组活动率”：缺少输入行 “本年度已登记注册QC小组数”' },
        { cell: 'C13', message: '“本年度QC小组成果率”：缺少输入行 “本年度已登记注册QC小组数”' },
      ],
    },
    {
      name: 'ili 附表1: every ratio lacks inputs (资产总额 and 利润总额 are there)',
      values: iliIndicatorsSheet(),
      errors: [
        { cell: 'D11', fix: '税金总额、利息支出、期初资产总计、累计月数' },
        { cell: 'D12', fix: '报告期期末所有者权益、上年同期期末所有者权益' },
        { cell: 'D13', fix: '负债总额' },
        { cell: 'D14', fix: '销售收入、流动资产平均余额、累计月数' },
        { cell: 'D15', fix: '成本费用总额' },
        { cell: 'D16', fix: '工业增加值、全部职工平均人数、累计月数' },
        { cell: 'D17', fix: '工业销售产值、工业总产值' },
      ],
    },
    {
      name: 'nantong 表5: only the rows it prints (工业总产值 is there)',
      values: nantongQualitySheet().filter((r) => r[1] !== '外部质量损失额'),
      errors: [{ cell: 'C9', fix: '外部质量损失额' }],
    },
  ],
});
