/**
 * End to end: 汇总 and 公示 in the production build's preview page (the real task pane against the in-browser
 * workbook host) in Chromium. Twelve generated county workbooks and one unreadable file are picked in the pane's
 * file input; they are read, checked and consolidated in the Web Worker; the master sheets, 核查结果 and 名额核对
 * are written into the open workbook; the cross-file duplicate is clicked and the grid selects its master row.
 * Then 公示 builds the notice from the master sheet and every cell of it is scanned for a full ID or mobile.
 * Long main-thread tasks are recorded with PerformanceObserver('longtask') throughout. Screenshots:
 * out/e2e-consolidate.png, out/e2e-notice.png.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { DIST, OUT, describeInChromium, ensureBuild, openPreview, type PreviewSession } from './browser';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const counties = require('../../bench/counties.js') as {
  writeCountyWorkbooks(dir: string, n: number, o?: { people?: number; groups?: number; unreadable?: boolean }): Promise<string[]>;
  SHARED_ID: string;
};

const COUNTIES = 12;
const PEOPLE = 30;
const GROUPS = 3;
const BASE_FILE = 'consolidate-base.xlsx';
const maybe = describeInChromium('consolidate e2e');
jest.setTimeout(15 * 60 * 1000);

/** The secretariat's open workbook: a fixture 附件3 sheet served next to the page. */
async function ensureBase(): Promise<void> {
  const target = path.join(DIST, 'examples', BASE_FILE);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const { writeFixture } = await import('./fixture');
  await writeFixture(target);
}

/** Every cell of a sheet of the preview's workbook, as text (formulas as `=…`); the workbook is in the page's worker. */
async function sheetCells(page: Page, sheet: string): Promise<string[][]> {
  return page.evaluate((name) => (window as unknown as { previewHost: { cells(n: string): Promise<string[][]> } }).previewHost.cells(name), sheet);
}

