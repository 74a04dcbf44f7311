import { rule } from '../../src/core/rules/id.format';
import { ruleCases } from '../helpers/rule-tester';
import { personId } from '../helpers/ids';

ruleCases(rule, {
  valid: [
    { name: 'standard examples', rows: [{ residentId: '11010519491231002X' }, { residentId: '440524188001010014', gender: '男' }] },
    { name: 'generated', rows: [{ residentId: personId(), gender: '男' }, { residentId: personId('19900615', '246') }] },
    { name: '15-digit first generation', rows: [{ residentId: '110105491231002' }] },
    { name: 'full-width, lowercase x, spaces: id.normalized', rows: [{ residentId: '１１０１０５ １９４９１２３１ ００２ｘ' }] },
    { name: 'a wrong check character is id.checksum', rows: [{ residentId: '110105194912310021' }] },
    { name: 'empty is id.missing', rows: [{ residentId: null }] },
    { name: 'a long number is id.precision-lost', rows: [{ residentId: 654002198001011200 }] },
  ],
  invalid: [
    { name: 'too short', rows: [{ residentId: '12345' }], errors: [{ cell: 'J3', message: '身份证号有 5 位，应为 18 位', fix: null }] },
    { name: '17 digits', rows: [{ residentId: '11010519491231002' }], errors: [{ message: '有 17 位' }] },
    { name: '19 digits', rows: [{ residentId: '110105194912310021X' }], errors: [{ message: '有 19 位' }] },
    { name: '16 digits and X', rows: [{ residentId: '1101051949123100X' }], errors: [{ message: '有 17 位' }] },
    { name: 'a letter', rows: [{ residentId: '1101051949123100AX' }], errors: [{ message: '第 17 位“A”不是数字' }] },
    { name: 'X not last', rows: [{ residentId: '11010519491231X021' }], errors: [{ message: '第 15 位“X”' }] },
    { name: 'X in a 15-digit number', rows: [{ residentId: '11010549123100X' }], errors: [{ message: '第 15 位“X”' }] },
    { name: 'a name typed in the ID column', rows: [{ residentId: '张三' }], errors: [{ message: '第 1 位“张”' }] },
    { name: 'a short number', rows: [{ residentId: 12345 }], errors: [{ cell: 'J3', message: '有 5 位', value: '12345' }] },
    { name: 'two bad rows', rows: [{ residentId: '1' }, {}, { residentId: 'abc' }], errors: [{ cell: 'J3' }, { cell: 'J5' }] },
  ],
});
