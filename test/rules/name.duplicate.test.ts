import { rule } from '../../src/core/rules/name.duplicate';
import { annex3Individual } from '../../src/core/forms';
import { ruleCases, seedHeader } from '../helpers/rule-tester';

ruleCases(rule, {
  valid: [
    { name: 'different people', rows: [{ name: '张三' }, { name: '李四' }] },
    {
      name: 'a middle dot does not join different names',
      rows: [
        { name: '阿不都热依木·买买提', employer: '伊宁市第一中学' },
        { name: '阿不都热依木·买买提江', employer: '伊宁市第一中学' },
        { name: '阿不都·热依木买买提', employer: '伊宁市第一中学' },
      ],
    },
    {
      name: 'same name, different employer',
      rows: [
        { name: '张伟', employer: '伊宁市第一中学' },
        { name: '张伟', employer: '伊宁县人民医院' },
      ],
    },
    {
      name: 'same employer, different names',
      rows: [{ name: '张三' }, { name: '李四' }],
    },
    {
      name: 'rows without a name are skipped',
      rows: [{ name: null }, { name: null }],
    },
    {
      name: 'no 工作单位 column: names alone are not compared',
      header: seedHeader(annex3Individual).filter((h) => h !== '工作单位'),
      rows: [{ name: '张伟' }, { name: '张伟' }],
    },
    {
      name: 'collective: different names',
      kind: 'annex3.collective',
      rows: [{ collectiveName: '伊宁市第一中学' }, { collectiveName: '伊宁市第二中学' }],
    },
  ],
  invalid: [
    {
      name: 'Uyghur names with other middle dots and spaces around them, trailing spaces',
      rows: [
        { name: '阿不都热依木·买买提', employer: '伊宁市第一中学' },
        { name: '阿不都热依木 • 买买提 ', employer: '伊宁市第一中学' },
        { name: '阿不都热依木．买买提', employer: '伊宁市第一中学 ' },
        { name: '阿不都热依木・买买提', employer: '伊宁市第一中学' },
        { name: '阿不都热依木.买买提', employer: '伊宁市第一中学' },
        { name: '阿不都热依木‧买买提', employer: '伊宁市第一中学' },
      ],
      errors: [{ cell: 'B4', message: '与 B3 重复' }, { cell: 'B5' }, { cell: 'B6' }, { cell: 'B7' }, { cell: 'B8' }],
    },
    {
      name: 'same name and employer',
      rows: [{ name: '张三' }, { name: '李四' }, { name: '张三' }],
      errors: [{ cell: 'B5', severity: 'warning', message: '“张三”（伊宁市示例科技有限公司）与 B3 重复', value: '张三' }],
    },
    {
      name: 'compared after normalisation: spaces, full-width brackets',
      rows: [
        { name: '张 三', employer: '伊犁州（示例）公司' },
        { name: '张三', employer: '伊犁州(示例)公司 ' },
      ],
      errors: [{ cell: 'B4', message: '与 B3 重复' }],
    },
    {
      name: 'three times: both later ones name the first',
      rows: [{}, {}, {}],
      errors: [
        { cell: 'B4', message: 'B3' },
        { cell: 'B5', message: 'B3' },
      ],
    },
    {
      name: 'collective: same 先进集体名称',
      kind: 'annex3.collective',
      rows: [{ collectiveName: '伊宁市第一中学' }, { collectiveName: '伊宁市第二中学' }, { collectiveName: '伊宁市 第一中学' }],
      errors: [{ cell: 'B5', message: '先进集体“伊宁市 第一中学”与 B3 重复' }],
    },
    {
      name: 'collective: Latin letters compared case-insensitively',
      kind: 'annex3.collective',
      rows: [{ collectiveName: 'ABC科技有限公司' }, { collectiveName: 'abc科技有限公司' }],
      errors: [{ cell: 'B4' }],
    },
  ],
});
