import { rule } from '../../src/core/rules/sheet.header-info';
import { annex3Individual } from '../../src/core/forms';
import { ruleCases, seedHeader, DEFAULT_TITLE } from '../helpers/rule-tester';

/** Rows that put a second table (individuals) under the first (collectives) on the same sheet. */
const secondTable = [
  [null],
  ['二、伊犁州经济高质量发展贡献奖先进个人推荐对象汇总表'],
  seedHeader(annex3Individual),
  [1, '张三', '女', '汉族', '中共党员', '大学本科', '伊宁市示例科技有限公司', '企业', '总经理', '11010519491231002X', '13800138000', null],
];

ruleCases(rule, {
  valid: [
    { name: 'the default title line', rows: [{}] },
    { name: 'date with hyphens', title: '推荐单位（盖章）：伊宁县人民政府 填表日期：2025-11-03', rows: [{}] },
    { name: 'date with dots', title: '推荐单位（盖章）：伊宁县人民政府 填表日期：2025.10.28', rows: [{}] },
    { name: 'date in Chinese numerals (〇)', title: '推荐单位（盖章）：伊宁县人民政府 填表日期：二〇二五年十月二十八日', rows: [{}] },
    { name: 'date in Chinese numerals (○ and 零)', title: '推荐单位（盖章）：伊宁县人民政府 填表日期：二○二五年十月二十八日', rows: [{}] },
    { name: 'date in its own cell as an Excel date', rows: [], values: [['推荐单位（盖章）：伊宁县人民政府', null, null, null, null, null, null, null, '填表日期：', new Date(Date.UTC(2025, 9, 28))], seedHeader(annex3Individual), [1, '张三', '女', '汉族', '中共党员', '大学本科', '伊宁市示例科技有限公司', '企业', '总经理', '11010519491231002X', '13800138000', null]] },
    { name: 'date as an Excel serial in its own cell', rows: [], values: [['推荐单位（盖章）：伊宁县人民政府', '填表日期', 45958], seedHeader(annex3Individual), [1, '张三', '女', '汉族', '中共党员', '大学本科', '伊宁市示例科技有限公司', '企业', '总经理', '11010519491231002X', '13800138000', null]] },
    { name: '填表日期 on its own line under the 推荐单位 line', rows: [], values: [['推荐单位（盖章）：伊宁县人民政府'], ['填表日期：2025年10月28日'], seedHeader(annex3Individual), [1, '张三', '女', '汉族', '中共党员', '大学本科', '伊宁市示例科技有限公司', '企业', '总经理', '11010519491231002X', '13800138000', null]] },
    { name: 'collective', kind: 'annex3.collective', rows: [{}] },
    { name: 'two tables under a good title line', kind: 'annex3.collective', rows: [{}, ...secondTable] },
  ],
  invalid: [
    {
      name: 'no title line: reported at the first header cell',
      title: null,
      rows: [{}],
      errors: [{ cell: 'A1', message: '未找到“推荐单位（盖章）：… 填表日期：…年…月…日”行', value: null }],
    },
    {
      name: 'the blank template line: both missing, at the title cell',
      title: '推荐单位（盖章）：                                     填表日期：     年   月   日',
      rows: [{}],
      errors: [
        { cell: 'A1', message: '未填写推荐单位' },
        { cell: 'A1', message: '未填写填表日期' },
      ],
    },
    {
      name: 'recommender missing',
      title: '推荐单位（盖章）：   填表日期：2025年11月3日',
      rows: [{}],
      errors: [{ cell: 'A1', message: '未填写推荐单位' }],
    },
    {
      name: 'date missing',
      title: '推荐单位（盖章）：伊宁市   填表日期：',
      rows: [{}],
      errors: [{ cell: 'A1', message: '未填写填表日期' }],
    },
    {
      name: 'not a real date',
      title: '推荐单位（盖章）：伊宁市 填表日期：2025年2月30日',
      rows: [{}],
      errors: [{ cell: 'A1', message: '填表日期“2025年2月30日”不是有效日期' }],
    },
    {
      name: 'Chinese numerals that are no date',
      title: '推荐单位（盖章）：伊宁市 填表日期：二〇二五年二月三十日',
      rows: [{}],
      errors: [{ cell: 'A1', message: '填表日期“二〇二五年二月三十日”不是有效日期' }],
    },
    {
      name: 'the form’s blank 年 月 日 is a missing date',
      title: '推荐单位（盖章）：伊宁市 填表日期：    年  月  日',
      rows: [{}],
      errors: [{ cell: 'A1', message: '未填写填表日期' }],
    },
    {
      name: 'only the date label on the line',
      title: '填表日期：2025年11月3日',
      rows: [{}],
      errors: [{ cell: 'A1', message: '未填写推荐单位' }],
    },
    {
      name: 'two tables under one title line: reported once',
      kind: 'annex3.collective',
      title: '推荐单位（盖章）：伊宁市 填表日期：  年  月  日',
      rows: [{}, ...secondTable],
      errors: [{ cell: 'A1', message: '未填写填表日期' }],
    },
    {
      name: 'two tables, no title line: reported once, at the first table',
      kind: 'annex3.collective',
      title: null,
      rows: [{}, ...secondTable],
      errors: [{ cell: 'A1', message: '未找到' }],
    },
  ],
});

test('DEFAULT_TITLE of the helper is a complete title line', () => {
  expect(DEFAULT_TITLE).toContain('填表日期');
});
