/**
 * End to end: the browser version (index.html of the production build) in Chromium, no Excel. Opens two county
 * workbooks through the file picker, checks one, marks, fills, merges both, downloads each result and a blank
 * template, and opens every downloaded file with ExcelJS to check it. Every request the page makes is recorded:
 * only the page's own files (the CSP forbids anything else), and no CSP violation. Then the English UI.
 *
 * Conventions of the other e2e files: Debian's chromium (CHROMIUM_PATH), skipped with the reason printed without
 * it; one browser for the whole file; dist/ reused when newer than src/.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import type { Download, Page } from 'playwright-core';
import { OUT, ROOT, describeInChromium, ensureBuild, openPreview, type PreviewSession } from './browser';

const maybe = describeInChromium('browser version e2e');
jest.setTimeout(15 * 60 * 1000);

const EXAMPLE = path.join(ROOT, 'examples', 'annex3-mistakes.xlsx');

async function load(download: Download): Promise<ExcelJS.Workbook> {
  const file = await download.path();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file as string);
  return wb;
}

maybe('browser version in Chromium', () => {
  let session: PreviewSession;
  let page: Page;
  let base: string;
  const requests: string[] = [];
  const violations: string[] = [];
  let dir: string;

  beforeAll(async () => {
    await ensureBuild('browser version e2e');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'award-tally-bv-'));
    // Two counties' workbooks; the same nominees in both, so the merge finds cross-file duplicates.
    fs.copyFileSync(EXAMPLE, path.join(dir, '甲县.xlsx'));
    fs.copyFileSync(EXAMPLE, path.join(dir, '乙县.xlsx'));
    session = await openPreview();
    ({ page, base } = session);
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    session.context.on('request', (r) => requests.push(r.url()));
    // The requests the page posts to its workbook worker, by op: a check must be asked of the worker, never the grid.
    await session.context.addInitScript(() => {
      const w = window as unknown as { __workerOps: string[] };
      w.__workerOps = [];
      const post = Worker.prototype.postMessage;
      Worker.prototype.postMessage = function (this: Worker, message: unknown, transfer?: unknown) {
        const op = (message as { op?: unknown } | null)?.op;
        if (typeof op === 'string') w.__workerOps.push(op);
        return (post as (m: unknown, t?: unknown) => void).call(this, message, transfer);
      } as typeof Worker.prototype.postMessage;
    });
  });

  /** The ops posted to the workbook worker while `action` runs. */
  async function opsDuring(action: () => Promise<unknown>): Promise<string[]> {
    const before = await page.evaluate(() => (window as unknown as { __workerOps: string[] }).__workerOps.length);
    await action();
    return page.evaluate((n) => (window as unknown as { __workerOps: string[] }).__workerOps.slice(n), before);
  }

  afterAll(async () => {
    await session?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('opens two files from the picker; each has its grid and its own task pane', async () => {
    await page.goto(`${base}index.html`);
    await page.getByText('尚未打开工作簿', { exact: false }).first().waitFor();
    await page.getByTestId('open-files').setInputFiles([path.join(dir, '甲县.xlsx'), path.join(dir, '乙县.xlsx')]);
    await page.locator('button[data-file="甲县.xlsx"]').waitFor();
    await page.locator('button[data-file="乙县.xlsx"]').waitFor();
    // The last opened is shown; its grid is read from the worker.
    await page.locator('td[data-cell="A1"]').first().waitFor();
    expect(await page.locator('button[data-file="乙县.xlsx"]').getAttribute('aria-selected')).toBe('true');
    await page.locator('button[data-file="甲县.xlsx"]').click();
    expect(await page.locator('button[data-file="甲县.xlsx"]').getAttribute('aria-selected')).toBe('true');
  });

  test('checks, marks, and downloads the marked copy', async () => {
    const pane = page.locator('.pane > div:not([hidden])');
    const checksum = pane.locator('button[data-finding-rule="id.checksum"]').first();
    // Read and checked in the worker: the page asks for the check and receives findings, never the grid's cells.
    const ops = await opsDuring(async () => {
      await pane.getByRole('button', { name: '运行检查' }).click();
      await checksum.waitFor();
    });
    expect(ops).toContain('check');
    expect(ops).not.toContain('readGrid');
    const cell = (await checksum.getAttribute('data-finding-cell')) as string;
    const sheet = (await checksum.getAttribute('data-finding-sheet')) as string;
    await checksum.click();
    await page.locator('td[data-selected="true"]').waitFor();
    expect(await page.locator('td[data-selected="true"]').getAttribute('data-cell')).toBe(cell);

    await pane.getByRole('button', { name: '标注', exact: true }).click();
    await pane.getByText(/已标注 \d+ 个单元格。/).waitFor();
    expect(await page.locator(`td[data-cell="${cell}"]`).getAttribute('data-mark')).toBe('error');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载标注副本' }).click()]);
    expect(download.suggestedFilename()).toBe('甲县（标注）.xlsx');
    const wb = await load(download);
    const marked = wb.getWorksheet(sheet)!.getCell(cell);
    expect((marked.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    expect(String(marked.note ? (typeof marked.note === 'string' ? marked.note : marked.note.texts?.map((t) => t.text).join('')) : '')).toContain('id.checksum');
    await expect(page.getByTestId('download-notice').textContent()).resolves.toMatch(/已生成 甲县（标注）\.xlsx（已标注 \d+ 个单元格）/);
  });

  test('fills with preview and confirmation, then downloads the filled workbook', async () => {
    const pane = page.locator('.pane > div:not([hidden])');
    const firstChange = pane.locator('tr[data-change-cell]').first();
    // The fill plan of that check is built in the worker too.
    const ops = await opsDuring(async () => {
      await pane.getByRole('tab', { name: '填充' }).click();
      await firstChange.waitFor();
    });
    expect(ops).toEqual(['fillPlan']);
    const cell = (await firstChange.getAttribute('data-change-cell')) as string;
    const after = ((await firstChange.getByTestId('change-after').textContent()) ?? '').trim();
    await pane.getByRole('button', { name: /^应用 \d+ 处修改…$/ }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: '确认写入' }).click();
    await pane.getByTestId('apply-report').waitFor();
    await expect(page.locator(`td[data-cell="${cell}"]`).first().textContent()).resolves.toBe(after);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载工作簿' }).click()]);
    expect(download.suggestedFilename()).toBe('甲县（已填充）.xlsx');
    const wb = await load(download);
    const sheet = (await page.locator('table.grid').getAttribute('data-sheet')) as string;
    const value = wb.getWorksheet(sheet)!.getCell(cell).value;
    expect(String(value)).toBe(after);
    // The original file on disk is untouched.
    expect(fs.readFileSync(path.join(dir, '甲县.xlsx')).equals(fs.readFileSync(EXAMPLE))).toBe(true);
  });

  test('merges every open file into one master list and downloads it', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '汇总 2 个文件并下载' }).click()]);
    expect(download.suggestedFilename()).toBe('汇总表.xlsx');
    const wb = await load(download);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(['名额核对']));
    const individual = wb.worksheets.find((w) => /个人/.test(w.name));
    expect(individual).toBeDefined();
    // Header + the rows of both files; the source column names each file.
    const sources = new Set<string>();
    individual!.eachRow((row, n) => {
      if (n > 1) row.eachCell((c) => {
        if (c.value === '甲县.xlsx' || c.value === '乙县.xlsx') sources.add(String(c.value));
      });
    });
    expect([...sources].sort()).toEqual(['乙县.xlsx', '甲县.xlsx']);
    // The same nominees in both files: cross-file duplicates are errors.
    await expect(page.getByTestId('download-notice').textContent()).resolves.toMatch(/汇总时发现 [1-9]\d* 个错误/);
  });

  test('downloads the 公示 list with every ID and mobile masked', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载公示名单' }).click()]);
    expect(download.suggestedFilename()).toBe('甲县（公示）.xlsx');
    const wb = await load(download);
    const cells: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => cells.push(String(c.text ?? c.value ?? '')))));
    // Masked IDs are there (first 6 and last 4 kept); no full ID or mobile number in any cell.
    expect(cells.some((v) => /^\d{6}\*{8}[\dX]{4}$/.test(v))).toBe(true);
    expect(cells.filter((v) => /\d{17}[\dXx]|(?<!\d)1[3-9]\d{9}(?!\d)/.test(v))).toEqual([]);
  });

  test('downloads a blank template that keeps checking itself', async () => {
    await page.locator('.downloads select').selectOption('annex3');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载模板' }).click()]);
    expect(download.suggestedFilename()).toBe('附件3 推荐对象汇总表.xlsx');
    const wb = await load(download);
    const ws = wb.worksheets.find((w) => w.state !== 'hidden' && w.state !== 'veryHidden')!;
    const validations = (ws as unknown as { dataValidations: { model: Record<string, { type: string }> } }).dataValidations.model;
    expect(Object.values(validations).map((v) => v.type)).toEqual(expect.arrayContaining(['list']));
  });

  test('every request was for the page’s own files; no CSP violation', async () => {
    await page.screenshot({ path: path.join(OUT, 'e2e-browser-version.png') });
    const foreign = [...new Set(requests)].filter((u) => !u.startsWith(base) && !u.startsWith('blob:') && !u.startsWith('data:'));
    expect(foreign).toEqual([]);
    expect(requests.filter((u) => u.startsWith(base)).length).toBeGreaterThan(3);
    expect(violations).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  });

  test('English UI with ?lang=en', async () => {
    await page.goto(`${base}index.html?lang=en`);
    await page.getByText('Open .xlsx files…').waitFor();
    await expect(page.title()).resolves.toBe('Award Tally · browser version');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  });
});
