#!/usr/bin/env node
/**
 * Writes the sample workbooks of the layouts counties really type (SPEC §2 "What counties really type", §4 values
 * as offices write them) into examples/. Names are made up; every ID number is generated here with the project's own
 * check-character code. Run after `npm run prepare`:  node scripts/make-examples-layouts.js
 *
 * Each workbook is clean unless its name says otherwise; test/cli/examples-layouts.test.ts holds what each must give.
 *   layouts-pages.xlsx           表格可加页: the header typed again on page 2 (序号 continuing), a 小计 row, 合计 at the end
 *   layouts-merged.xlsx          工作单位 and 单位性质 merged over the rows of two people of one unit
 *   layouts-side-by-side.xlsx    collectives A–H and individuals J–U sharing one header row
 *   layouts-forms.xlsx           工作单位及职务 in one column, 填表日期 二〇二五年十月二十八日, IDs of 伊犁地区 (6541xx,
 *                                1984–2000) and GB 11643's 440524, a helper column beside the table filled down
 *                                2,000 rows, two phones in one cell; one Uyghur name typed twice with different
 *                                middle dots at one unit (name.duplicate, the only finding)
 *   register-merged-regions.xlsx a register sorted by region, each region merged over its rows; 类别 abbreviated
 *                                (QC小组, 信得过班组, 推进者), 成员人数 typed 8人, 是否与会发表 as ☑/√ — 哈密 (7 teams of
 *                                6) and 奎屯 (5 QC groups of 4) over their quotas
 *   quota-subtotals.xlsx         the 2019 quota table with 地州市小计 and 行业部门小计 rows, 总计 right
 *   qc-stats-input-block.xlsx    附件7 with its rates' input rows in a marked block below the table; 成果率 typed
 *                                33% where the inputs give 33.33%; money in 万元
 */
const path = require('path');
const ExcelJS = require('exceljs');
const rid = require('../lib/core/identifiers/resident-id');
const { getProfile } = require('../lib/core/profiles');

const out = path.join(__dirname, '..', 'examples');
const border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };

function makeId(region, ymd, seq3) {
  const first17 = `${region}${ymd}${String(seq3).padStart(3, '0')}`;
  return first17 + rid.calcCheckDigit(first17);
}
const gender = (id) => (Number(id[16]) % 2 === 1 ? '男' : '女');

const TITLE_LINE = '推荐单位（盖章）：伊宁市市场监督管理局';
const DATE = '填表日期：2025年10月28日';
const IND = ['序号', '姓名', '性别', '民族', '政治\n面貌', '学历\n学位', '工作单位', '单位\n性质', '职务', '身份证号', '联系电话', '备注'];
const COL = ['序号', '先进集体名称', '单位性质', '负责人姓名', '负责人职务', '联系人姓名', '联系人电话', '备注'];

const PEOPLE = [
  ['阿依古丽·买买提', '维吾尔族', '中共党员', '大学本科', '伊宁市第一示例中学', '事业', '教师', makeId('654002', '19800312', 24), '13899001234'],
  ['王建国', '汉族', '群众', '大专', '伊宁市示例农机合作社', '企业', '理事长', makeId('654002', '19750508', 13), '13899001235'],
  ['努尔兰·托合塔尔', '哈萨克族', '中共党员', '研究生', '伊宁市示例科技有限公司', '企业', '总工程师', makeId('654002', '19850721', 35), '13899001236'],
  ['李秀英', '汉族', '中共党员', '大学本科', '伊宁市示例医院', '事业', '护士长', makeId('654002', '19780930', 42), '0999-8012345'],
  ['马福林', '回族', '群众', '高中', '伊宁市示例商贸公司', '企业', '经理', makeId('654002', '19690115', 57), '13899001238'],
  ['古丽娜尔·艾力', '维吾尔族', '共青团员', '大学本科', '伊宁市示例街道办事处', '机关', '科员', makeId('654002', '19980404', 66), '13899001239'],
];

function personRow(i, seq) {
  const p = PEOPLE[i % PEOPLE.length];
  return [seq, p[0], gender(p[7]), p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], null];
}

