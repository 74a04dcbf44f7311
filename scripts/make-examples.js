#!/usr/bin/env node
/**
 * Writes the synthetic sample workbooks in examples/. Names are made up; every ID number is generated here with
 * the project's own check-character code (never a real person's number). Run after `npm run prepare`:
 *   node scripts/make-examples.js
 */
const path = require('path');
const ExcelJS = require('exceljs');
const rid = require('../lib/core/identifiers/resident-id');
const { calcCheckDigit: usccCheck } = require('../lib/core/identifiers/uscc');

const out = path.join(__dirname, '..', 'examples');

/** An 18-digit ID from a region code, a birth date and a sequence (odd = 男, even = 女). */
function makeId(region, ymd, seq3) {
  const first17 = `${region}${ymd}${String(seq3).padStart(3, '0')}`;
  return first17 + rid.calcCheckDigit(first17);
}
function makeUscc(body17) {
  return body17 + usccCheck(body17);
}

const TITLE = '伊犁州经济高质量发展贡献奖先进集体和先进个人推荐对象汇总表';
const COLLECTIVE_HEADER = ['序号', '先进集体名称', '统一社会信用代码', '单位性质', '负责人姓名', '负责人职务', '联系人姓名', '联系人电话', '备注'];
const INDIVIDUAL_HEADER = ['序号', '姓名', '性别', '民族', '政治\n面貌', '学历\n学位', '工作单位', '单位\n性质', '职务', '身份证号', '联系电话', '备注'];

/** Lay a 附件3 sheet out as the seed prints it: title, 推荐单位/填表日期 line, two sections, footnotes, signature. */
function annex3Sheet(wb, name, { recommender, date, category, collectives, individuals, idAsNumber = [] }) {
  const ws = wb.addWorksheet(name, { pageSetup: { orientation: 'landscape', paperSize: 9 } });
  ws.columns = [6, 26, 22, 10, 12, 12, 24, 10, 14, 22, 16, 10].map((width) => ({ width }));
  ws.mergeCells('A1:L1');
  ws.getCell('A1').value = TITLE;
  ws.getCell('A1').font = { bold: true, size: 16 };
  ws.getCell('A1').alignment = { horizontal: 'center' };
  ws.getCell('A2').value = `推荐单位（盖章）：${recommender}`;
  ws.getCell('H2').value = `填表日期：${date}`;
  ws.mergeCells('A3:L3');
  ws.getCell('A3').value = `一、伊犁州经济高质量发展贡献奖先进集体推荐对象汇总表${category ? `（${category}）` : ''}`;
  let r = 4;
  const border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
  const put = (row, values, bold = false) => {
    values.forEach((v, i) => {
      const c = ws.getCell(row, i + 1);
      c.value = v;
      c.border = border;
      c.alignment = { wrapText: true, vertical: 'middle' };
      if (bold) c.font = { bold: true };
    });
  };
  put(r++, COLLECTIVE_HEADER, true);
  for (const row of collectives) put(r++, row);
  r++;
  ws.mergeCells(`A${r}:L${r}`);
  ws.getCell(`A${r}`).value = '二、伊犁州经济高质量发展贡献奖先进个人推荐对象汇总表';
  r++;
  put(r++, INDIVIDUAL_HEADER, true);
  for (const [i, row] of individuals.entries()) {
    put(r, row);
    const idCell = ws.getCell(r, 10);
    if (!idAsNumber.includes(i)) idCell.numFmt = '@';
    r++;
  }
  r++;
  ws.getCell(`A${r++}`).value = '备注：1．单位性质选填机关、参公、事业、企业、社会团体、村（居）民委员会及其他社会组织等。';
  ws.getCell(`A${r++}`).value = '      2．表格可加页，每页均需加盖单位公章。';
  r++;
  ws.getCell(`A${r}`).value = '联系人：韩梅';
  ws.getCell(`E${r}`).value = '职务：科员';
  ws.getCell(`I${r}`).value = '联系电话：13909990001';
  return ws;
}

