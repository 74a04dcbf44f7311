/**
 * id.gender-mismatch — 性别 says 男 or 女 and digit 17 of a valid ID (15-digit: digit 15) says otherwise
 * (GB 11643-1999: odd for men, even for women). Reported at the 性别 cell. Not fixable: fill derives 性别 from
 * the ID, but a conflicting value typed by the user is reported, never replaced; `fix` names the value the ID
 * implies. Other 性别 values are gender.invalid's business.
 */
import { cleanCellText, compactText } from '../normalize';
import { FIFTEEN, idColumn, MALE } from './id-common';
import type { TableRule } from './rule';

const GENDER = new Map<string, '男' | '女'>([['男', '男'], ['女', '女'], ['男性', '男'], ['女性', '女']]);

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
    const j = ctx.index('gender');
    if (j < 0) return;
    const gcol = ctx.col('gender');
    const ids = idColumn(ctx);
    return (block, first, count) => {
      for (let k = 0; k < count; k++) {
        const i = first + k;
        if (!ids.isValid(i)) continue;
        const v = block[k][j];
        // 男 / 女 as typed is the common case; cleaning and compactText only for odd spellings.
        let said = v === '男' || v === '女' ? v : undefined;
        let text = v as string;
        if (said === undefined) {
          text = cleanCellText(v);
          said = GENDER.get(text) ?? (text.length > 1 ? GENDER.get(compactText(text)) : undefined);
          if (!said) continue;
        }
        const expected = ids.is(i, MALE) ? '男' : '女';
        if (said === expected) continue;
        const pos = ids.is(i, FIFTEEN) ? 15 : 17;
        ctx.report({ row: ids.rows[i], col: gcol, messageId: 'mismatch', data: { gender: text, pos, digit: ids.clean(i)[pos - 1], expected }, value: text, fix: expected });
      }
    };
  },
};
