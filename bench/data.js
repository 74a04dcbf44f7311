/** Deterministic 附件3 individual-table rows for the benchmarks. */
const path = require('path');
const rid = require(path.join(__dirname, '..', 'lib/core/identifiers/resident-id'));

const HEADER = ['序号', '姓名', '性别', '民族', '政治\n面貌', '学历\n学位', '工作单位', '单位\n性质', '职务', '身份证号', '联系电话', '备注'];
const REGIONS = ['654002', '654003', '654004', '654021', '654022', '654023', '654024', '654025', '654026', '654027', '654028', '650102'];
const UNIT_TYPES = ['机关', '参公', '事业', '企业', '社会团体', '村（居）民委员会', '其他社会组织', '事业单位'];
const ETHNIC = ['汉族', '维吾尔族', '哈萨克族', '回族', '蒙古族', '锡伯族'];
const POLITICAL = ['中共党员', '群众', '共青团员', '无党派人士'];

/** Deterministic rows: mostly valid, about 2 % with a typical mistake. */
function makeRows(n) {
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const rows = [];
  for (let i = 0; i < n; i++) {
    const y = 1960 + Math.floor(rnd() * 45);
    const m = 1 + Math.floor(rnd() * 12);
    const d = 1 + Math.floor(rnd() * 28);
    const seq = String(i % 1000).padStart(3, '0');
    const first17 = `${REGIONS[i % REGIONS.length]}${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${seq}`;
    let id = first17 + rid.calcCheckDigit(first17);
    const male = Number(id[16]) % 2 === 1;
    if (i % 97 === 5) id = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    rows.push([
      i + 1,
      `测试${i}`,
      i % 211 === 3 ? (male ? '女' : '男') : male ? '男' : '女',
      ETHNIC[i % ETHNIC.length],
      POLITICAL[i % POLITICAL.length],
      '大学本科',
      `示例单位${i % 5000}`,
      UNIT_TYPES[i % UNIT_TYPES.length],
      '职员',
      id,
      i % 89 === 7 ? '1380013800' : `138${String(i).padStart(8, '0')}`,
      null,
    ]);
  }
  // Strings as a workbook reader hands them over: flat, not the concatenation trees built above.
  return JSON.parse(JSON.stringify(rows));
}

module.exports = { HEADER, makeRows };
