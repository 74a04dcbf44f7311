#!/usr/bin/env node
/**
 * Benchmarks of the secretariat's desk (issue 12), each in child processes with their peak RSS:
 *  1. 200 county workbooks × 50 nominees: `award-tally merge` (read, check, tally, consolidate, write the merged
 *     workbook with 核查结果 and 名额核对) beside a bare ExcelJS read of the same 200 files, median of 3.
 *     Target: ≤ 1.5× the bare read.
 *  2. A 100,000-row 附件3 workbook merged: peak RSS (target ≤ 700 MB) and time.
 *  3. `award-tally mask` of the 200-county merged workbook: every cell of the output scanned (full IDs / mobiles: 0).
 * Needs the compiled engine (`npm run prepare`). `BENCH_ONLY=m1` runs the first part only.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const ExcelJS = require('exceljs');
const root = path.join(__dirname, '..');
const { HEADER, makeRows } = require('./data');
const { findFullNumbers } = require(path.join(root, 'lib/core/full-numbers'));

const COUNTIES = Number(process.env.BENCH_COUNTIES || 200);
const PER = 50;
const BIG = Number(process.env.BENCH_ROWS || 100000);

const { runChild } = require('./child');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function annex3File(file, recommender, rows) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('附件3');
  ws.addRow([`推荐单位（盖章）：${recommender}    填表日期：2025年11月3日`]);
  ws.addRow(HEADER);
  for (const r of rows) ws.addRow(r);
  ws.getColumn(10).numFmt = '@';
  await wb.xlsx.writeFile(file);
}

async function main() {
  const dir = path.join(root, 'out', 'bench');
  const counties = path.join(dir, `counties-${COUNTIES}x${PER}`);
  if (!fs.existsSync(path.join(counties, `county-${COUNTIES - 1}.xlsx`))) {
    fs.mkdirSync(counties, { recursive: true });
    const all = makeRows(COUNTIES * PER);
    for (let c = 0; c < COUNTIES; c++) {
      // Numbered 1…50 in each county; one nominee in twenty is also sent by the next county (dup.cross-file).
      const rows = all.slice(c * PER, (c + 1) * PER).map((r, i) => [i + 1, ...r.slice(1)]);
      if (c > 0) for (let i = 0; i < PER; i += 20) rows[i] = [i + 1, ...all[(c - 1) * PER + i + 1].slice(1)];
      await annex3File(path.join(counties, `county-${c}.xlsx`), `示例县${c}`, rows);
    }
  }
  const files = fs.readdirSync(counties).filter((f) => f.endsWith('.xlsx')).map((f) => path.join(counties, f));
  const bareAll = path.join(os.tmpdir(), `award-tally-bare-${process.pid}.js`);
  fs.writeFileSync(
    bareAll,
    `const ExcelJS = require(${JSON.stringify(require.resolve('exceljs'))});
(async () => { let cells = 0; for (const f of process.argv.slice(2)) { const wb = new ExcelJS.Workbook(); await wb.xlsx.readFile(f); wb.eachSheet((ws) => ws.eachRow((row) => (cells += row.cellCount))); } process.stdout.write(String(cells)); })();`,
  );
  const merged = path.join(dir, 'merged-counties.xlsx');
  const bare = [];
  const merge = [];
  for (let k = 0; k < 3; k++) {
    bare.push(runChild([bareAll, ...files]));
    const m = runChild([path.join(root, 'bin/award-tally.js'), 'merge', counties, '-o', merged, '--json']);
    if (m.status !== 0 && m.status !== 1) throw new Error(`merge failed (${m.status}): ${m.stderr}`);
    merge.push(m);
  }
  fs.unlinkSync(bareAll);
  const doc = JSON.parse(merge[0].stdout);
  const b = median(bare.map((x) => x.ms));
  const m = median(merge.map((x) => x.ms));
  console.log('\nM1. merge of %d county workbooks × %d nominees (%d findings, %d dup.cross-file), median of 3', COUNTIES, PER, doc.findings.length, doc.findings.filter((f) => f.rule === 'dup.cross-file').length);
  console.log('   bare ExcelJS read of the %d files: %s ms, peak RSS %s MB', files.length, b.toFixed(0), Math.max(...bare.map((x) => x.rssMB)).toFixed(0));
  console.log('   award-tally merge --json:         %s ms, peak RSS %s MB  (runs %s)', m.toFixed(0), Math.max(...merge.map((x) => x.rssMB)).toFixed(0), merge.map((x) => x.ms.toFixed(0)).join(' '));
  console.log('   ratio merge / bare read: %s×  (target ≤ 1.5×)', (m / b).toFixed(2));

  if (process.env.BENCH_ONLY === 'm1') return;
  // M2. 100,000 rows in one workbook.
  const big = path.join(dir, `annex3-${BIG}.xlsx`);
  if (!fs.existsSync(big)) await annex3File(big, '示例县', makeRows(BIG));
  const bigOut = path.join(dir, `merged-${BIG}.xlsx`);
  const r = runChild([path.join(root, 'bin/award-tally.js'), 'merge', big, '-o', bigOut, '--json']);
  if (r.status !== 0 && r.status !== 1) throw new Error(`merge failed (${r.status}): ${r.stderr}`);
  console.log('\nM2. merge of one %d-row workbook: %s ms, peak RSS %s MB  (target ≤ 700 MB)', BIG, r.ms.toFixed(0), r.rssMB.toFixed(0));

  // M3. mask of the merged county workbook: every cell scanned.
  const pub = path.join(dir, 'public-counties.xlsx');
  const k = runChild([path.join(root, 'bin/award-tally.js'), 'mask', merged, '-o', pub]);
  if (k.status !== 0) throw new Error(`mask failed (${k.status}): ${k.stderr}`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(pub);
  let cells = 0;
  let ids = 0;
  let mobiles = 0;
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((c) => {
        cells++;
        for (const f of findFullNumbers(c.text)) {
          if (f.kind === 'id') ids++;
          else mobiles++;
        }
      }),
    ),
  );
  console.log('\nM3. mask of the merged workbook: %s ms; %d cells scanned: %d full IDs, %d full mobiles (target 0)', k.ms.toFixed(0), cells, ids, mobiles);
  if (ids + mobiles > 0) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
