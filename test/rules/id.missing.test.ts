import { rule } from '../../src/core/rules/id.missing';
import { ruleCases } from '../helpers/rule-tester';

ruleCases(rule, {
  valid: [
    { name: 'the standard example', rows: [{}] },
    { name: 'a malformed ID is not missing', rows: [{ residentId: '12345' }] },
    { name: 'a number is not missing', rows: [{ residentId: 654002198001011200 }] },
    { name: 'zero is not missing', rows: [{ residentId: 0 }] },
  ],
  invalid: [
    { name: 'null', rows: [{ residentId: null }], errors: [{ cell: 'J3', message: '身份证号为空', value: null, fix: null }] },
    { name: 'empty string', rows: [{}, { residentId: '' }], errors: [{ cell: 'J4' }] },
    { name: 'spaces only', rows: [{ residentId: '   ' }], errors: [{ cell: 'J3' }] },
    { name: 'ideographic space and zero-width only', rows: [{ residentId: '\u3000\u200b' }], errors: [{ cell: 'J3' }] },
    { name: 'hyphen placeholder', rows: [{ residentId: '-' }], errors: [{ cell: 'J3' }] },
  ],
});
