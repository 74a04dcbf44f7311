/**
 * uscc.format — 统一社会信用代码 (GB 32100-2015) is not 18 characters from `0-9A-HJ-NPQRTUWXY` after
 * normalisation (full-width, spaces, lowercase). Runs only where the optional column exists; empty cells pass.
 */
import { usccCells, USCC_ROLE } from './id-common';
import type { TableRule } from './rule';

export const rule: TableRule = {
  meta: {
    id: 'uscc.format',
    severity: 'error',
    kinds: ['annex3.collective'],
    docs: {
      zh: '统一社会信用代码应为 18 位，由数字和除 I、O、S、V、Z 以外的大写字母组成（GB 32100-2015）',
      en: 'A unified social credit code has 18 characters: digits and capital letters except I, O, S, V, Z (GB 32100-2015)',
    },
    messages: {
      length: {
        zh: '统一社会信用代码有 {length} 位，应为 18 位',
        en: 'Unified social credit code has {length} characters; expected 18',
      },
      character: {
        zh: '统一社会信用代码第 {pos} 位“{char}”不是允许的字符（数字及除 I、O、S、V、Z 以外的大写字母）',
        en: 'Character {pos} of the unified social credit code ("{char}") is not allowed (digits and capital letters except I, O, S, V, Z)',
      },
      precisionLost: {
        zh: '统一社会信用代码以数字形式保存，末几位已被 Excel 变为 0（显示为 {value}）：请设为文本格式后重新录入',
        en: 'Unified social credit code stored as a number: Excel turned its last digits into 0 (shown as {value}); format the cell as text and re-type it',
      },
    },
  },
  check(ctx) {
    if (!ctx.has(USCC_ROLE)) return;
    return {
      end() {
        for (const c of usccCells(ctx)) {
          if (c.status === 'precision-lost') {
            ctx.report({ row: c.row, col: c.col, messageId: 'precisionLost', data: { value: c.text }, value: c.text, fix: null });
          } else if (c.status === 'format' && c.code) {
            ctx.report({ row: c.row, col: c.col, messageId: 'character', data: { pos: c.code.badAt, char: c.code.clean[c.code.badAt - 1] }, fix: null });
          } else if (c.status === 'length' && c.code) {
            ctx.report({ row: c.row, col: c.col, messageId: 'length', data: { length: c.code.clean.length }, fix: null });
          }
        }
      },
    };
  },
};
