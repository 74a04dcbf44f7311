import { rule } from '../../src/core/rules/required.missing';
import { IND_HEADER, individuals, person, sideBySide } from '../helpers/layouts';
import { ruleCases, seedHeader } from '../helpers/rule-tester';
import { annex3Individual } from '../../src/core/forms';

ruleCases(rule, {
  valid: [
    { name: 'individual: every required cell filled', rows: [{}, {}] },
    {
      name: '工作单位 and 单位性质 merged over two people',
      rows: [],
      values: individuals(person(1), person(2, { 工作单位: null, 单位性质: null })),
      merges: ['G3:G4', 'H3:H4'],
    },
    { name: '小计 / 合计 rows hold no nominee', rows: [], values: individuals(person(1), ['小计', null, null, null, null, null, null, null, null, null, null, null], person(2), [null, '合  计：2人']) },
    { name: '工作单位及职务 in one column', rows: [], values: [['推荐单位（盖章）：伊宁市 填表日期：2025年11月3日'], ['序号', '姓名', '性别', '民族', '政治面貌', '学历学位', '工作单位及职务', '单位性质', '身份证号', '联系电话'], [1, '张三', '女', '汉族', '群众', '大学本科', '伊宁市示例公司 经理', '企业', '11010519491231002X', '13800138000']] },
    { name: 'a helper column filled down beside one nominee', rows: [], values: [...individuals(person(1)), ...Array.from({ length: 100 }, (_, i) => [...IND_HEADER.map(() => null), null, `=ROW()-${i}`])] },
    { name: 'the collectives beside the individuals are checked as collectives', rows: [], values: sideBySide(3, 1) },
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
      name: 'a merged area covers only its own rows: the row under it is still empty',
      rows: [],
      values: individuals(person(1), person(2, { 工作单位: null }), person(3, { 工作单位: null })),
      merges: ['G3:G4'],
      errors: [{ cell: 'G5', message: '“工作单位”为必填项' }],
    },
    {
      name: 'an empty 工作单位及职务: one finding naming both',
      rows: [],
      values: [['推荐单位（盖章）：伊宁市 填表日期：2025年11月3日'], ['序号', '姓名', '性别', '民族', '政治面貌', '学历学位', '工作单位及职务', '单位性质', '身份证号', '联系电话'], [1, '张三', '女', '汉族', '群众', '大学本科', null, '企业', '11010519491231002X', '13800138000']],
      errors: [{ cell: 'G3', message: '“工作单位及职务”为必填项' }],
    },
    {
      name: 'side by side: a missing leader in the collectives (D), a missing name in the individuals (K)',
      rows: [],
      values: (() => {
        const v = sideBySide(1, 1);
        v[2][3] = null;
        v[2][10] = null;
        return v;
      })(),
      errors: [{ cell: 'D3', message: '“负责人姓名”' }, { cell: 'K3', message: '“姓名”' }],
    },
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
