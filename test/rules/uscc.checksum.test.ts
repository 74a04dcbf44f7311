import { rule } from '../../src/core/rules/uscc.checksum';
import { ruleCases } from '../helpers/rule-tester';
import { COLLECTIVE_WITH_USCC, makeUscc } from '../helpers/ids';

const kind = 'annex3.collective' as const;
const header = COLLECTIVE_WITH_USCC;
const generated = ['91654002MA7890123', '12654000458123456', '51654002MJ0000001', 'Y1654002000000001', '93654002MA0000000', '52654002MJY123456'].map(makeUscc);

ruleCases(rule, {
  valid: [
    { name: 'published example (python-stdnum)', kind, header, rows: [{ uscc: '91110000600037341L' }] },
    { name: 'generated', kind, header, rows: generated.map((uscc) => ({ uscc })) },
    { name: 'lowercase check letter', kind, header, rows: [{ uscc: '91110000600037341l' }] },
    { name: 'format errors come first', kind, header, rows: [{ uscc: '9111000060003734IL' }, { uscc: '911100006000' }] },
    { name: 'empty', kind, header, rows: [{ uscc: null }] },
    { name: 'individuals table: not checked', rows: [{}] },
  ],
  invalid: [
    {
      name: 'wrong check character, the expected one given',
      kind,
      header,
      rows: [{ uscc: '91110000600037341M' }],
      errors: [{ cell: 'C3', message: '应为“L”，实为“M”', fix: null }],
    },
    { name: 'a mistyped character', kind, header, rows: [{ uscc: '91110000600037351L' }], errors: [{ cell: 'C3' }] },
    {
      name: 'generated, check character changed',
      kind,
      header,
      rows: [{ uscc: generated[0].slice(0, 17) + (generated[0][17] === '0' ? '1' : '0') }],
      errors: [{ message: `应为“${generated[0][17]}”` }],
    },
  ],
});
