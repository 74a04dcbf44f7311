/**
 * unit-type.synonym — 单位性质 is a known synonym of a listed unit type (事业单位 → 事业, 居委会 →
 * 村（居）民委员会, 国有企业 → 企业 …, from the profile's `unitTypeSynonyms`), or a listed value written with other
 * bracket widths or spaces (`村(居)民委员会` → `村（居）民委员会`). Info; the fix is the canonical value, which fill
 * writes after confirmation so that sheets tally by one spelling.
 */
import { unitTypeColumn } from './unit-type-common';
import type { TableRule } from './rule';

export const rule: TableRule = {
  meta: {
    id: 'unit-type.synonym',
    severity: 'info',
    kinds: ['annex3.collective', 'annex3.individual'],
    fixable: true,
    docs: {
      zh: '单位性质是可识别的同义写法，填充时改为规范值（如 事业单位 → 事业）',
      en: 'The unit type is a known variant; fill writes the canonical value (e.g. 事业单位 → 事业)',
    },
    messages: {
      synonym: {
        zh: '单位性质“{value}”按规范应写作“{canonical}”',
        en: 'Unit type "{value}" should be written "{canonical}"',
      },
    },
  },
  check(ctx) {
    const column = unitTypeColumn(ctx);
    if (column === null) return;
    const col = ctx.col('unitType');
    const rows = ctx.table.rows;
    return {
      end() {
        const { odd, texts, raws, matches } = column;
        for (let k = 0; k < odd.length; k++) {
          const match = matches[k];
          if (match === null) continue;
          ctx.report({ row: rows[odd[k]], col, messageId: 'synonym', data: { value: texts[k], canonical: match.canonical }, value: raws[k], fix: match.canonical });
        }
      },
    };
  },
};
