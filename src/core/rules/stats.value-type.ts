/**
 * stats.value-type — a value of a statistics or indicator form has the wrong type (SPEC §3 "QC statistics"):
 * counts (个, 人) must be non-negative integers, money (元, 万元) non-negative, signed amounts (利润总额) numbers,
 * 累计月数 an integer 1–12, a rate a number or a percentage, a checkbox one of 是 / 否 ticked (not both), and the
 * diagnostician count `国家级/自治区级` two whole numbers `a/b`.
 *
 * Numbers typed as text (`1,234`, `12个`) are accepted: the value is clear. A `2/5` that Excel turned into a date
 * (5 February) is reported with the digits recovered as the fix.
 */
import { itemCells, itemDef, readCheckbox, readNumber, readPair, readRate } from '../stats-values';
import { cellText } from '../normalize';
import type { TableRule } from './rule';
import { periodSuffix, STATS_KINDS } from './stats-common';

export const rule: TableRule = {
  meta: {
    id: 'stats.value-type',
    severity: 'error',
    kinds: STATS_KINDS,
    docs: {
      zh: '统计值类型不符：个数须为非负整数，金额不能为负，比率须为数值或百分数，勾选项须为“是”或“否”',
      en: 'A statistics value has the wrong type: counts are non-negative integers, money is non-negative, rates are numbers or percentages, checkboxes are 是 or 否',
    },
    messages: {
      count: { zh: '“{label}”{period}应为非负整数，实际为“{value}”', en: '{labelEn}{period} must be a non-negative whole number, found "{value}"' },
      money: { zh: '“{label}”{period}应为不小于 0 的金额，实际为“{value}”', en: '{labelEn}{period} must be a non-negative amount, found "{value}"' },
      amount: { zh: '“{label}”{period}应为数值，实际为“{value}”', en: '{labelEn}{period} must be a number, found "{value}"' },
      months: { zh: '“{label}”{period}应为 1–12 的整数，实际为“{value}”', en: '{labelEn}{period} must be a whole number from 1 to 12, found "{value}"' },
      rate: { zh: '“{label}”{period}应为数值或百分数（如 35%），实际为“{value}”', en: '{labelEn}{period} must be a number or a percentage (e.g. 35%), found "{value}"' },
      checkbox: { zh: '“{label}”应勾选“是”或“否”，无法识别“{value}”', en: '{labelEn}: tick 是 or 否; cannot read "{value}"' },
      checkboxBoth: { zh: '“{label}”同时勾选了“是”和“否”', en: '{labelEn}: both 是 and 否 are ticked' },
      pair: { zh: '“{label}”应按“国家级/自治区级”填写两个整数，如 2/5，实际为“{value}”', en: '{labelEn} must be two whole numbers "national/regional", e.g. 2/5, found "{value}"' },
      pairDate: {
        zh: '“{label}”被 Excel 自动转成了日期（{value}），应为“{fix}”：请将单元格设为文本格式后重新输入',
        en: '{labelEn} was turned into a date by Excel ({value}); it should read "{fix}": format the cell as text and type it again',
      },
    },
  },
  check(ctx) {
    const items = ctx.table.items ?? {};
    for (const role of Object.keys(items)) {
      const def = itemDef(ctx.table, role);
      if (!def || def.type === 'text' || items[role].inline !== undefined) continue;
      const cells = itemCells(ctx.table, role);
      cells.forEach(({ row, col }, k) => {
        const v = ctx.sheet.value(row, col);
        const data = { label: def.label, labelEn: def.labelEn, period: periodSuffix(ctx, k, 'zh'), value: cellText(v).trim() };
        const report = (messageId: string, fix: string | null = null, extra: Record<string, string> = {}) =>
          ctx.report({ row, col, messageId, data: { ...data, ...extra }, fix });
        switch (def.type) {
          case 'count':
          case 'money':
          case 'amount':
          case 'months': {
            const r = readNumber(v, def.unit);
            if (r.kind === 'empty') return;
            const n = r.kind === 'number' ? r.value : NaN;
            const ok =
              def.type === 'count' ? Number.isInteger(n) && n >= 0
              : def.type === 'money' ? n >= 0
              : def.type === 'months' ? Number.isInteger(n) && n >= 1 && n <= 12
              : Number.isFinite(n);
            if (!ok) report(def.type);
            return;
          }
          case 'rate': {
            const r = readRate(v, ctx.sheet.numberFormat(row, col), true);
            if (r.kind === 'invalid') report('rate');
            return;
          }
          case 'checkbox': {
            const r = readCheckbox(v);
            if (r.kind === 'invalid') report('checkbox');
            else if (r.kind === 'both') report('checkboxBoth');
            return;
          }
          case 'pair': {
            const r = readPair(v);
            if (r.kind === 'invalid') report('pair');
            else if (r.kind === 'date') report('pairDate', `${r.a}/${r.b}`, { fix: `${r.a}/${r.b}` });
            else if (r.kind === 'pair' && !(Number.isInteger(r.a) && Number.isInteger(r.b))) report('pair');
            return;
          }
        }
      });
    }
  },
};
