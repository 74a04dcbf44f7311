/**
 * uscc.checksum — the 18th character of a well-formed 统一社会信用代码 is not its GB 32100-2015 check character
 * (weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28, check = 31 − Σ mod 31, 31 → 0). Not fixable.
 */
import { usccCells, USCC_ROLE } from './id-common';
import type { TableRule } from './rule';

export const rule: TableRule = {
  meta: {
    id: 'uscc.checksum',
    severity: 'error',
    kinds: ['annex3.collective'],
    docs: {
      zh: '统一社会信用代码第 18 位校验码须与前 17 位相符（GB 32100-2015）',
      en: 'The 18th character must be the check character of the first 17 (GB 32100-2015)',
    },
    messages: {
      checksum: {
        zh: '统一社会信用代码校验码错误：按前 17 位计算应为“{expected}”，实为“{actual}”；请核对营业执照或登记证书',
        en: 'Wrong check character: the first 17 characters give "{expected}", found "{actual}"; check the licence or certificate',
      },
    },
  },
  check(ctx) {
    if (!ctx.has(USCC_ROLE)) return;
    return {
      end() {
        for (const c of usccCells(ctx)) {
          if (c.status !== 'checksum' || !c.code) continue;
          ctx.report({ row: c.row, col: c.col, messageId: 'checksum', data: { expected: c.code.expected, actual: c.code.clean[17] }, fix: null });
        }
      },
    };
  },
};
