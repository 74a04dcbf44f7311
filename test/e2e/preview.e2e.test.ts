/**
 * End to end: the production build's preview page (the real task pane against an in-browser workbook) in
 * Chromium. Opens preview.html?file=annex3-mistakes.xlsx, runs the check, clicks a real finding and checks that
 * the grid selects that cell; marks and clears; confirms a fill in the real dialog. Prints the time to interactive
 * (navigation start → 运行检查 enabled) and the gzipped size of the task pane's first download, and saves
 * out/e2e-preview.png.
 *
 * Needs Debian's chromium at /usr/bin/chromium (or CHROMIUM_PATH); skipped, with the reason printed, without it.
 * Uses the build in dist/ when it is newer than src/, else builds it (E2E_BUILD=1 always rebuilds).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import type { Page } from 'playwright-core';
import { DIST, OUT, ROOT, describeInChromium, ensureBuild, openPreview, type PreviewSession } from './browser';

const EXAMPLE = 'annex3-mistakes.xlsx';
/** Targets (SPEC/brief): first download of the task pane and time to interactive of the preview. */
const BUNDLE_BUDGET_GZIP = 200 * 1024;
const TTI_TARGET_MS = 1500;
const maybe = describeInChromium('preview e2e');

jest.setTimeout(15 * 60 * 1000);

/** The sample workbook in dist/examples/; written here with ExcelJS when examples/ has none. */
async function ensureExample(): Promise<void> {
  const target = path.join(DIST, 'examples', EXAMPLE);
  if (fs.existsSync(target)) return;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const src = path.join(ROOT, 'examples', EXAMPLE);
  if (fs.existsSync(src)) {
    fs.copyFileSync(src, target);
    return;
  }
  const { writeFixture } = await import('./fixture');
  await writeFixture(target);
}

/** Gzipped size of the scripts taskpane.html loads at start (its initial chunks), from the built HTML. */
function initialBundle(html: string): { files: string[]; raw: number; gzip: number } {
  const text = fs.readFileSync(path.join(DIST, html), 'utf8');
  const files = [...text.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/g)].map((m) => m[1]).filter((s) => !/^(https?:)?\/\//.test(s));
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const bytes = fs.readFileSync(path.join(DIST, f));
    raw += bytes.length;
    gzip += zlib.gzipSync(bytes).length;
  }
  return { files, raw, gzip };
}

/** Waits until 运行检查 is enabled; returns that moment and the load milestones, in ms since navigation start. */
async function measureInteractive(page: Page): Promise<{ tti: number; scriptLoaded: number; dcl: number; fcp: number }> {
  const tti = (await page
    .waitForFunction(
      () => {
        const b = [...document.querySelectorAll('button')].find((x) => x.textContent?.trim() === '运行检查');
        return b && !b.disabled ? performance.now() : 0;
      },
      undefined,
      { polling: 'raf' },
    )
    .then((h) => h.jsonValue())) as number;
  const marks = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const js = performance.getEntriesByType('resource').find((r) => /\/preview\.js$/.test(r.name)) as PerformanceResourceTiming | undefined;
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    return { scriptLoaded: js?.responseEnd ?? 0, dcl: nav?.domContentLoadedEventEnd ?? 0, fcp: fcp?.startTime ?? 0 };
  });
  return { tti, ...marks };
}

