/**
 * unit-type.synonym — 单位性质 is a known synonym of a listed unit type (事业单位 → 事业, 居委会 →
 * 村（居）民委员会, 国有企业 → 企业 …, from the profile's `unitTypeSynonyms`), or a listed value written with other
 * bracket widths or spaces (`村(居)民委员会` → `村（居）民委员会`). Info; the fix is the canonical value, which fill
 * writes after confirmation so that sheets tally by one spelling.
 */
import { cleanCellText } from '../normalize';
import { unitTypeLookup } from '../profiles/unit-types';
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
    const j = ctx.index('unitType');
    if (j < 0) return;
    const col = ctx.col('unitType');
    const rows = ctx.table.rows;
    const lookup = unitTypeLookup(ctx.profile);
    return (block, first, count) => {
      for (let k = 0; k < count; k++) {
        const v = block[k][j];
        // A value written exactly as listed is clean already: one map read, no cleaning.
        let m = typeof v === 'string' ? lookup(v) : null;
        if (m?.match === 'exact') continue;
        const text = cleanCellText(v);
        if (text === '') continue;
        if (text !== v) m = lookup(text);
        if (m === null || m.match === 'exact') continue;
        ctx.report({ row: rows[first + k], col, messageId: 'synonym', data: { value: text, canonical: m.canonical }, fix: m.canonical });
      }
    };
  },
};
