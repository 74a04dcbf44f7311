/**
 * id.region — the first six digits (GB/T 2260 code of the county of first registration).
 * Province digits that are no province code: error. A county code found in no table (the current one and every
 * revision since 2002): warning only, because an ID keeps the code of an abolished county for life and the
 * table stops at its data year (see src/core/data/regions.ts). For the 2023 foreigner's permanent residence ID
 * (first digit 9) digits 2–3 are the province of issue and there is no county code.
 */
import { FOREIGN, idColumn, UNKNOWN_COUNTY } from './id-common';
import type { TableRule } from './rule';

export const rule: TableRule = {
  meta: {
    id: 'id.region',
    severity: 'error',
    kinds: ['annex3.individual'],
    docs: {
      zh: '身份证号前六位须是行政区划代码：省级代码错误为错误，县级代码未知仅为警告',
      en: 'The first six digits are an administrative division code: an unknown province is an error, an unknown county only a warning',
    },
    messages: {
      province: {
        zh: '身份证号前两位“{code}”不是省级行政区划代码',
        en: 'The first two digits of the ID number ("{code}") are not a province code',
      },
      foreignProvince: {
        zh: '外国人永久居留身份证号第 2–3 位“{code}”不是省级行政区划代码',
        en: 'Digits 2–3 of the foreigner\'s permanent residence ID ("{code}") are not a province code',
      },
      county: {
        zh: '身份证号前六位“{code}”不在行政区划代码表中（现行代码及 2002 年以来各版），请核对；已撤销或新设的县可能不在表中',
        en: 'The first six digits ("{code}") are not in the division code tables (current and every revision since 2002); please check — a county abolished long ago or created recently may be missing',
      },
    },
  },
  check(ctx) {
    // Filled during the row pass: read in `end`.
    const ids = idColumn(ctx);
    return {
      end() {
        // Province errors are among the failed entries, unknown counties among the marked valid ones.
        for (const i of ids.failed) {
          if (ids.status(i) !== 'region') continue;
          const foreign = ids.is(i, FOREIGN);
          const code = foreign ? ids.clean(i).slice(1, 3) : ids.clean(i).slice(0, 2);
          ctx.report({ row: ids.rows[i], col: ids.col, messageId: foreign ? 'foreignProvince' : 'province', data: { code }, fix: null });
        }
        for (const i of ids.marked) {
          if (!ids.is(i, UNKNOWN_COUNTY)) continue;
          ctx.report({ row: ids.rows[i], col: ids.col, messageId: 'county', data: { code: ids.clean(i).slice(0, 6) }, severity: 'warning', fix: null });
        }
      },
    };
  },
};
