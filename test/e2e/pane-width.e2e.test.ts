/**
 * The task pane at a real task pane's width (issue 11 item 5): 320 and 350 px, Chinese and English, every panel
 * with its results shown, in Chromium. No panel may scroll sideways: for every element of the pane, scrollWidth
 * may not exceed clientWidth where it clips or scrolls, and the document may not be wider than the viewport. The
 * pane runs in the preview page (the in-browser workbook host) shown alone, as a task pane shows it; screenshots
 * at 320 px go to out/ (pane-320-<lang>-<panel>.png).
 *
 * Also the old-webview page of taskpane.html (issue 11 item 4): with Internet Explorer 11's or EdgeHTML's user
 * agent or document.documentMode, the plain notice shows and the React pane does not start.
 *
 * One browser for the file (CI time).
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { OUT, describeInChromium, ensureBuild, openPreview, type PreviewSession } from './browser';

jest.setTimeout(300_000);

const maybe = describeInChromium('task pane width e2e');

/** Shows the pane alone, the width of the viewport, as Excel's task pane does. */
const PANE_ONLY = `
  .page { display: block !important; height: auto !important; }
  .sheet-side { display: none !important; }
  .pane { width: 100vw !important; height: 100vh !important; box-shadow: none !important; }
`;

interface Overflow {
  doc: { scroll: number; client: number };
  /** Elements that overflow sideways: a short description and by how many pixels. */
  elements: string[];
}

/** Horizontal overflow of the document and of every element inside the pane. */
async function overflow(page: Page): Promise<Overflow> {
  return page.evaluate(() => {
    const pane = document.querySelector('.pane') as HTMLElement;
    const out: string[] = [];
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.getAttribute('data-testid') ? `[${el.getAttribute('data-testid')}]` : ''}${el.getAttribute('role') ? `[role=${el.getAttribute('role')}]` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    const right = pane.getBoundingClientRect().right;
    for (const el of [pane, ...pane.querySelectorAll('*')]) {
      const e = el as HTMLElement;
      if (!e.offsetParent && e !== pane) continue; // not shown
      const style = getComputedStyle(e);
      // An element that scrolls or clips hides what overflows it: measured by its scroll width.
      if (style.overflowX !== 'visible' && e.scrollWidth > e.clientWidth + 1) out.push(`${describe(e)} scroll ${e.scrollWidth} > ${e.clientWidth}`);
      // Anything drawn past the pane's right edge is cut off.
      const r = e.getBoundingClientRect();
      if (r.width > 0 && r.right > right + 1) out.push(`${describe(e)} right ${Math.round(r.right)} > ${Math.round(right)}`);
    }
    return { doc: { scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }, elements: out };
  });
}

async function expectNoOverflow(page: Page, where: string): Promise<void> {
  const o = await overflow(page);
  expect({ where, ...o }).toEqual({ where, doc: { scroll: o.doc.client, client: o.doc.client }, elements: [] });
}

const T = {
  zh: { check: '检查', fill: '填充', template: '模板', quota: '名额', consolidate: '汇总', run: '运行检查', compute: '读取并计算填充清单', tally: '读取并统计' },
  en: { check: 'Check', fill: 'Fill', template: 'Template', quota: 'Quotas', consolidate: 'Consolidate', run: 'Run check', compute: 'Read and compute the fill list', tally: 'Read and tally' },
};

