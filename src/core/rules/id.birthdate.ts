/**
 * id.birthdate — positions 7–14 (15-digit: 7–12) are not a calendar date, or the date is after the form date
 * (填表日期) or today. Years before 1900 are legal (GB 11643-1999's example 440524188001010014); before 1800 is
 * taken for a typing error.
 */
import { compareYMD, formatYMD, hasFormDate, idCells, validId } from './id-common';
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
    const formDated = hasFormDate(ctx);
    for (const c of idCells(ctx)) {
      if (c.primary === 'birthdate' && c.id) {
        ctx.report({ row: c.row, col: c.col, messageId: 'notDate', data: { date: formatYMD(c.id) }, fix: null });
        continue;
      }
      const id = validId(c);
      if (!id) continue;
      if (formDated && compareYMD(id, ctx.referenceDate) > 0) {
        ctx.report({ row: c.row, col: c.col, messageId: 'afterFormDate', data: { date: formatYMD(id), ref: formatYMD(ctx.referenceDate) }, fix: null });
      } else if (compareYMD(id, ctx.today) > 0) {
        ctx.report({ row: c.row, col: c.col, messageId: 'afterToday', data: { date: formatYMD(id), ref: formatYMD(ctx.today) }, fix: null });
      }
    }
  },
};
