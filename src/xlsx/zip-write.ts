/**
 * Rewrite a zip package with a few entries replaced or added, copying every other entry's compressed bytes as they
 * are (no inflate, no deflate): marking a 10,000-row merged workbook costs a copy, not a recompression of all of
 * it. No Node API. Entries are written with their sizes in the local header (no data descriptors); packages
 * needing Zip64 (over 4 GB) are refused with ZipError — nothing award-tally writes comes near.
 */
import { deflateSync } from 'fflate';
import { crc32, entryData, readCentralDirectory, ZipError } from './zip';

interface OutEntry {
  name: Uint8Array;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  data: Uint8Array;
}

const LIMIT = 0xffffffff;
const utf8 = new TextEncoder();
/** 1980-01-01 00:00, the earliest DOS date: the same bytes for the same content. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/**
 * The package `src` with `replace` applied: each named entry gets the new content (deflated), entries not in `src`
 * are added at the end; everything else keeps its bytes and its order.
 */
export function repackZip(src: Uint8Array, replace: Record<string, Uint8Array>): Uint8Array {
  const entries = readCentralDirectory(src);
  const pending = new Map(Object.entries(replace));
  const out: OutEntry[] = [];
  const fresh = (name: string, content: Uint8Array): OutEntry => {
    const data = deflateSync(content, { level: 6 });
    return { name: utf8.encode(name), flags: /[^\x20-\x7e]/.test(name) ? 0x800 : 0, method: 8, crc: crc32(content), compressedSize: data.length, size: content.length, data };
  };
  for (const e of entries) {
    const content = pending.get(e.name);
    if (content) {
      pending.delete(e.name);
      out.push(fresh(e.name, content));
    } else {
      if (e.flags & 1) throw new ZipError(`entry ${e.name} is encrypted`);
      out.push({ name: utf8.encode(e.name), flags: e.flags & 0x800, method: e.method, crc: e.crc, compressedSize: e.compressedSize, size: e.size, data: entryData(src, e) });
    }
  }
  for (const [name, content] of pending) out.push(fresh(name, content));

  let total = 22;
  for (const e of out) {
    if (e.size >= LIMIT || e.compressedSize >= LIMIT) throw new ZipError('entry over 4 GB');
    total += 30 + 46 + 2 * e.name.length + e.data.length;
  }
  if (total >= LIMIT || out.length >= 0xffff) throw new ZipError('package over 4 GB or 65,535 entries');
  const buf = new Uint8Array(total);
  const dv = new DataView(buf.buffer);
  const offsets: number[] = [];
  // The fields local and central headers share, in the same order: flags … name length, from `at`.
  const common = (at: number, e: OutEntry) => {
    dv.setUint16(at, e.flags, true);
    dv.setUint16(at + 2, e.method, true);
    dv.setUint16(at + 4, DOS_TIME, true);
    dv.setUint16(at + 6, DOS_DATE, true);
    dv.setUint32(at + 8, e.crc, true);
    dv.setUint32(at + 12, e.compressedSize, true);
    dv.setUint32(at + 16, e.size, true);
    dv.setUint16(at + 20, e.name.length, true);
  };
  let p = 0;
  for (const e of out) {
    offsets.push(p);
    dv.setUint32(p, 0x04034b50, true);
    dv.setUint16(p + 4, 20, true);
    common(p + 6, e);
    // extra length: 0
    buf.set(e.name, p + 30);
    buf.set(e.data, p + 30 + e.name.length);
    p += 30 + e.name.length + e.data.length;
  }
  const cd = p;
  out.forEach((e, i) => {
    dv.setUint32(p, 0x02014b50, true);
    dv.setUint16(p + 4, 20, true);
    dv.setUint16(p + 6, 20, true);
    common(p + 8, e);
    // extra, comment, disk, internal attributes: 0; external attributes: 0; then the local header's offset.
    dv.setUint32(p + 42, offsets[i], true);
    buf.set(e.name, p + 46);
    p += 46 + e.name.length;
  });
  dv.setUint32(p, 0x06054b50, true);
  dv.setUint16(p + 8, out.length, true);
  dv.setUint16(p + 10, out.length, true);
  dv.setUint32(p + 12, p - cd, true);
  dv.setUint32(p + 16, cd, true);
  return buf;
}
