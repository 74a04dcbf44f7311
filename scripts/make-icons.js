#!/usr/bin/env node
'use strict';
/**
 * Draws the add-in icons into assets/: a green rounded square with a white check mark.
 * Node built-ins only: the PNG chunks (IHDR, IDAT, IEND) are written by hand and IDAT is deflated with zlib.
 * The output is deterministic, so re-running it leaves the committed files unchanged.
 *
 *   node scripts/make-icons.js
 */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const GREEN = [0x1e, 0x8e, 0x3e]; // a clear "checked" green, distinct from Excel's own #107C41
const WHITE = [0xff, 0xff, 0xff];

/** name → edge length in px; 16/32/80 for the ribbon, 32/64 for IconUrl/HighResolutionIconUrl, 128 for stores. */
const ICONS = {
  'icon-16.png': 16,
  'icon-32.png': 32,
  'icon-64.png': 64,
  'icon-80.png': 80,
  'icon-128.png': 128,
  'logo-filled.png': 256,
};

// --- PNG encoding (ISO/IEC 15948) -----------------------------------------------------------------

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** rgba: Uint8Array of width*height*4 bytes, straight (not premultiplied) alpha. */
function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  ihdr[10] = 0; // compression: deflate
  ihdr[11] = 0; // filter method 0
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter type None for every scanline
    Buffer.from(rgba.buffer, rgba.byteOffset + y * stride, stride).copy(raw, y * (stride + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// --- drawing, in unit coordinates (0..1), 4×4 supersampling for anti-aliasing -------------------------

function inRoundedSquare(x, y) {
  const inset = 0.03;
  const r = 0.2;
  const lo = inset + r;
  const hi = 1 - inset - r;
  const dx = Math.max(lo - x, 0, x - hi);
  const dy = Math.max(lo - y, 0, y - hi);
  return x >= inset && x <= 1 - inset && y >= inset && y <= 1 - inset && dx * dx + dy * dy <= r * r;
}

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const vx = bx - ax;
  const vy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * vx + (py - ay) * vy) / (vx * vx + vy * vy)));
  return Math.hypot(px - (ax + t * vx), py - (ay + t * vy));
}

const CHECK = [
  [0.26, 0.52],
  [0.43, 0.69],
  [0.75, 0.34],
];
const CHECK_HALF_WIDTH = 0.065;

function inCheck(x, y) {
  return (
    distanceToSegment(x, y, CHECK[0], CHECK[1]) <= CHECK_HALF_WIDTH ||
    distanceToSegment(x, y, CHECK[1], CHECK[2]) <= CHECK_HALF_WIDTH
  );
}

function drawIcon(size) {
  const SS = 4;
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const x = (px + (sx + 0.5) / SS) / size;
          const y = (py + (sy + 0.5) / SS) / size;
          if (!inRoundedSquare(x, y)) continue;
          const colour = inCheck(x, y) ? WHITE : GREEN;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          a += 1;
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        rgba[i] = Math.round(r / a);
        rgba[i + 1] = Math.round(g / a);
        rgba[i + 2] = Math.round(b / a);
        rgba[i + 3] = Math.round((255 * a) / (SS * SS));
      }
    }
  }
  return encodePng(size, size, rgba);
}

function main() {
  const outDir = path.resolve(__dirname, '..', 'assets');
  fs.mkdirSync(outDir, { recursive: true });
  for (const [name, size] of Object.entries(ICONS)) {
    const png = drawIcon(size);
    fs.writeFileSync(path.join(outDir, name), png);
    console.log(`assets/${name}  ${size}×${size}  ${png.length} bytes`);
  }
}

if (require.main === module) main();

module.exports = { encodePng, drawIcon, crc32 };
