import { rule } from '../../src/core/rules/unit-type.synonym';
import { ruleCases } from '../helpers/rule-tester';

ruleCases(rule, {
  valid: [
    {
      name: 'canonical values as printed',
      rows: ['机关', '参公', '事业', '企业', '社会团体', '村（居）民委员会', '其他社会组织'].map((unitType) => ({ unitType })),
    },
    { name: 'unknown values are unit-type.invalid’s', rows: [{ unitType: '个体户' }] },
    { name: 'trailing spaces are trimmed', rows: [{ unitType: '企业 ' }] },
  ],
  invalid: [
    {
      name: '事业单位 → 事业',
      rows: [{ unitType: '事业单位' }],
      errors: [{ cell: 'H3', severity: 'info', message: '单位性质“事业单位”按规范应写作“事业”', fix: '事业' }],
    },
    {
      name: '参照公务员法管理 → 参公, 参公单位 → 参公',
      rows: [{ unitType: '参照公务员法管理' }, { unitType: '参公单位' }],
      errors: [{ fix: '参公' }, { fix: '参公' }],
    },
    {
      name: '居委会 / 村委会 → 村（居）民委员会',
      rows: [{ unitType: '居委会' }, { unitType: '村委会' }, { unitType: '村民委员会' }],
      errors: [{ fix: '村（居）民委员会' }, { fix: '村（居）民委员会' }, { fix: '村（居）民委员会' }],
    },
    {
      name: '国有企业 / 民营企业 / 有限责任公司 → 企业',
      rows: [{ unitType: '国有企业' }, { unitType: '民营企业' }, { unitType: '有限责任公司' }],
      errors: [{ fix: '企业' }, { fix: '企业' }, { fix: '企业' }],
    },
    {
      name: '行政机关 → 机关, 协会 → 社会团体, 民办非企业单位 → 其他社会组织',
      rows: [{ unitType: '行政机关' }, { unitType: '协会' }, { unitType: '民办非企业单位' }],
      errors: [{ fix: '机关' }, { fix: '社会团体' }, { fix: '其他社会组织' }],
    },
    {
      name: 'the canonical value with half-width brackets',
      rows: [{ unitType: '村(居)民委员会' }],
      errors: [{ cell: 'H3', message: '“村(居)民委员会”按规范应写作“村（居）民委员会”', fix: '村（居）民委员会' }],
    },
    {
      name: 'a synonym in other bracket widths: 村(居)委会',
      rows: [{ unitType: '村(居)委会' }],
      errors: [{ fix: '村（居）民委员会' }],
    },
    {
      name: 'spaces inside a canonical value',
      rows: [{ unitType: '事 业' }],
      errors: [{ fix: '事业' }],
    },
    {
      name: 'collective',
      kind: 'annex3.collective',
      rows: [{ unitType: '国企' }],
      errors: [{ cell: 'C3', fix: '企业' }],
    },
  ],
});
