#!/usr/bin/env node
/**
 * Tally benchmark (issue target: a register of 2,000 applications across the 41 regions tallies in ≤ 200 ms in the
 * engine). Generates the register (regions of xinjiang-2019 附件2, some typed with a variant spelling, the six
 * categories, 是/否), then times `computeTally` over it against the profile's quota table, and the whole check of
 * the run (every rule, the quota rules included): the first (cold) call, then the median of 15 after a warm-up.
 * Needs the compiled engine: `npx tsc -p tsconfig.cli.json` (done by `npm run prepare`).
 */
const path = require('path');
const root = path.join(__dirname, '..');
const { Sheet } = require(path.join(root, 'lib/core/grid'));
const { ALL_FORMS } = require(path.join(root, 'lib/core/forms'));
const { locateTables } = require(path.join(root, 'lib/core/locate'));
const { computeTally } = require(path.join(root, 'lib/core/tally'));
const { checkWorkbook } = require(path.join(root, 'lib/core/check'));
const { getProfile } = require(path.join(root, 'lib/core/profiles'));

const N = Number(process.env.BENCH_APPLICATIONS || 2000);
const profile = getProfile('xj-qc-2019');
const regions = profile.quota.regions.map((r) => r.name);
const CATEGORIES = ['优秀质量管理小组', '优秀质量管理小组', '优秀质量管理小组', '质量信得过班组', '质量信得过班组', '质量管理小组活动优秀企业', '质量管理小组活动推进者', '质量信得过班组建设优秀企业', '质量信得过班组建设先进个人'];

function register(n) {
  const values = [['申报登记表'], ['序号', '推荐地区或部门', '类别', '名称', '企业名称', '是否与会发表', '成员人数', '成员名单']];
  let seed = 12345;
  const rnd = (k) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % k);
  for (let i = 0; i < n; i++) {
    let region = regions[rnd(regions.length)];
    if (rnd(20) === 0) region = region.replace(/工信局$/, ''); // a variant now and then (伊犁州 for 伊犁州工信局)
    const category = CATEGORIES[rnd(CATEGORIES.length)];
    const members = 3 + rnd(10);
    values.push([i + 1, region, category, `示例QC小组${i + 1}`, `示例企业${i % 700}有限公司`, rnd(2) ? '是' : '否', members, Array.from({ length: members }, (_, k) => `成员${k + 1}`).join('、')]);
  }
  return { name: '登记表', values };
}

function time(fn) {
  const t = process.hrtime.bigint();
  const r = fn();
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, r };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const grid = register(N);
const sheet = new Sheet(grid);
const tables = locateTables(sheet, ALL_FORMS).map((table) => ({ file: 'bench.xlsx', sheet, table }));
if (tables.length !== 1 || tables[0].table.rows.length !== N) throw new Error('register not recognised');

const cold = time(() => computeTally(tables, profile)).ms; // first call: includes compiling the code paths
for (let k = 0; k < 5; k++) computeTally(tables, profile); // warm-up
const tallyMs = [];
const checkMs = [];
let detail;
let findings = 0;
for (let k = 0; k < 15; k++) {
  const a = time(() => computeTally(tables, profile));
  tallyMs.push(a.ms);
  detail = a.r;
  const b = time(() => checkWorkbook({ name: 'bench', sheets: [grid] }, { file: 'bench.xlsx', profile, today: { y: 2025, m: 11, d: 20 } }));
  checkMs.push(b.ms);
  findings = b.r.findings.length;
}
const over = detail.tally.byRegion.filter((e) => e.over > 0).length;
console.log('tally: %d applications, %d regions × %d classes', N, regions.length, profile.quota.classes.length);
console.log('   computeTally, first call: %s ms  (target ≤ 200 ms)', cold.toFixed(2));
console.log('   computeTally, median/15:  %s ms  (%d region×class cells over quota, %d spelling problems)', median(tallyMs).toFixed(2), over, detail.regionProblems.length);
console.log('   checkWorkbook, all rules: %s ms  (median of 15; %d findings)', median(checkMs).toFixed(2), findings);
