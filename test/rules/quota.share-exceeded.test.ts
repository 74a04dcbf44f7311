import { rule } from '../../src/core/rules/quota.share-exceeded';
import { getProfile, parseProfile } from '../../src/core/profiles';
import { buildSheet } from '../helpers/rule-tester';
import { registerSheet, runCases } from '../helpers/quota-tester';
import iliGovJson from '../../src/core/profiles/ili-gov-quality.json';

const jilin = getProfile('jilin-2025-quality');
const nantong = getProfile('nantong-2020-mayor');
const iliGov = getProfile('ili-gov-quality');

const IND_HEADER = ['序号', '姓名', '性别', '民族', '政治面貌', '学历学位', '工作单位', '单位性质', '职务', '身份证号', '联系电话', '推荐方面', '备注'];
const people = (positions: string[], category = '质量奖', employer = '长春示例公司') =>
  buildSheet({
    header: IND_HEADER,
    rows: positions.map((position, i) => ({ name: `人${i + 1}`, position, category, employer })),
  });

const JILIN_REG = ['序号', '推荐地区或部门', '类别', '子类', '名称', '企业名称', '贡献率'];
const NANTONG_REG = ['序号', '推荐地区或部门', '类别', '子类', '名称', '企业名称', '职务', '企业规模'];
const ILI_REG = ['序号', '推荐地区或部门', '类别', '名称', '企业名称', '统一社会信用代码', '曾获质量奖年份'];
const iliRow = (name: string, year: string | null) => ({ region: '伊宁市', category: '质量奖', name, enterprise: name, lastAwardYear: year });

