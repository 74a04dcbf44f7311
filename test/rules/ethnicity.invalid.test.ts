import { rule } from '../../src/core/rules/ethnicity.invalid';
import { ETHNICITIES } from '../../src/core/data/ethnicities';
import { ruleCases } from '../helpers/rule-tester';

ruleCases(rule, {
  valid: [
    { name: 'all 56 groups with 族', rows: ETHNICITIES.map((e) => ({ ethnicity: e.name })) },
    { name: 'all 56 groups without 族', rows: ETHNICITIES.map((e) => ({ ethnicity: e.name.slice(0, -1) })) },
    { name: 'spaces', rows: [{ ethnicity: ' 维吾尔族 ' }, { ethnicity: '哈 萨 克' }] },
    { name: 'empty is required.missing’s', rows: [{ ethnicity: null }] },
  ],
  invalid: [
    {
      name: 'not an ethnic group',
      rows: [{ ethnicity: '中国' }],
      errors: [{ cell: 'D3', severity: 'warning', message: '民族“中国”不是56个民族之一', fix: null }],
    },
    { name: 'a typo', rows: [{ ethnicity: '维吾族' }], errors: [{ cell: 'D3', severity: 'warning' }] },
    { name: '族 alone', rows: [{ ethnicity: '族' }], errors: [{ severity: 'warning' }] },
    {
      name: 'colloquial short forms: info with the full name',
      rows: [{ ethnicity: '维族' }, { ethnicity: '哈族' }, { ethnicity: '柯族' }, { ethnicity: '蒙族' }],
      errors: [
        { cell: 'D3', severity: 'info', message: '民族“维族”是简称，应写作“维吾尔族”', fix: '维吾尔族' },
        { cell: 'D4', severity: 'info', fix: '哈萨克族' },
        { cell: 'D5', severity: 'info', fix: '柯尔克孜族' },
        { cell: 'D6', severity: 'info', fix: '蒙古族' },
      ],
    },
    { name: '塔族 is ambiguous (塔吉克族 or 塔塔尔族): a warning', rows: [{ ethnicity: '塔族' }], errors: [{ severity: 'warning', fix: null }] },
  ],
});
