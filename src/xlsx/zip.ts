/**
 * Just enough zip to read an .xlsx package from memory: the central directory, and each entry as a stream of
 * text chunks, inflated with fflate and checked against its CRC-32. No Node API: the same code runs in the CLI,
 * in a browser page and in a Web Worker.
 *
 * Why not the zip reader inside ExcelJS's streaming WorkbookReader: it stalls forever on a damaged deflate
 * stream (the error is emitted on a stream nobody listens to), and it decodes each chunk as UTF-8 on its own,
 * so a Chinese character split across two chunks turns into U+FFFD. Here the sizes come from the central
 * directory (right even for entries written with data descriptors), errors surface as ZipError, a streaming
 * TextDecoder keeps multi-byte characters whole, and an entry that inflates past its declared size is stopped
 * at once (a "zip bomb" that lies about its sizes never gets the chance to fill the memory).
 */
import { Inflate } from 'fflate';

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export class ZipError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipError';
  }
}

const MAX32 = 0xffffffff;

function view(buf: Uint8Array): DataView {
  return new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
}

function u64(dv: DataView, p: number): number {
  return dv.getUint32(p, true) + dv.getUint32(p + 4, true) * 0x100000000;
}

const utf8 = new TextDecoder('utf-8');

/** Entries from the central directory; throws ZipError when the structure is broken (e.g. truncated). */
export function readCentralDirectory(buf: Uint8Array): ZipEntry[] {
  const EOCD = 0x06054b50;
  if (buf.length < 22) throw new ZipError('too short for a zip file');
  const dv = view(buf);
  const minPos = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let p = buf.length - 22; p >= minPos; p--) {
    if (dv.getUint32(p, true) === EOCD) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('end of central directory not found (truncated file)');
  let count = dv.getUint16(eocd + 10, true);
  let size = dv.getUint32(eocd + 12, true);
  let offset = dv.getUint32(eocd + 16, true);
  if (count === 0xffff || size === MAX32 || offset === MAX32) {
    const loc = eocd - 20;
    if (loc < 0 || dv.getUint32(loc, true) !== 0x07064b50) throw new ZipError('zip64 locator missing');
    const z64 = u64(dv, loc + 8);
    if (z64 + 56 > buf.length || dv.getUint32(z64, true) !== 0x06064b50) throw new ZipError('zip64 end record missing');
    count = u64(dv, z64 + 32);
    size = u64(dv, z64 + 40);
    offset = u64(dv, z64 + 48);
  }
  if (offset + size > buf.length) throw new ZipError('central directory out of bounds (truncated file)');
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || dv.getUint32(p, true) !== 0x02014b50) throw new ZipError('central directory entry damaged');
    const flags = dv.getUint16(p + 8, true);
    const method = dv.getUint16(p + 10, true);
    const crc = dv.getUint32(p + 16, true);
    let compressedSize = dv.getUint32(p + 20, true);
    let uncompressed = dv.getUint32(p + 24, true);
    const nameLen = dv.getUint16(p + 28, true);
    const extraLen = dv.getUint16(p + 30, true);
    const commentLen = dv.getUint16(p + 32, true);
    let localOffset = dv.getUint32(p + 42, true);
    if (p + 46 + nameLen + extraLen > buf.length) throw new ZipError('central directory entry damaged');
    if (uncompressed === MAX32 || compressedSize === MAX32 || localOffset === MAX32) {
      // Zip64 extended information (0x0001): the overflowed fields, in this order.
      let q = p + 46 + nameLen;
      const end = q + extraLen;
      while (q + 4 <= end) {
        const id = dv.getUint16(q, true);
        const len = dv.getUint16(q + 2, true);
        if (id === 1) {
          let f = q + 4;
          if (uncompressed === MAX32 && f + 8 <= end) {
            uncompressed = u64(dv, f);
            f += 8;
          }
          if (compressedSize === MAX32 && f + 8 <= end) {
            compressedSize = u64(dv, f);
            f += 8;
          }
          if (localOffset === MAX32 && f + 8 <= end) localOffset = u64(dv, f);
          break;
        }
        q += 4 + len;
      }
    }
    if (localOffset + 30 > buf.length || dv.getUint32(localOffset, true) !== 0x04034b50) {
      throw new ZipError('local file header missing (damaged file)');
    }
    const name = utf8.decode(buf.subarray(p + 46, p + 46 + nameLen));
    entries.push({ name, method, flags, crc, compressedSize, size: uncompressed, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** The compressed bytes of an entry. */
export function entryData(buf: Uint8Array, e: ZipEntry): Uint8Array {
  const dv = view(buf);
  const lnl = dv.getUint16(e.localOffset + 26, true);
  const lel = dv.getUint16(e.localOffset + 28, true);
  const start = e.localOffset + 30 + lnl + lel;
  if (start + e.compressedSize > buf.length) throw new ZipError(`entry ${e.name} runs past the end of the file`);
  return buf.subarray(start, start + e.compressedSize);
}

// CRC-32 as zip uses it (ISO 3309 / ITU-T V.42: reflected polynomial 0xEDB88320), slicing by 4 bytes.
const CRC_TABLES: Uint32Array[] = (() => {
  const t0 = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t0[n] = c >>> 0;
  }
  const tables = [t0];
  for (let t = 1; t < 4; t++) {
    const prev = tables[t - 1];
    const next = new Uint32Array(256);
    for (let n = 0; n < 256; n++) next[n] = (prev[n] >>> 8) ^ t0[prev[n] & 0xff];
    tables.push(next);
  }
  return tables;
})();

/** CRC-32 of `data`, continuing from `crc` (0 to start). */
export function crc32(data: Uint8Array, crc = 0): number {
  const [t0, t1, t2, t3] = CRC_TABLES;
  let c = ~crc >>> 0;
  let i = 0;
  const n = data.length;
  const end4 = n - (n % 4);
  for (; i < end4; i += 4) {
    c ^= data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24);
    c = t3[c & 0xff] ^ t2[(c >>> 8) & 0xff] ^ t1[(c >>> 16) & 0xff] ^ t0[c >>> 24];
  }
  for (; i < n; i++) c = t0[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

/**
 * Compressed input is fed to the inflater in slices of this size, and the text handed on after each slice:
 * deflate expands at most about 1,032:1, so one slice never yields more than a few megabytes.
 */
const INPUT_SLICE = 16 * 1024;
const TEXT_PIECE = 64 * 1024;

/**
 * The entry's content as UTF-8 text chunks, inflated on the fly. Throws ZipError when the data is damaged:
 * inflate error, wrong size (checked as the bytes come, so a lying entry stops at its declared size) or CRC-32
 * mismatch (checked after the last chunk). `onBytes` sees each chunk's decompressed byte count before its
 * text is handed on (the reader's decompression budget).
 */
export function* entryText(buf: Uint8Array, e: ZipEntry, onBytes?: (n: number) => void): Generator<string> {
  if (e.flags & 1) throw new ZipError(`entry ${e.name} is encrypted`);
  const data = entryData(buf, e);
  const decoder = new TextDecoder('utf-8');
  let crc = 0;
  let total = 0;
  const take = (chunk: Uint8Array): string => {
    total += chunk.length;
    if (total > e.size) throw new ZipError(`entry ${e.name}: more than its declared ${e.size} bytes`);
    onBytes?.(chunk.length);
    crc = crc32(chunk, crc);
    return decoder.decode(chunk, { stream: true });
  };
  if (e.method === 0) {
    for (let i = 0; i < data.length; i += TEXT_PIECE) {
      const text = take(data.subarray(i, Math.min(data.length, i + TEXT_PIECE)));
      if (text) yield text;
    }
  } else if (e.method === 8) {
    let out: Uint8Array[] = [];
    const inflate = new Inflate((chunk) => {
      out.push(chunk);
    });
    for (let i = 0; i < data.length || i === 0; i += INPUT_SLICE) {
      const end = Math.min(data.length, i + INPUT_SLICE);
      try {
        inflate.push(data.subarray(i, end), end >= data.length);
      } catch (err) {
        throw new ZipError(`entry ${e.name}: damaged deflate data (${(err as Error).message})`);
      }
      const chunks = out;
      out = [];
      // Handed on in pieces of at most TEXT_PIECE bytes, so the XML parser's batch of events stays small even
      // where a slice inflates a thousandfold.
      for (const c of chunks) {
        for (let k = 0; k < c.length; k += TEXT_PIECE) {
          const text = take(c.subarray(k, Math.min(c.length, k + TEXT_PIECE)));
          if (text) yield text;
        }
      }
      if (end >= data.length) break;
    }
  } else {
    throw new ZipError(`entry ${e.name}: unsupported compression method ${e.method}`);
  }
  const rest = decoder.decode();
  if (rest) yield rest;
  if (total !== e.size) throw new ZipError(`entry ${e.name}: size ${total}, expected ${e.size}`);
  if (crc >>> 0 !== e.crc >>> 0) throw new ZipError(`entry ${e.name}: CRC mismatch`);
}

/** Find an entry by name; OPC part names are case-insensitive. */
export function findEntry(entries: readonly ZipEntry[], name: string): ZipEntry | undefined {
  const exact = entries.find((e) => e.name === name);
  if (exact) return exact;
  const lower = name.toLowerCase();
  return entries.find((e) => e.name.toLowerCase() === lower);
}
