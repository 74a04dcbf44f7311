/**
 * Text normalisation shared by header matching and every column check.
 *
 * Counties type the same thing many ways: full-width digits and letters (１２３Ｘ), ideographic spaces, line
 * breaks inside merged header cells (`政治\n面貌`), zero-width characters pasted from web pages, and full-width
 * brackets. Each function here has an ASCII fast path because it runs once per cell on 100,000-row sheets.
 */
import type { CellValue } from './grid';

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;

function isPlainAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x7e || c < 0x21) return false;
  }
  return true;
}

/** Full-width forms (U+FF01–U+FF5E) and the ideographic space to their ASCII counterparts. */
export function toHalfWidth(s: string): string {
  let out = '';
  let changed = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) {
      out += String.fromCharCode(c - 0xfee0);
      changed = true;
    } else if (c === 0x3000) {
      out += ' ';
      changed = true;
    } else out += s[i];
  }
  return changed ? out : s;
}

/** Remove every whitespace and zero-width character (spaces, tabs, line breaks, NBSP, U+3000, U+200B…). */
export function removeSpaces(s: string): string {
  return s.replace(/[\s\u00a0\u3000]+/g, '').replace(ZERO_WIDTH, '');
}

/** Brackets of every width to ASCII round brackets: `（）【】[]〔〕` → `()`. */
export function normalizeBrackets(s: string): string {
  return s.replace(/[（【〔［\[]/g, '(').replace(/[）】〕］\]]/g, ')');
}

/**
 * Compact form used to compare labels and codes: half-width, no whitespace or zero-width characters,
 * brackets unified. `政治\n面貌` → `政治面貌`, `村（居）民委员会` → `村(居)民委员会`.
 */
export function compactText(s: string): string {
  if (isPlainAscii(s)) return s;
  return normalizeBrackets(removeSpaces(toHalfWidth(s)));
}

/** Trimmed display form: zero-width characters removed, NBSP/U+3000 treated as spaces, ends trimmed. */
export function cleanText(s: string): string {
  if (isPlainAscii(s)) return s;
  return s.replace(ZERO_WIDTH, '').replace(/[\u00a0\u3000]/g, ' ').trim();
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

/** Header label match key: compact text, also without a trailing `*` or `（必填）`-style marks. */
export function headerKey(v: CellValue | undefined): string {
  const s = compactText(cellText(v));
  return s.replace(/^\*+|\*+$/g, '').replace(/\((必填|选填)\)$/, '');
}