maybe('preview page in Chromium', () => {
  let session: PreviewSession;
  let base: string;
  let page: Page;
  let pageErrors: string[];
  let tti = 0;

  beforeAll(async () => {
    await ensureBuild('preview e2e');
    await ensureExample();
    session = await openPreview();
    ({ base, page, pageErrors } = session);
  });

  afterAll(async () => {
    await session?.close();
  });

  test('the task pane first download is within budget', () => {
    const pane = initialBundle('taskpane.html');
    const preview = initialBundle('preview.html');
    console.log(
      `initial JavaScript (gzip): taskpane.html ${(pane.gzip / 1024).toFixed(1)} KB [${pane.files.join(', ')}], ` +
        `preview.html ${(preview.gzip / 1024).toFixed(1)} KB; budget ${BUNDLE_BUDGET_GZIP / 1024} KB`,
    );
    expect(pane.files.length).toBeGreaterThan(0);
    expect(pane.gzip).toBeLessThanOrEqual(BUNDLE_BUDGET_GZIP);
  });

  test('opens the example, becomes interactive, runs the check and jumps to a finding', async () => {
    // Time to interactive: navigation start (performance.timeOrigin) → 运行检查 enabled. The first load is cold
    // (empty HTTP and code caches); two warm reloads follow. The breakdown tells network from script time.
    const runs: { tti: number; scriptLoaded: number; dcl: number; fcp: number }[] = [];
    for (let i = 0; i < 3; i++) {
      await page.goto(`${base}preview.html?file=${EXAMPLE}`);
      runs.push(await measureInteractive(page));
    }
    tti = runs[0].tti;
    await page.locator('td[data-cell="A1"]').first().waitFor();
    const gridReady = await page.evaluate(() => performance.now());
    const f = (n: number) => `${n.toFixed(0)} ms`;
    const warm = runs.slice(1).map((r) => r.tti);
    console.log(
      `time to interactive (navigation start → 运行检查 enabled): cold ${f(tti)}, warm ${warm.map(f).join(' / ')} ` +
        `(target ≤ ${TTI_TARGET_MS} ms${tti > TTI_TARGET_MS ? ', cold run OVER TARGET' : ''}; machine load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs)\n` +
        `  cold breakdown: preview.js downloaded ${f(runs[0].scriptLoaded)}, DOMContentLoaded ${f(runs[0].dcl)}, first contentful paint ${f(runs[0].fcp)}; ` +
        `workbook shown in the grid ${f(gridReady)} (after a warm load)`,
    );
    // Timing depends on the machine; E2E_STRICT_TTI=1 turns the target into an assertion.
    if (process.env.E2E_STRICT_TTI === '1') expect(tti).toBeLessThanOrEqual(TTI_TARGET_MS);

    await page.getByRole('button', { name: '运行检查' }).click();
    const checksum = page.locator('button[data-finding-rule="id.checksum"]').first();
    await checksum.waitFor();
    await expect(checksum.textContent()).resolves.toContain('身份证号校验码错误');
    const sheet = (await checksum.getAttribute('data-finding-sheet')) as string;
    const cell = (await checksum.getAttribute('data-finding-cell')) as string;
    expect(cell).toMatch(/^J\d+$/);
    // The counts are shown.
    await expect(page.getByTestId('count-error').textContent()).resolves.toMatch(/^[1-9]\d*错误$/);

    await checksum.click();
    const selected = page.locator('td[data-selected="true"]');
    await selected.waitFor();
    expect(await selected.count()).toBe(1);
    expect(await selected.getAttribute('data-cell')).toBe(cell);
    expect(await page.locator('table.grid').getAttribute('data-sheet')).toBe(sheet);
    await expect(page.getByTestId('name-box').textContent()).resolves.toBe(`${sheet}!${cell}`);
    // Scrolled into view inside the grid.
    const box = await selected.boundingBox();
    const wrap = await page.locator('.grid-wrap').boundingBox();
    expect(box && wrap && box.y >= wrap.y && box.y + box.height <= wrap.y + wrap.height).toBe(true);

    // The screenshot shows the pane from the top (counts, filter, grouped list) beside the selected cell.
    await page.locator('.pane').evaluate((el) => el.scrollTo(0, 0));
    fs.mkdirSync(OUT, { recursive: true });
    await page.screenshot({ path: path.join(OUT, 'e2e-preview.png') });
    expect(pageErrors).toEqual([]);
    expect(tti).toBeGreaterThan(0);
  });

  test('标注 colours the cells with the messages as titles; 清除标注 restores them exactly', async () => {
    const grid = page.locator('table.grid');
    const before = await grid.innerHTML();
    await page.getByRole('button', { name: '标注', exact: true }).click();
    await page.getByText(/已标注 \d+ 个单元格。/).waitFor();
    const marked = page.locator('td[data-mark]');
    expect(await marked.count()).toBeGreaterThan(0);
    const checksumCell = await page.locator('button[data-finding-rule="id.checksum"]').first().getAttribute('data-finding-cell');
    const title = await page.locator(`td[data-cell="${checksumCell}"]`).getAttribute('title');
    expect(title).toContain('身份证号校验码错误');
    expect(await page.locator(`td[data-cell="${checksumCell}"]`).getAttribute('data-mark')).toBe('error');

    await page.getByRole('button', { name: '清除标注' }).click();
    await page.getByText(/已清除 \d+ 个单元格的标注。/).waitFor();
    expect(await marked.count()).toBe(0);
    expect(await grid.innerHTML()).toBe(before);
  });

  test('填充 writes the confirmed changes into the workbook', async () => {
    await page.getByRole('tab', { name: '填充' }).click();
    const firstChange = page.locator('tr[data-change-cell]').first();
    await firstChange.waitFor();
    const cell = (await firstChange.getAttribute('data-change-cell')) as string;
    const after = ((await firstChange.getByTestId('change-after').textContent()) ?? '').trim();
    const apply = page.getByRole('button', { name: /^应用 \d+ 处修改…$/ });
    await apply.click();
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toContain('确认写入修改');
    await dialog.getByRole('button', { name: '确认写入' }).click();
    await page.getByTestId('apply-report').waitFor();
    await expect(page.getByTestId('apply-report').textContent()).resolves.toMatch(/已写入 \d+ 处修改。/);
    await expect(page.locator(`td[data-cell="${cell}"]`).first().textContent()).resolves.toBe(after);
    expect(pageErrors).toEqual([]);
  });
});
