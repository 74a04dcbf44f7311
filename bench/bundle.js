/** A page's initial JavaScript in the production build: the files its <script src> tags load, raw and gzipped. */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

function initialBundle(dist, html) {
  const text = fs.readFileSync(path.join(dist, html), 'utf8');
  const files = [...text.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/g)].map((m) => m[1]).filter((s) => !/^(https?:)?\/\//.test(s));
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const bytes = fs.readFileSync(path.join(dist, f));
    raw += bytes.length;
    gzip += zlib.gzipSync(bytes).length;
  }
  return { files, raw, gzip };
}

module.exports = { initialBundle };
