#!/usr/bin/env node
/**
 * Task-pane figures (issue targets): the gzipped JavaScript taskpane.html loads at start (its initial chunks),
 * and the preview page's time to interactive in Chromium (navigation start → 运行检查 enabled), cold and warm.
 * Builds the production bundle first. Skips the browser part, saying so, when /usr/bin/chromium is absent.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const root = path.join(__dirname, '..');
const DIST = path.join(root, 'dist');
const { initialBundle } = require('./bundle');
const CHROMIUM = '/usr/bin/chromium';

async function timeToInteractive(url) {
  const { chromium } = require('playwright-core');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'award-tally-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1440, height: 1000 },
    locale: 'zh-CN',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const times = [];
  try {
    for (let i = 0; i < 4; i++) {
      await page.goto(url);
      const h = await page.waitForFunction(
        () => {
          const b = [...document.querySelectorAll('button')].find((x) => x.textContent && x.textContent.trim() === '运行检查');
          return b && !b.disabled ? performance.now() : 0;
        },
        undefined,
        { polling: 'raf', timeout: 30000 },
      );
      times.push(await h.jsonValue());
    }
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  return times;
}

async function main() {
  console.log('\n4. task pane bundle and preview page');
  const build = spawnSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) throw new Error('webpack production build failed');
  const pane = initialBundle(DIST, 'taskpane.html');
  console.log('   initial JavaScript of taskpane.html: %s KB gzipped (%s KB raw) [%s]  (target ≤ 200 KB gzipped)', (pane.gzip / 1024).toFixed(1), (pane.raw / 1024).toFixed(1), pane.files.join(', '));
  if (!fs.existsSync(CHROMIUM)) {
    console.log('   time to interactive: skipped, %s is not installed', CHROMIUM);
    return;
  }
  const { startPreviewServer } = require(path.join(root, 'scripts', 'preview-server.js'));
  const { server, url } = await startPreviewServer({ root: DIST, port: 0 });
  try {
    const times = await timeToInteractive(`${url.replace(/\/$/, '')}/preview.html?file=annex3-mistakes.xlsx`);
    console.log('   preview time to interactive: cold %s ms, warm %s ms  (target ≤ 1,500 ms)', times[0].toFixed(0), times.slice(1).map((t) => t.toFixed(0)).join(' / '));
  } finally {
    server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
