#!/usr/bin/env node
/**
 * Benchmarks (issue targets, measured in one run on this machine):
 *  1. Engine alone on a generated 100,000-row 附件3 individual table, every rule incl. duplicates: rows/s, and the
 *     ratio of its time per row to a bare loop of the project's ID check over the same 100,000 IDs.
 *  2. The CLI end to end on that workbook (wall time, peak RSS) beside a bare ExcelJS read of the same file.
 *  3. The Office.js host's round trips and payloads (through Microsoft's Office.js client); 4. the task pane's first download and the
 *     preview page's time to interactive in Chromium; 5. the tally of a 2,000-application register; 6. a helper
 *     column filled to row 1,048,576 beside one nominee (bench/helper-column.js); 7. 汇总 of 50 county workbooks in
 *     the task pane (Chromium: long tasks; Office.js host: syncs per sheet); 8. `merge` of 200 county workbooks and
 *     of a 100,000-row one, and the 公示 export's scan (bench/merge.js).
 * Needs the compiled engine (`npm run prepare`, done by `npm ci`). `BENCH_ONLY=engine` runs the first part only.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const ExcelJS = require('exceljs');
const root = path.join(__dirname, '..');
const { checkWorkbook } = require(path.join(root, 'lib/core/check'));
const rid = require(path.join(root, 'lib/core/identifiers/resident-id'));

const ROWS = Number(process.env.BENCH_ROWS || 100000);
const { HEADER, makeRows } = require('./data');

function time(fn) {
  const t = process.hrtime.bigint();
  const r = fn();
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, r };
}
function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const { runChild } = require('./child');

async function main() {
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0].model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
  const rows = makeRows(ROWS);
  const grid = { name: 'bench', sheets: [{ name: '附件3', values: [['推荐单位（盖章）：示例县 填表日期：2025年11月3日'], HEADER, ...rows] }] };
  const ids = rows.map((r) => r[9]);

  // 1. Engine vs bare ID loop. The first run (cold: the JIT compiles as it goes) is printed apart; the ratio is
  //    taken in the steady state: 3 warm-up runs of each, then 11 interleaved runs, median.
  const opts = { file: 'bench.xlsx', today: { y: 2025, m: 11, d: 20 } };
  const cold = time(() => checkWorkbook(grid, opts));
  let sink = 0;
  const bare = () => {
    let ok = 0;
    for (let i = 0; i < ids.length; i++) if (rid.isValid(ids[i])) ok++;
    return ok;
  };
  for (let k = 0; k < 3; k++) {
    checkWorkbook(grid, opts);
    bare();
  }
  const engineMs = [];
  const bareMs = [];
  let findings = cold.r.findings.length;
  const RUNS = 11;
  for (let k = 0; k < RUNS; k++) {
    const e = time(() => checkWorkbook(grid, opts));
    engineMs.push(e.ms);
    findings = e.r.findings.length;
    const b = time(bare);
    bareMs.push(b.ms);
    sink += b.r;
  }
  const em = median(engineMs);
  const bm = median(bareMs);
  console.log('\n1. engine, %d-row 附件3 individual table, all rules incl. duplicates', ROWS);
  console.log('   first run (cold):   %s ms', cold.ms.toFixed(1));
  console.log('   engine:             %s ms  → %s rows/s  (%d findings; median of %d after 3 warm-up runs; runs %s)', em.toFixed(1), Math.round((ROWS / em) * 1000).toLocaleString('en'), findings, RUNS, engineMs.map((x) => x.toFixed(0)).join(' '));
  console.log('   bare ID-check loop: %s ms  (resident-id isValid over the same %d IDs, %d valid; median of %d)', bm.toFixed(1), ROWS, sink / RUNS, RUNS);
  console.log('   ratio engine / bare ID loop per row: %s×  (target ≤ 4×; rows/s target ≥ 300,000)', (em / bm).toFixed(2));

  // The same table with its 序号 typed as text, as sheets formatted as text have it (median of 3).
  const textGrid = { name: 'bench', sheets: [{ name: '附件3', values: [grid.sheets[0].values[0], HEADER, ...rows.map((r) => [String(r[0]), ...r.slice(1)])] }] };
  checkWorkbook(textGrid, opts);
  const textMs = median([0, 1, 2].map(() => time(() => checkWorkbook(textGrid, opts)).ms));
  console.log('   same table, 序号 typed as text: %s ms', textMs.toFixed(1));

  if (process.env.BENCH_ONLY === 'engine') return;

  // 2. CLI end to end vs bare ExcelJS read.
  const dir = path.join(root, 'out', 'bench');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `annex3-${ROWS}.xlsx`);
  if (!fs.existsSync(file)) {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('附件3');
    ws.addRow(['推荐单位（盖章）：示例县 填表日期：2025年11月3日']);
    ws.addRow(HEADER);
    for (const r of rows) ws.addRow(r);
    ws.getColumn(10).numFmt = '@';
    await wb.xlsx.writeFile(file);
  }
  const size = fs.statSync(file).size;
  const bareRead = [];
  const cli = [];
  for (let k = 0; k < 3; k++) {
    bareRead.push(runChild([path.join(__dirname, 'bare-read.js'), file]));
    cli.push(runChild([path.join(root, 'bin/award-tally.js'), 'check', file, '--json']));
  }
  const bad = cli.find((c) => c.status !== 0 && c.status !== 1);
  if (bad) throw new Error(`CLI failed: ${bad.stderr}`);
  const br = median(bareRead.map((x) => x.ms));
  const cm = median(cli.map((x) => x.ms));
  const brRss = Math.max(...bareRead.map((x) => x.rssMB));
  const cRss = Math.max(...cli.map((x) => x.rssMB));
  console.log('\n2. CLI end to end on %s (%s MB), median of 3', path.relative(root, file), (size / 2 ** 20).toFixed(1));
  console.log('   bare ExcelJS read:          %s ms, peak RSS %s MB', br.toFixed(0), brRss.toFixed(0));
  console.log('   award-tally check --json:   %s ms, peak RSS %s MB', cm.toFixed(0), cRss.toFixed(0));
  console.log('   ratio CLI / bare read: %s×  (target ≤ 1.3×; peak RSS target ≤ 700 MB)', (cm / br).toFixed(2));

  // 3. The Office.js host through Microsoft's client over the fake workbook (compiled by tsconfig.bench.json).
  console.log('\n3. Excel host round trips and payloads, measured through Microsoft\'s Office.js client');
  const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.bench.json'], { cwd: root, stdio: 'inherit' });
  if (tsc.status !== 0) throw new Error('tsc -p tsconfig.bench.json failed');
  const host = spawnSync(process.execPath, [path.join(root, 'dist-bench/bench/excel-host.js')], { cwd: root, stdio: 'inherit' });
  if (host.status !== 0) process.exitCode = 1;

  // 4. Task-pane bundle and preview time to interactive; 5. tally of a 2,000-application register.
  for (const script of ['taskpane.js', 'tally.js', 'bomb.js', 'helper-column.js', 'pane-consolidate.js', 'merge.js']) {
    const r = spawnSync(process.execPath, [path.join(__dirname, script)], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) process.exitCode = 1;
  }
  if (spawnSync(process.execPath, [path.join(__dirname, 'browser-version.js')], { cwd: root, stdio: 'inherit' }).status !== 0) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
