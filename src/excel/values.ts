/**
 * Office.js cell arrays → the engine's CellValue, and the byte arithmetic behind chunked requests.
 *
 * Excel returns three parallel arrays per range: `values` (an empty cell is ''), `valueTypes` ('Empty', 'String',
 * 'Double', 'Boolean', 'Error' …) and `numberFormat` (English format codes: 'General', '@', 'yyyy/m/d').
 * Numbers stay numbers — an ID typed as a number has to stay detectable (id.precision-lost, id.stored-as-number) —
 * and become a Date only when the cell's format shows a date.
 */
import type { CellValue } from '../core/grid';

/** True when a number format shows a date or time (y m d h s outside quotes, escapes and [..] sections). */
export function isDateFormat(fmt: unknown): boolean {
  if (typeof fmt !== 'string' || fmt === '' || fmt === 'General' || fmt === '@') return false;
  const bare = fmt
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
  return /[ymdhs]/i.test(bare);
}

/**
 * Excel serial day (1900 date system) → Date at UTC. Serials below 60 precede Excel's phantom 29 February 1900
 * (kept for Lotus 1-2-3 compatibility), so they are one day off the calendar.
 */
export function serialToDate(serial: number): Date {
  const days = serial < 60 ? serial + 1 : serial;
  return new Date(Math.round((days - 25569) * 86400000));
}

/** One cell as the engine sees it. */
export function toCellValue(value: unknown, valueType: string | undefined, numberFormat: unknown): CellValue {
  switch (valueType) {
    case 'Empty':
      return null;
    case 'Error':
      return typeof value === 'string' ? value : String(value);
    case 'Double':
    case 'Integer': {
      const n = typeof value === 'number' ? value : Number(value);
      if (!Number.isFinite(n)) return typeof value === 'string' ? value : null;
      return isDateFormat(numberFormat) ? serialToDate(n) : n;
    }
    case 'Boolean':
      return typeof value === 'boolean' ? value : value === 'TRUE' || value === true;
    case 'String':
      return typeof value === 'string' ? value : String(value);
    default:
      // 'Unknown', 'RichValue' (entities, images in cells) or a host that left valueTypes out: go by the JS type.
      if (value === '' || value === null || value === undefined) return null;
      if (typeof value === 'number') return isDateFormat(numberFormat) ? serialToDate(value) : value;
      if (typeof value === 'boolean' || typeof value === 'string') return value;
      return String(value);
  }
}

/** UTF-8 length of a string without TextEncoder/Buffer (runs in the task pane and under Node). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Bytes of a value once serialised as JSON (what the Office.js wire format carries). */
export function jsonBytes(v: unknown): number {
  return utf8Length(JSON.stringify(v) ?? 'null');
}

/**
 * Writing `values` is like typing: Excel turns `13800138000`, `2024-03-18`, `50%` or `TRUE` into a number, date
 * or boolean in a General cell, and text beginning with = + - @ into a formula (`-张三` → #NAME?, `=HYPERLINK(…)`
 * → a live link). A planned text value that Excel could read that way is written with the leading apostrophe
 * that keeps typed text as text (the apostrophe is not part of the value). Formulas the engine planned go through
 * `Range.formulas` from `CellChange.formula`, never through this function. Numbers go as numbers.
 */
export function typedAsText(after: string | number): string | number {
  if (typeof after !== 'string') return after;
  if (/^[=+\-@]/.test(after)) return `'${after}`;
  const t = after.trim();
  if (t === '') return after;
  if (/^(true|false)$/i.test(t) || /^[-+]?[\d\s.,/:%$¥￥()EeＥ年月日时分秒-]+$/.test(t) || /^'/.test(after)) return `'${after}`;
  return after;
}

/**
 * A planned value for a cell that holds a number now: the engine's fixes are text (`'14'` for a corrected
 * total), and a number typed as text is ignored by SUM, so a plain decimal goes back as a number. Anything else
 * (leading zeros, IDs, units) stays as planned.
 */
export function asNumberFor(after: string | number): string | number {
  if (typeof after !== 'string') return after;
  const t = after.trim();
  if (!/^-?(0|[1-9]\d{0,14})(\.\d+)?$/.test(t)) return after;
  const n = Number(t);
  return Number.isFinite(n) ? n : after;
}
