/**
 * Text normalisation shared by header matching and every column check.
 *
 * Counties type the same thing many ways: full-width digits and letters (１２３Ｘ), ideographic spaces, line
 * breaks inside merged header cells (`政治\n面貌`), zero-width characters pasted from web pages, and full-width
 * brackets. Each function here is one pass over the characters and returns its input untouched, without
 * allocating, when there is nothing to change: it runs once per cell on 100,000-row sheets.
 */
import type { CellValue } from './grid';

/** Full-width forms (U+FF01–U+FF5E) and the ideographic space to their ASCII counterparts. */
export function toHalfWidth(s: string): string {
  let i = 0;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0xff01 && c <= 0xff5e) || c === 0x3000) break;
  }
  if (i === s.length) return s;
  let out = s.slice(0, i);
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else out += s[i];
  }
  return out;
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x3000 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f;
}
function isZeroWidth(c: number): boolean {
  return (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff;
}

/** Remove every whitespace and zero-width character (spaces, tabs, line breaks, NBSP, U+3000, U+200B…). */
export function removeSpaces(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isSpace(c) || isZeroWidth(c)) {
      out += s.slice(from, i);
      from = i + 1;
    }
  }
  return from === 0 ? s : out + s.slice(from);
}

/** Brackets of every width to ASCII round brackets: `（）【】[]〔〕` → `()`. */
export function normalizeBrackets(s: string): string {
  return s.replace(/[（【〔［\[]/g, '(').replace(/[）】〕］\]]/g, ')');
}

/** The compact form of one character code (see compactText): -1 to drop it, else the code to keep. */
export function compactCode(c: number): number {
  if (c < 0x80) {
    if (c === 91) return 40; // [ → (
    if (c === 93) return 41; // ] → )
    return c === 32 || (c >= 9 && c <= 13) ? -1 : c;
  }
  // Chinese text and most other scripts: nothing between 〕 and the BOM changes. One comparison for them.
  if (c > 0x3015 && c < 0xfeff) return c;
  if (c >= 0xff01 && c <= 0xff5e) return compactCode(c - 0xfee0);
  if (isSpace(c) || isZeroWidth(c)) return -1;
  if (c === 0x3010 || c === 0x3014) return 40; // 【 〔
  if (c === 0x3011 || c === 0x3015) return 41; // 】 〕
  return c;
}

/**
 * Compact form used to compare labels and codes: half-width, no whitespace or zero-width characters,
 * brackets unified. `政治\n面貌` → `政治面貌`, `村（居）民委员会` → `村(居)民委员会`.
 * One pass; a string that is already compact is returned as is, without allocating.
 */
export function compactText(s: string): string {
  const n = s.length;
  let i = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (compactCode(c) !== c) break;
  }
  if (i === n) return s;
  let out = s.slice(0, i);
  for (; i < n; i++) {
    const k = compactCode(s.charCodeAt(i));
    if (k >= 0) out += String.fromCharCode(k);
  }
  return out;
}

/** Trimmed display form: zero-width characters removed, NBSP/U+3000 treated as spaces, ends trimmed. */
export function cleanText(s: string): string {
  const n = s.length;
  if (n === 0) return s;
  let special = false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xa0 && (c === 0xa0 || c === 0x3000 || isZeroWidth(c))) {
      special = true;
      break;
    }
  }
  if (!special) {
    // Nothing inside to replace: the string itself, or — spaces at the ends, as whole columns typed with a
    // trailing space have — the native trim.
    return isSpace(s.charCodeAt(0)) || isSpace(s.charCodeAt(n - 1)) ? s.trim() : s;
  }
  let out = '';
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (isZeroWidth(c)) continue;
    out += c === 0xa0 || c === 0x3000 ? ' ' : s[i];
  }
  return out.trim();
}

/**
 * ASCII letters to lower case, other characters untouched. Unlike `toLowerCase` it returns a string without
 * A–Z as is: Chinese text, the usual case, costs one scan and no allocation.
 */
export function asciiLower(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) return s.toLowerCase();
  }
  return s;
}

/** A cell value as text, the way a person reads it in the sheet (numbers without exponent, dates as ISO). */
export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') {
    if (Number.isInteger(v) && Math.abs(v) >= 1e21) return BigInt(v).toString();
    return String(v);
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) {
    const y = v.getUTCFullYear();
    const m = String(v.getUTCMonth() + 1).padStart(2, '0');
    const d = String(v.getUTCDate()).padStart(2, '0');
    return `${y}-${m}-${d}`;
  }
  return String(v);
}

/** A cell's cleaned text (see cleanText): '' for an empty cell. */
export function cleanCellText(v: CellValue | undefined): string {
  return typeof v === 'string' ? cleanText(v) : v === null || v === undefined ? '' : cleanText(cellText(v));
}

/** Header label match key: compact text, also without a trailing `*` or `（必填）`-style marks. */
export function headerKey(v: CellValue | undefined): string {
  const s = compactText(cellText(v));
  const n = s.length;
  // Marks are rare: test the ends before running the patterns.
  if (n === 0 || (s.charCodeAt(0) !== 42 && s.charCodeAt(n - 1) !== 42 && s.charCodeAt(n - 1) !== 41)) return s;
  return s.replace(/^\*+|\*+$/g, '').replace(/\((必填|选填)\)$/, '');
}

/**
 * The middle dot of Uyghur and Kazakh names as typed (SPEC §3), the characters NAME_DOTS replaces: for hashing
 * names without building their key (first-seen.ts compactLowerHash).
 */
export function isNameDot(c: number): boolean {
  return c === 0xb7 || c === 0x2022 || c === 46 || c === 0xff0e || c === 0x30fb || c === 0x2027 || c === 0xff65 || c === 0x2219 || c === 0x22c5 || c === 0x0387 || c === 0x16eb || c === 0x2e31;
}

/** The middle dots of Uyghur and Kazakh names as typed (· • . ． ・ ‧ ･ ∙ ⋅ and the katakana dot). */
const NAME_DOTS = /[\u00b7\u2022.\uff0e\u30fb\u2027\uff65\u2219\u22c5\u0387\u16eb\u2e31]/g;

/**
 * Match key of a person's or an organisation's name (SPEC §3 name.duplicate, dup.cross-file): compact text, ASCII
 * lower case, and every middle-dot variant as `·` — 努尔艾力·阿不都热合曼 = 努尔艾力.阿不都热合曼 = 努尔艾力 • 阿不都热合曼.
 */
export function nameKey(s: string): string {
  return asciiLower(compactText(s)).replace(NAME_DOTS, '\u00b7');
}
