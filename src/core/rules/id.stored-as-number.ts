/**
 * id.stored-as-number — a valid ID held as a number whose digits are still exact (in practice a 15-digit
 * first-generation number). Harmless today, but any longer number in that cell would lose digits, and a number
 * cannot carry the X check character: convert the cell to text. The fix is the digits as text.
 */
import { idColumn, NUMERIC } from './id-common';
import type { TableRule } from './rule';

export const rule: TableRule = {
  meta: {
    id: 'id.stored-as-number',
    severity: 'warning',
    kinds: ['annex3.individual'],
    fixable: true,
    docs: {
      zh: '身份证号应以文本保存，不应以数字保存',
      en: 'ID numbers belong in text cells, not number cells',
    },
    messages: {
      number: {
        zh: '身份证号以数字形式保存：请改为文本，否则超过 15 位的号码会丢失末位数字',
        en: 'ID number stored as a number: convert it to text, or digits beyond the 15th of a longer number are lost',
      },
    },
  },
  check(ctx) {
    // Filled during the row pass: read in `end`.
    const ids = idColumn(ctx);
    return {
      end() {
        for (const i of ids.marked) {
          if (ids.status(i) !== 'ok' || !ids.is(i, NUMERIC)) continue;
          ctx.report({ row: ids.rows[i], col: ids.col, messageId: 'number', value: ids.text(i), fix: ids.text(i) });
        }
      },
    };
  },
};