function sheet(wb, name, widths) {
  const ws = wb.addWorksheet(name, { pageSetup: { orientation: 'landscape', paperSize: 9 } });
  ws.columns = widths.map((width) => ({ width }));
  return ws;
}
function put(ws, row, values, { bold = false, from = 1, idCol = null } = {}) {
  values.forEach((v, i) => {
    if (v === undefined) return;
    const c = ws.getCell(row, from + i);
    c.value = v;
    c.border = border;
    c.alignment = { wrapText: true, vertical: 'middle' };
    if (bold) c.font = { bold: true };
    if (idCol !== null && from + i === idCol) c.numFmt = '@';
  });
}
function title(ws, text, cols) {
  ws.mergeCells(1, 1, 1, cols);
  ws.getCell('A1').value = text;
  ws.getCell('A1').font = { bold: true, size: 16 };
  ws.getCell('A1').alignment = { horizontal: 'center' };
}

async function pages() {
  const wb = new ExcelJS.Workbook();
  const ws = sheet(wb, '附件3', [6, 18, 6, 10, 10, 10, 24, 8, 12, 22, 16, 8]);
  title(ws, '伊犁州经济高质量发展贡献奖先进个人推荐对象汇总表', 12);
  ws.getCell('A2').value = TITLE_LINE;
  ws.getCell('H2').value = DATE;
  put(ws, 3, IND, { bold: true });
  let r = 4;
  for (let i = 0; i < 3; i++) put(ws, r++, personRow(i, i + 1), { idCol: 10 });
  put(ws, r++, [null, '小计', null, null, null, null, null, null, null, null, null, '3人']);
  ws.getRow(r - 1).addPageBreak();
  r++; // an empty row, then page 2 with the header typed again (表格可加页)
  put(ws, r++, ['（续表）']);
  put(ws, r++, IND, { bold: true });
  for (let i = 3; i < 6; i++) put(ws, r++, personRow(i, i + 1), { idCol: 10 });
  put(ws, r++, ['合  计', null, null, null, null, null, null, null, null, null, null, '6人']);
  ws.getCell(`A${r + 1}`).value = '备注：1.单位性质填写机关、参公、事业、企业、社会团体、村（居）民委员会、其他社会组织；2.表格可加页。';
  await wb.xlsx.writeFile(path.join(out, 'layouts-pages.xlsx'));
}

async function merged() {
  const wb = new ExcelJS.Workbook();
  const ws = sheet(wb, '附件3', [6, 18, 6, 10, 10, 10, 24, 8, 12, 22, 16, 8]);
  title(ws, '伊犁州经济高质量发展贡献奖先进个人推荐对象汇总表', 12);
  ws.getCell('A2').value = `${TITLE_LINE}        ${DATE}`;
  put(ws, 3, IND, { bold: true });
  const rows = [0, 1, 2, 3].map((i) => personRow(i, i + 1));
  // Rows 5 and 6 (people 2 and 3) work at the same unit: 工作单位 and 单位性质 merged over both.
  rows[2][6] = null;
  rows[2][7] = null;
  rows[1][6] = '伊宁市示例农机合作社';
  rows.forEach((row, i) => put(ws, 4 + i, row, { idCol: 10 }));
  ws.mergeCells('G5:G6');
  ws.mergeCells('H5:H6');
  await wb.xlsx.writeFile(path.join(out, 'layouts-merged.xlsx'));
}

async function sideBySide() {
  const wb = new ExcelJS.Workbook();
  const ws = sheet(wb, '附件3', [6, 24, 8, 10, 10, 10, 14, 8, 3, 6, 18, 6, 10, 10, 10, 24, 8, 12, 22, 16, 8]);
  title(ws, '伊犁州经济高质量发展贡献奖推荐对象汇总表', 21);
  ws.getCell('A2').value = `${TITLE_LINE}        ${DATE}`;
  put(ws, 3, COL, { bold: true });
  put(ws, 3, IND, { bold: true, from: 10 });
  const collectives = [
    [1, '伊宁市示例科技有限公司质量部', '企业', '张伟', '部长', '王芳', '0999-8012345', null],
    [2, '伊宁市示例街道社区服务中心', '事业', '刘洋', '主任', '陈静', '13899002001', null],
  ];
  collectives.forEach((row, i) => put(ws, 4 + i, row));
  for (let i = 0; i < 4; i++) put(ws, 4 + i, personRow(i, i + 1), { from: 10, idCol: 19 });
  await wb.xlsx.writeFile(path.join(out, 'layouts-side-by-side.xlsx'));
}

