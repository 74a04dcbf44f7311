/**
 * required.missing — a required cell of a data row is empty (SPEC §3 "Other columns"). The required columns are
 * the form's (`columns[].required`). 身份证号 has its own rule (`id.missing`) and 序号 is `seq.gap`'s business.
 */
import { isEmptyValue } from '../grid';
import type { TableRule } from './rule';

/** Roles whose emptiness another rule reports. */
const HANDLED_ELSEWHERE = new Set(['residentId', 'seq']);

export const rule: TableRule = {
  meta: {
    id: 'required.missing',
    severity: 'error',
    kinds: ['annex3.collective', 'annex3.individual', 'qc.register'],
    docs: {
      zh: '必填项为空（姓名、工作单位、职务等）',
      en: 'A required cell is empty (name, employer, position …)',
    },
    messages: {
      missing: { zh: '“{label}”为必填项，不能为空', en: '{labelEn} is required and must not be empty' },
    },
  },
  check(ctx) {
    const cols: { role: string; label: string; labelEn: string }[] = [];
    for (const c of ctx.table.form.columns) {
      if (!c.required || HANDLED_ELSEWHERE.has(c.role) || !ctx.has(c.role)) continue;
      // A combined column (工作单位及职务) serves several roles: one finding for its cell, under both names.
      const same = cols.find((x) => ctx.col(x.role) === ctx.col(c.role));
      if (same) {
        same.label += '及' + c.label;
        same.labelEn += ' and ' + c.labelEn;
      } else cols.push({ role: c.role, label: c.label, labelEn: c.labelEn });
    }
    if (cols.length === 0) return;
    const at = cols.map((c) => ctx.index(c.role));
    const rows = ctx.table.rows;
    return (block, first, count) => {
      for (let k = 0; k < count; k++) {
        const cells = block[k];
        for (let c = 0; c < at.length; c++) {
          if (!isEmptyValue(cells[at[c]])) continue;
          const def = cols[c];
          ctx.report({ row: rows[first + k], col: ctx.col(def.role), messageId: 'missing', data: { label: def.label, labelEn: def.labelEn }, value: null });
        }
      }
    };
  },
};
