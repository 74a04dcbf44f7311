import { rule } from '../../src/core/rules/quota.unknown-region';
import { getProfile, parseProfile } from '../../src/core/profiles';
import { buildSheet } from '../helpers/rule-tester';
import { quotaSheet, registerSheet, runCases } from '../helpers/quota-tester';

const xj = getProfile('xj-qc-2019');
const twoYining = parseProfile(
  {
    id: 'yining',
    name: '伊宁',
    unitTypes: ['企业'],
    quota: {
      classes: [{ id: 'groups', label: '小组数', categories: ['优秀质量管理小组'] }],
      regions: [
        { name: '伊宁市工信局', quota: { groups: 3 } },
        { name: '伊宁县工信局', quota: { groups: 3 } },
      ],
    },
  },
  'yining.json',
);

runCases(rule, {
  valid: [
    {
      name: 'exact after normalisation: spaces, line breaks, an alias of the profile',
      profile: xj,
      files: {
        'r.xlsx': [registerSheet([{ region: ' 伊犁州工信局 ' }, { region: '伊犁州\n工信局' }, { region: '伊犁哈萨克自治州工信局' }, { region: '中国石油新疆油田分公司' }])],
      },
    },
    { name: 'no quota table applies (default profile): any region is fine', files: { 'r.xlsx': [registerSheet([{ region: '火星工信局' }])] } },
    {
      name: 'the run’s quota table is the reference: a region it lists is known even if the profile has none',
      files: { 'q.xlsx': [quotaSheet([['火星工信局', 1, 1, 1]], null)], 'r.xlsx': [registerSheet([{ region: '火星工信局' }])] },
    },
    { name: 'an empty region is required.missing’s business', profile: xj, files: { 'r.xlsx': [registerSheet([{ region: null }])] } },
    {
      name: 'a QC quota table says nothing about a 附件3 推荐单位',
      profile: xj,
      files: { 'a.xlsx': [buildSheet({ title: '推荐单位（盖章）：伊宁市人民政府    填表日期：2025年11月3日', rows: [{}] })] },
    },
  ],
  invalid: [
    {
      name: '伊犁州 for 伊犁州工信局: a variant, warning, counted there, fix = the table’s spelling',
      profile: xj,
      files: { 'r.xlsx': [registerSheet([{ region: '伊犁州' }])] },
      errors: [{ cell: 'B3', severity: 'warning', message: '“伊犁州”与名额表中的“伊犁州工信局”写法不一致', fix: '伊犁州工信局' }],
    },
    {
      name: 'other agency suffixes: 市场监督管理局, 工业和信息化局 of a region without that alias, 地区 dropped',
      profile: xj,
      files: { 'r.xlsx': [registerSheet([{ region: '伊犁州市场监督管理局' }, { region: '塔城地区工业和信息化局' }, { region: '石河子市' }])] },
      errors: [
        { cell: 'B3', severity: 'warning', fix: '伊犁州工信局' },
        { cell: 'B4', severity: 'warning', fix: '塔城地区工信局' },
        { cell: 'B5', severity: 'warning', fix: '石河子地区工信局' },
      ],
    },
    {
      name: 'not in the table: error, no fix',
      profile: xj,
      files: { 'r.xlsx': [registerSheet([{ region: '火星工信局' }])] },
      errors: [{ cell: 'B3', message: '“火星工信局”不在名额表中', fix: null }],
    },
    {
      name: 'ambiguous: 伊宁 could be 伊宁市 or 伊宁县',
      profile: twoYining,
      files: { 'r.xlsx': [registerSheet([{ region: '伊宁' }])] },
      errors: [{ cell: 'B3', message: '可能是：伊宁市工信局、伊宁县工信局', fix: null }],
    },
    {
      name: 'each row is reported (each cell needs the fix)',
      profile: xj,
      files: { 'a.xlsx': [registerSheet([{ region: '伊犁州' }])], 'b.xlsx': [registerSheet([{ region: '伊犁州' }, { region: '奎屯市' }])] },
      errors: [
        { file: 'a.xlsx', cell: 'B3', severity: 'warning', fix: '伊犁州工信局' },
        { file: 'b.xlsx', cell: 'B3', severity: 'warning', fix: '伊犁州工信局' },
        { file: 'b.xlsx', cell: 'B4', severity: 'warning', fix: '奎屯市工信局' },
      ],
    },
    {
      name: 'a 附件3 table: its 推荐单位, once per table, at the title line (when a quota class counts 附件3 rows)',
      profile: parseProfile(
        {
          id: 'annex3-quota',
          name: '附件3名额',
          unitTypes: ['企业'],
          quota: { classes: [{ id: 'people', label: '先进个人', kinds: ['annex3.individual'] }], regions: [{ name: '伊犁州工信局', quota: { people: 5 } }] },
        },
        'annex3-quota.json',
      ),
      files: { 'a.xlsx': [buildSheet({ title: '推荐单位（盖章）：伊犁州    填表日期：2025年11月3日', rows: [{}, { residentId: '440524188001010014', gender: '男' }] })] },
      errors: [{ cell: 'A1', severity: 'warning', fix: '伊犁州工信局' }],
    },
  ],
});