async function forms() {
  const wb = new ExcelJS.Workbook();
  const ws = sheet(wb, '附件3', [6, 18, 6, 10, 10, 10, 30, 8, 22, 26, 8, 3, 10]);
  title(ws, '伊犁州经济高质量发展贡献奖先进个人推荐对象汇总表', 11);
  ws.getCell('A2').value = '推荐单位（盖章）：伊宁县市场监督管理局';
  ws.getCell('G2').value = '填表日期：二〇二五年十月二十八日';
  const header = ['序号', '姓名', '性别', '民族', '政治面貌', '学历学位', '工作单位及职务', '单位性质', '身份证号', '联系电话', '备注', null, '核对'];
  put(ws, 3, header, { bold: true });
  const people = [
    ['阿不都热依木·买买提', '维吾尔族', '中共党员', '大学本科', '伊宁县示例中学 教师', '事业', makeId('654121', '19700506', 17), '13899003001、0999-4012345'],
    // The same name typed with another dot and spaces, at the same unit: name.duplicate (a warning).
    ['阿不都热依木 • 买买提 ', '维吾尔族', '中共党员', '大学本科', '伊宁县示例中学 教师', '事业', makeId('654121', '19720811', 35), '13899003002'],
    ['叶尔兰·努尔别克', '哈萨克族', '群众', '大专', '伊宁县示例牧业合作社 理事长', '企业', makeId('654123', '19660203', 57), '13899003003 13899003004'],
    // 100 on the form date (born 1925-11-01), 101 on any date after 2026-11-01.
    ['林振华', '汉族', '中共党员', '中专', '伊宁县示例老干部活动中心 顾问', '事业', makeId('440524', '19251101', 11), '0999-4012346'],
  ];
  people.forEach((p, i) => put(ws, 4 + i, [i + 1, p[0], gender(p[6]), p[1], p[2], p[3], p[4], p[5], p[6], p[7], null, null, i + 1], { idCol: 9 }));
  // A helper column (M, 核对) filled down 2,000 rows beside the table.
  for (let r = 8; r <= 2007; r++) ws.getCell(r, 13).value = r - 3;
  await wb.xlsx.writeFile(path.join(out, 'layouts-forms.xlsx'));
}

async function register() {
  const wb = new ExcelJS.Workbook();
  const ws = sheet(wb, '登记表', [6, 18, 20, 30, 30, 12, 10]);
  title(ws, '2019年自治区质量管理小组、质量信得过班组申报登记表', 7);
  put(ws, 2, ['序号', '推荐地区或部门', '类别', '名称', '企业名称', '是否与会发表', '成员人数'], { bold: true });
  // 附件2 quotas: 哈密地区工信局 6 trusted teams — 7 here; 奎屯市工信局 4 QC groups — 5 here. Each region's cell is
  // merged over its rows.
  const groups = [
    ['哈密地区工信局', 7, ['信得过班组', '质量信得过班组', '信得过班组', '质量信得过班组', '信得过班组', '质量信得过班组', '信得过班组']],
    ['奎屯市工信局', 5, ['QC小组', '优秀质量管理小组', 'QC小组', '优秀质量管理小组', 'QC小组']],
    ['伊犁州工信局', 2, ['推进者', '优秀质量管理小组']],
  ];
  let r = 3;
  let seq = 1;
  for (const [region, n, cats] of groups) {
    const top = r;
    for (let i = 0; i < n; i++) {
      put(ws, r, [seq, i === 0 ? region : null, cats[i], `示例${cats[i].includes('班组') ? '班组' : 'QC小组'}${seq}`, `${region.replace(/工信.+$/, '')}示例企业${seq}有限公司`, i % 3 === 0 ? '☑是 □否' : i % 3 === 1 ? '√' : '否', `${6 + (i % 4)}人`]);
      r++;
      seq++;
    }
    if (n > 1) ws.mergeCells(top, 2, r - 1, 2);
  }
  await wb.xlsx.writeFile(path.join(out, 'register-merged-regions.xlsx'));
}

