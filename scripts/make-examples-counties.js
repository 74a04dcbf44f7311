#!/usr/bin/env node
/**
 * Writes the secretariat's examples in examples/counties/ (synthetic names; every ID generated with the project's
 * own check-character code, never a real person's number). Run after `npm run prepare`:
 *   node scripts/make-examples-counties.js
 *
 * - 伊宁市.xlsx, 奎屯市.xlsx, 霍城县.xlsx  one 附件3 workbook per county (collectives and individuals, title line
 *   with 推荐单位 and 填表日期). 奎屯市 also nominates 伊宁市's 阿依古丽·吐尔逊 (same ID) and, without an ID,
 *   霍城县's 努尔艾力·阿不都热合曼 of the same unit (typed 努尔艾力.阿不都热合曼); 霍城县 nominates 伊宁市's
 *   organisation again (same credit code); 奎屯市 added a 出生年月 column and typed one ID in full-width digits.
 * - 察布查尔县.xlsx  not a workbook at all (a text file saved with .xlsx): reported unreadable, the rest merged.
 * - 名额表.xlsx  the regions expected to report (伊宁县 sends nothing: listed under 未报送).
 */
const fs = require('fs');
const path = require('path');
const ExcelJS = require('exceljs');
const { annex3Sheet, makeId, makeUscc } = require('./make-examples');
const { buildQuotaWorkbook } = require('../lib/xlsx/template-quota');
const { getProfile } = require('../lib/core/profiles');

const out = path.join(__dirname, '..', 'examples', 'counties');
fs.mkdirSync(out, { recursive: true });

const SHARED_PERSON = ['阿依古丽·吐尔逊', '女', '维吾尔族', '中共党员', '大学本科', '伊宁市第三中学', '事业', '教师', makeId('654002', '19860315', 42), '13899990101'];
const SHARED_ORG_USCC = makeUscc('91654002MA78YN0Q1');
const fullWidth = (s) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

async function county(file, { recommender, date, category, collectives, individuals, extra }) {
  const wb = new ExcelJS.Workbook();
  const ws = annex3Sheet(wb, '附件3', { recommender, date, category, collectives, individuals });
  if (extra) extra(ws);
  await wb.xlsx.writeFile(path.join(out, file));
}

(async () => {
  await county('伊宁市.xlsx', {
    recommender: '伊宁市',
    date: '2025年10月28日',
    category: '质量提升方面',
    collectives: [
      [1, '伊宁市丝路果业有限公司', SHARED_ORG_USCC, '企业', '买买提·依明', '董事长', '刘小红', '13899990001', null],
      [2, '伊宁市市场监督管理局质量科', makeUscc('11654002MB0000012'), '机关', '王建国', '科长', '张丽', '0999-8021234', null],
    ],
    individuals: [
      [1, ...SHARED_PERSON, null],
      [2, '李明', '男', '汉族', '中共党员', '硕士研究生', '伊宁市工业园区管委会', '参公', '副主任', makeId('654002', '19790621', 13), '13899990102', null],
      [3, '古丽娜尔·艾山', '女', '哈萨克族', '群众', '大专', '伊宁市巴彦岱镇人民政府', '机关', '科员', makeId('654002', '19900802', 24), '0999-8034567', null],
    ],
  });
  await county('奎屯市.xlsx', {
    recommender: '奎屯市',
    date: '2025.10.30',
    category: '质量提升方面',
    collectives: [[1, '奎屯市天北纺织有限公司', makeUscc('91654003MA79AB1C2'), '民营企业', '陈志强', '总经理', '周敏', '13899990201', null]],
    individuals: [
      [1, '赵海军', '男', '汉族', '群众', '大学本科', '奎屯市天北纺织有限公司', '企业', '技术总监', fullWidth(makeId('654003', '19820114', 35)), '138 9999 0202', null],
      // Nominated by 伊宁市 too: the same ID.
      [2, ...SHARED_PERSON.slice(0, 9), '13899990203', null],
      // Nominated by 霍城县 too, without an ID here: matched by 姓名 + 工作单位 (middle dot typed as a full stop).
      [3, '努尔艾力.阿不都热合曼', '男', '维吾尔族', '中共党员', '大学本科', '霍城县人民医院', '事业', '主任医师', '', '13899990204', null],
    ],
    extra: (ws) => {
      // A column the county added beside the form (right of 备注): kept in the master sheet.
      let header = 0;
      ws.eachRow((row, n) => {
        if (row.getCell(2).value === '姓名') header = n;
      });
      const col = 13;
      ws.getRow(header).getCell(col).value = '出生年月';
      ws.getRow(header).getCell(col).font = { bold: true };
      ['1982.01', '1986.03', '1975.06'].forEach((v, i) => (ws.getRow(header + 1 + i).getCell(col).value = v));
    },
  });
  await county('霍城县.xlsx', {
    recommender: '霍城县',
    date: '2025-10-29',
    category: '质量提升方面',
    collectives: [
      // The same organisation as 伊宁市's first (same credit code, name typed differently).
      [1, '伊宁市丝路果业有限公司（霍城分公司）', SHARED_ORG_USCC, '企业', '买买提·依明', '董事长', '马丽', '13899990301', null],
      [2, '霍城县薰衣草合作社', makeUscc('93654023MA7C0D1E2'), '其他社会组织', '韩梅', '理事长', '韩雪', '13899990302', null],
    ],
    individuals: [
      [1, '努尔艾力·阿不都热合曼', '男', '维吾尔族', '中共党员', '大学本科', '霍城县人民医院', '事业', '主任医师', makeId('654023', '19750611', 17), '13899990303', null],
      [2, '=SUM(A1:A9)', '女', '汉族', '群众', '大学本科', '霍城县-清水河镇', '机关', '@科员', makeId('654023', '19880930', 28), '13899990304', '+86 备注'],
    ],
  });
  fs.writeFileSync(path.join(out, '察布查尔县.xlsx'), '这不是 Excel 工作簿：文件在传送中被改成了文本。\n');
  const xj = getProfile('xj-qc-2019');
  const regions = ['伊宁市', '奎屯市', '霍城县', '察布查尔县', '伊宁县'].map((name) => ({ name, aliases: [], quota: { groups: 3, presenting: 2, teams: 2 } }));
  const wb = buildQuotaWorkbook({ profile: { ...xj, quota: { ...xj.quota, regions, title: '各县市推荐名额表' } } });
  await wb.xlsx.writeFile(path.join(out, '名额表.xlsx'));
  console.log('county examples written to', out);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
