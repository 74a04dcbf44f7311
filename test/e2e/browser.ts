/**
 * What the e2e tests share: the production build (made once, even when several e2e files start together), the
 * preview server and Debian's Chromium driven by playwright-core, with nothing but the local server reachable.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Server } from 'http';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = path.resolve(__dirname, '..', '..');
export const DIST = path.join(ROOT, 'dist');
export const OUT = path.join(ROOT, 'out');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const haveChromium = fs.existsSync(CHROMIUM);
/**
 * The public address the tests' production build is made for (`--env url=…`): its manifest.xml points there.
 * A reserved name (.invalid) that is never fetched.
 */
export const TEST_PUBLIC_URL = 'https://award-tally.invalid/addin/';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startPreviewServer } = require('../../scripts/preview-server.js') as {
  startPreviewServer(o: { root: string; port: number }): Promise<{ server: Server; url: string }>;
};

/** `describe`, or `describe.skip` with the reason printed when Chromium is not installed. */
export function describeInChromium(label: string): jest.Describe {
  if (haveChromium) return describe;
  console.log(`${label} skipped: no Chromium at ${CHROMIUM} (apt-get install -y --no-install-recommends chromium fonts-noto-cjk, or set CHROMIUM_PATH)`);
  return describe.skip;
}

function newestMtime(dir: string): number {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

function buildIsStale(): boolean {
  const preview = path.join(DIST, 'preview.js');
  return (
    !fs.existsSync(path.join(DIST, 'preview.html')) ||
    !fs.existsSync(path.join(DIST, 'taskpane.html')) ||
    !fs.existsSync(preview) ||
    !fs.existsSync(path.join(DIST, 'manifest.xml')) ||
    !fs.readFileSync(path.join(DIST, 'manifest.xml'), 'utf8').includes(TEST_PUBLIC_URL) ||
    fs.statSync(preview).mtimeMs <
      Math.max(
        newestMtime(path.join(ROOT, 'src')),
        newestMtime(path.join(ROOT, 'assets')),
        ...['webpack.config.js', 'manifest.xml', 'scripts/csp.js', 'scripts/public-url.js'].map((f) => fs.statSync(path.join(ROOT, f)).mtimeMs),
      )
  );
}

const LOCK = path.join(ROOT, '.tmp', 'e2e-build.lock');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Build dist/ unless it already holds a production build newer than every source file (E2E_BUILD=1 always
 * rebuilds). A lock directory makes e2e files that start together wait for one build instead of running webpack
 * twice into the same folder (its `clean` would remove the other's output).
 */
export async function ensureBuild(label: string): Promise<void> {
  fs.mkdirSync(path.dirname(LOCK), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      // A lock left by a run that died is older than any build takes.
      if (Date.now() - fs.statSync(LOCK).mtimeMs > 10 * 60 * 1000) fs.rmSync(LOCK, { recursive: true, force: true });
      else await sleep(500);
    }
  }
  try {
    if (process.env.E2E_BUILD !== '1' && !buildIsStale()) return;
    if (process.env.E2E_BUILD === '1' && fs.existsSync(path.join(LOCK, 'built'))) return;
    console.log(`${label}: building (npx webpack --mode production --env url=${TEST_PUBLIC_URL})…`);
    execFileSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production', '--env', `url=${TEST_PUBLIC_URL}`], {
      cwd: ROOT,
      stdio: 'inherit',
    });
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}

export interface PreviewSession {
  base: string;
  context: BrowserContext;
  page: Page;
  pageErrors: string[];
  close(): Promise<void>;
}

/** Serve dist/ on a free port and open a fresh Chromium profile on it; every other address is refused. */
export async function openPreview(): Promise<PreviewSession> {
  const { server, url: base } = await startPreviewServer({ root: DIST, port: 0 });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'award-tally-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1440, height: 1000 },
    locale: 'zh-CN',
  });
  // Nothing but the local server: the page must work offline, and the workbook must never leave it.
  await context.route('**/*', (route) => (route.request().url().startsWith(base) ? route.continue() : route.abort()));
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  return {
    base,
    context,
    page,
    pageErrors,
    async close() {
      await context.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}
