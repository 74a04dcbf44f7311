import { rule } from '../../src/core/rules/workbook.no-table';
import { ruleCases } from '../helpers/rule-tester';
import { individuals, person, sideBySide } from '../helpers/layouts';
import { qcActivitySheet } from '../helpers/stats-sheets';

ruleCases(rule, {
  valid: [
    { name: 'an 附件3 table', rows: [{}] },
    { name: 'tables side by side', rows: [], values: sideBySide(1, 1) },
    { name: 'a vertical statistics form only', rows: [], values: qcActivitySheet() },
    { name: 'a quota table only', rows: [], values: [['序号', '地区或部门', '小组数', '发表小组数', '质量信得过班组数'], [1, '奎屯市工信局', 4, 3, 2]] },
    { name: 'a table on the second sheet', rows: [], values: [['说明：见第二页']], extraSheets: [{ name: '附件3', values: individuals(person(1)) }] },
    { name: 'a workbook without a single value: nothing to point at', rows: [], values: [] },
  ],
  invalid: [
    {
      name: 'headers typed with other words: the closest row named',
      rows: [],
      values: [['推荐人员名单'], ['编号', '人员', '男/女', '单位', '证件'], [1, '张三', '女', '伊宁市示例公司', '11010519491231002X']],
      errors: [{ cell: 'A2', severity: 'warning', message: '最接近的是第 2 行（先进个人推荐对象汇总表，只找到 序号、工作单位）', value: null }],
    },
    {
      name: 'a sheet of prose: no row holds a header label',
      rows: [],
      values: [['关于推荐2025年度先进个人的报告'], ['经研究，推荐张三同志。']],
      errors: [{ cell: 'A1', message: '工作簿中未识别出任何表格，也没有一行含有这些表头' }],
    },
    {
      name: 'prose starting lower down: reported at its first cell',
      rows: [],
      values: [[], [null, null, '关于推荐2025年度先进个人的报告']],
      errors: [{ cell: 'C2', message: '也没有一行含有这些表头' }],
    },
    {
      name: 'the labels looked for are named',
      rows: [],
      values: [['无关内容']],
      errors: [{ message: '先进个人推荐对象汇总表（姓名）' }],
    },
  ],
});
