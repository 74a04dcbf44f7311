import { rule } from '../../src/core/rules/id.stored-as-number';
import { ruleCases } from '../helpers/rule-tester';

ruleCases(rule, {
  valid: [
    { name: 'text', rows: [{}, { residentId: '110105491231002' }] },
    { name: 'a long number: id.precision-lost', rows: [{ residentId: 654002198001011200 }] },
    { name: 'a short number: id.format', rows: [{ residentId: 12345 }] },
    { name: 'a 15-digit number that is no valid ID: its error comes first', rows: [{ residentId: 110105491301002 }] },
  ],
  invalid: [
    {
      name: '15-digit number',
      rows: [{ residentId: 110105491231002 }],
      errors: [{ cell: 'J3', severity: 'warning', message: '以数字形式保存', value: '110105491231002', fix: '110105491231002' }],
    },
  ],
});

test('fixable', () => {
  expect(rule.meta.fixable).toBe(true);
});
