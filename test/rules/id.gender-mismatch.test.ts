import { rule } from '../../src/core/rules/id.gender-mismatch';
import { ruleCases } from '../helpers/rule-tester';
import { personId } from '../helpers/ids';

ruleCases(rule, {
  valid: [
    { name: 'woman, even digit 17', rows: [{ residentId: '11010519491231002X', gender: '女' }] },
    { name: 'man, odd digit 17', rows: [{ residentId: '440524188001010014', gender: '男' }] },
    { name: 'generated', rows: [{ residentId: personId('19800101', '123'), gender: '男' }, { residentId: personId('19800101', '246'), gender: '女' }] },
    { name: '男性 / 女性 and spaces', rows: [{ residentId: personId('19800101', '123'), gender: ' 男性 ' }, { residentId: personId('19800101', '120'), gender: '女性' }] },
    { name: '15 digits: the last digit', rows: [{ residentId: '110105491231002', gender: '女' }, { residentId: '110105491231003', gender: '男' }] },
    { name: 'empty or invalid gender is another rule’s', rows: [{ gender: null }, { gender: '未知' }, { gender: 'F' }] },
    { name: 'an invalid ID proves nothing', rows: [{ residentId: '110105194912310031', gender: '男' }, { residentId: '12345', gender: '男' }] },
    { name: 'no 性别 column', header: ['序号', '姓名', '民族', '政治面貌', '学历学位', '工作单位', '单位性质', '职务', '身份证号', '联系电话'], rows: [{}] },
  ],
  invalid: [
    {
      name: 'man typed for a woman’s ID: reported at 性别',
      rows: [{ residentId: '11010519491231002X', gender: '男' }],
      errors: [{ cell: 'C3', message: '性别为“男”，但身份证号第 17 位是 2（奇数为男，偶数为女），应为“女”', value: '男', fix: '女' }],
    },
    { name: 'woman typed for a man’s ID', rows: [{}, { residentId: personId('19800101', '123'), gender: '女' }], errors: [{ cell: 'C4', fix: '男' }] },
    { name: '15 digits', rows: [{ residentId: '110105491231003', gender: '女性' }], errors: [{ cell: 'C3', message: '第 15 位是 3', fix: '男' }] },
    { name: 'normalised ID still counts', rows: [{ residentId: '１１０１０５１９４９１２３１００２ｘ', gender: '男' }], errors: [{ cell: 'C3' }] },
  ],
});

test('not fixable: a conflicting user value is reported, never replaced', () => {
  expect(rule.meta.fixable).toBeFalsy();
});
