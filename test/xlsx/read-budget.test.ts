/**
 * The package reader of read-xlsx.ts: no Node API in its import graph (the browser version and Web Workers use
 * it as it is), fflate inflation with the guarantees of the former zlib reader, and the decompression budget
 * of SPEC §7.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { readWorkbookBytes, DEFAULT_READ_BUDGET } from '../../src/xlsx/read-xlsx';
import { WorkbookReadError } from '../../src/xlsx/errors';
import { crc32, entryText, readCentralDirectory, ZipError } from '../../src/xlsx/zip';
import { makeXlsx, makeZip } from './helpers/zip';

const ROOT = path.join(__dirname, '..', '..');

/** Relative imports of a TypeScript file, resolved to files; bare imports returned as package names. */
function importsOf(file: string): { local: string[]; bare: string[] } {
  const src = fs.readFileSync(file, 'utf8');
  const local: string[] = [];
  const bare: string[] = [];
  const re = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'([^']+)'|require\('([^']+)'\)|import\('([^']+)'\)/g;
  for (let m = re.exec(src); m; m = re.exec(src)) {
    const spec = m[1] ?? m[2] ?? m[3];
    if (spec.startsWith('.')) {
      const base = path.resolve(path.dirname(file), spec);
      const hit = [base + '.ts', base + '.tsx', path.join(base, 'index.ts')].find((p) => fs.existsSync(p));
      if (!hit) throw new Error(`cannot resolve ${spec} from ${file}`);
      local.push(hit);
    } else bare.push(spec);
  }
  return { local, bare };
}

describe('read-xlsx.ts runs without Node', () => {
  test('its whole import graph uses no Node module and no Buffer', () => {
    const seen = new Set<string>();
    const bare = new Set<string>();
    const todo = [path.join(ROOT, 'src/xlsx/read-xlsx.ts')];
    while (todo.length) {
      const f = todo.pop() as string;
      if (seen.has(f)) continue;
      seen.add(f);
      const r = importsOf(f);
      r.bare.forEach((b) => bare.add(b));
      todo.push(...r.local);
      const code = fs.readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      expect({ file: path.relative(ROOT, f), buffer: /\bBuffer\b|\bprocess\./.test(code) }).toEqual({ file: path.relative(ROOT, f), buffer: false });
    }
    expect(seen.size).toBeGreaterThan(4);
    const node = ['fs', 'zlib', 'string_decoder', 'child_process', 'os', 'path', 'stream', 'buffer', 'util', 'crypto', 'exceljs'];
    const bad = [...bare].filter((b) => node.includes(b.replace(/^node:/, '')) || b.startsWith('node:'));
    expect(bad).toEqual([]);
    expect([...bare].sort()).toEqual(['fflate', 'saxes']);
  });
});

describe('zip.ts on fflate', () => {
  test('crc32 agrees with zlib on random data, in one piece and continued over pieces', () => {
    for (const n of [0, 1, 3, 4, 5, 1000, 65537]) {
      const data = new Uint8Array(n).map((_, i) => (i * 2654435761) >>> 24);
      expect(crc32(data)).toBe(zlib.crc32(Buffer.from(data)));
      const half = Math.floor(n / 2);
      expect(crc32(data.subarray(half), crc32(data.subarray(0, half)))).toBe(zlib.crc32(Buffer.from(data)));
    }
  });

  const big = Array.from({ length: 40000 }, (_, i) => `<r>第${i}行·伊犁</r>`).join('');

  test('multi-byte characters split across inflate slices stay whole, deflated and stored', () => {
    for (const store of [false, true]) {
      const zip = makeZip([{ name: 'a.xml', data: big }], { store });
      const [e] = readCentralDirectory(zip);
      const chunks = [...entryText(zip, e)];
      expect(chunks.length).toBeGreaterThan(1);
      expect(chunks.join('')).toBe(big);
      expect(chunks.join('')).not.toContain('\ufffd');
    }
  });

  test('a CRC mismatch, a wrong declared size and a damaged deflate stream are ZipErrors', () => {
    const zip = makeZip([{ name: 'a.xml', data: big }]);
    const crcBad = Buffer.from(zip);
    const cd = crcBad.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    crcBad.writeUInt32LE((crcBad.readUInt32LE(cd + 16) ^ 1) >>> 0, cd + 16);
    expect(() => [...entryText(crcBad, readCentralDirectory(crcBad)[0])]).toThrow(/CRC/);
    const bigger = Buffer.from(zip);
    bigger.writeUInt32LE(bigger.readUInt32LE(cd + 24) + 10, cd + 24);
    expect(() => [...entryText(bigger, readCentralDirectory(bigger)[0])]).toThrow(ZipError);
    const damaged = Buffer.from(zip);
    for (let i = 60; i < 200; i++) damaged[i] = (damaged[i] * 7 + 13) & 0xff;
    expect(() => [...entryText(damaged, readCentralDirectory(damaged)[0])]).toThrow(ZipError);
  });

  test('an entry that inflates past its declared size is stopped at that size, not at its end', () => {
    // 100 MB of zeros deflate to about 100 KB; the central directory claims 1,000 bytes.
    const raw = Buffer.alloc(100 * 1024 * 1024);
    const zip = makeZip([{ name: 'a.xml', data: raw }]);
    const cd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    zip.writeUInt32LE(1000, cd + 24);
    let seen = 0;
    expect(() => {
      for (const _ of entryText(zip, readCentralDirectory(zip)[0], (n) => (seen += n))) void _;
    }).toThrow(/declared 1000 bytes/);
    expect(seen).toBeLessThanOrEqual(1000);
  });
});

