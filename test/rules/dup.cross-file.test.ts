import { rule } from '../../src/core/rules/dup.cross-file';
import { calcCheckDigit as usccCheck } from '../../src/core/identifiers/uscc';
import { buildSheet } from '../helpers/rule-tester';
import { registerSheet, runCases } from '../helpers/quota-tester';

const ID_A = '11010519491231002X';
const ID_B = '440524188001010014';
const uscc = (body: string) => body + usccCheck(body);
const U1 = uscc('91654002MA78XK2Q0');
const U2 = uscc('91654002MA78XK2Q1');

const COLLECTIVE_HEADER = ['序号', '先进集体名称', '统一社会信用代码', '单位性质', '负责人姓名', '负责人职务', '联系人姓名', '联系人电话', '备注'];
const people = (ids: string[]) => buildSheet({ rows: ids.map((residentId, i) => ({ name: `人${i}`, residentId, gender: residentId === ID_B ? '男' : '女' })) });
const named = (rows: { name: string; employer: string; residentId: string | null }[]) =>
  buildSheet({ rows: rows.map((r) => ({ ...r, gender: r.residentId === ID_B ? '男' : '女' })) });
const orgs = (rows: [string, string | null][]) =>
  buildSheet({ kind: 'annex3.collective', header: COLLECTIVE_HEADER, rows: rows.map(([collectiveName, u]) => ({ collectiveName, uscc: u })) });

// 附件3 sheets: title row 1, header row 2, data from row 3; 身份证号 is column J, 先进集体名称 B, 统一社会信用代码 C.
runCases(rule, {
  valid: [
    { name: 'one workbook: duplicates inside it are id.duplicate’s', files: { 'a.xlsx': [people([ID_A, ID_A])] } },
    { name: 'different people and organisations in two workbooks', files: { 'a.xlsx': [people([ID_A]), orgs([['甲单位', U1]])], 'b.xlsx': [people([ID_B]), orgs([['乙单位', U2]])] } },
    {
      name: 'register: the same group name in two enterprises is two applications',
      files: { 'a.xlsx': [registerSheet([{ name: '攻关QC小组', enterprise: '甲公司' }])], 'b.xlsx': [registerSheet([{ name: '攻关QC小组', enterprise: '乙公司' }])] },
    },
    {
      name: 'same name and employer, both with valid IDs that differ: two people',
      files: { 'a.xlsx': [named([{ name: '张伟', employer: '伊宁市第一中学', residentId: ID_A }])], 'b.xlsx': [named([{ name: '张伟', employer: '伊宁市第一中学', residentId: ID_B }])] },
    },
    {
      name: 'same name, another employer, no IDs',
      files: { 'a.xlsx': [named([{ name: '张伟', employer: '伊宁市第一中学', residentId: null }])], 'b.xlsx': [named([{ name: '张伟', employer: '伊宁市第二中学', residentId: null }])] },
    },
  ],
  invalid: [
    {
      name: '姓名 + 工作单位, neither with an ID, middle dots and spaces typed differently',
      files: {
        'a.xlsx': [named([{ name: '努尔艾力·阿不都热合曼', employer: '伊宁县人民医院', residentId: null }])],
        'b.xlsx': [named([{ name: '努尔艾力.阿不都热合曼', employer: '伊宁县 人民医院', residentId: null }])],
      },
      errors: [{ file: 'b.xlsx', cell: 'B3', message: '姓名、工作单位相同（至少一方无有效身份证号）' }],
    },
    ...['•', '．', '・', '‧', ' · '].map((dot) => ({
      name: `middle dot typed as “${dot}”, one side with a valid ID`,
      files: {
        'a.xlsx': [named([{ name: '阿依古丽·吐尔逊', employer: '霍城县财政局', residentId: ID_A }])],
        'b.xlsx': [named([{ name: `阿依古丽${dot}吐尔逊`, employer: '霍城县财政局', residentId: '123' }])],
      },
      errors: [{ file: 'b.xlsx', cell: 'B3', message: '姓名、工作单位相同' }],
    })),
    {
      name: 'the row with a valid ID comes second: still matched with the one without',
      files: {
        'a.xlsx': [named([{ name: '王芳', employer: '奎屯市税务局', residentId: null }])],
        'b.xlsx': [named([{ name: '王芳', employer: '奎屯市税务局', residentId: ID_A }])],
      },
      errors: [{ file: 'b.xlsx', cell: 'B3', message: '“a.xlsx”' }],
    },
    {
      name: 'the same ID number in two workbooks',
      files: { 'a.xlsx': [people([ID_A])], 'b.xlsx': [people([ID_B, ID_A])] },
      errors: [{ file: 'b.xlsx', cell: 'J4', message: '身份证号与文件“a.xlsx”工作表“Sheet1”的 J3 相同：同一人被重复推荐' }],
    },
    {
      name: 'the same credit code under two names: reported once, by the code',
      files: { 'a.xlsx': [orgs([['甲单位', U1]])], 'b.xlsx': [orgs([['甲单位（盖章名）', U1.toLowerCase()]])] },
      errors: [{ file: 'b.xlsx', cell: 'C3', message: '统一社会信用代码与文件“a.xlsx”' }],
    },
    {
      name: 'the same organisation name (spaces and width aside), no codes',
      files: { 'a.xlsx': [orgs([['伊宁市 示例科技有限公司', null]])], 'b.xlsx': [orgs([['伊宁市示例科技有限公司', null]])] },
      errors: [{ file: 'b.xlsx', cell: 'B3', message: '“伊宁市示例科技有限公司”与文件“a.xlsx”工作表“Sheet1”的 B3 为同一名称' }],
    },
    {
      name: 'three workbooks: each later one names the first',
      files: { 'a.xlsx': [people([ID_A])], 'b.xlsx': [people([ID_A])], 'c.xlsx': [people([ID_A])] },
      errors: [
        { file: 'b.xlsx', message: '“a.xlsx”' },
        { file: 'c.xlsx', message: '“a.xlsx”' },
      ],
    },
    {
      name: 'register: the same application (名称 + 企业名称) from two regions',
      files: {
        'a.xlsx': [registerSheet([{ name: '攻关QC小组', enterprise: '甲公司' }])],
        'b.xlsx': [registerSheet([{ region: '奎屯市工信局', name: '攻关 QC 小组', enterprise: '甲公司' }])],
      },
      errors: [{ file: 'b.xlsx', cell: 'D3', message: '为同一名称' }],
    },
    {
      name: 'a register enterprise and a 附件3 collective of the same name',
      files: {
        'a.xlsx': [orgs([['甲公司', null]])],
        'b.xlsx': [registerSheet([{ category: '质量管理小组活动优秀企业', name: '甲公司', enterprise: '甲公司' }])],
      },
      errors: [{ file: 'b.xlsx', cell: 'D3' }],
    },
  ],
});
