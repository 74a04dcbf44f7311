import { rule } from '../../src/core/rules/unit-type.invalid';
import { parseProfile } from '../../src/core/profiles';
import { ruleCases } from '../helpers/rule-tester';

const custom = parseProfile({ id: 'x-2026', name: '测试', unitTypes: ['国有企业', '民营企业'] }, 'x.json');

ruleCases(rule, {
  valid: [
    {
      name: 'every value of 附件3 备注1',
      rows: ['机关', '参公', '事业', '企业', '社会团体', '村（居）民委员会', '其他社会组织'].map((unitType) => ({ unitType })),
    },
    { name: 'synonyms are unit-type.synonym’s', rows: [{ unitType: '事业单位' }, { unitType: '居委会' }, { unitType: '国有企业' }] },
    { name: 'other bracket widths and spaces', rows: [{ unitType: '村(居)民委员会' }, { unitType: ' 企 业 ' }] },
    { name: 'empty is required.missing’s', rows: [{ unitType: null }] },
    { name: 'collective', kind: 'annex3.collective', rows: [{ unitType: '社会团体' }] },
    { name: 'a profile’s own list', profile: custom, rows: [{ unitType: '民营企业' }] },
  ],
  invalid: [
    {
      name: 'not a unit type',
      rows: [{ unitType: '个体户' }],
      errors: [
        {
          cell: 'H3',
          message: '单位性质“个体户”不在可选范围内，应为：机关、参公、事业、企业、社会团体、村（居）民委员会、其他社会组织',
          value: '个体户',
        },
      ],
    },
    { name: 'two values in one cell', rows: [{ unitType: '企业/事业' }], errors: [{ cell: 'H3' }] },
    { name: 'collective', kind: 'annex3.collective', rows: [{}, { unitType: '学校' }], errors: [{ cell: 'C4', message: '“学校”' }] },
    {
      name: 'the profile decides: 企业 is not in a custom list',
      profile: custom,
      rows: [{ unitType: '企业' }],
      errors: [{ cell: 'H3', message: '应为：国有企业、民营企业' }],
    },
  ],
});
