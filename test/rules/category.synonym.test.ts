import { rule } from '../../src/core/rules/category.synonym';
import { getProfile } from '../../src/core/profiles';
import { registerSheet, runCases } from '../helpers/quota-tester';

const xj = getProfile('xj-qc-2019');

// registerSheet: data from row 3; 类别 is column C.
runCases(rule, {
  valid: [
    {
      name: 'full names and aliases of xinjiang-2019 附件1',
      profile: xj,
      files: { 'r.xlsx': [registerSheet([{ category: '优秀质量管理小组' }, { category: '自治区质量信得过班组' }, { category: '优秀QC小组' }, { category: '质量管理小组活动推进者' }])] },
    },
    { name: 'an unknown category is not a short form', profile: xj, files: { 'r.xlsx': [registerSheet([{ category: '优秀班长' }])] } },
    { name: 'an empty category', profile: xj, files: { 'r.xlsx': [registerSheet([{ category: null }])] } },
  ],
  invalid: [
    {
      name: 'QC小组, 信得过班组, 推进者: info with the full name',
      profile: xj,
      files: { 'r.xlsx': [registerSheet([{ category: 'QC小组' }, { category: ' 信得过班组' }, { category: '推进者' }, { category: 'ＱＣ小组' }])] },
      errors: [
        { cell: 'C3', message: '类别“QC小组”为简称，按“优秀质量管理小组”计入名额', fix: '优秀质量管理小组' },
        { cell: 'C4', fix: '质量信得过班组' },
        { cell: 'C5', fix: '质量管理小组活动推进者' },
        { cell: 'C6', fix: '优秀质量管理小组' },
      ],
    },
  ],
});