describe('decompression budget (SPEC §7)', () => {
  const sheet = (rows: number, cols = 4) =>
    '<sheetData>' +
    Array.from({ length: rows }, (_, r) => `<row r="${r + 1}">${Array.from({ length: cols }, (_, c) => `<c r="${String.fromCharCode(65 + c)}${r + 1}"><v>${r * cols + c}</v></c>`).join('')}</row>`).join('') +
    '</sheetData>';

  async function code(bytes: Uint8Array, budget = DEFAULT_READ_BUDGET): Promise<string> {
    try {
      await readWorkbookBytes(bytes, { name: 'b', budget });
      return 'read';
    } catch (e) {
      expect(e).toBeInstanceOf(WorkbookReadError);
      return (e as WorkbookReadError).code;
    }
  }

  const cases: [string, () => Uint8Array, { maxXmlBytes: number; maxCells: number }, string][] = [
    ['cells under the limit', () => makeXlsx({ sheets: [{ name: 'S', xml: sheet(100) }] }), { maxXmlBytes: 1e7, maxCells: 400 }, 'read'],
    ['one cell past the limit', () => makeXlsx({ sheets: [{ name: 'S', xml: sheet(100) }] }), { maxXmlBytes: 1e7, maxCells: 399 }, 'too-large'],
    ['cells counted over all sheets', () => makeXlsx({ sheets: [{ name: 'S', xml: sheet(60) }, { name: 'T', xml: sheet(60) }] }), { maxXmlBytes: 1e7, maxCells: 400 }, 'too-large'],
    ['XML bytes past the limit', () => makeXlsx({ sheets: [{ name: 'S', xml: sheet(2000) }] }), { maxXmlBytes: 50_000, maxCells: 1e9 }, 'too-large'],
    ['XML bytes under the limit', () => makeXlsx({ sheets: [{ name: 'S', xml: sheet(2000) }] }), { maxXmlBytes: 500_000, maxCells: 1e9 }, 'read'],
  ];
  test.each(cases)('%s', async (_label, make, budget, expected) => {
    expect(await code(make(), budget)).toBe(expected);
  });

  test('the default budget reads a 20,000-row sheet and refuses its declared 300 MB expansion without inflating it', async () => {
    expect(await code(makeXlsx({ sheets: [{ name: 'S', xml: sheet(20000, 6) }] }))).toBe('read');
    // The honest bomb: a 300 MB worksheet of empty rows (deflates to about 300 KB).
    const rows = Buffer.from('<row/>'.repeat(50 * 1024 * 1024));
    const bomb = makeXlsx({ sheets: [{ name: 'S', xml: '<sheetData>' }] });
    const withBomb = replaceEntry(bomb, 'xl/worksheets/sheet1.xml', rows);
    const t = Date.now();
    const err = await readWorkbookBytes(withBomb, { name: 'bomb' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkbookReadError);
    expect((err as WorkbookReadError).code).toBe('too-large');
    expect((err as WorkbookReadError).message).toMatch(/另存为/);
    expect(Date.now() - t).toBeLessThan(2000);
  }, 30_000);
});

/** The package with one entry's content replaced (all others kept). */
function replaceEntry(zip: Buffer, name: string, data: Buffer): Buffer {
  const entries = readCentralDirectory(zip).map((e) => ({
    name: e.name,
    data: e.name === name ? data : Buffer.from([...entryText(zip, e)].join(''), 'utf8'),
  }));
  return makeZip(entries);
}
