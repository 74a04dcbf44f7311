/**
 * id.format — after normalisation the ID is neither 18 characters `\d{17}[\dX]` (GB 11643-1999) nor a 15-digit
 * first-generation number. See id-common.ts for the precedence among the ID rules.
 */
import { idColumn } from './id-common';
import type { TableRule } from './rule';

/** First character that is neither a digit nor X, or an X that is not last; -1 when there is none. */
function badChar(clean: string): number {
  for (let i = 0; i < clean.length; i++) {
    const c = clean.charCodeAt(i);
    if (c >= 48 && c <= 57) continue;
    if (c === 88 && i === clean.length - 1 && clean.length === 18) continue;
    return i;
  }
  return -1;
}

export const rule: TableRule = {
  meta: {
    id: 'id.format',
    severity: 'error',
    kinds: ['annex3.individual'],
    docs: {
      zh: '身份证号应为 18 位（17 位数字加一位数字或 X），或 15 位数字的一代证',
      en: 'An ID number has 18 characters (17 digits and a digit or X), or 15 digits for a first-generation card',
    },
    messages: {
      length: {
        zh: '身份证号有 {length} 位，应为 18 位（或 15 位一代证）',
        en: 'ID number has {length} characters; expected 18 (or 15 for a first-generation card)',
      },
      character: {
        zh: '身份证号第 {pos} 位“{char}”不是数字；只有第 18 位可以是 X',
        en: 'Character {pos} of the ID number ("{char}") is not a digit; only the 18th may be X',
      },
    },
  },
  check(ctx) {
    // Filled during the row pass: read in `end`.
    const ids = idColumn(ctx);
    return {
      end() {
        for (const i of ids.failed) {
          const p = ids.status(i);
          if (p !== 'length' && p !== 'format') continue;
          const clean = ids.clean(i);
          const at = p === 'format' ? badChar(clean) : -1;
          if (at >= 0) {
            ctx.report({ row: ids.rows[i], col: ids.col, messageId: 'character', data: { pos: at + 1, char: clean[at] }, fix: null });
          } else {
            ctx.report({ row: ids.rows[i], col: ids.col, messageId: 'length', data: { length: clean.length }, fix: null });
          }
        }
      },
    };
  },
};