async function quota() {
  const wb = new ExcelJS.Workbook();
  const ws = sheet(wb, '附件2', [6, 26, 10, 12, 16]);
  ws.getCell('A1').value = '附件2';
  ws.mergeCells('A2:E2');
  ws.getCell('A2').value = '2019年自治区质量管理小组、质量信得过班组推荐名额表';
  put(ws, 3, ['序号', '地区或部门', '质量管理活动', null, '质量信得过班组数'], { bold: true });
  put(ws, 4, [null, null, '小组数', '发表小组数', null], { bold: true });
  ws.mergeCells('C3:D3');
  ws.mergeCells('A3:A4');
  ws.mergeCells('B3:B4');
  ws.mergeCells('E3:E4');
  const regions = getProfile('xj-qc-2019').quota.regions;
  let r = 5;
  const cities = regions.slice(0, 15);
  const depts = regions.slice(15);
  const sum = (list) => ['groups', 'presenting', 'teams'].map((k) => list.reduce((a, x) => a + (x.quota[k] ?? 0), 0));
  cities.forEach((x, i) => put(ws, r++, [i + 1, x.name, x.quota.groups, x.quota.presenting, x.quota.teams]));
  put(ws, r++, [null, '地州市小计', ...sum(cities)], { bold: true });
  depts.forEach((x, i) => put(ws, r++, [cities.length + i + 1, x.name, x.quota.groups, x.quota.presenting, x.quota.teams]));
  put(ws, r++, [null, '行业部门小计', ...sum(depts)], { bold: true });
  put(ws, r++, [null, '总  计', ...sum(regions)], { bold: true });
  await wb.xlsx.writeFile(path.join(out, 'quota-subtotals.xlsx'));
}

async function statsBlock() {
  const wb = new ExcelJS.Workbook();
  const ws = sheet(wb, '附件7', [56, 10, 14, 12]);
  const rows = [
    ['附件7'],
    ['质量管理小组活动统计表'],
    ['推荐地区、部门（盖章）：伊犁州市场监督管理局'],
    ['统计项目', '单位', '数量'],
    ['历年来已登记注册QC小组累计数', '个', 320],
    ['本年度已登记注册QC小组数', '个', 36],
    ['本年度QC小组普及率=参加QC小组人数/职工总数x100%', '百分数', '35%'],
    ['本年度坚持活动的QC小组数', '个', 30],
    ['本年度QC小组创可计算的经济效益', '元', '125万元'],
    ['本年度QC小组成果率=取得成果小组数/QC小组注册数x100%', '百分数', '33%'],
    ['本年度企业对QC小组活动经费投入（培训、交流、书籍等费用）', '元', '8万'],
    ['本年度企业对QC小组活动奖励费用', '元', '30,000'],
    ['具备QC小组活动诊断师资格人数（国家级／自治区级）', '人', '2/5'],
    [],
    ['计算所需数据（输入行）'],
    ['参加QC小组人数', '人', 350],
    ['职工总数', '人', 1000],
    ['取得成果小组数', '个', 12],
  ];
  rows.forEach((row, i) => put(ws, i + 1, row));
  await wb.xlsx.writeFile(path.join(out, 'qc-stats-input-block.xlsx'));
}

(async () => {
  for (const f of [pages, merged, sideBySide, forms, register, quota, statsBlock]) await f();
  console.log('wrote examples/layouts-*.xlsx, register-merged-regions.xlsx, quota-subtotals.xlsx, qc-stats-input-block.xlsx');
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
