import { rule } from '../../src/core/rules/quota.cap-exceeded';
import { getProfile, parseProfile } from '../../src/core/profiles';
import { buildSheet } from '../helpers/rule-tester';
import { many, registerSheet, runCases } from '../helpers/quota-tester';
import iliJson from '../../src/core/profiles/ili-2025-contribution.json';

const COLLECTIVE_HEADER = ['序号', '先进集体名称', '单位性质', '负责人姓名', '负责人职务', '联系人姓名', '联系人电话', '推荐方面', '子类', '备注'];
const collectives = (n: number, category: string, sub: string | null = null, name = '示例单位') =>
  Array.from({ length: n }, (_, i) => ({ collectiveName: `${name}${i + 1}`, category, subcategory: sub }));
const annex3 = (rows: Record<string, string | null>[]) => buildSheet({ kind: 'annex3.collective', header: COLLECTIVE_HEADER, rows });

const jilin = getProfile('jilin-2025-quality');
const REGISTER_JILIN = ['序号', '推荐地区或部门', '类别', '子类', '名称', '企业名称', '身份证号'];

// buildSheet: title (row 1), header (row 2), data from row 3; 推荐方面 is column H, 子类 column I.
runCases(rule, {
  valid: [
    { name: '质量提升方面: 8 collectives, 8 places', files: { 'a.xlsx': [annex3(collectives(8, '质量提升方面'))] } },
    { name: 'a category without places (none given) is only counted', files: { 'a.xlsx': [annex3(collectives(20, '自创方面'))] } },
    {
      name: 'jilin 质量奖: 3 organisations + 2 individuals = 5',
      profile: jilin,
      files: {
        'r.xlsx': [
          registerSheet(
            [...many(3, { category: '质量奖' }), ...many(2, { category: '吉林省质量奖(质量管理)', residentId: '11010519491231002X' })],
            { header: REGISTER_JILIN },
          ),
        ],
      },
    },
  ],
  invalid: [
    {
      name: '质量提升方面: a 9th collective (places 8), reported at its 推荐方面 cell',
      files: { 'a.xlsx': [annex3(collectives(9, '质量提升')) /* alias */] },
      errors: [{ cell: 'H11', message: '“质量提升方面”集体/组织已有 9 个，超过评选名额 8 个（多 1 个' }],
    },
    {
      name: '商务经济方面·外贸: 5 against 4 (the category’s 10 is fine)',
      files: { 'a.xlsx': [annex3([...collectives(5, '商务经济方面', '外贸'), ...collectives(3, '商务经济方面', '内贸', '乙')])] },
      errors: [{ cell: 'I7', message: '“商务经济方面·外贸”集体/组织已有 5 个，超过评选名额 4 个' }],
    },
    {
      name: 'counted across workbooks: 6 + 6 collectives of 营商环境建设方面 (10)',
      files: { 'a.xlsx': [annex3(collectives(6, '营商环境建设方面'))], 'b.xlsx': [annex3(collectives(6, '营商环境建设方面', null, '乙'))] },
      errors: [{ file: 'b.xlsx', cell: 'H7', message: '已有 12 个，超过评选名额 10 个（多 2 个' }],
    },
    {
      name: 'the category from the section title when the column is absent (reported at the name)',
      files: {
        'a.xlsx': [
          {
            name: '附件3',
            values: [
              ['一、先进集体推荐对象汇总表（质量提升方面）'],
              ['序号', '先进集体名称', '单位性质', '负责人姓名', '负责人职务', '联系人姓名', '联系人电话', '备注'],
              ...Array.from({ length: 9 }, (_, i) => [i + 1, `单位${i + 1}`, '企业', '甲', '经理', '乙', '13800138000', null]),
            ],
          },
        ],
      },
      errors: [{ cell: 'B11' }],
    },
    {
      name: 'jilin 质量奖 ≤ 5 organisations and individuals together; 标准创新 一等奖 ≤ 5',
      profile: jilin,
      files: {
        'r.xlsx': [
          registerSheet(
            [
              ...many(4, { category: '质量奖' }),
              ...many(2, { category: '质量奖', residentId: '11010519491231002X' }),
              ...many(6, { category: '标准创新', subcategory: '一等' }),
            ],
            { header: REGISTER_JILIN },
          ),
        ],
      },
      errors: [
        { cell: 'C8', message: '“质量奖”合计已有 6 个，超过评选名额 5 个' },
        { cell: 'D14', message: '“标准创新·一等奖”合计已有 6 个，超过评选名额 5 个' },
      ],
    },
    {
      name: 'a profile may make it a warning',
      profile: parseProfile({ ...iliJson, id: 'ili-soft', severity: { 'quota.cap-exceeded': 'warning' } }, 'soft.json'),
      files: { 'a.xlsx': [annex3(collectives(9, '质量提升方面'))] },
      errors: [{ cell: 'H11', severity: 'warning' }],
    },
  ],
});
