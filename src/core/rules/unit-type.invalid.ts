/**
 * unit-type.invalid — 单位性质 is neither one of the profile's unit types nor a known synonym of one (SPEC §3).
 * Default list, ili-2025 附件3 备注1: 机关、参公、事业、企业、社会团体、村（居）民委员会、其他社会组织.
 * Synonyms and other spellings of a listed value are `unit-type.synonym`'s (info, fixable).
 */
import { unitTypeColumn } from './unit-type-common';
import type { TableRule } from './rule';

export const rule: TableRule = {
  meta: {
    id: 'unit-type.invalid',
    severity: 'error',
    kinds: ['annex3.collective', 'annex3.individual'],
    docs: {
      zh: '单位性质不在可选范围内（附件3 备注1：机关、参公、事业、企业、社会团体、村（居）民委员会、其他社会组织）',
      en: 'The unit type is not one of the allowed values (附件3 note 1)',
    },
    messages: {
      invalid: {
        zh: '单位性质“{value}”不在可选范围内，应为：{allowed}',
        en: 'Unit type "{value}" is not allowed; use one of: {allowedEn}',
      },
    },
  },
  check(ctx) {
    const column = unitTypeColumn(ctx);
    if (column === null) return;
    const col = ctx.col('unitType');
    const rows = ctx.table.rows;
    const allowed = ctx.profile.unitTypes.join('、');
    const allowedEn = ctx.profile.unitTypes.join(', ');
    return {
      end() {
        const { odd, texts, raws, matches } = column;
        for (let k = 0; k < odd.length; k++) {
          if (matches[k] === null) ctx.report({ row: rows[odd[k]], col, messageId: 'invalid', data: { value: texts[k], allowed, allowedEn }, value: raws[k] });
        }
      },
    };
  },
};
