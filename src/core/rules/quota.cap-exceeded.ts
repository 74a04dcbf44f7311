/**
 * quota.cap-exceeded — a category's (or sub-category's) nominations exceed the award's places (SPEC §3, §5):
 * per side (先进集体 / 先进个人) or for both together (`places.total`, e.g. jilin-2025 质量奖 ≤ 5 “均包含组织和个人”).
 * Counted over every workbook of the run. One finding per category, sub-category and side, at the first nomination
 * beyond the places. Severity error; a profile may set it to warning (`"severity": {"quota.cap-exceeded": "warning"}`).
 */
import { TALLY_KINDS, tallyFor, type CategoryTally } from '../tally';
import type { RunRule } from './rule';

const SIDE = {
  collective: { zh: '集体/组织', en: 'collectives' },
  individual: { zh: '个人', en: 'individuals' },
  total: { zh: '合计', en: 'in all' },
};

export const rule: RunRule = {
  meta: {
    id: 'quota.cap-exceeded',
    scope: 'run',
    acrossFiles: true,
    severity: 'error',
    kinds: TALLY_KINDS,
    docs: {
      zh: '某类别（子类）推荐数超过评选名额',
      en: "A category's nominations exceed the award's places",
    },
    messages: {
      exceeded: {
        zh: '“{category}”{side}已有 {count} 个，超过评选名额 {places} 个（多 {over} 个，自此行起超出）',
        en: '"{category}" has {count} {sideEn}, over its {places} places (by {over}; from this row on)',
      },
    },
  },
  checkRun(run) {
    const d = tallyFor(run.tables, run.profile);
    for (const x of d.categoryExcess) {
      const e = x.entry as CategoryTally;
      const category = e.subcategory ? `${e.category}·${e.subcategory}` : e.category;
      run.report(run.tables[x.first.t], {
        row: x.first.row,
        col: x.first.col,
        messageId: 'exceeded',
        data: { category, side: SIDE[e.side].zh, sideEn: SIDE[e.side].en, count: e.count, places: e.places ?? 0, over: e.over },
        fix: null,
      });
    }
  },
};
