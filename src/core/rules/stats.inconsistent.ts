/**
 * stats.inconsistent — a count is larger than the count that contains it (SPEC §3, §4): 本年度已登记注册QC小组数 ≤
 * 历年来累计数; 坚持活动的 / 取得成果的 / 发表的小组数 ≤ 本年度注册数; 参加QC小组人数 ≤ 职工总数; 推荐自治区质量信得过
 * 班组数 ≤ 本年度开展班组数 (and, of the same kind, 本年度开展 ≤ 历年累计, 发表班组数 ≤ 本年度开展). The pairs are
 * the form's `limits` (src/core/forms/qc-stats.ts). The finding is on the part's cell and names both cells.
 */
import { itemCell, itemDef, readNumber } from '../stats-values';
import { a1 } from '../grid';
import type { TableRule } from './rule';
import { periodSuffix, STATS_KINDS } from './stats-common';

export const rule: TableRule = {
  meta: {
    id: 'stats.inconsistent',
    severity: 'error',
    kinds: STATS_KINDS,
    docs: { zh: '统计数前后矛盾：部分数大于包含它的总数', en: 'Inconsistent statistics: a count is larger than the count that contains it' },
    messages: {
      greater: {
        zh: '“{part}”{period}（{partCell}＝{partValue}）大于“{whole}”（{wholeCell}＝{wholeValue}），前者不应超过后者',
        en: '{partEn}{period} ({partCell} = {partValue}) is larger than {wholeEn} ({wholeCell} = {wholeValue}); it cannot exceed it',
      },
    },
  },
  check(ctx) {
    const t = ctx.table;
    const periods = t.form.periodColumns && t.valueCols ? t.valueCols.length : 1;
    for (const { part, whole } of t.form.limits ?? []) {
      const pd = itemDef(t, part);
      const wd = itemDef(t, whole);
      if (!pd || !wd) continue;
      for (let k = 0; k < periods; k++) {
        const pc = itemCell(t, part, k);
        const wc = itemCell(t, whole, k);
        if (!pc || !wc) continue;
        const p = readNumber(ctx.sheet.value(pc.row, pc.col), pd.unit);
        const w = readNumber(ctx.sheet.value(wc.row, wc.col), wd.unit);
        if (p.kind !== 'number' || w.kind !== 'number' || p.value <= w.value) continue;
        ctx.report({
          row: pc.row,
          col: pc.col,
          messageId: 'greater',
          data: {
            part: pd.label, partEn: pd.labelEn, whole: wd.label, wholeEn: wd.labelEn, period: periodSuffix(ctx, k, 'zh'),
            partCell: a1(pc.row, pc.col), partValue: p.value, wholeCell: a1(wc.row, wc.col), wholeValue: w.value,
          },
        });
      }
    }
  },
};
