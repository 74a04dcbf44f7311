/**
 * id.normalized — the ID is valid only after normalisation: full-width digits or X, a lowercase x, spaces,
 * hyphens, line breaks or zero-width characters. The fix is the clean form. A 15-digit number is left to
 * id.first-generation, whose fix is already clean.
 */
import { FIFTEEN, idColumn, NORMALIZED, NUMERIC } from './id-common';
import type { TableRule } from './rule';

export const rule: TableRule = {
  meta: {
    id: 'id.normalized',
    severity: 'info',
    kinds: ['annex3.individual'],
    fixable: true,
    docs: {
      zh: '身份证号含全角字符、小写 x、空格或不可见字符，整理后有效',
      en: 'ID number valid once full-width characters, a lowercase x, spaces or invisible characters are cleaned',
    },
    messages: {
      normalized: {
        zh: '身份证号含全角字符、小写 x、空格或不可见字符，整理后为有效号码',
        en: 'ID number contains full-width characters, a lowercase x, spaces or invisible characters; it is valid once cleaned',
      },
    },
  },
  check(ctx) {
    // Filled during the row pass: read in `end`.
    const ids = idColumn(ctx);
    return {
      end() {
        for (const i of ids.marked) {
          // flags: NORMALIZED set, FIFTEEN (first-generation's) and NUMERIC (no text to clean) not set
          if (ids.status(i) !== 'ok' || (ids.flags[i] & (NORMALIZED | FIFTEEN | NUMERIC)) !== NORMALIZED) continue;
          ctx.report({ row: ids.rows[i], col: ids.col, messageId: 'normalized', value: ids.text(i), fix: ids.clean(i) });
        }
      },
    };
  },
};
