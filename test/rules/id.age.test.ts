import { rule } from '../../src/core/rules/id.age';
import { getProfile, DEFAULT_PROFILE_ID } from '../../src/core/profiles';
import { ruleCases } from '../helpers/rule-tester';
import { personId } from '../helpers/ids';

// Default case: 填表日期 2025-11-03 (the reference date), today 2025-11-20; profile limits 16–100.
const strict = { ...getProfile(DEFAULT_PROFILE_ID), age: { min: 18, max: 60 } };

ruleCases(rule, {
  valid: [
    { name: '75 years old', rows: [{}] },
    { name: 'exactly 16 on the form date', rows: [{ residentId: personId('20091103') }] },
    { name: 'exactly 100 on the form date', rows: [{ residentId: personId('19251103') }] },
    { name: 'the day before the 101st birthday', rows: [{ residentId: personId('19241104') }] },
    { name: '15-digit number', rows: [{ residentId: '110105491231002' }] },
    { name: 'born after the form date: id.birthdate, not this', rows: [{ residentId: personId('20251110') }] },
    { name: 'invalid IDs are not aged', rows: [{ residentId: personId('20200230') }, { residentId: '12345' }] },
    { name: 'a profile with other limits', profile: strict, rows: [{ residentId: personId('19700101') }] },
    {
      name: '100 on a form date written 二〇二五年十月二十八日 (101 on today’s date)',
      title: '推荐单位（盖章）：伊宁市 填表日期：二〇二五年十月二十八日',
      rows: [{ residentId: personId('19251110') }],
      today: { y: 2026, m: 12, d: 1 },
    },
  ],
  invalid: [
    {
      name: 'turns 16 the day after the form date',
      rows: [{ residentId: personId('20091104') }],
      errors: [{ cell: 'J3', severity: 'warning', message: '截至 2025-11-03 年龄为 15 岁，小于 16 岁', fix: null }],
    },
    { name: 'a child', rows: [{ residentId: personId('20200101') }], errors: [{ message: '年龄为 5 岁' }] },
    { name: 'born on the form date', rows: [{ residentId: personId('20251103') }], errors: [{ message: '年龄为 0 岁' }] },
    { name: '101 years old', rows: [{ residentId: personId('19241103') }], errors: [{ message: '年龄为 101 岁，大于 100 岁' }] },
    { name: 'the standard example, born 1880', rows: [{ residentId: '440524188001010014', gender: '男' }], errors: [{ message: '145 岁' }] },
    {
      name: 'age on today when the sheet has no form date',
      title: null,
      rows: [{ residentId: personId('20091125') }],
      errors: [{ cell: 'J2', message: '截至今天 2025-11-20（表上未填有效的填表日期）年龄为 15 岁' }],
    },
    {
      name: 'a form date in Chinese numerals is the reference date: 101 on 二〇二五年十月二十八日',
      title: '推荐单位（盖章）：伊宁市 填表日期：二〇二五年十月二十八日',
      rows: [{ residentId: personId('19241027') }],
      errors: [{ message: '截至 2025-10-28 年龄为 101 岁' }],
    },
    {
      name: 'an unreadable form date: today is used and the message says so',
      title: '推荐单位（盖章）：伊宁市 填表日期：2025年2月30日',
      rows: [{ residentId: personId('20091125') }],
      errors: [{ message: '截至今天 2025-11-20（表上未填有效的填表日期）' }],
    },
    {
      name: 'the profile sets the limits',
      profile: strict,
      rows: [{ residentId: personId('19600101') }, { residentId: personId('20080101') }],
      errors: [{ cell: 'J3', message: '大于 60 岁' }, { cell: 'J4', message: '小于 18 岁' }],
    },
  ],
});
