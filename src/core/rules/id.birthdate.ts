/**
 * id.birthdate — positions 7–14 (15-digit: 7–12) are not a calendar date, or the date is after the form date
 * (填表日期) or today. Years before 1900 are legal (GB 11643-1999's example 440524188001010014); before 1800 is
 * taken for a typing error.
 */
import { formatYMD, hasFormDate, idColumn, ymdNumber } from './id-common';
import type { TableRule } from './rule';

export const rule: TableRule = {
  meta: {
    id: 'id.birthdate',
    severity: 'error',
    kinds: ['annex3.individual'],
    docs: {
      zh: '身份证号中的出生日期须是真实日期，且不晚于填表日期和今天',
      en: 'The birth date in the ID number must be a real date, not after the form date or today',
    },
    messages: {
      notDate: {
        zh: '身份证号中的出生日期 {date} 不是有效日期',
        en: 'Birth date {date} in the ID number is not a real date',
      },
      afterFormDate: {
        zh: '身份证号中的出生日期 {date} 晚于填表日期 {ref}',
        en: 'Birth date {date} in the ID number is after the form date {ref}',
      },
      afterToday: {
        zh: '身份证号中的出生日期 {date} 晚于今天 {ref}',
        en: 'Birth date {date} in the ID number is after today, {ref}',
      },
    },
  },
  check(ctx) {
    // Filled during the row pass: read in `end`.
    const ids = idColumn(ctx);
    return {
      end() {
        // A valid date after the form date is reported against the form date; after today (with no form date, or a
        // form date later than today) against today. Reported in row order, whichever the reason.
        const formDate = hasFormDate(ctx) ? ymdNumber(ctx.referenceDate) : Infinity;
        const today = ymdNumber(ctx.today);
        const latest = Math.min(formDate, today);
        for (let i = 0; i < ids.size; i++) {
          const b = ids.birth[i];
          if (b <= latest && b !== 0 && ids.isValid(i)) continue;
          const p = ids.status(i);
          if (p === 'birthdate') {
            ctx.report({ row: ids.rows[i], col: ids.col, messageId: 'notDate', data: { date: formatYMD(ids.birthYMD(i)) }, fix: null });
          } else if (p === 'ok') {
            if (b > formDate) {
              ctx.report({ row: ids.rows[i], col: ids.col, messageId: 'afterFormDate', data: { date: formatYMD(ids.birthYMD(i)), ref: formatYMD(ctx.referenceDate) }, fix: null });
            } else if (b > today) {
              ctx.report({ row: ids.rows[i], col: ids.col, messageId: 'afterToday', data: { date: formatYMD(ids.birthYMD(i)), ref: formatYMD(ctx.today) }, fix: null });
            }
          }
        }
      },
    };
  },
};
