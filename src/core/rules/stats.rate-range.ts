/**
 * stats.rate-range — a typed rate lies outside its possible range (SPEC §3): a share (普及率, 成果率, 活动率,
 * 等级品率, 新产品产值率) outside 0–100 %; a rate that cannot be negative (资产负债率, 产品销售率, 质量损失率,
 * 流动资产周转率) below 0. Rates that may legitimately leave the range (资本保值增值率 above 100 %, 总资产贡献率 or
 * 成本费用利润率 below 0 in a loss year) are not checked. A bare number is out of range only when neither of its
 * readings (fraction or percentage points, see stats.rate-mismatch) is in range.
 */
import { itemCell, itemDef, readRate } from '../stats-values';
import type { TableRule } from './rule';
import { periodSuffix, STATS_KINDS, typedText } from './stats-common';

export const rule: TableRule = {
  meta: {
    id: 'stats.rate-range',
    severity: 'error',
    kinds: STATS_KINDS,
    docs: { zh: '比率超出 0%–100% 的范围', en: 'A rate is outside 0–100 %' },
    messages: {
      share: { zh: '“{label}”{period}为 {typed}，应在 0%–100% 之间', en: '{labelEn}{period} is {typed}; it must lie between 0 % and 100 %' },
      negative: { zh: '“{label}”{period}为 {typed}，不能为负数', en: '{labelEn}{period} is {typed}; it cannot be negative' },
    },
  },
  check(ctx) {
    const t = ctx.table;
    const periods = t.form.periodColumns && t.valueCols ? t.valueCols.length : 1;
    for (const def of t.form.rates ?? []) {
      if (def.range === 'any') continue;
      const item = itemDef(t, def.role);
      if (!item || !t.items?.[def.role]) continue;
      const max = def.range === '0-100' ? (def.percent ? 100 : 1) : Number.POSITIVE_INFINITY;
      const inRange = (x: number) => x >= -1e-9 && x <= max + 1e-9;
      for (let k = 0; k < periods; k++) {
        const at = itemCell(t, def.role, k);
        if (!at) continue;
        const v = ctx.sheet.value(at.row, at.col);
        const fmt = ctx.sheet.numberFormat(at.row, at.col);
        const r = readRate(v, fmt, def.percent);
        if (r.kind !== 'rate' || inRange(r.value) || (r.alt !== null && inRange(r.alt))) continue;
        ctx.report({
          row: at.row,
          col: at.col,
          messageId: def.range === '0-100' ? 'share' : 'negative',
          data: { label: item.label, labelEn: item.labelEn, period: periodSuffix(ctx, k, 'zh'), typed: typedText(v, fmt, def.percent) },
        });
      }
    }
  },
};
