/**
 * header.missing-column — a required column of a recognised table is absent (SPEC §3). One finding per missing
 * column, at the table's first header cell: there is no cell of the missing column to point at.
 */
import type { TableRule } from './rule';

export const rule: TableRule = {
  meta: {
    id: 'header.missing-column',
    severity: 'error',
    kinds: ['annex3.collective', 'annex3.individual', 'qc.quota', 'qc.register'],
    docs: {
      zh: '表格缺少必填列（在表头行报告）',
      en: 'A required column is missing from the table (reported at the header row)',
    },
    messages: {
      missing: {
        zh: '表头缺少必填列“{label}”，请按附件3的格式补上这一列',
        en: 'The header lacks the required column "{label}" ({labelEn}); add it as in the 附件3 form',
      },
    },
  },
  check(ctx) {
    const t = ctx.table;
    for (const role of t.missing) {
      const def = t.form.columns.find((c) => c.role === role);
      ctx.report({
        row: t.headerRow,
        col: t.left,
        messageId: 'missing',
        data: { label: def?.label ?? role, labelEn: def?.labelEn ?? role },
        value: null,
      });
    }
  },
};
