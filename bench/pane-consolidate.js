#!/usr/bin/env node
/**
 * 汇总 in the task pane (issue 12 targets), measured in Chromium on the preview page (the real task pane, the
 * in-browser workbook host, the engine's Web Worker):
 *  1. 50 generated county workbooks (50 individuals + 3 collectives each, bench/counties.js) picked in the pane and
 *     consolidated: wall time, and every main-thread task over 50 ms (PerformanceObserver 'longtask') — target:
 *     none longer than 200 ms;
 *  2. writing the master sheets through the Office.js host (src/excel, typed fake of test/fakes): syncs per sheet
 *     against 1 + ⌈request bytes / 4 MB⌉, and the largest request (dist-bench/bench/consolidate-syncs.js).
 * Needs the production build (dist/, `npx webpack --mode production`; built here when missing) and
 * /usr/bin/chromium (the browser part is skipped, saying so, without it). Exit status 1 when a target is missed.
 */
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const root = path.join(__dirname, '..');
const { writeCountyWorkbooks } = require('./counties');

const N = Number(process.env.BENCH_COUNTIES || 50);
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const LONG_MS = 200;

async function browserPart(files) {
  const { chromium } = require('playwright-core');
  const { startPreviewServer } = require(path.join(root, 'scripts/preview-server.js'));
  const dist = path.join(root, 'dist');
  const examples = fs.existsSync(path.join(dist, 'examples')) ? fs.readdirSync(path.join(dist, 'examples')).filter((f) => f.endsWith('.xlsx')) : [];
  if (!examples.length) throw new Error('dist/examples has no workbook to open');
  const base = examples.includes('annex3-mistakes.xlsx') ? 'annex3-mistakes.xlsx' : examples[0];
  const { server, url } = await startPreviewServer({ root: dist, port: 0 });
  const profile = fs.mkdtempSync(path.join(require('os').tmpdir(), 'award-tally-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    viewport: { width: 1440, height: 1000 },
    locale: 'zh-CN',
  });
  await context.route('**/*', (route) => (route.request().url().startsWith(url) ? route.continue() : route.abort()));
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${url}preview.html?file=${base}`);
    await page.locator('td[data-cell="A1"]').first().waitFor();
    await page.getByRole('tab', { name: '汇总' }).click();
    await page.getByRole('button', { name: '选择工作簿…' }).waitFor();
    await page.getByTestId('consolidate-files').setInputFiles(files);
    await page.evaluate(() => {
      window.benchLong = [];
      new PerformanceObserver((l) => l.getEntries().forEach((e) => window.benchLong.push({ start: e.startTime, ms: e.duration }))).observe({ type: 'longtask' });
      window.benchT0 = performance.now();
    });
    const t0 = Date.now();
    await page.getByRole('button', { name: `汇总 ${files.length} 个工作簿` }).click();
    await page.getByTestId('consolidate-result').waitFor({ timeout: 10 * 60 * 1000 });
    const wall = Date.now() - t0;
    await page.waitForTimeout(500);
    const { long, t0p } = await page.evaluate(() => ({ long: window.benchLong, t0p: window.benchT0 }));
    const summary = await page.getByTestId('consolidate-summary').textContent();
    const max = long.length ? Math.max(...long.map((x) => x.ms)) : 0;
    console.log(`   ${files.length} workbooks picked → result shown: ${wall} ms  (${summary.trim().slice(0, 80)}…)`);
    console.log(`   main-thread tasks over 50 ms: ${long.length}${long.length ? ` — ${long.map((x) => `${x.ms.toFixed(0)} ms at +${(x.start - t0p).toFixed(0)}`).join(', ')}` : ''}`);
    const ok = max <= LONG_MS;
    console.log(`   longest task ${max.toFixed(0)} ms (target ≤ ${LONG_MS} ms): ${ok ? 'ok' : 'MISSED'}`);
    return ok;
  } finally {
    await context.close();
    server.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

async function main() {
  const dir = path.join(root, 'out', 'bench', `counties-${N}`);
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.xlsx')).map((f) => path.join(dir, f)) : [];
  const all = files.length === N ? files.sort() : await writeCountyWorkbooks(dir, N, { people: 50, groups: 3 });
  console.log(`\n6. 汇总 in the task pane: ${N} county workbooks (50 individuals + 3 collectives each)`);
  let failed = false;

  // Office.js host: syncs of the master sheets (Node, typed fake).
  const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.bench.json'], { cwd: root, stdio: 'inherit' });
  if (tsc.status !== 0) throw new Error('tsc -p tsconfig.bench.json failed');
  const syncs = spawnSync(process.execPath, [path.join(root, 'dist-bench/bench/consolidate-syncs.js'), dir], { cwd: root, stdio: 'inherit' });
  if (syncs.status !== 0) failed = true;

  if (!fs.existsSync(CHROMIUM)) {
    console.log(`   browser part skipped: no Chromium at ${CHROMIUM}`);
  } else {
    if (!fs.existsSync(path.join(root, 'dist', 'worker.js'))) {
      spawnSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production'], { cwd: root, stdio: 'inherit' });
    }
    if (!(await browserPart(all))) failed = true;
  }
  if (failed) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
