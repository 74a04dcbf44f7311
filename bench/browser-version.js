#!/usr/bin/env node
/**
 * Browser version figures (issue 13 targets), on the production build in dist/ (built by bench/taskpane.js just
 * before in `npm run bench`; built here when missing):
 *  - initial JavaScript of index.html, gzipped (target ≤ 200 KB);
 *  - time to interactive of index.html?file=annex3-mistakes.xlsx: navigation start → 运行检查 enabled, cold then
 *    warm (target ≤ 1,500 ms);
 *  - a generated 20,000-row 附件3 workbook opened through the file picker and checked: the longest main-thread
 *    task ('longtask' entries of a PerformanceObserver registered before the page's own scripts), target ≤ 200 ms,
 *    and the time from choosing the file to the findings listed; then its fill preview (the plan is built in the
 *    workbook worker), the same figures.
 * Skipped, saying so, when /usr/bin/chromium is absent.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const ExcelJS = require('exceljs');
const root = path.join(__dirname, '..');
const DIST = path.join(root, 'dist');
const { initialBundle } = require('./bundle');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ROWS = 20000;

async function workbook20k() {
  const { HEADER, makeRows } = require('./data');
  const file = path.join(root, 'out', 'bench', `annex3-${ROWS}.xlsx`);
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('附件3');
  ws.addRow(['推荐单位（盖章）：示例县 填表日期：2025年11月3日']);
  ws.addRow(HEADER);
  for (const r of makeRows(ROWS)) ws.addRow(r);
  ws.getColumn(10).numFmt = '@';
  await wb.xlsx.writeFile(file);
  return file;
}

const interactive = () => {
  const b = [...document.querySelectorAll('button')].find((x) => x.textContent && x.textContent.trim() === '运行检查');
  return b && !b.disabled ? performance.now() : 0;
};

async function main() {
  console.log('\n6. browser version (index.html)');
  if (!fs.existsSync(path.join(DIST, 'index.html'))) {
    const build = spawnSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    if (build.status !== 0) throw new Error('webpack production build failed');
  }
  const page0 = initialBundle(DIST, 'index.html');
  console.log('   initial JavaScript of index.html: %s KB gzipped (%s KB raw) [%s]  (target ≤ 200 KB gzipped)', (page0.gzip / 1024).toFixed(1), (page0.raw / 1024).toFixed(1), page0.files.join(', '));
  if (!fs.existsSync(CHROMIUM)) {
    console.log('   browser figures: skipped, %s is not installed', CHROMIUM);
    return;
  }
  const big = await workbook20k();
  const examples = path.join(DIST, 'examples');
  if (!fs.existsSync(path.join(examples, 'annex3-mistakes.xlsx'))) {
    fs.mkdirSync(examples, { recursive: true });
    fs.copyFileSync(path.join(root, 'examples', 'annex3-mistakes.xlsx'), path.join(examples, 'annex3-mistakes.xlsx'));
  }
  const { chromium } = require('playwright-core');
  const { startPreviewServer } = require(path.join(root, 'scripts', 'preview-server.js'));
  const { server, url } = await startPreviewServer({ root: DIST, port: 0 });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'award-tally-bench-bv-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1440, height: 1000 },
    locale: 'zh-CN',
  });
  // Long tasks are recorded from the first script on.
  await context.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  const page = context.pages()[0] || (await context.newPage());
  try {
    const times = [];
    for (let i = 0; i < 4; i++) {
      await page.goto(`${url}index.html?file=annex3-mistakes.xlsx`);
      times.push(await (await page.waitForFunction(interactive, undefined, { polling: 'raf', timeout: 60000 })).jsonValue());
    }
    console.log('   time to interactive: cold %s ms, warm %s ms  (target ≤ 1,500 ms)', times[0].toFixed(0), times.slice(1).map((t) => t.toFixed(0)).join(' / '));

    await page.goto(`${url}index.html`);
    await page.waitForSelector('[data-testid="open-files"]', { state: 'attached' });
    await page.waitForTimeout(500);
    const t0 = await page.evaluate(() => {
      window.__longTasks = [];
      return performance.now();
    });
    // Probes are plain CSS queries polled every 250 ms: role queries compute accessible names over the whole
    // grid and would be long tasks of their own.
    await page.setInputFiles('[data-testid="open-files"]', big);
    await page.waitForFunction(() => document.querySelector('td[data-cell="A1"]') && performance.now(), undefined, { polling: 250, timeout: 180000 });
    const opened = await page.evaluate(() => performance.now());
    await page.evaluate(() => [...document.querySelectorAll('.pane button')].find((b) => b.textContent.trim() === '运行检查').click());
    await page.waitForFunction(() => document.querySelector('button[data-finding-rule]'), undefined, { polling: 250, timeout: 180000 });
    const checked = await page.evaluate(() => performance.now());
    // The rest of the grid's rows mount after the first ones: wait until they are all there.
    await page.waitForFunction(() => !document.querySelector('.grid-note[role="status"]'), undefined, { polling: 250, timeout: 180000 });
    await page.waitForTimeout(300);
    const tasks = await page.evaluate(() => window.__longTasks);
    const longest = tasks.reduce((m, t) => Math.max(m, t.duration), 0);
    console.log(
      '   %s-row workbook (%s MB): opened and shown in %s ms, checked %s ms later; longest main-thread task %s (target ≤ 200 ms)',
      ROWS.toLocaleString('en'),
      (fs.statSync(big).size / 2 ** 20).toFixed(1),
      (opened - t0).toFixed(0),
      (checked - opened).toFixed(0),
      // The longtask API reports tasks over 50 ms only.
      tasks.length ? `${longest.toFixed(0)} ms over ${tasks.length} long tasks` : 'under 50 ms (no long task)',
    );
    if (tasks.length) {
      const at = (t) => (t.start < opened ? `open+${(t.start - t0).toFixed(0)}` : t.start < checked ? `check+${(t.start - opened).toFixed(0)}` : `after+${(t.start - checked).toFixed(0)}`);
      console.log('   long tasks: %s', tasks.map((t) => `${t.duration.toFixed(0)} ms at ${at(t)}`).join(', '));
    }
    // Marking every finding (the marks are computed in the worker; the page receives them with the snapshot), then
    // a click on a finding (the selection's snapshot carries the marks too).
    const m0 = await page.evaluate(() => {
      window.__longTasks = [];
      [...document.querySelectorAll('.pane button')].find((b) => b.textContent.trim() === '标注').click();
      return performance.now();
    });
    await page.waitForFunction(() => document.querySelector('td[data-mark]') && /已标注/.test(document.querySelector('.pane')?.textContent || ''), undefined, { polling: 250, timeout: 180000 });
    const marked = await page.evaluate(() => performance.now());
    const markedCount = await page.evaluate(() => (/已标注 ([\d,]+) 个单元格/.exec(document.querySelector('.pane').textContent) || [])[1]);
    await page.evaluate(() => document.querySelector('button[data-finding-rule]').click());
    await page.waitForFunction(() => document.querySelector('td[data-selected="true"]'), undefined, { polling: 250, timeout: 180000 });
    await page.waitForTimeout(300);
    const markTasks = await page.evaluate(() => window.__longTasks);
    console.log(
      '   marking its findings (%s cells) shown in %s ms, then a finding clicked; longest main-thread task %s',
      markedCount || '?',
      (marked - m0).toFixed(0),
      markTasks.length ? `${markTasks.reduce((m, t) => Math.max(m, t.duration), 0).toFixed(0)} ms over ${markTasks.length} long tasks` : 'under 50 ms (no long task)',
    );
    // The fill preview of that check: the plan is built in the worker, the page lists its first changes.
    const f0 = await page.evaluate(() => {
      window.__longTasks = [];
      [...document.querySelectorAll('.pane [role="tab"]')].find((b) => b.textContent.includes('填充')).click();
      return performance.now();
    });
    await page.waitForFunction(() => document.querySelector('tr[data-change-cell]'), undefined, { polling: 250, timeout: 180000 });
    const listed = await page.evaluate(() => performance.now());
    const changes = await page.evaluate(() => (/（(\d+)）/.exec(document.querySelector('.pane table[aria-label]')?.getAttribute('aria-label') || '') || [])[1]);
    await page.waitForTimeout(300);
    const fillTasks = await page.evaluate(() => window.__longTasks);
    console.log(
      '   its fill preview (%s changes): listed %s ms after the tab is opened; longest main-thread task %s',
      changes ? Number(changes).toLocaleString('en') : '?',
      (listed - f0).toFixed(0),
      fillTasks.length ? `${fillTasks.reduce((m, t) => Math.max(m, t.duration), 0).toFixed(0)} ms over ${fillTasks.length} long tasks` : 'under 50 ms (no long task)',
    );
  } finally {
    await context.close();
    server.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
