/**
 * id.precision-lost — the ID was typed into a number cell: Excel keeps 15 significant digits, so an 18-digit
 * number has lost its last digits (they show as 0). Nothing can restore them; the number must be re-typed as text.
 * Also reported for text in scientific notation (`6.54002E+17`), the same loss after a round trip through CSV.
 */
import { idColumn, NUMERIC } from './id-common';
import type { TableRule } from './rule';

export const rule: TableRule = {
  meta: {
    id: 'id.precision-lost',
    severity: 'error',
    kinds: ['annex3.individual'],
    docs: {
      zh: '身份证号以数字保存，超过 15 位的部分已被 Excel 变为 0，无法恢复',
      en: 'ID number stored as a number: Excel kept 15 significant digits and the rest are lost',
    },
    messages: {
      number: {
        zh: '身份证号以数字形式保存，Excel 只保留 15 位有效数字，末尾几位已变为 0（显示为 {value}），无法恢复：请把单元格设为文本格式后按原件重新录入',
        en: 'ID number stored as a number: Excel kept 15 significant digits and the last digits became 0 (shown as {value}); they cannot be recovered — format the cell as text and re-type the number',
      },
      scientific: {
        zh: '身份证号显示为科学计数法“{value}”，后几位数字已丢失，无法恢复：请把单元格设为文本格式后按原件重新录入',
        en: 'ID number is in scientific notation ("{value}"): its last digits are lost and cannot be recovered — format the cell as text and re-type the number',
      },
    },
  },
  check(ctx) {
    // Filled during the row pass: read in `end`.
    const ids = idColumn(ctx);
    return {
      end() {
        for (const i of ids.failed) {
          if (ids.status(i) !== 'precision-lost') continue;
          const value = ids.text(i);
          ctx.report({ row: ids.rows[i], col: ids.col, messageId: ids.is(i, NUMERIC) ? 'number' : 'scientific', data: { value }, value, fix: null });
        }
      },
    };
  },
};
