/**
 * ethnicity.invalid — 民族 is not one of the 56 ethnic groups of GB/T 3304, written with or without 族 (SPEC §3).
 *
 * Decision: the colloquial short forms used in Xinjiang (维族 → 维吾尔族, 哈族 → 哈萨克族, 柯族 → 柯尔克孜族, see
 * data/ethnicities.ts) are unambiguous: info with the full name as the fix. Anything else is a warning.
 */
import { lookupEthnicity } from '../data/ethnicities';
import { cleanCellText } from '../normalize';
import type { TableRule } from './rule';

export const rule: TableRule = {
  meta: {
    id: 'ethnicity.invalid',
    severity: 'warning',
    kinds: ['annex3.individual'],
    fixable: true,
    docs: {
      zh: '民族不是56个民族之一（带或不带“族”字均可）',
      en: 'Ethnicity is not one of the 56 ethnic groups (with or without 族)',
    },
    messages: {
      invalid: { zh: '民族“{value}”不是56个民族之一', en: 'Ethnicity "{value}" is not one of the 56 ethnic groups' },
      shortForm: { zh: '民族“{value}”是简称，应写作“{name}”', en: 'Ethnicity "{value}" is a short form; write "{name}"' },
    },
  },
  check(ctx) {
    const j = ctx.index('ethnicity');
    if (j < 0) return;
    const col = ctx.col('ethnicity');
    const rows = ctx.table.rows;
    return (block, first, count) => {
      for (let k = 0; k < count; k++) {
        const v = block[k][j];
        // A name written exactly is clean already: one map read, no cleaning.
        let m = typeof v === 'string' ? lookupEthnicity(v) : null;
        if (m?.match === 'exact') continue;
        const text = cleanCellText(v);
        if (text === '') continue;
        if (text !== v) m = lookupEthnicity(text);
        const row = rows[first + k];
        if (m === null) ctx.report({ row, col, messageId: 'invalid', data: { value: text } });
        else if (m.match === 'short') {
          ctx.report({ row, col, messageId: 'shortForm', data: { value: text, name: m.name }, fix: m.name, severity: 'info' });
        }
      }
    };
  },
};
