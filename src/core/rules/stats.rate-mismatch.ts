/**
 * stats.rate-mismatch — a typed rate differs from the one computed from its inputs (SPEC §3, §4): by more than 0.05
 * percentage points for a percentage (普及率, 成果率, 活动率, 总资产贡献率 …), by more than half a unit in the last
 * typed decimal (at least 0.005) for a plain ratio (流动资产周转率 次, 全员劳动生产率 万元/人).
 *
 * Typed forms accepted (src/core/stats-values.ts `readRate`): `35%`, `35.00%`, 35, 0.35, and 0.35 in a cell
 * formatted as a percentage. A bare number is read as a fraction when |v| ≤ 1 (0.35 → 35 %) and as percentage
 * points otherwise (35 → 35 %); a bare number that agrees with the computed rate under the other reading (0.35
 * next to a computed 0.35 %) is not reported — the cell cannot say which was meant, and either agrees. Text with
 * `%` and percentage-formatted cells are never ambiguous.
 *
 * Nothing is reported while an input is empty or the denominator is 0 (the rate is then not defined). The fix is
 * the computed value; fill replaces the typed value by the live formula only when the user asks for it.
 */
import { computeTableRate, formatRate, itemCell, itemDef, rateFormula, rateTolerance, readRate } from '../stats-values';
import { a1 } from '../grid';
import type { TableRule } from './rule';
import { periodSuffix, STATS_KINDS, typedText } from './stats-common';

export const rule: TableRule = {
  meta: {
    id: 'stats.rate-mismatch',
    severity: 'error',
    kinds: STATS_KINDS,
    docs: {
      zh: '填写的比率与按公式计算的结果不符（相差超过 0.05 个百分点）',
      en: 'A typed rate differs from the one computed from its inputs (by more than 0.05 percentage points)',
    },
    messages: {
      mismatch: {
        zh: '“{label}”{period}填写为 {typed}，按 {formula} 计算应为 {computed}',
        en: '{labelEn}{period} is typed as {typed}; computed as {formula} it is {computed}',
      },
    },
  },
  check(ctx) {
    const t = ctx.table;
    const periods = t.form.periodColumns && t.valueCols ? t.valueCols.length : 1;
    for (const def of t.form.rates ?? []) {
      const item = itemDef(t, def.role);
      if (!item || !t.items?.[def.role]) continue;
      for (let k = 0; k < periods; k++) {
        const at = itemCell(t, def.role, k);
        if (!at) continue;
        const v = ctx.sheet.value(at.row, at.col);
        const fmt = ctx.sheet.numberFormat(at.row, at.col);
        const typed = readRate(v, fmt, def.percent);
        if (typed.kind !== 'rate') continue;
        const computed = computeTableRate(ctx.sheet, t, def, k);
        if (computed === null) continue;
        const want = def.percent ? computed * 100 : computed;
        const tol = rateTolerance(def, v) + 1e-9;
        if (Math.abs(typed.value - want) <= tol) continue;
        if (typed.alt !== null && Math.abs(typed.alt - want) <= tol) continue;
        const formula = rateFormula(def, (role) => {
          const c = itemCell(t, role, k);
          return c ? a1(c.row, c.col) : role;
        });
        // The expression without the guard: `C12/C13`.
        const expr = /^=IF\([^,]+,"",(.*)\)$/.exec(formula)?.[1] ?? formula;
        ctx.report({
          row: at.row,
          col: at.col,
          messageId: 'mismatch',
          data: {
            label: item.label, labelEn: item.labelEn, period: periodSuffix(ctx, k, 'zh'),
            typed: typedText(v, fmt, def.percent), formula: expr, computed: formatRate(def, computed),
          },
          fix: formatRate(def, computed),
        });
      }
    }
  },
};
