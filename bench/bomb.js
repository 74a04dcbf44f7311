#!/usr/bin/env node
/**
 * Decompression budget (SPEC §7, issue 9): three hostile packages, each next to a good workbook, checked by the CLI
 * in a child process (wall time and peak RSS). Targets: each refused with its own files[i].error in ≤ 10 s and
 * ≤ 500 MB, the good workbook checked.
 *  a. honest bomb: a ~3 MB file whose worksheet expands to 1.1 GB of rows (declared in the central directory);
 *  b. lying bomb: the same, its central directory claiming 1 MB;
 *  c. cell bomb: 250 MB of XML (under the XML budget) holding 8 million one-digit cells.
 * The files are generated once into out/bench/ (a streaming deflate; about a minute the first time).
 */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const ExcelJS = require('exceljs');
const root = path.join(__dirname, '..');
const dir = path.join(root, 'out', 'bench');

/** A zip with the given entries; `data` may be precompressed ({ deflated, crc, size }). */
function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(8, 8);
    lh.writeUInt32LE(e.crc, 14);
    lh.writeUInt32LE(e.deflated.length, 18);
    lh.writeUInt32LE(e.size, 22);
    lh.writeUInt16LE(name.length, 26);
    locals.push(lh, name, e.deflated);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(8, 10);
    ch.writeUInt32LE(e.crc, 16);
    ch.writeUInt32LE(e.deflated.length, 20);
    ch.writeUInt32LE(e.declaredSize ?? e.size, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(offset, 42);
    centrals.push(ch, name);
    offset += 30 + name.length + e.deflated.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** Deflate a long repetitive stream without holding it (zlib stream fed from a generator). */
async function deflateStream(pieces) {
  const out = [];
  let crc = 0;
  let size = 0;
  const z = zlib.createDeflateRaw({ level: 9, chunkSize: 1 << 20 });
  z.on('data', (c) => out.push(c));
  const done = new Promise((resolve, reject) => {
    z.on('end', resolve);
    z.on('error', reject);
  });
  for (const p of pieces()) {
    crc = zlib.crc32(p, crc);
    size += p.length;
    if (!z.write(p)) await new Promise((r) => z.once('drain', r));
  }
  z.end();
  await done;
  return { deflated: Buffer.concat(out), crc: crc >>> 0, size };
}

function entry(name, text) {
  const raw = Buffer.from(text);
  return { name, deflated: zlib.deflateRawSync(raw), crc: zlib.crc32(raw) >>> 0, size: raw.length };
}

function skeleton(sheetEntry) {
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  return [
    entry('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'),
    entry('_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
    entry('xl/workbook.xml', `<?xml version="1.0"?><workbook ${ns} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="附件3" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    entry('xl/_rels/workbook.xml.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
    { name: 'xl/worksheets/sheet1.xml', ...sheetEntry },
  ];
}

function sheetStream(row, bytes) {
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const head = Buffer.from(`<?xml version="1.0"?><worksheet ${ns}><sheetData>`);
  const tail = Buffer.from('</sheetData></worksheet>');
  const block = Buffer.from(row.repeat(Math.floor((1 << 20) / row.length)));
  const n = Math.ceil(bytes / block.length);
  return function* () {
    yield head;
    for (let i = 0; i < n; i++) yield block;
    yield tail;
  };
}

async function ensure(file, make) {
  if (!fs.existsSync(file)) fs.writeFileSync(file, await make());
  return file;
}

const { runChild: runBenchChild } = require('./child');
const runChild = (args) => runBenchChild(args, { timeout: 120_000 });

async function main() {
  fs.mkdirSync(dir, { recursive: true });
  const good = path.join(dir, 'good-annex3.xlsx');
  if (!fs.existsSync(good)) {
    const { HEADER, makeRows } = require('./data');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('附件3');
    ws.addRow(HEADER);
    for (const r of makeRows(50)) ws.addRow(r);
    await wb.xlsx.writeFile(good);
  }
  const row = '<row><c t="inlineStr"><is><t>伊犁哈萨克自治州</t></is></c><c><v>1</v></c><c><v>2</v></c></row>';
  const GB11 = 1.1e9;
  const bombs = [
    ['a. honest bomb, 1.1 GB of rows', await ensure(path.join(dir, 'bomb-honest.xlsx'), async () => zip(skeleton(await deflateStream(sheetStream(row, GB11)))))],
    ['b. lying bomb, claims 1 MB', await ensure(path.join(dir, 'bomb-lying.xlsx'), async () => zip(skeleton({ ...(await deflateStream(sheetStream(row, GB11))), declaredSize: 1 << 20 })))],
    ['c. cell bomb, 250 MB of 1-digit cells', await ensure(path.join(dir, 'bomb-cells.xlsx'), async () => zip(skeleton(await deflateStream(sheetStream('<row><c><v>1</v></c><c><v>2</v></c><c><v>3</v></c><c><v>4</v></c></row>', 250e6)))))],
  ];
  console.log('\n6. decompression budget: each hostile file next to a good one, `award-tally check bomb good --json`');
  for (const [label, file] of bombs) {
    const r = runChild([path.join(root, 'bin/award-tally.js'), 'check', file, good, '--json']);
    let verdict = `exit ${r.status}`;
    try {
      const rep = JSON.parse(r.stdout);
      const [b, g] = rep.files;
      verdict = `bomb: ${b.error ? b.error.code : 'READ!'}; good: ${g.error ? 'error ' + g.error.code : `${g.tables.length} table(s) checked`}`;
    } catch {
      verdict += ' ' + r.stderr.slice(0, 300);
    }
    const size = (fs.statSync(file).size / 2 ** 20).toFixed(1);
    console.log('   %s (%s MB): %s ms, peak RSS %s MB — %s  (target ≤ 10,000 ms, ≤ 500 MB)', label, size, r.ms.toFixed(0), r.rssMB.toFixed(0), verdict);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
