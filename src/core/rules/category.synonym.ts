/**
 * category.synonym — a 类别 written in one of the short forms the profile lists for it (xj-qc-2019: QC小组 →
 * 优秀质量管理小组, 信得过班组 → 质量信得过班组, 推进者 → 质量管理小组活动推进者; SPEC §4). Info with the full name as
 * the fix: the row is counted under the full name toward quotas and places all the same (tally.ts CategoryResolver).
 */
import { rowReader } from './quota-common';
import type { TableRule } from './rule';

export const rule: TableRule = {
  meta: {
    id: 'category.synonym',
    severity: 'info',
    kinds: ['qc.register', 'annex3.collective', 'annex3.individual'],
    fixable: true,
    docs: {
      zh: '类别使用了简称（如“QC小组”），按全称计入名额，填充时可改为全称',
      en: 'The category is written in a short form (e.g. QC小组); it is counted under its full name, and fill can write that',
    },
    messages: {
      abbreviation: {
        zh: '类别“{value}”为简称，按“{name}”计入名额，建议写全称',
        en: 'Category "{value}" is a short form, counted as "{name}"; write the full name',
      },
    },
  },
  check(ctx) {
    if (!ctx.has('category')) return;
    const categories = rowReader(ctx.profile).categories;
    const col = ctx.col('category');
    return {
      end() {
        for (const row of ctx.table.rows) {
          const text = ctx.text(row, 'category');
          if (text === '') continue;
          const c = categories.category(text);
          if (c?.abbreviation) ctx.report({ row, col, messageId: 'abbreviation', data: { value: text, name: c.name }, fix: c.name });
        }
      },
    };
  },
};