maybe('task pane at 320 and 350 px', () => {
  let session: PreviewSession;
  let page: Page;

  beforeAll(async () => {
    await ensureBuild('task pane width e2e');
    session = await openPreview();
    page = session.page;
    fs.mkdirSync(OUT, { recursive: true });
  });
  afterAll(async () => {
    await session?.close();
  });

  async function open(file: string, lang: 'zh' | 'en', width: number) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`${session.base}preview.html?file=${file}${lang === 'en' ? '&lang=en' : ''}`);
    await page.addStyleTag({ content: PANE_ONLY });
    await page.waitForFunction(() => !!(window as unknown as { previewHost?: { getSnapshot(): { fileName: string | null } } }).previewHost?.getSnapshot().fileName);
  }
  const tab = (name: string) => page.getByRole('tab', { name: new RegExp(`^${name}`) });
  const shot = async (name: string) => {
    await page.locator('.pane').evaluate((el) => el.scrollTo(0, 0));
    await page.screenshot({ path: path.join(OUT, name), fullPage: false });
  };

  for (const lang of ['zh', 'en'] as const) {
    for (const width of [320, 350]) {
      test(`${lang} at ${width} px: 检查, 填充, 模板, 名额 with results, no horizontal overflow`, async () => {
        const t = T[lang];
        const errors = session.pageErrors.length;
        await open('annex3-mistakes.xlsx', lang, width);
        await expectNoOverflow(page, 'start');
        // The measure catches what it should: an unbreakable line wider than the pane.
        await page.locator('[role=tabpanel]').first().evaluate((el) => {
          const probe = document.createElement('div');
          probe.id = 'probe';
          probe.textContent = '654002199006150266'.repeat(5);
          probe.style.whiteSpace = 'nowrap';
          probe.style.display = 'inline-block';
          el.appendChild(probe);
        });
        expect((await overflow(page)).elements.join('\n')).toMatch(/scroll \d+ > \d+|right \d+ > \d+/);
        await page.locator('#probe').evaluate((el) => el.remove());

        await page.getByRole('button', { name: t.run }).click();
        await page.locator('button[data-finding-rule]').first().waitFor();
        // Rule groups are titled in words, the id beneath.
        const title = await page.getByTestId('rule-title').first().textContent();
        expect(title).not.toMatch(/^[a-z-]+\.[a-z-]+$/);
        await expectNoOverflow(page, `${lang} ${width} 检查`);
        if (width === 320) await shot(`pane-320-${lang}-check.png`);

        await tab(t.fill).click();
        await page.locator('tr[data-change-cell]').first().waitFor();
        await expectNoOverflow(page, `${lang} ${width} 填充`);
        // An 18-digit ID is never broken inside the number, before (full-width digits too) or after the change.
        const ids = page.locator('[data-testid="change-after"], [data-testid="change-before"]', { hasText: /^[\d０-９]{17}[\dXx０-９ｘＸ]$/ });
        expect(await ids.count()).toBeGreaterThan(1);
        // (A flex item: one line when its box is one line-height tall.)
        const lines = await ids.evaluateAll((els) =>
          els.map((el) => `${el.textContent} ${Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight))}`),
        );
        expect(lines.filter((l) => !l.endsWith(' 1'))).toEqual([]);
        await page.getByRole('button', { name: lang === 'zh' ? /^应用 \d+ 处修改…$/ : /^Apply \d+ changes?…$/ }).click();
        await page.getByRole('alertdialog').waitFor();
        await expectNoOverflow(page, `${lang} ${width} 填充 confirmation`);
        if (width === 320) await page.screenshot({ path: path.join(OUT, `pane-320-${lang}-fill-confirm.png`) });
        await page.getByRole('alertdialog').getByRole('button', { name: lang === 'zh' ? '取消' : 'Cancel' }).click();
        await page.getByRole('alertdialog').waitFor({ state: 'detached' });
        if (width === 320) await shot(`pane-320-${lang}-fill.png`);

        await tab(t.template).click();
        await page.getByTestId('template-kinds').waitFor();
        expect(await page.getByTestId('template-kinds').getByRole('radio').count()).toBe(5);
        await expectNoOverflow(page, `${lang} ${width} 模板`);
        if (width === 320) await shot(`pane-320-${lang}-template.png`);

        await tab(t.quota).click();
        await page.getByRole('button', { name: t.tally }).click();
        await page.getByTestId('quota-summary').waitFor();
        await expectNoOverflow(page, `${lang} ${width} 名额`);
        if (width === 320) await shot(`pane-320-${lang}-quota-annex3.png`);

        // 汇总 / 公示 (its own panel): laid out within the width too.
        await tab(t.consolidate).click();
        await page.locator('[role=tabpanel]:not([hidden])').last().waitFor();
        await page.waitForTimeout(300);
        await expectNoOverflow(page, `${lang} ${width} 汇总`);
        if (width === 320) await shot(`pane-320-${lang}-consolidate.png`);
        expect(session.pageErrors.slice(errors)).toEqual([]);
      });
    }

    test(`${lang}: 名额 of a register at 320 px — problems first, empty regions folded, no overflow`, async () => {
      const t = T[lang];
      await open('register-faulty.xlsx', lang, 320);
      await tab(t.quota).click();
      await page.getByRole('button', { name: t.tally }).click();
      const problems = page.getByTestId('quota-problems');
      await problems.waitFor();
      // The answer is at the top of the pane, not 2,500 px down.
      const top = await problems.evaluate((el) => el.getBoundingClientRect().top);
      expect(top).toBeLessThan(900);
      expect(await page.getByTestId('quota-empty').evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false);
      await expectNoOverflow(page, `${lang} 320 名额 register`);
      await shot(`pane-320-${lang}-quota.png`);
      // Unfolded, the list of empty regions wraps inside the pane.
      await page.getByTestId('quota-empty').locator('summary').click();
      await expectNoOverflow(page, `${lang} 320 名额 register unfolded`);
      // 检查 runs with the same award: its quota findings match.
      await tab(t.check).click();
      await page.getByRole('button', { name: t.run }).click();
      await page.locator('button[data-finding-rule]').first().waitFor();
      const inCheck = await page.locator('button[data-finding-rule^="quota."]').count();
      const inQuota = await page.locator('[data-testid="quota-findings"] li').count();
      expect(inCheck).toBe(inQuota);
      await expectNoOverflow(page, `${lang} 320 检查 register`);
    });
  }

  test('a chosen file that cannot be read: the page says what happened and shows no workbook for it', async () => {
    await open('annex3-mistakes.xlsx', 'zh', 1200);
    await page.goto(`${session.base}preview.html?file=annex3-mistakes.xlsx`);
    await page.locator('td[data-cell="A1"]').first().waitFor();
    await page.locator('input[type=file]').setInputFiles({ name: '损坏.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK\u0003\u0004 not really a zip') });
    const alert = page.locator('.load-error');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toMatch(/无法读取“损坏\.xlsx”，未打开任何工作簿。文件已损坏/);
    expect(await page.locator('td[data-cell="A1"]').count()).toBe(0);
    await page.getByRole('button', { name: '运行检查' }).click();
    // The damaged file's tab holds no workbook: a check there says why, in the pane too.
    await expect(page.getByRole('alert').filter({ hasText: '无法读取“损坏.xlsx”' }).first().textContent()).resolves.toContain('未打开任何工作簿');
  });
});

