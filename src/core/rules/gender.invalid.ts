/**
 * gender.invalid — 性别 is not 男 or 女 (SPEC §3).
 *
 * Decision: `男性` / `女性` and the English `M` / `F` / `male` / `female` are unambiguous, so they are reported at
 * info severity with the fix `男` / `女` (fill writes it after confirmation); anything else (`未知`, `1`, `男/女`)
 * is an error without a fix. Whether 性别 agrees with the ID number is `id.gender-mismatch`'s business.
 */
import { cleanCellText, compactText } from '../normalize';
import type { TableRule } from './rule';

const NORMALIZABLE: Record<string, '男' | '女'> = {
  男性: '男',
  女性: '女',
  m: '男',
  f: '女',
  male: '男',
  female: '女',
};

export const rule: TableRule = {
  meta: {
    id: 'gender.invalid',
    severity: 'error',
    kinds: ['annex3.individual'],
    fixable: true,
    docs: { zh: '性别应填“男”或“女”', en: 'Gender must be 男 (male) or 女 (female)' },
    messages: {
      invalid: { zh: '性别“{value}”无效，应填“男”或“女”', en: 'Gender "{value}" is invalid; write 男 or 女' },
      normalizable: { zh: '性别“{value}”应写作“{fixed}”', en: 'Gender "{value}" should be written "{fixed}"' },
    },
  },
  check(ctx) {
    const j = ctx.index('gender');
    if (j < 0) return;
    const col = ctx.col('gender');
    const rows = ctx.table.rows;
    return (block, first, count) => {
      for (let k = 0; k < count; k++) {
        const v = block[k][j];
        if (v === '男' || v === '女') continue;
        const text = cleanCellText(v);
        if (text === '' || text === '男' || text === '女') continue;
        const row = rows[first + k];
        const key = compactText(text).toLowerCase();
        const fixed = key === '男' || key === '女' ? key : NORMALIZABLE[key];
        if (fixed !== undefined) {
          ctx.report({ row, col, messageId: 'normalizable', data: { value: text, fixed }, fix: fixed, severity: 'info' });
        } else {
          ctx.report({ row, col, messageId: 'invalid', data: { value: text } });
        }
      }
    };
  },
};
