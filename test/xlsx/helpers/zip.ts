/**
 * A minimal zip writer and OLE2 compound-file writer for hand-built test fixtures (raw worksheet XML the
 * ExcelJS writer never produces, encrypted-package look-alikes). Node built-ins only.
 */
import * as zlib from 'zlib';

export function makeZip(entries: { name: string; data: string | Buffer }[], opts: { store?: boolean } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const raw = typeof e.data === 'string' ? Buffer.from(e.data, 'utf8') : e.data;
    const data = opts.store ? raw : zlib.deflateRawSync(raw);
    const method = opts.store ? 0 : 8;
    const crc = zlib.crc32(raw);
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(0x0800, 6); // UTF-8 names
    lh.writeUInt16LE(method, 8);
    lh.writeUInt32LE(crc, 14);
    lh.writeUInt32LE(data.length, 18);
    lh.writeUInt32LE(raw.length, 22);
    lh.writeUInt16LE(name.length, 26);
    locals.push(lh, name, data);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(0x0800, 8);
    ch.writeUInt16LE(method, 10);
    ch.writeUInt32LE(crc, 16);
    ch.writeUInt32LE(data.length, 20);
    ch.writeUInt32LE(raw.length, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(offset, 42);
    centrals.push(ch, name);
    offset += 30 + name.length + data.length;
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

/**
 * An OLE2 compound file (MS-CFB v3, 512-byte sectors) whose directory lists the given stream names. Stream
 * contents are empty: enough for anything that looks at the directory, like the encrypted-package check.
 */
export function makeCfb(streamNames: string[]): Buffer {
  const SECTOR = 512;
  const header = Buffer.alloc(SECTOR, 0);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 0x18); // minor version
  header.writeUInt16LE(3, 0x1a); // major version 3
  header.writeUInt16LE(0xfffe, 0x1c); // byte order
  header.writeUInt16LE(9, 0x1e); // sector shift: 512
  header.writeUInt16LE(6, 0x20); // mini sector shift
  header.writeUInt32LE(1, 0x2c); // FAT sectors
  header.writeUInt32LE(1, 0x30); // first directory sector
  header.writeUInt32LE(0x1000, 0x38); // mini stream cutoff
  header.writeUInt32LE(0xfffffffe, 0x3c); // first mini FAT sector: none
  header.writeUInt32LE(0xfffffffe, 0x44); // first DIFAT sector: none
  for (let i = 0; i < 109; i++) header.writeUInt32LE(0xffffffff, 0x4c + i * 4);
  header.writeUInt32LE(0, 0x4c); // FAT is sector 0
  const fat = Buffer.alloc(SECTOR, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0); // sector 0: FAT
  fat.writeUInt32LE(0xfffffffe, 4); // sector 1: directory, end of chain
  const dir = Buffer.alloc(SECTOR, 0);
  const entry = (i: number, name: string, type: number, child = 0xffffffff, right = 0xffffffff) => {
    const base = i * 128;
    const n = Buffer.from(name + '\0', 'utf16le');
    n.copy(dir, base);
    dir.writeUInt16LE(n.length, base + 0x40);
    dir[base + 0x42] = type;
    dir[base + 0x43] = 1; // black
    dir.writeUInt32LE(0xffffffff, base + 0x44); // left
    dir.writeUInt32LE(right, base + 0x48);
    dir.writeUInt32LE(child, base + 0x4c);
    dir.writeUInt32LE(0xfffffffe, base + 0x74); // start sector: none
  };
  if (streamNames.length > 3) throw new Error('makeCfb: at most 3 streams');
  entry(0, 'Root Entry', 5, streamNames.length ? 1 : 0xffffffff);
  streamNames.forEach((n, i) => entry(i + 1, n, 2, 0xffffffff, i + 2 <= streamNames.length ? i + 2 : 0xffffffff));
  return Buffer.concat([header, fat, dir]);
}

/** A minimal but complete .xlsx package around the given worksheet XML bodies (in tab order unless `order`). */
export function makeXlsx(opts: {
  sheets: { name: string; xml: string }[];
  sharedStrings?: string[];
  /** Raw <si> bodies, appended after `sharedStrings`. */
  sharedStringsXml?: string[];
  /** cellXfs numFmtIds, index = style id; custom formats in numFmts. */
  xfs?: number[];
  numFmts?: { id: number; code: string }[];
  date1904?: boolean;
  /** Zip entry order: 'styles-last' puts styles.xml and sharedStrings.xml after the sheets (as Excel does). */
  order?: 'styles-first' | 'styles-last' | 'strings-first-styles-last';
  /** Sheet part numbers per tab, e.g. [2, 1] to store the first tab in sheet2.xml. */
  partNumbers?: number[];
  /** Store the parts uncompressed (method 0) instead of deflating them. */
  store?: boolean;
}): Buffer {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const parts = opts.partNumbers ?? opts.sheets.map((_, i) => i + 1);
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const rns = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  const contentTypes =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    parts.map((p) => `<Override PartName="/xl/worksheets/sheet${p}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>';
  const rootRels =
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
  const workbook =
    `<?xml version="1.0" encoding="UTF-8"?><workbook ${ns} ${rns}>` +
    (opts.date1904 ? '<workbookPr date1904="1"/>' : '<workbookPr/>') +
    '<sheets>' +
    opts.sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
    '</sheets></workbook>';
  const n = opts.sheets.length;
  const wbRels =
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    parts.map((p, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${p}.xml"/>`).join('') +
    `<Relationship Id="rId${n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
    `<Relationship Id="rId${n + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
  const xfs = opts.xfs ?? [0];
  const styles =
    `<?xml version="1.0" encoding="UTF-8"?><styleSheet ${ns}>` +
    (opts.numFmts?.length ? `<numFmts count="${opts.numFmts.length}">${opts.numFmts.map((f) => `<numFmt numFmtId="${f.id}" formatCode="${esc(f.code)}"/>`).join('')}</numFmts>` : '') +
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${xfs.length}">${xfs.map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"${id ? ' applyNumberFormat="1"' : ''}/>`).join('')}</cellXfs></styleSheet>`;
  const sis = [...(opts.sharedStrings ?? []).map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`), ...(opts.sharedStringsXml ?? [])];
  const sst = `<?xml version="1.0" encoding="UTF-8"?><sst ${ns} count="${sis.length}" uniqueCount="${sis.length}">${sis.join('')}</sst>`;
  const sheetParts = opts.sheets.map((s, i) => ({
    name: `xl/worksheets/sheet${parts[i]}.xml`,
    data: `<?xml version="1.0" encoding="UTF-8"?><worksheet ${ns} ${rns}>${s.xml}</worksheet>`,
  }));
  const head = [
    { name: '[Content_Types].xml', data: contentTypes },
    { name: '_rels/.rels', data: rootRels },
    { name: 'xl/workbook.xml', data: workbook },
    { name: 'xl/_rels/workbook.xml.rels', data: wbRels },
  ];
  const tail = [
    { name: 'xl/styles.xml', data: styles },
    { name: 'xl/sharedStrings.xml', data: sst },
  ];
  const z = { store: opts.store };
  if (opts.order === 'styles-last') return makeZip([...head, ...sheetParts, ...tail], z);
  if (opts.order === 'strings-first-styles-last') return makeZip([...head, tail[1], ...sheetParts, tail[0]], z);
  return makeZip([...head, ...tail, ...sheetParts], z);
}
