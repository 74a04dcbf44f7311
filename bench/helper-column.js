#!/usr/bin/env node
/**
 * Helper-column benchmark (issue 10 target): an 附件3 sheet with one nominee and a helper column to the right of the
 * table filled down to row 1,048,576 (Excel's last row). `award-tally check` must read it as one nominee in
 * ≤ 5 s with ≤ 500 MB peak RSS, and `award-tally fill` must work on it.
 *
 * The workbook is written by ExcelJS with the one nominee, then the helper column's million cells are added to
 * its sheet XML directly (ExcelJS would take minutes to write them), and the package is zipped again with JSZip.
 * Needs the compiled CLI (`npm run prepare`).
 */
const fs = require('fs');
const path = require('path');
const ExcelJS = require('exceljs');
const JSZip = require('jszip');

const root = path.join(__dirname, '..');
const LAST = 1048576;

async function makeFile(file) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('附件3');
  ws.addRow(['推荐单位（盖章）：伊宁市市场监督管理局 填表日期：2025年11月3日']);
  ws.addRow(['序号', '姓名', '性别', '民族', '政治面貌', '学历学位', '工作单位', '单位性质', '职务', '身份证号', '联系电话', '备注', null, '核对']);
  ws.addRow([null, '张三', null, '汉族', '中共党员', '大学本科', '伊宁市示例科技有限公司', '事业单位', '总经理', '11010519491231002X', '13800138000', null, null, 1]);
  ws.getColumn(10).numFmt = '@';
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const name = Object.keys(zip.files).find((n) => /^xl\/worksheets\/sheet1\.xml$/.test(n));
  let xml = await zip.file(name).async('string');
  // The helper column N: a number on every row from 4 to 1,048,576, as a column of =ROW()-2 filled down leaves it.
  const parts = [];
  for (let r = 4; r <= LAST; r++) parts.push(`<row r="${r}"><c r="N${r}"><v>${r - 2}</v></c></row>`);
  xml = xml.replace('</sheetData>', parts.join('') + '</sheetData>').replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="A1:N${LAST}"/>`);
  zip.file(name, xml);
  fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

const { runChild } = require('./child');

async function main() {
  const dir = path.join(root, 'out', 'bench');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'helper-column-1048576.xlsx');
  if (!fs.existsSync(file)) await makeFile(file);
  const cli = path.join(root, 'bin/award-tally.js');
  console.log('\n6. helper column filled to row 1,048,576 beside one nominee (%s, %s MB)', path.relative(root, file), (fs.statSync(file).size / 2 ** 20).toFixed(1));
  const runs = [0, 1, 2].map(() => runChild([cli, 'check', file, '--json']));
  const bad = runs.find((r) => r.status !== 0 && r.status !== 1);
  if (bad) throw new Error(`check failed (${bad.status}): ${bad.stderr}`);
  const report = JSON.parse(runs[0].stdout);
  const tables = report.files[0].tables.map((t) => `${t.kind} ${t.range} (${t.rows} 行)`).join('; ');
  const ms = runs.map((r) => r.ms).sort((a, b) => a - b)[1];
  const rss = Math.max(...runs.map((r) => r.rssMB));
  console.log('   award-tally check --json: %s ms (median of 3), peak RSS %s MB; tables: %s; %d findings  (target ≤ 5,000 ms, ≤ 500 MB, 1 row)', ms.toFixed(0), rss.toFixed(0), tables, report.findings.length);
  const out = path.join(dir, 'helper-column-filled.xlsx');
  if (fs.existsSync(out)) fs.unlinkSync(out);
  const fill = runChild([cli, 'fill', file, '-o', out]);
  if (fill.status !== 0 || !fs.existsSync(out)) throw new Error(`fill failed (${fill.status}): ${fill.stderr}`);
  console.log('   award-tally fill -o: %s ms, peak RSS %s MB, wrote %s (%s MB)', fill.ms.toFixed(0), fill.rssMB.toFixed(0), path.relative(root, out), (fs.statSync(out).size / 2 ** 20).toFixed(1));
  if (ms > 5000 || rss > 500 || report.files[0].tables[0]?.rows !== 1) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
