import { rule } from '../../src/core/rules/uscc.duplicate';
import { buildSheet, ruleCases } from '../helpers/rule-tester';
import { COLLECTIVE_WITH_USCC, makeUscc } from '../helpers/ids';

const kind = 'annex3.collective' as const;
const header = COLLECTIVE_WITH_USCC;
const A = makeUscc('91654002MA7890123');
const B = makeUscc('12654000458123456');

ruleCases(rule, {
  valid: [
    { name: 'different codes', kind, header, rows: [{ uscc: A }, { uscc: B }] },
    { name: 'empty codes', kind, header, rows: [{ uscc: null }, { uscc: null }] },
    { name: 'malformed codes are not compared', kind, header, rows: [{ uscc: '123' }, { uscc: '123' }] },
  ],
  invalid: [
    {
      name: 'same code twice',
      kind,
      header,
      rows: [{ uscc: A }, { uscc: B }, { uscc: A }],
      errors: [{ cell: 'C5', message: '统一社会信用代码与工作表“Sheet1”的 C3 重复', fix: null }],
    },
    { name: 'lowercase and spaces do not hide a duplicate', kind, header, rows: [{ uscc: A }, { uscc: ' ' + A.toLowerCase() }], errors: [{ cell: 'C4' }] },
    {
      name: 'across sheets',
      kind,
      header,
      rows: [{ uscc: A }],
      extraSheets: [buildSheet({ kind, header, rows: [{ uscc: A }] }, '第二批')],
      errors: [{ cell: 'C3', message: '工作表“Sheet1”的 C3' }],
    },
  ],
});
