/**
 * id.gender-mismatch — 性别 says 男 or 女 and digit 17 of a valid ID (15-digit: digit 15) says otherwise
 * (GB 11643-1999: odd for men, even for women). Reported at the 性别 cell. Not fixable: fill derives 性别 from
 * the ID, but a conflicting value typed by the user is reported, never replaced; `fix` names the value the ID
 * implies. Other 性别 values are gender.invalid's business.
 */
import { compactText } from '../normalize';
import { idCells, validId } from './id-common';
import type { TableRule } from './rule';

const GENDER: Record<string, '男' | '女'> = { 男: '男', 女: '女', 男性: '男', 女性: '女' };

export const rule: TableRule = {
  meta: {
    id: 'id.gender-mismatch',
    severity: 'error',
    kinds: ['annex3.individual'],
    docs: {
      zh: '性别须与身份证号第 17 位一致（奇数为男，偶数为女）',
      en: 'Gender must agree with digit 17 of the ID number (odd = male, even = female)',
    },
    messages: {
      mismatch: {
        zh: '性别为“{gender}”，但身份证号第 {pos} 位是 {digit}（奇数为男，偶数为女），应为“{expected}”',
        en: 'Gender is "{gender}" but digit {pos} of the ID number is {digit} (odd = male, even = female): expected "{expected}"',
      },
    },
  },
  check(ctx) {
    if (!ctx.has('gender')) return;
    const gcol = ctx.col('gender');
    for (const c of idCells(ctx)) {
      const id = validId(c);
      if (!id) continue;
      const text = ctx.text(c.row, 'gender');
      const said = GENDER[compactText(text)];
      if (!said) continue;
      const expected = id.male ? '男' : '女';
      if (said === expected) continue;
      const pos = id.length === 18 ? 17 : 15;
      ctx.report({
        row: c.row,
        col: gcol,
        messageId: 'mismatch',
        data: { gender: text, pos, digit: id.clean[pos - 1], expected },
        value: text,
        fix: expected,
      });
    }
  },
};
