/**
 * What kind of file is this, from its bytes (never from its extension: counties rename files freely).
 *
 * - OOXML workbooks (.xlsx/.xlsm) are zip packages (`PK\x03\x04`) with `xl/workbook.xml`.
 * - Legacy Excel 97–2003 (.xls, also WPS .et) is an OLE2 compound file (`D0 CF 11 E0 A1 B1 1A E1`) with a
 *   `Workbook` (BIFF8) or `Book` (BIFF5) stream.
 * - A password-protected .xlsx is ALSO an OLE2 compound file (MS-OFFCRYPTO): the encrypted package sits in an
 *   `EncryptedPackage` stream next to an `EncryptionInfo` stream. That is how it is told apart from an .xls.
 *
 * Functions over bytes (Uint8Array); no Node API, so the browser version sniffs the same way.
 */
import { readCentralDirectory } from './zip';

export type FileKind =
  | { kind: 'xlsx'; entries: string[] }
  | { kind: 'xlsb' }
  | { kind: 'zip-other'; entries: string[] }
  | { kind: 'zip-corrupt'; reason: string }
  | { kind: 'xls' }
  | { kind: 'encrypted' }
  | { kind: 'ole2-other'; streams: string[] }
  | { kind: 'zero-bytes' }
  | { kind: 'other' };

const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function isOle2(buf: Uint8Array): boolean {
  if (buf.length < 8) return false;
  for (let i = 0; i < 8; i++) if (buf[i] !== OLE2_MAGIC[i]) return false;
  return true;
}

export function isZip(buf: Uint8Array): boolean {
  // Local file header; an empty zip starts with the end-of-central-directory record instead.
  return buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && ((buf[2] === 3 && buf[3] === 4) || (buf[2] === 5 && buf[3] === 6));
}

export function sniff(buf: Uint8Array): FileKind {
  if (buf.length === 0) return { kind: 'zero-bytes' };
  if (isOle2(buf)) {
    const streams = ole2StreamNames(buf);
    const has = (n: string) => streams.some((s) => s.toLowerCase() === n.toLowerCase());
    if (has('EncryptionInfo') || has('EncryptedPackage')) return { kind: 'encrypted' };
    if (has('Workbook') || has('Book')) return { kind: 'xls' };
    return { kind: 'ole2-other', streams };
  }
  if (isZip(buf)) {
    let names: string[];
    try {
      names = readCentralDirectory(buf).map((e) => e.name);
    } catch (e) {
      return { kind: 'zip-corrupt', reason: (e as Error).message };
    }
    const lower = names.map((n) => n.toLowerCase());
    if (lower.includes('xl/workbook.xml') || (lower.includes('_rels/.rels') && lower.some((n) => /(^|\/)workbook\.xml$/.test(n)))) {
      return { kind: 'xlsx', entries: names };
    }
    if (lower.some((n) => /(^|\/)workbook\.bin$/.test(n))) return { kind: 'xlsb' };
    return { kind: 'zip-other', entries: names };
  }
  return { kind: 'other' };
}

/**
 * Stream and storage names in an OLE2 compound file (MS-CFB): header → FAT (through the DIFAT) → directory chain
 * → 128-byte directory entries with UTF-16LE names. When the structure cannot be followed, falls back to looking
 * for the names that matter as UTF-16LE byte strings anywhere in the file.
 */
export function ole2StreamNames(buf: Uint8Array): string[] {
  try {
    return parseCfbDirectory(buf);
  } catch {
    const found: string[] = [];
    for (const n of ['EncryptionInfo', 'EncryptedPackage', 'Workbook', 'Book']) {
      if (indexOf(buf, utf16le(n)) >= 0) found.push(n);
    }
    return found;
  }
}

function parseCfbDirectory(buf: Uint8Array): string[] {
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const ENDOFCHAIN = 0xfffffffe;
  const sectorShift = dv.getUint16(0x1e, true);
  if (sectorShift !== 9 && sectorShift !== 12) throw new Error('bad sector size');
  const sectorSize = 1 << sectorShift;
  const sectorOffset = (n: number) => (n + 1) * sectorSize;
  const perSector = sectorSize / 4;

  // DIFAT: 109 entries in the header, then a chain of DIFAT sectors (last slot = next DIFAT sector).
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const s = dv.getUint32(0x4c + i * 4, true);
    if (s < 0xfffffffa) fatSectors.push(s);
  }
  let difat = dv.getUint32(0x44, true);
  let guard = 0;
  while (difat < 0xfffffffa && guard++ < 10000) {
    const base = sectorOffset(difat);
    if (base + sectorSize > buf.length) break;
    for (let i = 0; i < perSector - 1; i++) {
      const s = dv.getUint32(base + i * 4, true);
      if (s < 0xfffffffa) fatSectors.push(s);
    }
    difat = dv.getUint32(base + sectorSize - 4, true);
  }
  const fat = (n: number): number => {
    const s = fatSectors[Math.floor(n / perSector)];
    if (s === undefined) throw new Error('FAT sector missing');
    const at = sectorOffset(s) + (n % perSector) * 4;
    if (at + 4 > buf.length) throw new Error('FAT out of bounds');
    return dv.getUint32(at, true);
  };

  const names: string[] = [];
  let sector = dv.getUint32(0x30, true);
  guard = 0;
  while (sector !== ENDOFCHAIN && guard++ < 100000) {
    const base = sectorOffset(sector);
    if (base + sectorSize > buf.length) throw new Error('directory out of bounds');
    for (let e = 0; e < sectorSize; e += 128) {
      const nameLen = dv.getUint16(base + e + 0x40, true);
      const type = buf[base + e + 0x42];
      if (type === 0 || nameLen < 2 || nameLen > 64) continue;
      names.push(UTF16.decode(buf.subarray(base + e, base + e + nameLen - 2)));
    }
    sector = fat(sector);
  }
  if (names.length === 0) throw new Error('empty directory');
  return names;
}

/** First bytes look like text (UTF-8/UTF-16 BOM, or printable ASCII/UTF-8 only): a CSV, HTML or TSV export. */
export function looksLikeText(buf: Uint8Array): boolean {
  if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) return true;
  const n = Math.min(buf.length, 4096);
  for (let i = 0; i < n; i++) {
    const c = buf[i];
    if (c === 0) return false;
    if (c < 0x09 || (c > 0x0d && c < 0x20 && c !== 0x1b)) return false;
  }
  return true;
}

const UTF16 = new TextDecoder('utf-16le');

function utf16le(s: string): Uint8Array {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[2 * i] = c & 0xff;
    out[2 * i + 1] = c >> 8;
  }
  return out;
}

function indexOf(hay: Uint8Array, needle: Uint8Array): number {
  const first = needle[0];
  outer: for (let i = hay.indexOf(first); i >= 0 && i + needle.length <= hay.length; i = hay.indexOf(first, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
