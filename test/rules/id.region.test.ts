import { rule } from '../../src/core/rules/id.region';
import { ruleCases } from '../helpers/rule-tester';
import { makeId, personId } from '../helpers/ids';

const unknownCounty = personId('19800101', '124', '659999');
const unknownCountyBadCheck = unknownCounty.slice(0, 17) + (unknownCounty[17] === '0' ? '1' : '0');

ruleCases(rule, {
  valid: [
    { name: 'current county codes', rows: [{}, { residentId: personId() }, { residentId: personId('19800101', '124', '650102') }] },
    { name: 'abolished county kept for life (崇文区, merged 2010)', rows: [{ residentId: personId('19800101', '124', '110103') }] },
    {
      name: '伊犁地区 6541xx (1984–2000), the default award’s own region',
      rows: ['654101', '654121', '654123', '654124', '654125'].map((r) => ({ residentId: personId('19700101', '124', r) })),
    },
    { name: 'GB 11643-1999’s own example, 440524 (潮阳县 1983–1992)', rows: [{ residentId: '440524188001010014', gender: '男' }] },
    { name: 'a code of the 1980–1982 revisions only (昌吉县 652321)', rows: [{ residentId: personId('19600101', '124', '652321') }] },
    { name: 'prefecture-level code of a city without counties (东莞)', rows: [{ residentId: personId('19800101', '124', '441900') }] },
    { name: 'residence permits of Hong Kong, Macao, Taiwan residents', rows: ['810000', '820000', '830000'].map((r) => ({ residentId: personId('19800101', '124', r) })) },
    { name: "foreigner's permanent residence ID issued in 65", rows: [{ residentId: makeId('96515619800101124') }] },
    { name: '15-digit number with a known county', rows: [{ residentId: '110105491231002' }] },
    { name: 'format errors come first', rows: [{ residentId: '20010' }] },
    { name: 'unknown county but a wrong check character: id.checksum only, no county warning', rows: [{ residentId: unknownCountyBadCheck }] },
  ],
  invalid: [
    {
      name: 'unknown province: error',
      rows: [{ residentId: makeId('20010519491231002') }],
      errors: [{ cell: 'J3', severity: 'error', message: '身份证号前两位“20”不是省级行政区划代码', fix: null }],
    },
    { name: 'province 00', rows: [{ residentId: makeId('00000019800101124') }], errors: [{ severity: 'error', message: '“00”' }] },
    { name: 'province 84', rows: [{ residentId: makeId('84000019800101124') }], errors: [{ severity: 'error' }] },
    {
      name: 'an unknown province is reported even with a wrong date and check character',
      rows: [{ residentId: '200105199902290021' }],
      errors: [{ severity: 'error' }],
    },
    {
      name: "foreigner's ID with an unknown province of issue",
      rows: [{ residentId: makeId('90015619800101124') }],
      errors: [{ severity: 'error', message: '外国人永久居留身份证号第 2–3 位“00”' }],
    },
    {
      name: 'unknown county: warning only',
      rows: [{ residentId: personId('19800101', '124', '659999') }],
      errors: [{ cell: 'J3', severity: 'warning', message: '前六位“659999”不在行政区划代码表中' }],
    },
    {
      name: '15-digit number with an unknown county',
      rows: [{ residentId: '659999800101124' }],
      errors: [{ severity: 'warning' }],
    },
  ],
});
