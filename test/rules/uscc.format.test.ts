import { rule } from '../../src/core/rules/uscc.format';
import { ruleCases } from '../helpers/rule-tester';
import { COLLECTIVE_WITH_USCC, makeUscc } from '../helpers/ids';

const kind = 'annex3.collective' as const;
const header = COLLECTIVE_WITH_USCC;

ruleCases(rule, {
  valid: [
    { name: 'published example (python-stdnum)', kind, header, rows: [{ uscc: '91110000600037341L' }] },
    { name: 'generated', kind, header, rows: [{ uscc: makeUscc('91654002MA7890123') }, { uscc: makeUscc('12654000458123456') }] },
    { name: 'lowercase, full-width and spaces are normalised', kind, header, rows: [{ uscc: '9111 0000 6000 3734 1l' }, { uscc: '９１１１００００６０００３７３４１Ｌ' }] },
    { name: 'empty: the column is optional', kind, header, rows: [{ uscc: null }, { uscc: '' }] },
    { name: 'wrong check character: uscc.checksum', kind, header, rows: [{ uscc: '91110000600037341M' }] },
    { name: 'no USCC column: nothing to check', kind, rows: [{}] },
  ],
  invalid: [
    { name: 'too short', kind, header, rows: [{ uscc: '9111000060003734' }], errors: [{ cell: 'C3', message: '有 16 位，应为 18 位', fix: null }] },
    { name: 'old 15-digit registration number', kind, header, rows: [{ uscc: '654002000012345' }], errors: [{ message: '有 15 位' }] },
    { name: 'letter I', kind, header, rows: [{ uscc: '9111000060003734IL' }], errors: [{ message: '第 17 位“I”不是允许的字符' }] },
    { name: 'letters O S V Z', kind, header, rows: ['O', 'S', 'V', 'Z'].map((ch) => ({ uscc: '91110000600037341' + ch })), errors: [{ cell: 'C3' }, { cell: 'C4' }, { cell: 'C5' }, { cell: 'C6' }] },
    { name: 'a Chinese character', kind, header, rows: [{ uscc: '911100006000373号L' }], errors: [{ message: '第 16 位“号”' }] },
    {
      name: 'stored as a number',
      kind,
      header,
      rows: [{ uscc: 121100004000000000 }],
      errors: [{ cell: 'C3', message: '以数字形式保存', value: '121100004000000000' }],
    },
  ],
});
