import { rule } from '../../src/core/rules/phone.invalid';
import { ruleCases } from '../helpers/rule-tester';

ruleCases(rule, {
  valid: [
    { name: 'two valid phones in one cell: 、，,;/ or spaces', rows: [{ phone: '13800138000、0999-8012345' }, { phone: '13800138000，13900139000' }, { phone: '13800138000;13900139000' }, { phone: '13800138000 0999-8012345' }, { phone: '13800138000  13900139000' }] },
    { name: 'mobile', rows: [{ phone: '13912345678' }] },
    { name: 'mobile stored as a number', rows: [{ phone: 13912345678 }] },
    { name: 'numbers at the ends of the mobile range', rows: [{ phone: 13000000000 }, { phone: 19999999999 }] },
    { name: 'mobile with spaces, +86 and full-width digits', rows: [{ phone: '+86 139 1234 5678' }, { phone: '１３９１２３４５６７８' }] },
    { name: 'landline with area code', rows: [{ phone: '0999-8012345' }, { phone: '09998012345' }, { phone: '010-12345678' }] },
    { name: 'landline with bracketed area code', rows: [{ phone: '（0999）8012345' }, { phone: '(0999)8012345' }] },
    { name: 'landline with extension', rows: [{ phone: '0999-8012345-123' }, { phone: '0999-8012345转8001' }] },
    { name: '400/800 numbers', rows: [{ phone: '400-123-4567' }, { phone: '8001234567' }] },
    { name: 'two numbers in one cell', rows: [{ phone: '13912345678/0999-8012345' }, { phone: '13912345678、13812345678' }] },
    { name: 'empty is required.missing’s business', rows: [{ phone: null }] },
    { name: 'collective: 联系人电话', kind: 'annex3.collective', rows: [{ contactPhone: '13912345678' }, { contactPhone: '0999-8012345' }] },
  ],
  invalid: [
    { name: 'two numbers separated by a space, one of them wrong', rows: [{ phone: '13800138000 1390013900' }], errors: [{ cell: 'K3' }] },
    {
      name: 'mobile one digit short',
      rows: [{ phone: '1391234567' }],
      errors: [{ cell: 'K3', message: '“联系电话”位数不对：“1391234567”', value: '1391234567', fix: null }],
    },
    {
      name: 'mobile with a 12 prefix',
      rows: [{ phone: '12912345678' }],
      errors: [{ cell: 'K3', message: '不是有效的手机号或固定电话' }],
    },
    {
      name: 'a number just below the mobile range',
      rows: [{ phone: 12999999999 }],
      errors: [{ cell: 'K3', message: '不是有效的手机号或固定电话' }],
    },
    {
      name: 'a mobile-length number with a fraction',
      rows: [{ phone: 13912345678.5 }],
      errors: [{ cell: 'K3' }],
    },
    {
      name: 'landline without area code',
      rows: [{ phone: '8012345' }],
      errors: [{ cell: 'K3', message: '固定电话缺少区号' }],
    },
    {
      name: 'landline typed as a number lost its 0',
      rows: [{ phone: 9998012345 }],
      errors: [{ cell: 'K3', message: '区号前的 0 已丢失', fix: '0999-8012345' }],
    },
    {
      name: 'text that is no number',
      rows: [{ phone: '见附件' }],
      errors: [{ cell: 'K3', message: '含有号码以外的字符' }],
    },
    {
      name: 'a mobile cannot have an extension',
      rows: [{ phone: '13912345678转12' }],
      errors: [{ cell: 'K3', message: '分机号写法不对' }],
    },
    {
      name: 'two numbers, the second bad',
      rows: [{ phone: '13912345678/139123' }],
      errors: [{ cell: 'K3', message: '位数不对' }],
    },
    {
      name: 'collective: 联系人电话 in column G',
      kind: 'annex3.collective',
      rows: [{}, { contactPhone: '0999-801234' }],
      errors: [{ cell: 'G4', message: '“联系人电话”位数不对' }],
    },
  ],
});
