import { rule } from '../../src/core/rules/quota.exceeded';
import { getProfile, parseProfile } from '../../src/core/profiles';
import { buildSheet } from '../helpers/rule-tester';
import { many, quotaSheet, registerSheet, runCases } from '../helpers/quota-tester';

const xj = getProfile('xj-qc-2019');
const YILI = '伊犁州工信局'; // 11 / 6 / 4 in 附件2

// registerSheet: title (row 1), header (row 2), data from row 3; 推荐地区或部门 is column B.
runCases(rule, {
  valid: [
    { name: 'exactly the quota', profile: xj, files: { 'r.xlsx': [registerSheet(many(11, { region: YILI }))] } },
    {
      name: 'each class within its column: 6 presenting of 11 groups, 4 teams',
      profile: xj,
      files: {
        'r.xlsx': [
          registerSheet([...many(6, { region: YILI, presenting: '是' }), ...many(5, { region: YILI }), ...many(4, { region: YILI, category: '质量信得过班组' })]),
        ],
      },
    },
    {
      name: 'categories without a quota column are not counted (推进者, 优秀企业)',
      profile: xj,
      files: { 'r.xlsx': [registerSheet(many(30, { region: '奎屯市工信局', category: '质量管理小组活动推进者' }))] },
    },
    { name: 'no quota table anywhere (default profile)', files: { 'r.xlsx': [registerSheet(many(30, { region: YILI }))] } },
    {
      name: 'a 小计 row of the register is not an application: 11 and a 小计 of 11',
      profile: xj,
      files: { 'r.xlsx': [registerSheet([...many(11, { region: YILI }), { seq: null, region: '小计', category: null, name: null, enterprise: null, presenting: null, members: 11 }])] },
    },
  ],
  invalid: [
    {
      name: 'a register sorted by region, the region cell merged over its 12 rows: counted 12 against 11',
      profile: xj,
      files: {
        'r.xlsx': [{ ...registerSheet([{ region: YILI }, ...many(11, { region: null })]), merges: [{ top: 2, left: 1, bottom: 13, right: 1 }] }],
      },
      errors: [{ cell: 'B14', message: '“伊犁州工信局”的“小组数”已推荐 12 个，超过名额 11 个' }],
    },
    {
      name: 'short categories count under their full name: 12 × QC小组 against 11',
      profile: xj,
      files: { 'r.xlsx': [registerSheet(many(12, { region: YILI, category: 'QC小组' }))] },
      errors: [{ cell: 'B14', message: '“小组数”已推荐 12 个' }],
    },
    {
      name: '是否与会发表 read from √ and ☑是 □否: 7 presenting against 6',
      profile: xj,
      files: { 'r.xlsx': [registerSheet([...many(4, { region: YILI, presenting: '√' }), ...many(3, { region: YILI, presenting: '☑是 □否' }), ...many(3, { region: YILI, presenting: '□是 ☑否' })])] },
      errors: [{ cell: 'B9', message: '“发表小组数”已推荐 7 个，超过名额 6 个' }],
    },
    {
      name: '12 QC groups against 11: one finding, at the 12th',
      profile: xj,
      files: { 'r.xlsx': [registerSheet(many(12, { region: YILI }))] },
      errors: [{ cell: 'B14', message: '“伊犁州工信局”的“小组数”已推荐 12 个，超过名额 11 个（多 1 个' }],
    },
    {
      name: '发表小组数: 7 presenting against 6',
      profile: xj,
      files: { 'r.xlsx': [registerSheet(many(7, { region: YILI, presenting: '是' }))] },
      errors: [{ cell: 'B9', message: '“发表小组数”已推荐 7 个，超过名额 6 个' }],
    },
    {
      name: 'counted across the workbooks of the run: 6 + 6 > 11, reported in the second file',
      profile: xj,
      files: { 'a.xlsx': [registerSheet(many(6, { region: YILI }))], 'b.xlsx': [registerSheet(many(6, { region: YILI }))] },
      errors: [{ file: 'b.xlsx', cell: 'B8', message: '已推荐 12 个' }],
    },
    {
      name: 'a variant spelling counts under its region (quota.unknown-region reports the spelling)',
      profile: xj,
      files: { 'r.xlsx': [registerSheet([...many(11, { region: YILI }), { region: '伊犁州' }])] },
      errors: [{ cell: 'B14', message: '已推荐 12 个' }],
    },
    {
      name: 'the quota table of the run wins over the profile (default profile, table in another file)',
      files: {
        'quota.xlsx': [quotaSheet([[YILI, 2, 1, 1]], [2, 1, 1])],
        'r.xlsx': [registerSheet([...many(3, { region: YILI }), ...many(2, { region: YILI, category: '质量信得过班组' })])],
      },
      errors: [
        { file: 'r.xlsx', cell: 'B5', message: '“小组数”已推荐 3 个，超过名额 2 个' },
        { file: 'r.xlsx', cell: 'B7', message: '“质量信得过班组数”已推荐 2 个，超过名额 1 个' },
      ],
    },
    {
      name: '附件3 tables by 推荐单位, when the profile has a class for them',
      profile: parseProfile(
        {
          id: 'county-quota',
          name: '县市名额',
          unitTypes: ['企业', '机关', '事业'],
          quota: {
            classes: [{ id: 'people', label: '先进个人', kinds: ['annex3.individual'] }],
            regions: [{ name: '伊宁市', quota: { people: 1 } }],
          },
        },
        'county.json',
      ),
      files: {
        'a.xlsx': [
          buildSheet({
            title: '推荐单位（盖章）：伊宁市    填表日期：2025年11月3日',
            rows: [{ residentId: '11010519491231002X' }, { name: '李四', residentId: '440524188001010014', gender: '男' }],
          }),
        ],
      },
      errors: [{ cell: 'B4', message: '“伊宁市”的“先进个人”已推荐 2 个，超过名额 1 个' }],
    },
  ],
});
