/**
 * Generated county workbooks for the 汇总 tests and benchmarks: one 附件3 workbook per county (title, the
 * 推荐单位（盖章）/填表日期 line, 一、先进集体 and 二、先进个人 tables), typed the way counties type them (IDs as
 * text, phones with spaces, 事业单位 for 事业). County 1 and county 2 both nominate the same person (same ID) and
 * the same collective; `unreadable` adds a text file named .xlsx. Identity numbers are made up; their check
 * character is GB 11643-1999's ISO 7064 MOD 11-2 (weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2).
 * Plain JavaScript so that the benchmarks, the jest tests and the e2e test share it.
 */
const fs = require('fs');
const path = require('path');
const ExcelJS = require('exceljs');

const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
function checkChar(first17) {
  let s = 0;
  for (let i = 0; i < 17; i++) s += Number(first17[i]) * W[i];
  return '10X98765432'[s % 11];
}
function makeId(region, birth, seq) {
  const f = `${region}${birth}${seq}`;
  return f + checkChar(f);
}

const COUNTY_NAMES = ['伊宁市', '奎屯市', '霍尔果斯市', '伊宁县', '察布查尔县', '霍城县', '巩留县', '新源县', '昭苏县', '特克斯县', '尼勒克县'];
const REGION_CODES = ['654002', '654003', '654004', '654021', '654022', '654023', '654024', '654025', '654026', '654027', '654028'];
const INDIVIDUAL_HEADER = ['序号', '姓名', '性别', '民族', '政治面貌', '学历学位', '工作单位', '单位性质', '职务', '身份证号', '联系电话', '备注'];
const COLLECTIVE_HEADER = ['序号', '先进集体名称', '单位性质', '负责人姓名', '负责人职务', '联系人姓名', '联系人电话', '备注'];
const ETHNIC = ['汉族', '维吾尔族', '哈萨克族', '回族', '蒙古族', '锡伯族'];
const SHARED_ID = makeId('654002', '19800101', '123');

function countyName(i) {
  return i < COUNTY_NAMES.length ? COUNTY_NAMES[i] : `示例县${i + 1}`;
}

/** Rows of county i: `people` individuals, `groups` collectives. */
function countyRows(i, people, groups) {
  const region = REGION_CODES[i % REGION_CODES.length];
  const individuals = [];
  for (let k = 0; k < people; k++) {
    const seq = String((i * 37 + k * 2) % 1000).padStart(3, '0');
    const id = i <= 1 && k === 0 ? SHARED_ID : makeId(region, `19${70 + (k % 25)}0${1 + (k % 9)}1${k % 9}`, seq);
    const male = Number(id[16]) % 2 === 1;
    individuals.push([
      k + 1,
      i <= 1 && k === 0 ? '努尔艾力·阿不都热合曼' : `${countyName(i).slice(0, 2)}${k + 1}号`,
      male ? '男' : '女',
      ETHNIC[k % ETHNIC.length],
      '中共党员',
      '大学本科',
      i <= 1 && k === 0 ? '伊犁州示例公司' : `${countyName(i)}第${k + 1}单位`,
      k % 7 === 3 ? '事业单位' : '企业',
      '经理',
      id,
      k % 5 === 2 ? `139 ${String(i).padStart(4, '0')} ${String(k).padStart(4, '0')}` : `139${String(i).padStart(4, '0')}${String(k).padStart(4, '0')}`,
      k % 11 === 4 ? '=县级表彰' : null,
    ]);
  }
  const collectives = [];
  for (let k = 0; k < groups; k++) {
    collectives.push([
      k + 1,
      i <= 1 && k === 0 ? '伊犁州示例合作社' : `${countyName(i)}第${k + 1}集体`,
      '企业',
      `负责人${k + 1}`,
      '理事长',
      `联系人${k + 1}`,
      `0999-${String(8000000 + i * 100 + k)}`,
      null,
    ]);
  }
  return { individuals, collectives };
}

/** One county workbook as an ExcelJS workbook. */
function countyWorkbook(i, { people = 50, groups = 3 } = {}) {
  const { individuals, collectives } = countyRows(i, people, groups);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('附件3');
  ws.columns = [6, 14, 6, 8, 10, 10, 24, 10, 10, 22, 15, 8].map((width) => ({ width }));
  ws.addRow(['伊犁州经济高质量发展贡献奖推荐对象汇总表']);
  const line = ws.addRow([`推荐单位（盖章）：${countyName(i)}人民政府`]);
  line.getCell(8).value = '填表日期：2025年10月28日';
  ws.addRow(['一、先进集体推荐对象汇总表（营商环境建设方面）']);
  ws.addRow(COLLECTIVE_HEADER);
  for (const r of collectives) ws.addRow(r);
  ws.addRow([]);
  ws.addRow(['二、先进个人推荐对象汇总表（营商环境建设方面）']);
  const header = ws.addRow(INDIVIDUAL_HEADER);
  for (const r of individuals) {
    const row = ws.addRow(r);
    row.getCell(10).numFmt = '@';
    row.getCell(11).numFmt = '@';
  }
  void header;
  return wb;
}

/**
 * Write `n` county workbooks into `dir` (县01-伊宁市.xlsx …); with `unreadable`, also 县99-损坏.xlsx (text).
 * Returns the file paths.
 */
async function writeCountyWorkbooks(dir, n, opts = {}) {
  fs.mkdirSync(dir, { recursive: true });
  const files = [];
  for (let i = 0; i < n; i++) {
    const file = path.join(dir, `县${String(i + 1).padStart(2, '0')}-${countyName(i)}.xlsx`);
    await countyWorkbook(i, opts).xlsx.writeFile(file);
    files.push(file);
  }
  if (opts.unreadable) {
    const bad = path.join(dir, '县99-损坏.xlsx');
    fs.writeFileSync(bad, '序号,姓名\n1,张三\n');
    files.push(bad);
  }
  return files;
}

module.exports = { countyWorkbook, writeCountyWorkbooks, countyName, makeId, SHARED_ID };
