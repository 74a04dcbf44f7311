import { rule } from '../../src/core/rules/id.first-generation';
import { ruleCases } from '../helpers/rule-tester';
import { makeId } from '../helpers/ids';

ruleCases(rule, {
  valid: [
    { name: '18 digits', rows: [{}] },
    { name: '15 digits with an impossible date: id.birthdate', rows: [{ residentId: '110105491301002' }] },
    { name: '15 digits with an unknown province: id.region', rows: [{ residentId: '200105491231002' }] },
    { name: '14 digits: id.format', rows: [{ residentId: '11010549123100' }] },
  ],
  invalid: [
    {
      name: 'the 15-digit form of the standard example',
      rows: [{ residentId: '110105491231002' }],
      errors: [{ cell: 'J3', severity: 'warning', message: '15 位一代身份证号', value: '110105491231002', fix: '11010519491231002X' }],
    },
    {
      name: 'full-width 15 digits',
      rows: [{ residentId: '６５４００２８００１０１１２４' }],
      errors: [{ fix: makeId('65400219800101124') }],
    },
    { name: 'stored as a number', rows: [{ residentId: 110105491231002 }], errors: [{ fix: '11010519491231002X', value: '110105491231002' }] },
  ],
});

test('fixable', () => {
  expect(rule.meta.fixable).toBe(true);
});
