/**
 * stats.rate-inputs-missing — a rate of the form is present but cannot be computed because a row it is computed
 * from is absent (SPEC §3, §4). The printed 附件7 has no rows for 参加QC小组人数, 职工总数 and 取得成果小组数; the
 * indicator tables have none for most inputs of their ratios. One warning per rate, on its (first) value cell,
 * listing the absent rows; `award-tally fill` (src/core/fill-stats.ts) inserts them under the rate as labelled
 * input rows and writes the rate as a live formula. Input rows that exist but are still empty are not reported.
 */
import { itemCell, itemDef, rateInputs } from '../stats-values';
import type { TableRule } from './rule';
import { STATS_KINDS } from './stats-common';

export const rule: TableRule = {
  meta: {
    id: 'stats.rate-inputs-missing',
    severity: 'warning',
    kinds: STATS_KINDS,
    docs: {
      zh: '比率缺少计算所需的输入行，无法核算；填充时会在比率下方插入输入行并写入公式',
      en: 'A rate cannot be computed because an input row is absent; fill inserts the rows under the rate and writes the formula',
    },
    messages: {
      missing: {
        zh: '无法核算“{label}”：缺少输入行 {inputs}。填充（award-tally fill）会在其下方插入这些行并写入公式',
        en: 'Cannot compute {labelEn}: the input rows {inputsEn} are absent. Fill (award-tally fill) inserts them under it and writes the formula',
      },
    },
  },
  check(ctx) {
    const t = ctx.table;
    for (const def of t.form.rates ?? []) {
      const item = itemDef(t, def.role);
      const at = itemCell(t, def.role, 0);
      if (!item || !at) continue;
      const missing = rateInputs(def).filter((r) => !t.items?.[r]);
      if (missing.length === 0) continue;
      const defs = missing.map((r) => itemDef(t, r)).filter((d) => d !== undefined);
      ctx.report({
        row: at.row,
        col: at.col,
        messageId: 'missing',
        data: {
          label: item.label,
          labelEn: item.labelEn,
          inputs: defs.map((d) => `“${d.label}”`).join('、'),
          inputsEn: defs.map((d) => `"${d.labelEn}"`).join(', '),
        },
        fix: defs.map((d) => d.label).join('、'),
      });
    }
  },
};
