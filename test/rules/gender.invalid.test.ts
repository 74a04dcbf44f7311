import { rule } from '../../src/core/rules/gender.invalid';
import { ruleCases } from '../helpers/rule-tester';

ruleCases(rule, {
  valid: [
    { name: '男 and 女', rows: [{ gender: '男' }, { gender: '女' }] },
    { name: 'surrounding spaces, ideographic and zero-width ones too', rows: [{ gender: ' 男 ' }, { gender: '\u3000女\u200b' }] },
    { name: 'empty is required.missing’s', rows: [{ gender: null }] },
  ],
  invalid: [
    {
      name: 'not a gender',
      rows: [{ gender: '未知' }],
      errors: [{ cell: 'C3', severity: 'error', message: '性别“未知”无效，应填“男”或“女”', fix: null }],
    },
    { name: 'a code is not guessed', rows: [{ gender: 1 }], errors: [{ cell: 'C3', severity: 'error', value: '1' }] },
    { name: 'both', rows: [{ gender: '男/女' }], errors: [{ severity: 'error' }] },
    {
      name: '男性 / 女性: info, fixable',
      rows: [{ gender: '男性' }, { gender: '女性' }],
      errors: [
        { cell: 'C3', severity: 'info', message: '性别“男性”应写作“男”', fix: '男' },
        { cell: 'C4', severity: 'info', fix: '女' },
      ],
    },
    {
      name: 'M / F / female: info, fixable',
      rows: [{ gender: 'M' }, { gender: 'f' }, { gender: 'Female' }],
      errors: [
        { severity: 'info', fix: '男' },
        { severity: 'info', fix: '女' },
        { severity: 'info', fix: '女' },
      ],
    },
  ],
});