// 附件3 individuals (buildSheet): data from row 3, 职务 column I, 工作单位 G. Registers: data from row 3.
runCases(rule, {
  valid: [
    { name: 'jilin: 1 县处级 of 5 individuals is 20 %', profile: jilin, files: { 'a.xlsx': [people(['处长', '工程师', '经理', '技师', '质量总监'])] } },
    { name: 'jilin: county cadres in another category are not counted', profile: jilin, files: { 'a.xlsx': [people(['处长', '副县长'], '标准创新')] } },
    {
      name: 'jilin: shares written as percentages, fractions or with slashes add up to 100',
      profile: jilin,
      files: { 'r.xlsx': [registerSheet([{ category: '标准创新', shares: '40%、30%、30%' }, { category: '标准创新', shares: '0.5、0.3、0.2' }, { category: '标准创新', shares: '50/25/25' }], { header: JILIN_REG })] },
    },
    {
      name: 'nantong: one SME among the organisations, a 首席质量官 among the individuals',
      profile: nantong,
      files: {
        'r.xlsx': [
          registerSheet(
            [
              { category: '市长质量奖', subcategory: '组织', name: '甲公司', enterprise: '甲公司', scale: '大型' },
              { category: '市长质量奖', subcategory: '组织', name: '乙公司', enterprise: '乙公司', scale: '中型' },
              { category: '市长质量奖', subcategory: '个人', name: '张三', enterprise: '丙公司', position: '首席质量官' },
            ],
            { header: NANTONG_REG },
          ),
        ],
      },
    },
    {
      name: 'nantong: a deputy of the organisation may apply (副总经理)',
      profile: nantong,
      files: {
        'r.xlsx': [
          registerSheet(
            [
              { category: '市长质量奖', subcategory: '组织', name: '甲公司', enterprise: '甲公司', scale: '小型' },
              { category: '市长质量奖', subcategory: '个人', name: '张三', enterprise: '甲公司', position: '副总经理、首席质量官' },
            ],
            { header: NANTONG_REG },
          ),
        ],
      },
    },
    {
      name: 'ili-gov: won in 2019, six years before 2025',
      profile: iliGov,
      files: { 'r.xlsx': [registerSheet([iliRow('伊宁示例公司', '2019')], { header: ILI_REG })] },
    },
    { name: 'profiles without share rules (default)', files: { 'a.xlsx': [people(['处长', '处长'])] } },
  ],
  invalid: [
    {
      name: 'jilin: 2 县处级 of 5 individuals (40 %): the second is reported',
      profile: jilin,
      files: { 'a.xlsx': [people(['处长', '工程师', '一级调研员', '技师', '质量总监'])] },
      errors: [{ cell: 'I5', message: '县处级或相当于县处级干部不超过评选个人总数的20%：符合“一级调研员”等条件的已有 2/5 个（40%），超过 20%，最多 1 个' }],
    },
    {
      name: 'jilin: 市场监管部门工作人员 may not be nominated as individuals',
      profile: jilin,
      files: { 'a.xlsx': [people(['科长'], '提名奖', '长春市市场监督管理局')] },
      errors: [{ cell: 'G3', message: '本行（“市场监督管理”）不得参评' }],
    },
    {
      name: 'jilin: drafters’ shares must add up to 100 %',
      profile: jilin,
      files: { 'r.xlsx': [registerSheet([{ category: '标准创新', shares: '40%、30%、20%' }, { category: '标准创新', shares: '四成' }], { header: JILIN_REG })] },
      errors: [
        { cell: 'G3', message: '贡献率合计为 90%，应为 100%' },
        { cell: 'G4', message: '无法读取贡献率“四成”' },
      ],
    },
    {
      name: 'nantong: no SME among the organisations, no 首席质量官 (warnings: 原则上)',
      profile: nantong,
      files: {
        'r.xlsx': [
          registerSheet(
            [
              { category: '市长质量奖', subcategory: '组织', name: '甲公司', enterprise: '甲公司', scale: '大型' },
              { category: '市长质量奖', subcategory: '个人', name: '张三', enterprise: '丙公司', position: '总工程师' },
            ],
            { header: NANTONG_REG },
          ),
        ],
      },
      errors: [
        { cell: 'E3', severity: 'warning', message: '获奖组织原则上包含1家中小企业：1 个推荐对象中符合条件的有 0 个，应至少 1 个' },
        { cell: 'E4', severity: 'warning', message: '首席质量官' },
      ],
    },
    {
      name: 'nantong: an organisation and its 董事长 both nominated (across files)',
      profile: nantong,
      files: {
        'a.xlsx': [registerSheet([{ category: '市长质量奖', subcategory: '组织', name: '甲公司', enterprise: '甲公司', scale: '中型' }], { header: NANTONG_REG })],
        'b.xlsx': [registerSheet([{ category: '市长质量奖', subcategory: '个人', name: '张三', enterprise: '甲 公司', position: '董事长兼首席质量官' }], { header: NANTONG_REG })],
      },
      errors: [{ file: 'b.xlsx', cell: 'G3', message: '“张三”（董事长兼首席质量官）与其所在组织“甲 公司”（a.xlsx 登记表!E3）同时申报' }],
    },
    {
      name: 'ili-gov: a 质量奖 winner within 5 years (2022); exactly 5 years (2020) is a warning',
      profile: iliGov,
      files: { 'r.xlsx': [registerSheet([iliRow('伊宁示例公司', '2022'), iliRow('霍城示例公司', '2020年')], { header: ILI_REG })] },
      errors: [
        { cell: 'G3', message: '该组织 2022 年获“质量奖”，5 年内不得重复申报（本届 2025 年）' },
        { cell: 'G4', severity: 'warning', message: '恰满 5 年' },
      ],
    },
    {
      name: 'ili-gov: a winner listed in the profile, matched by name or credit code',
      profile: parseProfile(
        { ...iliGovJson, id: 'ili-gov-2026', year: 2026, exclusions: [{ ...iliGovJson.exclusions[0], winners: [{ name: '伊宁示例公司', year: 2024 }, { name: '旧名', uscc: '91654002MA78XK2Q0X', year: 2023 }] }] },
        'ili-gov-2026.json',
      ),
      files: { 'r.xlsx': [registerSheet([iliRow('伊宁示例公司', null), { ...iliRow('新名公司', null), uscc: '91654002ma78xk2q0x' }], { header: ILI_REG })] },
      errors: [
        { cell: 'D3', message: '2024 年获“质量奖”' },
        { cell: 'D4', message: '（本届 2026 年）' },
      ],
    },
  ],
});