maybe('汇总 and 公示 in the preview page', () => {
  let session: PreviewSession;
  let page: Page;
  let dir: string;
  let files: string[];

  beforeAll(async () => {
    await ensureBuild('consolidate e2e');
    await ensureBase();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'award-tally-counties-'));
    files = await counties.writeCountyWorkbooks(dir, COUNTIES, { people: PEOPLE, groups: GROUPS, unreadable: true });
    session = await openPreview();
    page = session.page;
    await page.goto(`${session.base}preview.html?file=${BASE_FILE}`);
    await page.locator('td[data-cell="A1"]').first().waitFor();
    // Long tasks of the whole session, from here on.
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({ type: 'longtask', buffered: false });
    });
  });

  afterAll(async () => {
    await session?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('picks the county workbooks, consolidates them in the worker and writes the sheets', async () => {
    await page.getByRole('tab', { name: '汇总' }).click();
    await page.getByTestId('consolidate-files').setInputFiles(files);
    await expect(page.getByTestId('consolidate-picked').textContent()).resolves.toBe(`已选择 ${files.length} 个文件`);
    const t0 = Date.now();
    await page.getByRole('button', { name: `汇总 ${files.length} 个工作簿` }).click();
    await page.getByTestId('consolidate-result').waitFor({ timeout: 5 * 60 * 1000 });
    const ms = Date.now() - t0;

    const summary = (await page.getByTestId('consolidate-summary').textContent()) ?? '';
    expect(summary).toContain(`已汇总 ${COUNTIES} 个工作簿`);
    expect(summary).toContain(`先进个人汇总 ${COUNTIES * PEOPLE} 行`);
    expect(summary).toContain(`先进集体汇总 ${COUNTIES * GROUPS} 行`);
    // The unreadable file is listed with its reason; the others were merged.
    const bad = page.getByTestId('consolidate-unreadable');
    await expect(bad.textContent()).resolves.toMatch(/县99-损坏\.xlsx：该文件不是 Excel 工作簿/);
    // The sheets are in the workbook, in order, after the workbook's own sheet.
    const sheets = await page.evaluate(() => (window as unknown as { previewHost: { getSnapshot(): { sheets: string[] } } }).previewHost.getSnapshot().sheets);
    expect(sheets.slice(-4)).toEqual(['先进集体汇总', '先进个人汇总', '核查结果', '名额核对']);

    const master = await sheetCells(page, '先进个人汇总');
    expect(master.length).toBe(COUNTIES * PEOPLE + 1);
    const h = master[0];
    expect(h).toEqual(expect.arrayContaining(['序号', '来源文件', '来源工作表', '推荐单位', '原行号', '姓名', '身份证号']));
    // County text that looks like a formula stayed text; IDs kept every digit.
    expect(master.some((r) => r.includes('=县级表彰'))).toBe(true);
    const formulaCells = master.flat().filter((v) => v.startsWith('=') && v !== '=县级表彰');
    expect(formulaCells).toEqual([]);
    expect(master.filter((r) => r[h.indexOf('身份证号')] === counties.SHARED_ID).length).toBe(2);
    const tally = await sheetCells(page, '名额核对');
    expect(tally.flat().some((v) => v.includes("'先进个人汇总'!"))).toBe(true);
    console.log(`consolidated ${files.length} files (${COUNTIES} counties × ${PEOPLE} + ${GROUPS} rows) in the preview in ${ms} ms`);
  });

  test('a cross-file duplicate is one click away from its master row', async () => {
    const list = page.getByTestId('consolidate-duplicates');
    await expect(list.textContent()).resolves.toContain('身份证号相同');
    await expect(list.textContent()).resolves.toContain('县02-奎屯市.xlsx');
    const link = list.getByRole('button', { name: /^定位到 先进个人汇总!A\d+$/ }).nth(1);
    const label = (await link.getAttribute('aria-label')) as string;
    const target = label.replace('定位到 ', '');
    await link.click();
    // The workbook is in the page's worker: the selection arrives with its next snapshot.
    await page.waitForFunction((t) => document.querySelector('[data-testid="name-box"]')?.textContent === t, target);
    await expect(page.getByTestId('name-box').textContent()).resolves.toBe(target);
    expect(await page.locator('table.grid').getAttribute('data-sheet')).toBe('先进个人汇总');
    const row = Number(target.replace(/^.*!A/, ''));
    const master = await sheetCells(page, '先进个人汇总');
    expect(master[row - 1]).toContain(counties.SHARED_ID);
    expect(master[row - 1]).toContain('县02-奎屯市.xlsx');
    await page.locator('.pane').evaluate((el) => el.scrollTo(0, 0));
    fs.mkdirSync(OUT, { recursive: true });
    await page.screenshot({ path: path.join(OUT, 'e2e-consolidate.png') });
  });

  test('公示 from the master sheet: masked, and no cell holds a full ID or mobile', async () => {
    await page.getByRole('button', { name: '生成公示名单（当前工作表）' }).click();
    const done = page.getByTestId('notice-done');
    await done.waitFor();
    // The active sheet is the individuals' master sheet (the duplicate's click): its rows only.
    await expect(done.textContent()).resolves.toBe(`已写入工作表“公示-先进个人”（${COUNTIES * PEOPLE} 行）。`);
    const cells = await sheetCells(page, '公示-先进个人');
    const at = cells.findIndex((r) => r && r[0] === '序号');
    const header = cells[at];
    expect(header).toEqual(expect.arrayContaining(['序号', '推荐单位', '姓名', '性别', '身份证号']));
    const idCol = header.indexOf('身份证号');
    expect(cells[at + 1][idCol]).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    expect(cells.length - at - 1).toBe(COUNTIES * PEOPLE);
    const all = cells.flat().filter((v) => v !== undefined).join('\n').replace(/[\s-]/g, '');
    expect(all).not.toMatch(/\d{17}[\dX]/);
    expect(all).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
    expect(all).not.toContain(counties.SHARED_ID);
    await page.locator('.pane').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await page.screenshot({ path: path.join(OUT, 'e2e-notice.png') });
  });

  test('no page error; long main-thread tasks reported', async () => {
    const long = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    const max = long.length ? Math.max(...long) : 0;
    console.log(`long tasks during 汇总 and 公示: ${long.length} (longest ${max.toFixed(0)} ms; target: none over 200 ms)`);
    expect(session.pageErrors).toEqual([]);
    if (process.env.E2E_STRICT_LONGTASK === '1') expect(max).toBeLessThanOrEqual(200);
  });
});
