#!/usr/bin/env node
/**
 * Serves the production build (dist/) over plain http on localhost, for the preview page (preview.html: the task
 * pane against an in-browser workbook) and the end-to-end test. Node's http module only, no dependencies.
 *
 *   npm run preview                       # build, then serve on http://localhost:3001/
 *   PREVIEW_PORT=8080 node scripts/preview-server.js
 *   node scripts/preview-server.js --port 0   # any free port; the URL is printed
 *
 * Workbooks opened in the page never reach this server: they are read in the browser.
 */
'use strict';
const fs = require('fs');
const http = require('http');
const path = require('path');

const DEFAULT_PORT = 3001;
const DEFAULT_PAGE = '/preview.html?file=annex3-mistakes.xlsx';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * Start serving `root`. Resolves to { server, port, url } once listening.
 * @param {{ root?: string, port?: number, host?: string, log?: (line: string) => void }} [options]
 */
function startPreviewServer(options = {}) {
  const root = path.resolve(options.root || path.join(__dirname, '..', 'dist'));
  const host = options.host || '127.0.0.1';
  const port = options.port === undefined ? DEFAULT_PORT : options.port;
  const log = options.log || (() => undefined);

  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url || '/', 'http://localhost').pathname);
    } catch {
      res.writeHead(400).end('bad request');
      return;
    }
    if (pathname === '/') {
      res.writeHead(302, { Location: DEFAULT_PAGE }).end();
      return;
    }
    // No way out of root: resolve, then insist on the prefix.
    const file = path.resolve(root, '.' + pathname);
    if (file !== root && !file.startsWith(root + path.sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    fs.stat(file, (err, st) => {
      if (err || !st.isFile()) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`not found: ${pathname}`);
        log(`404 ${pathname}`);
        return;
      }
      res.writeHead(200, {
        'Content-Type': TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream',
        'Content-Length': st.size,
        // Hashed chunk names change with their content; the rest must be revalidated after a rebuild.
        'Cache-Control': /\.[0-9a-f]{8}\.js$/.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
        'X-Content-Type-Options': 'nosniff',
      });
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      fs.createReadStream(file).pipe(res);
    });
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const actual = server.address().port;
      resolve({ server, port: actual, url: `http://localhost:${actual}/` });
    });
  });
}

function portFromArgs(argv, env) {
  const i = argv.indexOf('--port');
  const raw = i >= 0 ? argv[i + 1] : env.PREVIEW_PORT || env.PORT;
  if (raw === undefined || raw === '') return DEFAULT_PORT;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    console.error(`Invalid port "${raw}": give a number from 0 to 65535 (0 picks a free port).`);
    process.exit(2);
  }
  return n;
}

if (require.main === module) {
  const root = path.join(__dirname, '..', 'dist');
  if (!fs.existsSync(path.join(root, 'preview.html'))) {
    console.error('dist/preview.html is missing: build first with `npx webpack --mode production` (or `npm run preview`).');
    process.exit(1);
  }
  startPreviewServer({ root, port: portFromArgs(process.argv.slice(2), process.env), log: (l) => console.log(l) })
    .then(({ url }) => {
      console.log(`Preview: ${url}${DEFAULT_PAGE.slice(1)}`);
      console.log('Press Ctrl+C to stop.');
    })
    .catch((e) => {
      console.error(e.code === 'EADDRINUSE' ? `Port in use: ${e.message}. Set PREVIEW_PORT to another port.` : String(e));
      process.exit(1);
    });
}

module.exports = { startPreviewServer, DEFAULT_PORT };
