/**
 * quota.total-mismatch — the 总计 / 合计 row of a quota table differs from the sum of its column (SPEC §3). The
 * seed's 附件2 is right: 446 / 247 / 185. Counts typed as text with stray spaces (`4 `, ` 247`) are read as numbers;
 * a cell that is not a count cannot be summed and is reported too, at that cell.
 */
import { quotaNumber, quotaRows } from '../forms/qc-quota';
import type { TableRule } from './rule';

const NOT_COUNTED = new Set(['seq', 'region']);

export const rule: TableRule = {
  meta: {
    id: 'quota.total-mismatch',
    severity: 'error',
    kinds: ['qc.quota'],
    fixable: true,
    docs: {
      zh: '名额表“总计/合计”行与该列各行之和不符',
      en: 'The total row of a quota table differs from the sum of its column',
    },
    messages: {
      mismatch: {
        zh: '“{label}”总计为 {value}，但各地区之和为 {sum}',
        en: '"{label}" total is {value}, but the regions add up to {sum}',
      },
      missing: {
        zh: '“{label}”总计为空，各地区之和为 {sum}',
        en: '"{label}" total is empty; the regions add up to {sum}',
      },
      notNumber: {
        zh: '“{label}”应为非负整数，实际为“{value}”，无法核对总计',
        en: '"{label}" should be a whole number, found "{value}"; the total cannot be verified',
      },
    },
  },
  check(ctx) {
    return {
      end() {
        const { regions, total } = quotaRows(ctx.sheet, ctx.table);
        for (const c of ctx.table.form.columns) {
          if (NOT_COUNTED.has(c.role) || !ctx.has(c.role)) continue;
          const col = ctx.col(c.role);
          let sum = 0;
          let readable = true;
          for (const row of regions) {
            const n = quotaNumber(ctx.value(row, c.role));
            if (n === null) continue;
            if (Number.isNaN(n) || n < 0 || !Number.isInteger(n)) {
              readable = false;
              ctx.report({ row, col, messageId: 'notNumber', data: { label: c.label, value: ctx.text(row, c.role) } });
              continue;
            }
            sum += n;
          }
          if (total === null) continue;
          const t = quotaNumber(ctx.value(total, c.role));
          if (t === null) {
            if (readable) ctx.report({ row: total, col, messageId: 'missing', data: { label: c.label, sum }, value: null, fix: String(sum) });
          } else if (Number.isNaN(t)) {
            ctx.report({ row: total, col, messageId: 'notNumber', data: { label: c.label, value: ctx.text(total, c.role) } });
          } else if (readable && t !== sum) {
            ctx.report({ row: total, col, messageId: 'mismatch', data: { label: c.label, value: t, sum }, fix: String(sum) });
          }
        }
      },
    };
  },
};
