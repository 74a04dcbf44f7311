/**
 * End to end: the 名额 tab of the real task pane on the preview page (production build) in Chromium. Opens
 * preview.html?file=register-faulty.xlsx, tallies it against xj-qc-2019, sees the over-quota region (奎屯市工信局:
 * 5 groups for 4), jumps to a quota finding's cell, inserts the 名额核对 sheet (live COUNTIFS over the register) and
 * saves out/e2e-quota.png.
 *
 * Same conventions as preview.e2e.test.ts: Debian's chromium at /usr/bin/chromium (or CHROMIUM_PATH), skipped with
 * the reason printed without it; the build in dist/ is reused when newer than src/ (E2E_BUILD=1 rebuilds).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Server } from 'http';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

const ROOT = path.resolve(__dirname, '..', '..');
const DIST = path.join(ROOT, 'dist');
const OUT = path.join(ROOT, 'out');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const EXAMPLE = 'register-faulty.xlsx';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startPreviewServer } = require('../../scripts/preview-server.js') as {
  startPreviewServer(o: { root: string; port: number }): Promise<{ server: Server; url: string }>;
};

const haveChromium = fs.existsSync(CHROMIUM);
if (!haveChromium) console.log(`quota e2e skipped: no Chromium at ${CHROMIUM} (apt-get install -y --no-install-recommends chromium fonts-noto-cjk, or set CHROMIUM_PATH)`);
const maybe = haveChromium ? describe : describe.skip;

jest.setTimeout(15 * 60 * 1000);

function newestMtime(dir: string): number {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

function ensureBuild(): void {
  const built = path.join(DIST, 'preview.js');
  const stale =
    process.env.E2E_BUILD === '1' ||
    !fs.existsSync(built) ||
    fs.statSync(built).mtimeMs < Math.max(newestMtime(path.join(ROOT, 'src')), fs.statSync(path.join(ROOT, 'webpack.config.js')).mtimeMs);
  if (!stale) return;
  console.log('quota e2e: building (npx webpack --mode production)…');
  execFileSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production'], { cwd: ROOT, stdio: 'inherit' });
}

maybe('名额 tab in Chromium', () => {
  let server: Server;
  let base: string;
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    ensureBuild();
    const target = path.join(DIST, 'examples', EXAMPLE);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    if (!fs.existsSync(target)) fs.copyFileSync(path.join(ROOT, 'examples', EXAMPLE), target);
    const started = await startPreviewServer({ root: DIST, port: 0 });
    server = started.server;
    base = started.url;
    profile = fs.mkdtempSync(path.join(os.tmpdir(), 'award-tally-e2e-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1440, height: 1000 },
      locale: 'zh-CN',
    });
    await context.route('**/*', (route) => (route.request().url().startsWith(base) ? route.continue() : route.abort()));
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => pageErrors.push(String(e)));
  });

  afterAll(async () => {
    await context?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
  });

  test('tallies the register, marks the over-quota region, jumps to a finding and inserts the 名额核对 sheet', async () => {
    await page.goto(`${base}preview.html?file=${EXAMPLE}`);
    await page.locator('td[data-cell="A1"]').first().waitFor();
    await page.getByRole('tab', { name: /^名额/ }).click();
    await page.getByRole('button', { name: '读取并统计' }).click();
    const table = page.getByRole('table', { name: /按地区/ });
    await table.waitFor();
    const kuitun = table.locator('tr[data-region^="奎屯市"]');
    await expect(kuitun.locator('[data-over="true"]').first().textContent()).resolves.toMatch(/超出 1/);
    expect(await table.locator('[data-over="true"]').count()).toBeGreaterThan(0);

    // A quota finding selects its cell in the grid.
    const finding = page.locator('[data-testid="quota-findings"] li[data-rule="quota.exceeded"] button').first();
    const label = (await finding.textContent()) as string;
    await finding.click();
    const selected = page.locator('td[data-selected="true"]');
    await selected.waitFor();
    expect(label).toContain((await selected.getAttribute('data-cell')) as string);

    // Screenshot of the pane with the tally (before the inserted sheet takes over the grid).
    await page.locator('.pane').evaluate((el) => el.scrollTo(0, 0));
    fs.mkdirSync(OUT, { recursive: true });
    await page.screenshot({ path: path.join(OUT, 'e2e-quota.png') });

    await page.getByRole('button', { name: '插入名额核对表' }).click();
    await page.getByTestId('quota-inserted').waitFor();
    await expect(page.locator('table.grid').getAttribute('data-sheet')).resolves.toBe('名额核对');
    expect(pageErrors).toEqual([]);
  });
});