async function clean() {
  const wb = new ExcelJS.Workbook();
  annex3Sheet(wb, '附件3', {
    recommender: '示例县人民政府',
    date: '2025年11月3日',
    category: '商务经济方面',
    collectives: [
      [1, '示例县星河农产品进出口有限公司', makeUscc('91654023MA78XK2Q0'), '企业', '艾示例', '董事长', '林小示', '13999990011', null],
      [2, '示例县商务和工业信息化局外贸科', makeUscc('11654023MB1234567'), '机关', '马示例', '科长', '周小示', '0999-3021234', null],
    ],
    individuals: [
      [1, '李示例', '男', '汉族', '中共党员', '大学本科', '示例县星河农产品进出口有限公司', '企业', '总经理', makeId('654023', '19800512', 11), '13999990021', null],
      [2, '阿依示例', '女', '维吾尔族', '群众', '硕士研究生', '示例县商务和工业信息化局', '机关', '副局长', makeId('654023', '19850708', 22), '13999990022', null],
      [3, '张示例', '女', '回族', '中共预备党员', '大专', '示例县第一中学', '事业', '教师', makeId('654002', '19920229', 4), '0999-8123456', null],
      [4, '巴示例', '男', '哈萨克族', '无党派人士', '大学本科', '示例县阳光社区居民委员会', '村（居）民委员会', '主任', makeId('654024', '19760101', 33), '13999990024', null],
    ],
  });
  await wb.xlsx.writeFile(path.join(out, 'annex3-clean.xlsx'));
}

async function mistakes() {
  const wb = new ExcelJS.Workbook();
  const good = (region, ymd, seq) => makeId(region, ymd, seq);
  // Typed as a number: Excel keeps 15 significant digits, the last three become zeros.
  const lost = Number(good('654021', '19850312', 13).slice(0, 15) + '000');
  const fullWidth = good('654022', '19900615', 26).replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
  const lowerX = (() => {
    for (let s = 1; s < 999; s += 2) {
      const id = good('654023', '19780309', s);
      if (id.endsWith('X')) return id.toLowerCase();
    }
    throw new Error('no X');
  })();
  const wrongCheck = (() => {
    const id = good('654024', '19880808', 17);
    return id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
  })();
  const leapless = '654025199902290' + '16'; // 1999-02-29 does not exist
  const leaplessId = leapless + rid.calcCheckDigit(leapless);
  const dupId = good('654026', '19700101', 27);
  const firstGen = '654027680101033'; // 15-digit first-generation number, typed as text
  annex3Sheet(wb, '附件3', {
    recommender: '示例县人民政府',
    date: '2025年11月3日',
    category: null,
    collectives: [
      [1, '示例县果业合作社', makeUscc('93654026MA1234567'), '事业单位', '王示例', '理事长', '赵小示', '1399999', null],
      [2, '示例县果业合作社', '91654026MA12345678', '民营企业', '孙示例', '', '钱小示', '13999990031', null],
    ],
    individuals: [
      [1, '甲示例', '男', '汉族', '中共党员', '本科', '示例县甲公司', '企业', '经理', lost, '13999990041', null],
      [2, '乙示例', '女', '汉族', '群众', '本科', '示例县乙公司', '企业', '会计', fullWidth, '13999990042', null],
      [3, '丙示例', '男', '回族', '群众', '大专', '示例县丙学校', '事业单位', '教师', lowerX, '139 9999 0043', null],
      [null, '丁示例', '男', '汉族', '党员', '本科', '示例县丁医院', '事业', '医生', wrongCheck, '13999990044', null],
      [5, '戊示例', '女', '锡伯族', '群众', '本科', '示例县戊公司', '企业', '职员', leaplessId, '13999990045', null],
      [6, '己示例', '女', '汉族', '群众', '本科', '示例县己公司', '企业', '职员', good('654028', '19810203', 33), '13999990046', null],
      [7, '庚示例', '男', '汉族', '群众', '本科', '示例县庚公司', '企业', '职员', dupId, '13999990047', null],
      [8, '庚示例', '男', '汉族', '群众', '本科', '示例县庚公司', '企业', '职员', dupId, '13999990047', null],
      [9, '辛示例', '男', '汉', '群众', '中专', '示例县辛村', '村委会', '村主任', firstGen, '1399999004', null],
      [10, '壬示例', '男', '火星族', '群众', '本科', '示例县壬公司', '个体', '', '', '13999990049', null],
    ],
    idAsNumber: [0],
  });
  await wb.xlsx.writeFile(path.join(out, 'annex3-mistakes.xlsx'));
}

module.exports = { annex3Sheet, makeId, makeUscc };

if (require.main === module) {
  (async () => {
    await clean();
    await mistakes();
    console.log('examples written to', out);
  })().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
