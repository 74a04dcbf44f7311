/**
 * Duplicate detection over hash arrays (src/core/first-seen.ts): the first earlier entry with the same key is
 * found whatever the hashes do — including when every hash collides — and the one-scan name hash agrees with the
 * compact form it stands for.
 */
import { compactLowerHash, firstOccurrences, hashInts, hashString } from '../../src/core/first-seen';
import { asciiLower, compactText } from '../../src/core/normalize';

/** Reference: first earlier equal key by a plain Map. */
function expected(keys: (string | null)[]): number[] {
  const seen = new Map<string, number>();
  return keys.map((k, i) => {
    if (k === null) return -1;
    const f = seen.get(k);
    if (f === undefined) {
      seen.set(k, i);
      return -1;
    }
    return f;
  });
}

function run(keys: (string | null)[], hash: (k: string) => number): number[] {
  const n = keys.length;
  const hashes = new Int32Array(n);
  const has = new Uint8Array(n);
  keys.forEach((k, i) => {
    if (k === null) return;
    has[i] = 1;
    hashes[i] = hash(k);
  });
  return Array.from(firstOccurrences(hashes, has, n, (a, b) => keys[a] === keys[b]));
}

describe('firstOccurrences', () => {
  const keys: (string | null)[] = ['a', 'b', null, 'a', 'c', 'b', 'a', null, 'd', 'c'];

  it.each([
    ['string hash', hashString],
    ['every hash the same', () => 7],
    ['two hashes only', (k: string) => k.charCodeAt(0) & 1],
  ])('finds the first occurrence of every key (%s)', (_, hash) => {
    expect(run(keys, hash)).toEqual(expected(keys));
  });

  it('agrees with a Map on 20,000 keys drawn from 5,000', () => {
    let seed = 1;
    const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const many = Array.from({ length: 20000 }, () => (rnd() < 0.05 ? null : `k${Math.floor(rnd() * 5000)}`));
    expect(run(many, hashString)).toEqual(expected(many));
  });

  it('returns -1 everywhere for an empty or key-less column', () => {
    expect(run([], hashString)).toEqual([]);
    expect(run([null, null], hashString)).toEqual([-1, -1]);
  });
});

describe('compactLowerHash', () => {
  it.each([
    ['张三', '张 三'],
    ['张三', '\u200b张三\u3000'],
    ['ABC公司', 'abc公司'],
    ['ＡＢＣ公司', 'abc公司'],
    ['示例（有限）公司', '示例(有限)公司'],
    ['【示例】', '(示例)'],
  ])('%j and %j hash alike', (a, b) => {
    expect(compactLowerHash(a)).toBe(compactLowerHash(b));
    expect(asciiLower(compactText(a))).toBe(asciiLower(compactText(b)));
  });

  it.each(['', ' ', '\u200b\u3000\n'])('is 0 for %j, whose compact form is empty', (s) => {
    expect(compactLowerHash(s)).toBe(0);
  });

  it('tells different names apart', () => {
    const names = Array.from({ length: 1000 }, (_, i) => `测试${i}`);
    expect(new Set(names.map(compactLowerHash)).size).toBe(1000);
  });
});

describe('hashInts', () => {
  it('depends on each argument', () => {
    const base = hashInts(654002, 19900101, 123);
    expect(hashInts(654003, 19900101, 123)).not.toBe(base);
    expect(hashInts(654002, 19900102, 123)).not.toBe(base);
    expect(hashInts(654002, 19900101, 124)).not.toBe(base);
    expect(hashInts(654002, 19900101, 123)).toBe(base);
  });
});
