import { rule } from '../../src/core/rules/required.missing';
import { ruleCases, seedHeader } from '../helpers/rule-tester';
import { annex3Individual } from '../../src/core/forms';

ruleCases(rule, {
  valid: [
    { name: 'individual: every required cell filled', rows: [{}, {}] },
    { name: 'collective: every required cell filled', kind: 'annex3.collective', rows: [{}, {}] },
    { name: '备注 is optional', rows: [{ remark: null }] },
    { name: 'an empty 身份证号 is id.missing’s business', rows: [{ residentId: null }] },
    { name: 'an empty 序号 is seq.gap’s business', rows: [{ seq: null }] },
    { name: 'zero is a value, not empty', kind: 'annex3.collective', rows: [{ leaderTitle: 0 }] },
    {
      name: 'a missing column is header.missing-column’s business, not one finding per row',
      header: seedHeader(annex3Individual).filter((h) => h !== '职务'),
      rows: [{}, {}],
    },
  ],
  invalid: [
    {
      name: 'individual: empty 姓名',
      rows: [{ name: null }],
      errors: [{ cell: 'B3', message: '“姓名”为必填项，不能为空', value: null }],
    },
    {
      name: 'individual: 工作单位 and 职务 empty, whitespace-only counts as empty',
      rows: [{}, { employer: '   ', position: '\u200b' }],
      errors: [
        { cell: 'G4', message: '“工作单位”为必填项' },
        { cell: 'I4', message: '“职务”为必填项' },
      ],
    },
    {
      name: 'individual: every other required column',
      rows: [{ gender: '', ethnicity: null, politicalStatus: null, education: null, unitType: null, phone: null }],
      errors: [
        { cell: 'C3', message: '性别' },
        { cell: 'D3', message: '民族' },
        { cell: 'E3', message: '政治面貌' },
        { cell: 'F3', message: '学历学位' },
        { cell: 'H3', message: '单位性质' },
        { cell: 'K3', message: '联系电话' },
      ],
    },
    {
      name: 'collective: empty 先进集体名称, 负责人姓名 and 联系人电话',
      kind: 'annex3.collective',
      rows: [{ collectiveName: null, leaderName: ' ' }, { contactPhone: null }],
      errors: [
        { cell: 'B3', message: '“先进集体名称”为必填项' },
        { cell: 'D3', message: '“负责人姓名”为必填项' },
        { cell: 'G4', message: '“联系人电话”为必填项' },
      ],
    },
  ],
});
