/** id.missing — the required 身份证号 cell is empty (SPEC §3, GB 11643-1999). */
import { idColumn } from './id-common';
import type { TableRule } from './rule';

export const rule: TableRule = {
  meta: {
    id: 'id.missing',
    severity: 'error',
    kinds: ['annex3.individual'],
    docs: { zh: '身份证号为必填项，不能为空', en: 'The ID number is required' },
    messages: {
      missing: { zh: '身份证号为空', en: 'ID number is empty' },
    },
  },
  check(ctx) {
    // Filled during the row pass: read in `end`.
    const ids = idColumn(ctx);
    return {
      end() {
        for (const i of ids.failed) {
          if (ids.status(i) === 'missing') ctx.report({ row: ids.rows[i], col: ids.col, messageId: 'missing', value: null, fix: null });
        }
      },
    };
  },
};
