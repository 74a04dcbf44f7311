/**
 * Small value helpers shared by the streaming reader (read.ts) and the in-memory converter (from-exceljs.ts).
 * No Node imports: the in-memory converter also runs in the task pane.
 */
import type { CellValue } from '../core/grid';

/**
 * Excel escapes control characters in strings as `_xHHHH_` (e.g. `_x000D_` for a carriage return typed with
 * Alt+Enter on Windows); `_x005F_` escapes a literal underscore.
 */
export function decodeOoxmlEscapes(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** Built-in East Asian number formats (ids 27–36, 50–58), all dates or times; not written out in the file. */
const ZH_BUILTIN_FORMATS: Record<number, string> = {
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

/** Standard built-in number formats that are not General (ECMA-376 §18.8.30). */
const BUILTIN_FORMATS: Record<number, string> = {
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy h:mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
  ...ZH_BUILTIN_FORMATS,
};

export function builtinFormat(id: number): string | undefined {
  return BUILTIN_FORMATS[id];
}

/** True when a number format shows a date or time (letters y m d h s outside quotes and brackets). */
export function isDateFormat(fmt: string | null | undefined): boolean {
  if (!fmt || fmt === 'General' || fmt === '@') return false;
  const bare = fmt
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
  return /[ymdhs]/i.test(bare);
}

/** Excel serial day number → Date (UTC midnight-based, as ExcelJS does). */
export function excelSerialToDate(serial: number, date1904: boolean): Date {
  let v = date1904 ? serial + 1462 : serial;
  // The 1900 system counts a 29 February 1900 that never existed (Lotus compatibility): serials before it are
  // one day ahead of the calendar.
  if (!date1904 && serial < 60) v += 1;
  return new Date(Math.round((v - 25569) * 86400000));
}

/** A cell value as ExcelJS models it, reduced to what the engine sees. */
export function fromExcelJsValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'string':
      return decodeOoxmlEscapes(v);
    case 'number':
      return Number.isFinite(v) ? v : null;
    case 'boolean':
      return v;
    case 'object':
      break;
    default:
      return String(v);
  }
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
  const o = v as Record<string, unknown>;
  if (Array.isArray(o.richText)) return decodeOoxmlEscapes(richTextToString(o.richText));
  if ('error' in o && typeof o.error === 'string') return o.error;
  if ('formula' in o || 'sharedFormula' in o) return 'result' in o ? fromExcelJsValue(o.result) : null;
  if ('hyperlink' in o || 'text' in o) return fromExcelJsValue(o.text);
  return null;
}

export function richTextToString(runs: unknown[]): string {
  let s = '';
  for (const r of runs) {
    const t = (r as { text?: unknown })?.text;
    if (typeof t === 'string') s += t;
  }
  return s;
}
