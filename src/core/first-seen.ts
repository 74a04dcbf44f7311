/**
 * Duplicate detection for the duplicate rules (id.duplicate, uscc.duplicate, name.duplicate) on 100,000-row
 * columns: each entry's key is given as a 32-bit hash, collected while the rows are read; `firstOccurrences` then
 * finds, for every entry, the first earlier entry with the same key.
 *
 * Why this shape: probing a hash table while the rows are being read costs a cache miss per row (the rows stream
 * through the cache and push the table out) — measured at about 15 ms per 100,000 names, against about 3 ms for
 * the same table filled afterwards from a compact array of hashes. A bitmap of hash bits first sets
 * aside the entries whose hash bits no other entry shares — almost all of them — so only the rest go through the
 * open-addressing table. Keys are not stored: two entries are compared (`same`) only when their hashes are equal.
 */
import { compactCode, isNameDot } from './normalize';

/** Final avalanche, so that the low bits depend on every input bit. */
function finish(h: number): number {
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h;
}

/** FNV-1a over the UTF-16 code units. */
export function hashString(s: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return finish(h);
}

/**
 * Hash of `asciiLower(compactText(s))` computed in one scan, without building that string: 0 when the compact
 * form is empty, otherwise a non-zero hash. Equal compact forms hash equal (the duplicate key of names).
 */
export function compactLowerHash(s: string): number {
  let h = 0;
  let kept = 0;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    // Common CJK ideographs, digits and lower-case letters first (two comparisons each), then the rest of
    // Chinese text (see compactCode: nothing between 〕 and the BOM changes) and other ASCII are taken as they
    // are; anything else goes through compactCode.
    if (!((c >= 0x4e00 && c <= 0x9fff) || (c >= 48 && c <= 57) || (c >= 97 && c <= 122))) {
      if (c < 0x80 ? c <= 32 || c === 91 || c === 93 || (c >= 65 && c <= 90) : c <= 0x3015 || c >= 0xfeff) {
        c = compactCode(c);
        if (c < 0) continue;
        if (c >= 65 && c <= 90) c += 32;
      }
      // Middle-dot variants of Uyghur and Kazakh names hash as one (nameKey in normalize.ts).
      if (isNameDot(c)) c = 0xb7;
    }
    h = ((h << 5) - h + c) | 0;
    kept++;
  }
  if (kept === 0) return 0;
  h = finish(h);
  return h === 0 ? 1 : h;
}

/** Hash of three 32-bit integers. */
export function hashInts(a: number, b: number, c: number): number {
  let h = Math.imul(a ^ 0x811c9dc5, 0x01000193);
  h = Math.imul(h ^ b, 0x01000193);
  h = Math.imul(h ^ c, 0x01000193);
  return finish(h);
}

/**
 * For each entry i < n that has a key (`has[i]` ≠ 0), the first entry j < i with the same key, else -1 (also -1
 * for entries without a key). `same(j, i)` compares the keys of two entries whose hashes are equal.
 */
export function firstOccurrences(hashes: Int32Array, has: Uint8Array, n: number, same: (j: number, i: number) => boolean): Int32Array {
  const first = new Int32Array(n).fill(-1);
  // Pass 1: which low hash bits occur more than once (16 bits per entry, at most 2^21 bits: 256 KB per map).
  let bits = 1 << 10;
  while (bits < n * 16 && bits < 1 << 21) bits *= 2;
  const once = new Int32Array(bits >>> 5);
  const twice = new Int32Array(bits >>> 5);
  let candidates = 0;
  for (let i = 0; i < n; i++) {
    if (has[i] === 0) continue;
    const b = hashes[i] & (bits - 1);
    const w = b >>> 5;
    const m = 1 << (b & 31);
    if ((once[w] & m) === 0) once[w] |= m;
    else if ((twice[w] & m) === 0) {
      twice[w] |= m;
      candidates += 2;
    } else candidates++;
  }
  if (candidates === 0) return first;
  // Pass 2: only entries whose bits are shared go into the table (entry index + 1 per slot; 0 = empty).
  let cap = 16;
  while (cap < candidates * 2) cap *= 2;
  const slots = new Int32Array(cap);
  const mask = cap - 1;
  for (let i = 0; i < n; i++) {
    if (has[i] === 0) continue;
    const h = hashes[i];
    const b = h & (bits - 1);
    if ((twice[b >>> 5] & (1 << (b & 31))) === 0) continue;
    let p = h & mask;
    for (;;) {
      const s = slots[p];
      if (s === 0) {
        slots[p] = i + 1;
        break;
      }
      const j = s - 1;
      if (hashes[j] === h && same(j, i)) {
        first[i] = j;
        break;
      }
      p = (p + 1) & mask;
    }
  }
  return first;
}
