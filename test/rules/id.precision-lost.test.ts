import { rule } from '../../src/core/rules/id.precision-lost';
import { ruleCases } from '../helpers/rule-tester';
import { personId } from '../helpers/ids';

ruleCases(rule, {
  valid: [
    { name: 'text', rows: [{ residentId: personId() }] },
    { name: 'a 15-digit number keeps its digits', rows: [{ residentId: 110105491231002 }] },
    { name: 'a short number is a format error', rows: [{ residentId: 12345 }] },
    { name: 'empty', rows: [{ residentId: null }] },
  ],
  invalid: [
    {
      name: 'an 18-digit number: Excel kept 15 digits',
      rows: [{ residentId: 654002198001011200 }],
      errors: [{ cell: 'J3', message: '无法恢复', value: '654002198001011000', fix: null }],
    },
    {
      name: 'even when the lost digits happen to be zeros, they cannot be trusted',
      rows: [{ residentId: 654002198001010000 }],
      errors: [{ cell: 'J3', value: '654002198001010000' }],
    },
    { name: 'a 16-digit number', rows: [{ residentId: 1101051949123100 }], errors: [{ cell: 'J3' }] },
    {
      name: 'text in scientific notation (after a CSV round trip)',
      rows: [{ residentId: '6.54002E+17' }],
      errors: [{ cell: 'J3', message: '科学计数法', value: '6.54002E+17' }],
    },
  ],
});
