import { rule } from '../../src/core/rules/quota.members-exceeded';
import { getProfile } from '../../src/core/profiles';
import { registerSheet, runCases } from '../helpers/quota-tester';

const xj = getProfile('xj-qc-2019');
const WITH_LIST = ['序号', '推荐地区或部门', '类别', '名称', '企业名称', '是否与会发表', '成员人数', '成员名单'];
const names = (n: number, sep = '、') => Array.from({ length: n }, (_, i) => `成员${i + 1}`).join(sep);

// registerSheet: data from row 3; 成员人数 is column G, 成员名单 column H.
runCases(rule, {
  valid: [
    { name: '10 members, 10 names', profile: xj, files: { 'r.xlsx': [registerSheet([{ members: 10, roster: names(10) }], { header: WITH_LIST })] } },
    {
      name: 'a trusted team of 30 lists its first 15 (附件8 前15名): only the list is limited',
      profile: xj,
      files: { 'r.xlsx': [registerSheet([{ category: '质量信得过班组', members: 30, roster: names(15, '，') }], { header: WITH_LIST })] },
    },
    { name: 'categories without a roster limit', profile: xj, files: { 'r.xlsx': [registerSheet([{ category: '质量管理小组活动优秀企业', members: 300 }])] } },
    { name: 'the default profile uses the QC limits of xj-qc-2019: 10 is fine', files: { 'r.xlsx': [registerSheet([{ members: '10 ' }])] } },
    { name: 'members typed with their unit: 8人, 10 人, 9名', profile: xj, files: { 'r.xlsx': [registerSheet([{ members: '8人' }, { members: '10 人' }, { members: '9名' }])] } },
  ],
  invalid: [
    {
      name: 'members typed “16人” are checked like 16',
      profile: xj,
      files: { 'r.xlsx': [registerSheet([{ members: '16人' }])] },
      errors: [{ cell: 'G3', message: '成员人数为 16，超过 10 人' }],
    },
    {
      name: 'a short category (QC小组) is held to its full name’s limit',
      profile: xj,
      files: { 'r.xlsx': [registerSheet([{ category: 'QC小组', members: '12个' }])] },
      errors: [{ cell: 'G3', message: '“优秀质量管理小组”成员人数为 12' }],
    },
    {
      name: 'QC group: 成员人数 11',
      profile: xj,
      files: { 'r.xlsx': [registerSheet([{ members: 11 }])] },
      errors: [{ cell: 'G3', message: '“优秀质量管理小组”成员人数为 11，超过 10 人（QC小组成员（10人以内））' }],
    },
    {
      name: 'QC group: 11 names in 成员名单 (and the figure says 11)',
      profile: xj,
      files: { 'r.xlsx': [registerSheet([{ members: 11, roster: names(11) }], { header: WITH_LIST })] },
      errors: [{ cell: 'G3' }, { cell: 'H3', message: '成员名单列出 11 人，超过 10 人' }],
    },
    {
      name: 'trusted team: 16 names listed, separated by line breaks',
      profile: xj,
      files: { 'r.xlsx': [registerSheet([{ category: '自治区质量信得过班组', members: 40, roster: names(16, '\n') }], { header: WITH_LIST })] },
      errors: [{ cell: 'H3', message: '“质量信得过班组”成员名单列出 16 人，超过 15 人' }],
    },
    {
      name: 'the default profile: xj-qc-2019 limits for a QC register',
      files: { 'r.xlsx': [registerSheet([{ members: 12 }])] },
      errors: [{ cell: 'G3' }],
    },
    {
      name: 'jilin 标准创新: main drafters 一般不超过5人 → warning',
      profile: getProfile('jilin-2025-quality'),
      files: { 'r.xlsx': [registerSheet([{ category: '标准创新', members: 6, roster: names(6) }], { header: WITH_LIST })] },
      errors: [
        { cell: 'G3', severity: 'warning', message: '主要起草人员' },
        { cell: 'H3', severity: 'warning' },
      ],
    },
  ],
});
