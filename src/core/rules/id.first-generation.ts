/**
 * id.first-generation — a valid 15-digit first-generation number (GB 11643-1989). The fix is its 18-digit form
 * (GB 11643-1999): `19` inserted before the two-digit year and the check character appended.
 */
import { FIFTEEN, idColumn } from './id-common';
import type { TableRule } from './rule';

export const rule: TableRule = {
  meta: {
    id: 'id.first-generation',
    severity: 'warning',
    kinds: ['annex3.individual'],
    fixable: true,
    docs: {
      zh: '15 位一代身份证号应换为 18 位号码',
      en: 'A 15-digit first-generation ID number should be given in its 18-digit form',
    },
    messages: {
      fifteen: {
        zh: '15 位一代身份证号，应为 18 位：在年份前补“19”并加校验码',
        en: '15-digit first-generation ID number; the 18-digit form inserts "19" before the year and adds the check character',
      },
    },
  },
  check(ctx) {
    // Filled during the row pass: read in `end`.
    const ids = idColumn(ctx);
    return {
      end() {
        for (const i of ids.marked) {
          if (ids.status(i) !== 'ok' || !ids.is(i, FIFTEEN)) continue;
          ctx.report({ row: ids.rows[i], col: ids.col, messageId: 'fifteen', value: ids.text(i), fix: ids.canonical(i) });
        }
      },
    };
  },
};
