import { rule } from '../../src/core/rules/id.birthdate';
import { ruleCases } from '../helpers/rule-tester';
import { makeId, personId } from '../helpers/ids';

// Default case: 填表日期 2025-11-03, today 2025-11-20.
const future = personId('20251110');
const futureWrongCheck = future.slice(0, 17) + (future[17] === '0' ? '1' : '0');

ruleCases(rule, {
  valid: [
    { name: 'born 1880 (the standard example)', rows: [{ residentId: '440524188001010014', gender: '男' }] },
    { name: 'born 1949', rows: [{}] },
    { name: '29 February of a leap year', rows: [{ residentId: personId('20000229') }] },
    { name: 'born on the form date', rows: [{ residentId: personId('20251103') }] },
    { name: '15 digits', rows: [{ residentId: '110105491231002' }] },
    { name: 'wrong check character: id.checksum, not this', rows: [{ residentId: futureWrongCheck }] },
    { name: 'unknown province comes first', rows: [{ residentId: makeId('20010519990229002') }] },
  ],
  invalid: [
    { name: '19990229 is not a date', rows: [{ residentId: personId('19990229') }], errors: [{ cell: 'J3', message: '出生日期 1999-02-29 不是有效日期', fix: null }] },
    { name: '1900 was not a leap year', rows: [{ residentId: personId('19000229') }], errors: [{ message: '1900-02-29' }] },
    { name: 'month 13', rows: [{ residentId: personId('19801301') }], errors: [{ message: '1980-13-01' }] },
    { name: 'day 0', rows: [{ residentId: personId('19800100') }], errors: [{ message: '1980-01-00' }] },
    { name: '31 April', rows: [{ residentId: personId('19800431') }], errors: [{ message: '1980-04-31' }] },
    { name: 'year 0980', rows: [{ residentId: personId('09800101') }], errors: [{ message: '0980-01-01' }] },
    { name: '15 digits, month 13', rows: [{ residentId: '110105491301002' }], errors: [{ message: '1949-13-01' }] },
    { name: 'a wrong check character does not hide an impossible date', rows: [{ residentId: '110105199902290021' }], errors: [{ message: '1999-02-29' }] },
    {
      name: 'after the form date',
      rows: [{ residentId: personId('20251110') }],
      errors: [{ cell: 'J3', message: '出生日期 2025-11-10 晚于填表日期 2025-11-03' }],
    },
    {
      name: 'after today when the sheet has no form date',
      title: null,
      rows: [{ residentId: personId('20251201') }],
      errors: [{ cell: 'J2', message: '晚于今天 2025-11-20' }],
    },
    {
      name: 'after today even when the form date is later',
      title: '推荐单位（盖章）：伊宁市市场监督管理局    填表日期：2026年1月5日',
      rows: [{ residentId: personId('20251201') }],
      errors: [{ message: '晚于今天 2025-11-20' }],
    },
    {
      name: 'far future',
      rows: [{ residentId: personId('20800101') }],
      errors: [{ message: '晚于填表日期' }],
    },
  ],
});
