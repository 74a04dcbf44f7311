'use strict';
/**
 * The Content-Security-Policy of every page the build emits (SPEC §1: data never leaves the machine).
 *
 * Scripts come only from the page's own origin and, for the pages that run inside Office, from Office.js's CDN;
 * `connect-src 'self'` lets a page fetch its own files (examples, lazy chunks) and nothing else, so no county
 * data can be sent anywhere even through a bug. The policy is written into each HTML file as a
 * `<meta http-equiv="Content-Security-Policy">` (it then holds on any static server, even one that sets no
 * header); README §部署 gives the same policy as a response header for nginx and IIS.
 *
 * - style-src needs 'unsafe-inline': Fluent UI (Griffel) inserts its styles at run time. A style cannot send a
 *   request anywhere img-src/font-src do not allow.
 * - An inline <script> (the old-webview check of the task pane) is allowed by its SHA-256 hash, computed here
 *   from the built file, never by 'unsafe-inline'.
 * - No 'unsafe-eval': the production bundles are built with devtool 'source-map' (no eval).
 */
const crypto = require('crypto');

/** Microsoft's CDN for Office.js (office.js itself and the files it loads). */
const OFFICE_JS_ORIGIN = 'https://appsforoffice.microsoft.com';

/**
 * @param {{ office: boolean, dev?: boolean, inlineScripts?: string[] }} page
 *   office: the page loads Office.js (taskpane.html, commands.html); dev: the webpack dev server's hot reload
 *   needs its websocket; inlineScripts: bodies of the page's inline scripts (hashed).
 * @returns {string}
 */
function policy({ office, dev = false, inlineScripts = [] }) {
  const hashes = inlineScripts.map((s) => `'sha256-${crypto.createHash('sha256').update(s, 'utf8').digest('base64')}'`);
  const directives = [
    ["default-src", "'self'"],
    ['script-src', "'self'", ...(office ? [OFFICE_JS_ORIGIN] : []), ...hashes],
    ['worker-src', "'self'"],
    ['connect-src', "'self'", ...(dev ? ['wss://localhost:*', 'ws://localhost:*'] : [])],
    ['style-src', "'self'", "'unsafe-inline'"],
    ['img-src', "'self'", 'data:', 'blob:'],
    ['font-src', "'self'", 'data:'],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'none'"],
  ];
  return directives.map((d) => d.join(' ')).join('; ');
}

/** Bodies of the inline <script> elements of an HTML document (those without src). */
function inlineScripts(html) {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter((m) => !/\bsrc\s*=/.test(m[1]) && m[2].trim() !== '' && !/type\s*=\s*["']?application\/(ld\+)?json/i.test(m[1]))
    .map((m) => m[2]);
}

/** Parses a policy string into { directive: [sources] } (tests and the build check read it back). */
function parsePolicy(text) {
  const out = {};
  for (const part of text.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out[name] = sources;
  }
  return out;
}

/** Puts the policy's meta element first in <head>, after the charset declaration. */
function withPolicy(html, page) {
  if (/http-equiv=["']?Content-Security-Policy/i.test(html)) throw new Error('page already has a Content-Security-Policy meta element');
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy({ ...page, inlineScripts: inlineScripts(html) })}" />`;
  const charset = /<meta\s+charset=[^>]*>/i.exec(html);
  if (charset) return html.slice(0, charset.index + charset[0].length) + meta + html.slice(charset.index + charset[0].length);
  const head = /<head[^>]*>/i.exec(html);
  if (!head) throw new Error('page has no <head>');
  return html.slice(0, head.index + head[0].length) + meta + html.slice(head.index + head[0].length);
}

/**
 * Webpack plugin: adds the policy to every .html page of the build. It runs on the finished assets (the last
 * processAssets stage), after HtmlWebpackPlugin has minified them, so inline scripts are hashed as served.
 * `office(filename)` says whether the page loads Office.js.
 */
class CspPlugin {
  constructor({ office, dev = false }) {
    this.office = office;
    this.dev = dev;
  }
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('CspPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'CspPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }, (assets) => {
        for (const name of Object.keys(assets)) {
          if (!name.endsWith('.html')) continue;
          const html = assets[name].source().toString();
          compilation.updateAsset(name, new sources.RawSource(withPolicy(html, { office: this.office(name), dev: this.dev })));
        }
      });
    });
  }
}

module.exports = { policy, parsePolicy, inlineScripts, withPolicy, CspPlugin, OFFICE_JS_ORIGIN };
