import { rule } from '../../src/core/rules/id.normalized';
import { ruleCases } from '../helpers/rule-tester';

const ID = '11010519491231002X';

ruleCases(rule, {
  valid: [
    { name: 'clean', rows: [{}, { residentId: '440524188001010014', gender: '男' }] },
    { name: '15 digits, even full-width: id.first-generation gives the fix', rows: [{ residentId: '１１０１０５４９１２３１００２' }] },
    { name: 'lowercase x but a wrong check character: id.checksum', rows: [{ residentId: '11010519491231003x' }] },
    { name: 'spaces around a malformed number: id.format', rows: [{ residentId: ' 12345 ' }] },
  ],
  invalid: [
    {
      name: 'full-width digits and X',
      rows: [{ residentId: '１１０１０５１９４９１２３１００２Ｘ' }],
      errors: [{ cell: 'J3', severity: 'info', message: '整理后为有效号码', value: '１１０１０５１９４９１２３１００２Ｘ', fix: ID }],
    },
    { name: 'lowercase x', rows: [{ residentId: '11010519491231002x' }], errors: [{ fix: ID }] },
    { name: 'spaces around and inside', rows: [{ residentId: ' 110105 19491231 002X ' }], errors: [{ fix: ID }] },
    { name: 'hyphens', rows: [{ residentId: '110105-19491231-002X' }], errors: [{ fix: ID }] },
    { name: 'zero-width characters', rows: [{ residentId: '\u200b11010519491231002X\ufeff' }], errors: [{ fix: ID }] },
    { name: 'ideographic space', rows: [{ residentId: '11010519491231002X\u3000' }], errors: [{ fix: ID }] },
    { name: 'line break', rows: [{ residentId: '110105\n19491231002X' }], errors: [{ fix: ID }] },
  ],
});

test('fixable', () => {
  expect(rule.meta.fixable).toBe(true);
});
