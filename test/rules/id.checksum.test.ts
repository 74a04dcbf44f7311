import { rule } from '../../src/core/rules/id.checksum';
import { ruleCases } from '../helpers/rule-tester';
import { makeId, personId } from '../helpers/ids';

const good = personId();
const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');

ruleCases(rule, {
  valid: [
    { name: 'standard examples', rows: [{ residentId: '11010519491231002X' }, { residentId: '440524188001010014', gender: '男' }] },
    { name: 'generated, every check character', rows: Array.from({ length: 40 }, (_, i) => ({ residentId: makeId('65400219800101' + String(100 + i)), gender: i % 2 ? '男' : '女' })) },
    { name: 'lowercase x', rows: [{ residentId: '11010519491231002x' }] },
    { name: '15 digits have no check character', rows: [{ residentId: '110105491231002' }] },
    { name: 'an impossible date is reported as id.birthdate first', rows: [{ residentId: '110105199902290021' }] },
    { name: 'an unknown province is reported as id.region first', rows: [{ residentId: '200105194912310021' }] },
    { name: 'format errors come first', rows: [{ residentId: '1101051949123100' }] },
  ],
  invalid: [
    {
      name: 'wrong check character, the expected one given',
      rows: [{ residentId: '110105194912310021' }],
      errors: [{ cell: 'J3', message: '应为“X”，实为“1”', fix: null, value: '110105194912310021' }],
    },
    { name: 'a mistyped digit', rows: [{ residentId: '11010519491231003X' }], errors: [{ cell: 'J3' }] },
    { name: 'X where a digit belongs', rows: [{ residentId: good.slice(0, 17) + (good[17] === 'X' ? '0' : 'X') }], errors: [{ cell: 'J3' }] },
    { name: 'generated, last character changed', rows: [{ residentId: bad, gender: '男' }], errors: [{ message: `应为“${good[17]}”` }] },
    { name: 'full-width with a wrong check character', rows: [{ residentId: '１１０１０５１９４９１２３１００２１' }], errors: [{ message: '应为“X”' }] },
    { name: 'two transposed digits', rows: [{ residentId: '11010519491231200X' }], errors: [{ cell: 'J3' }] },
  ],
});
