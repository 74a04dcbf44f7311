/**
 * id.checksum — the 18th character is not the ISO 7064 MOD 11-2 check character of the first 17 digits
 * (GB 11643-1999: weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, `10X98765432`). Not fixable: the error may be in
 * any digit, so the expected character is told, never written.
 */
import { idColumn } from './id-common';
import type { TableRule } from './rule';

export const rule: TableRule = {
  meta: {
    id: 'id.checksum',
    severity: 'error',
    kinds: ['annex3.individual'],
    docs: {
      zh: '身份证号第 18 位校验码须与前 17 位相符（GB 11643-1999，ISO 7064 MOD 11-2）',
      en: 'The 18th character must be the check character of the first 17 digits (GB 11643-1999, ISO 7064 MOD 11-2)',
    },
    messages: {
      checksum: {
        zh: '身份证号校验码错误：按前 17 位计算应为“{expected}”，实为“{actual}”；请核对各位数字',
        en: 'Wrong check character: the first 17 digits give "{expected}", found "{actual}"; check every digit',
      },
    },
  },
  check(ctx) {
    // Filled during the row pass: read in `end`.
    const ids = idColumn(ctx);
    return {
      end() {
        for (const i of ids.failed) {
          if (ids.status(i) !== 'checksum') continue;
          ctx.report({ row: ids.rows[i], col: ids.col, messageId: 'checksum', data: { expected: ids.expected(i), actual: ids.clean(i)[17] }, fix: null });
        }
      },
    };
  },
};
