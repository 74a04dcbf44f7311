import { rule } from '../../src/core/rules/header.missing-column';
import { ruleCases, seedHeader } from '../helpers/rule-tester';
import { annex3Collective, annex3Individual } from '../../src/core/forms';

const individual = seedHeader(annex3Individual);
const collective = seedHeader(annex3Collective);
const without = (h: string[], ...labels: string[]) => h.filter((x) => !labels.includes(x));

ruleCases(rule, {
  valid: [
    { name: 'individual: the seed header', rows: [{}] },
    { name: 'collective: the seed header', kind: 'annex3.collective', rows: [{}] },
    { name: 'optional 备注 absent', header: without(individual, '备注'), rows: [{}] },
    {
      name: 'synonyms count as the column',
      header: individual.map((h) => (h === '身份证号' ? '公民身份号码' : h === '联系电话' ? '手机号码' : h)),
      rows: [{}],
    },
    { name: 'a header only, no data rows', rows: [] },
    { name: '工作单位及职务 in one column satisfies both', header: [...without(individual, '工作单位', '职务'), '工作单位及职务'], rows: [{}] },
    { name: 'single 单位及职务 too', header: [...without(individual, '工作单位', '职务'), '单位及职务'], rows: [{}] },
  ],
  invalid: [
    {
      name: 'individual without 联系电话: one finding at the first header cell',
      header: without(individual, '联系电话'),
      rows: [{}, {}],
      errors: [{ cell: 'A2', message: '表头缺少必填列“联系电话”', value: null }],
    },
    {
      name: 'individual without 民族 and 职务: one finding each',
      header: without(individual, '民族', '职务'),
      rows: [{}],
      errors: [
        { cell: 'A2', message: '“民族”' },
        { cell: 'A2', message: '“职务”' },
      ],
    },
    {
      name: 'collective without 序号: reported at the table’s first header cell',
      kind: 'annex3.collective',
      header: without(collective, '序号'),
      rows: [{}],
      errors: [{ cell: 'A2', message: '“序号”' }],
    },
    {
      name: 'collective without 负责人职务, no title line',
      kind: 'annex3.collective',
      title: null,
      header: without(collective, '负责人职务'),
      rows: [{}],
      errors: [{ cell: 'A1', message: '负责人职务' }],
    },
  ],
});
