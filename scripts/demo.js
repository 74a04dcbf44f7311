#!/usr/bin/env node
/**
 * `npm run demo`: check the bundled sample workbooks with the CLI, then write the annotated copy and the HTML
 * report of the faulty one to out/. Exit status 1 from a check only means "errors found", which is the point here.
 */
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const root = path.join(__dirname, '..');
const bin = path.join(root, 'bin', 'award-tally.js');
const out = path.join(root, 'out');
fs.mkdirSync(out, { recursive: true });

function run(args) {
  console.log(`\n$ award-tally ${args.join(' ')}`);
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0 && r.status !== 1) {
    console.error(`award-tally exited with ${r.status}`);
    process.exit(r.status || 2);
  }
}

run(['check', 'examples']);
run([
  'check',
  'examples/annex3-mistakes.xlsx',
  '--annotate',
  'out/annex3-mistakes.annotated.xlsx',
  '--report',
  'out/annex3-mistakes.report.html',
]);
run(['template', 'annex3', '-o', 'out/附件3-空白模板.xlsx']);
// Consolidation: two registers against the 2019 quota table → out/merged-register.xlsx with the 名额核对 sheet.
run([
  'merge',
  'examples/register-faulty.xlsx',
  'examples/register-faulty-b.xlsx',
  '--quota',
  'examples/quota-2019.xlsx',
  '--profile',
  'xj-qc-2019',
  '-o',
  'out/merged-register.xlsx',
]);
// The secretariat's desk: county workbooks (one unreadable, one county missing) merged into out/merged.xlsx with
// 核查结果, 未报送 and 名额核对, split back per county, and the 公示 list with IDs and phones masked.
run([
  'merge',
  'examples/counties',
  '--quota',
  'examples/counties/名额表.xlsx',
  '-o',
  'out/merged.xlsx',
  '--split-by',
  '推荐单位',
]);
run(['mask', 'out/merged.xlsx', '-o', 'out/public.xlsx']);
// Statistics: input rows inserted under the rates, rates written as live formulas; the input is not modified.
run(['fill', 'examples/qc-stats-faulty.xlsx', '-o', 'out/qc-stats-faulty.filled.xlsx']);
run(['template', 'qc-stats', '-o', 'out/附件7-统计表模板.xlsx']);
console.log('\n示例输出 / demo output: out/annex3-mistakes.annotated.xlsx, out/annex3-mistakes.report.html, out/附件3-空白模板.xlsx, out/qc-stats-faulty.filled.xlsx, out/附件7-统计表模板.xlsx, out/merged-register.xlsx, out/merged.xlsx (+ out/merged-按推荐单位/), out/public.xlsx');
