/**
 * End to end: the 名额 tab of the real task pane on the preview page (production build) in Chromium. Opens
 * preview.html?file=register-faulty.xlsx, tallies it against xj-qc-2019, sees the over-quota region (奎屯市工信局:
 * 5 groups for 4), jumps to a quota finding's cell, inserts the 名额核对 sheet (live COUNTIFS over the register) and
 * saves out/e2e-quota.png.
 *
 * Same conventions as preview.e2e.test.ts: Debian's chromium at /usr/bin/chromium (or CHROMIUM_PATH), skipped with
 * the reason printed without it; the build in dist/ is reused when newer than src/ (E2E_BUILD=1 rebuilds).
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { DIST, OUT, ROOT, describeInChromium, ensureBuild, openPreview, type PreviewSession } from './browser';

const EXAMPLE = 'register-faulty.xlsx';
const maybe = describeInChromium('quota e2e');

jest.setTimeout(15 * 60 * 1000);

maybe('名额 tab in Chromium', () => {
  let session: PreviewSession;
  let base: string;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    await ensureBuild('quota e2e');
    const target = path.join(DIST, 'examples', EXAMPLE);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    if (!fs.existsSync(target)) fs.copyFileSync(path.join(ROOT, 'examples', EXAMPLE), target);
    session = await openPreview();
    ({ base, page, pageErrors } = session);
  });

  afterAll(async () => {
    await session?.close();
  });

  test('tallies the register, marks the over-quota region, jumps to a finding and inserts the 名额核对 sheet', async () => {
    await page.goto(`${base}preview.html?file=${EXAMPLE}`);
    await page.locator('td[data-cell="A1"]').first().waitFor();
    await page.getByRole('tab', { name: /^名额/ }).click();
    await page.getByRole('button', { name: '读取并统计' }).click();
    // The regions to deal with come first (a list: it fits a 320 px pane).
    const problems = page.getByTestId('quota-problems');
    await problems.waitFor();
    const kuitun = problems.locator('li[data-region^="奎屯市"]');
    await expect(kuitun.locator('[data-over="true"]').first().textContent()).resolves.toMatch(/超出 1/);
    expect(await problems.locator('[data-over="true"]').count()).toBeGreaterThan(0);

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
