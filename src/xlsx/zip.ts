/**
 * Just enough zip to read an .xlsx package from memory (Node only): the central directory, and each entry as a
 * stream of text chunks, inflated with zlib and checked against its CRC-32.
 *
 * Why not the zip reader inside ExcelJS's streaming WorkbookReader: it stalls forever on a damaged deflate
 * stream (the error is emitted on a stream nobody listens to), and it decodes each chunk as UTF-8 on its own,
 * so a Chinese character split across two chunks turns into U+FFFD. Here the sizes come from the central
 * directory (right even for entries written with data descriptors), errors surface as ZipError, and a
 * StringDecoder keeps multi-byte characters whole.
 */
import { StringDecoder } from 'string_decoder';
import * as zlib from 'zlib';

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

/** Entries from the central directory; throws ZipError when the structure is broken (e.g. truncated). */
export function readCentralDirectory(buf: Buffer): ZipEntry[] {
  const EOCD = 0x06054b50;
  if (buf.length < 22) throw new ZipError('too short for a zip file');
  const minPos = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let p = buf.length - 22; p >= minPos; p--) {
    if (buf.readUInt32LE(p) === EOCD) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('end of central directory not found (truncated file)');
  let count = buf.readUInt16LE(eocd + 10);
  let size = buf.readUInt32LE(eocd + 12);
  let offset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || size === MAX32 || offset === MAX32) {
    const loc = eocd - 20;
    if (loc < 0 || buf.readUInt32LE(loc) !== 0x07064b50) throw new ZipError('zip64 locator missing');
    const z64 = Number(buf.readBigUInt64LE(loc + 8));
    if (z64 + 56 > buf.length || buf.readUInt32LE(z64) !== 0x06064b50) throw new ZipError('zip64 end record missing');
    count = Number(buf.readBigUInt64LE(z64 + 32));
    size = Number(buf.readBigUInt64LE(z64 + 40));
    offset = Number(buf.readBigUInt64LE(z64 + 48));
  }
  if (offset + size > buf.length) throw new ZipError('central directory out of bounds (truncated file)');
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw new ZipError('central directory entry damaged');
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    let compressedSize = buf.readUInt32LE(p + 20);
    let uncompressed = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    let localOffset = buf.readUInt32LE(p + 42);
    if (uncompressed === MAX32 || compressedSize === MAX32 || localOffset === MAX32) {
      // Zip64 extended information (0x0001): the overflowed fields, in this order.
      let q = p + 46 + nameLen;
      const end = q + extraLen;
      while (q + 4 <= end) {
        const id = buf.readUInt16LE(q);
        const len = buf.readUInt16LE(q + 2);
        if (id === 1) {
          let f = q + 4;
          if (uncompressed === MAX32) {
            uncompressed = Number(buf.readBigUInt64LE(f));
            f += 8;
          }
          if (compressedSize === MAX32) {
            compressedSize = Number(buf.readBigUInt64LE(f));
            f += 8;
          }
          if (localOffset === MAX32) localOffset = Number(buf.readBigUInt64LE(f));
          break;
        }
        q += 4 + len;
      }
    }
    if (localOffset + 30 > buf.length || buf.readUInt32LE(localOffset) !== 0x04034b50) {
      throw new ZipError('local file header missing (damaged file)');
    }
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    entries.push({ name, method, flags, crc, compressedSize, size: uncompressed, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** The compressed bytes of an entry. */
function entryData(buf: Buffer, e: ZipEntry): Buffer {
  const lnl = buf.readUInt16LE(e.localOffset + 26);
  const lel = buf.readUInt16LE(e.localOffset + 28);
  const start = e.localOffset + 30 + lnl + lel;
  if (start + e.compressedSize > buf.length) throw new ZipError(`entry ${e.name} runs past the end of the file`);
  return buf.subarray(start, start + e.compressedSize);
}

/**
 * The entry's content as UTF-8 text chunks (about 64 KB each), inflated on the fly. Throws ZipError when the
 * data is damaged: inflate error, wrong size or CRC-32 mismatch (checked after the last chunk).
 */
export async function* entryText(buf: Buffer, e: ZipEntry): AsyncGenerator<string> {
  if (e.flags & 1) throw new ZipError(`entry ${e.name} is encrypted`);
  const data = entryData(buf, e);
  const decoder = new StringDecoder('utf8');
  let crc = 0;
  let total = 0;
  if (e.method === 0) {
    for (let i = 0; i < data.length; i += 65536) {
      const chunk = data.subarray(i, Math.min(data.length, i + 65536));
      crc = zlib.crc32(chunk, crc);
      total += chunk.length;
      yield decoder.write(chunk);
    }
  } else if (e.method === 8) {
    const inflate = zlib.createInflateRaw({ chunkSize: 65536 });
    inflate.end(data);
    try {
      for await (const chunk of inflate as AsyncIterable<Buffer>) {
        crc = zlib.crc32(chunk, crc);
        total += chunk.length;
        yield decoder.write(chunk);
      }
    } catch (err) {
      throw new ZipError(`entry ${e.name}: ${(err as Error).message}`);
    }
  } else {
    throw new ZipError(`entry ${e.name}: unsupported compression method ${e.method}`);
  }
  const rest = decoder.end();
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