const IE11 = 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko';
const EDGE_HTML = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.17763';
const EDGE_CHROMIUM = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91';

maybe('taskpane.html in an old webview', () => {
  let session: PreviewSession;

  beforeAll(async () => {
    await ensureBuild('old webview e2e');
    session = await openPreview();
  });
  afterAll(async () => {
    await session?.close();
  });

  test.each([
    ['Internet Explorer 11 (user agent)', IE11, false, true],
    ['Internet Explorer 11 (document.documentMode only)', EDGE_CHROMIUM, true, true],
    ['EdgeHTML 18', EDGE_HTML, false, true],
    ['Chromium Edge (WebView2)', EDGE_CHROMIUM, false, false],
  ])('%s → notice shown: %s', async (_label, ua, documentMode, old) => {
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 320, height: 700 });
    await page.addInitScript(
      ([agent, mode]) => {
        Object.defineProperty(Navigator.prototype, 'userAgent', { get: () => agent });
        if (mode) Object.defineProperty(Document.prototype, 'documentMode', { get: () => 11 });
      },
      [ua, documentMode] as const,
    );
    await page.goto(`${session.base}taskpane.html`);
    await page.waitForLoadState('load');
    // Let the deferred bundle run (it must not start the pane in an old webview).
    await page.waitForTimeout(500);
    const notice = page.locator('#old-webview');
    expect(await notice.isVisible()).toBe(old);
    if (old) {
      const text = (await notice.textContent()) ?? '';
      expect(text).toContain('此版本的 Office 无法显示评优汇总核查');
      expect(text).toContain('浏览器版');
      expect(text).toContain('Microsoft 365 或 Office 2021');
      expect(text).toContain('browser version');
      expect(await page.locator('#container').evaluate((el) => el.childElementCount)).toBe(0);
      const o = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect(o.scroll).toBeLessThanOrEqual(o.client);
      await page.screenshot({ path: path.join(OUT, `old-webview-320-${ua === IE11 ? 'ie11' : ua === EDGE_HTML ? 'edgehtml' : 'documentmode'}.png`) });
    }
    await page.close();
  });
});
