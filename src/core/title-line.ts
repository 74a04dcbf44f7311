/**
 * The lines above a table that are read, not treated as data (SPEC §2, §3 sheet.header-info): the
 * `推荐单位（盖章）：… 填表日期：…年…月…日` line, its dates in every form clerks type, and the category named in a
 * title or sheet name (`…汇总表（商务经济方面）`).
 */
import { cellText, compactText } from './normalize';
import { Sheet, isEmptyValue } from './grid';
import type { TitleInfo, YMD } from './table';

/** Whole row as one compact text (cells joined), for title and signature lines. */
function rowText(sheet: Sheet, row: number): string {
  let s = '';
  for (let c = sheet.left; c < sheet.right; c++) {
    const v = sheet.value(row, c);
    if (!isEmptyValue(v)) s += (s ? ' ' : '') + cellText(v);
  }
  return s;
}

function validYMD(y: number, m: number, d: number): YMD | null {
  if (m < 1 || m > 12 || d < 1) return null;
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[m - 1] ? { y, m, d } : null;
}

const CN_DIGIT: Record<string, number> = { 〇: 0, '○': 0, Ｏ: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 十 → 10, 二十八 → 28, 十二 → 12, 三十一 → 31, 〇三 → 3; NaN when not a number of 1–99. */
function chineseSmall(s: string): number {
  if (s === '') return NaN;
  const ten = s.indexOf('十');
  if (ten < 0) {
    let n = 0;
    for (const ch of s) {
      const d = CN_DIGIT[ch];
      if (d === undefined) return NaN;
      n = n * 10 + d;
    }
    return n;
  }
  const hi = ten === 0 ? 1 : CN_DIGIT[s.slice(0, ten)];
  const rest = s.slice(ten + 1);
  const lo = rest === '' ? 0 : CN_DIGIT[rest];
  return hi === undefined || lo === undefined || rest.length > 1 || ten > 1 ? NaN : hi * 10 + lo;
}

/** `二〇二五年十月二十八日` (〇, ○ or 零) → { 2025, 10, 28 }. */
function parseChineseNumeralDate(s: string): YMD | null {
  const m = /([〇○Ｏ零一二三四五六七八九]{4})年([〇○Ｏ零一二三四五六七八九十]{1,3})月([〇○Ｏ零一二三四五六七八九十]{1,3})日?/.exec(s);
  if (!m) return null;
  let y = 0;
  for (const ch of m[1]) y = y * 10 + CN_DIGIT[ch];
  const mo = chineseSmall(m[2]);
  const d = chineseSmall(m[3]);
  return Number.isNaN(mo) || Number.isNaN(d) ? null : validYMD(y, mo, d);
}

/** An Excel date serial typed in a cell without a date format (45958 = 2025-10-28), 1950–2100 only. */
function serialDate(s: string): YMD | null {
  if (!/^\d{5}(\.0+)?$/.test(s)) return null;
  const n = Math.floor(Number(s));
  if (n < 18264 || n > 73051) return null;
  const d = new Date(Date.UTC(1899, 11, 30) + n * 86400000);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() };
}

/**
 * A date in every form clerks type (SPEC §3 sheet.header-info): 2025年11月3日, 2025-11-03, 2025.11.3, 2025/11/3,
 * 2025年11月3号, full-width digits, 二〇二五年十月二十八日 (〇, ○ or 零), an Excel date (a Date, or its serial number).
 */
export function parseChineseDate(text: string): YMD | null {
  const s = compactText(text);
  const m = /(\d{4})年(\d{1,2})月(\d{1,2})[日号]?/.exec(s) ?? /(\d{4})[-./](\d{1,2})[-./](\d{1,2})/.exec(s);
  if (m) return validYMD(Number(m[1]), Number(m[2]), Number(m[3]));
  return parseChineseNumeralDate(s) ?? serialDate(s);
}

export function parseTitleLine(sheet: Sheet, row: number): TitleInfo | null {
  const text = rowText(sheet, row);
  const compact = compactText(text);
  const hasUnit = compact.includes('推荐单位');
  const hasDate = compact.includes('填表日期');
  if (!hasUnit && !hasDate) return null;
  let col = sheet.left;
  while (col < sheet.right && isEmptyValue(sheet.value(row, col))) col++;
  let recommender: string | null = null;
  if (hasUnit) {
    const m = /推荐单位(?:\((?:盖章|公章)\))?[:：]?(.*?)(?:填表日期|$)/.exec(compact);
    recommender = m && m[1].replace(/[:：]/g, '') ? m[1].replace(/^[:：]+/, '') : null;
  }
  let formDateText: string | null = null;
  if (hasDate) {
    const m = /填表日期[:：]?(.*)$/.exec(compact);
    formDateText = m && m[1] ? m[1] : null;
  }
  // A date cell next to the label arrives as a Date and reads as ISO text.
  const formDate = formDateText ? parseChineseDate(formDateText) : null;
  return { row, col, recommender, formDateText, formDate };
}

const CATEGORY = /[(（]([^()（）]{1,12}方面)[)）]/;
/** Category from a title such as `…先进集体推荐对象汇总表（商务经济方面）`, or a sheet name `商务经济方面`. */
export function categoryFrom(text: string): string | null {
  const s = compactText(text);
  const m = CATEGORY.exec(s) ?? /([^()（）\s、]{2,10}方面)/.exec(s);
  return m ? m[1] : null;
}
