/**
 * seq.gap — 序号 is not 1, 2, 3 … in row order (SPEC §3). Each table numbers from 1 (the individuals' table starts
 * again under the collectives'). The fix is the expected number; fill renumbers the whole column.
 *
 * Accepted as the number n: the number n, or text of digits (`1`, `01`, `１`, `1.0`). An empty 序号 in a data row
 * is reported too (`required.missing` leaves 序号 to this rule).
 */
import { cleanCellText, compactText } from '../normalize';
import type { TableRule } from './rule';

/** The number `s` writes when it is ASCII digits only (no more than 9 of them), else -1. */
function plainDigits(s: string): number {
  if (s.length === 0 || s.length > 9) return -1;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

function seqNumber(v: unknown, text: string): number | null {
  if (typeof v === 'number') return v;
  const m = /^(\d+)(?:\.0+)?$/.exec(compactText(text));
  return m ? Number(m[1]) : null;
}

export const rule: TableRule = {
  meta: {
    id: 'seq.gap',
    severity: 'warning',
    kinds: ['annex3.collective', 'annex3.individual', 'qc.register'],
    fixable: true,
    docs: { zh: '序号未按 1、2、3…… 顺序连续编号', en: 'No. is not 1, 2, 3 … in row order' },
    messages: {
      wrong: { zh: '序号应为 {expected}，实际为“{value}”', en: 'No. should be {expected}, found "{value}"' },
      missing: { zh: '序号为空，应为 {expected}', en: 'No. is empty; it should be {expected}' },
    },
  },
  check(ctx) {
    const j = ctx.index('seq');
    if (j < 0) return;
    const col = ctx.col('seq');
    const rows = ctx.table.rows;
    return (block, first, count) => {
      for (let k = 0; k < count; k++) {
        const v = block[k][j];
        const expected = first + k + 1;
        // A number, or text of plain digits (a 序号 column formatted as text): no cleaning, no pattern.
        if (v === expected || (typeof v === 'string' && plainDigits(v) === expected)) continue;
        const text = cleanCellText(v);
        if (seqNumber(v, text) === expected) continue;
        const row = rows[first + k];
        if (text === '') {
          ctx.report({ row, col, messageId: 'missing', data: { expected }, value: null, fix: String(expected) });
        } else {
          ctx.report({ row, col, messageId: 'wrong', data: { expected, value: text }, fix: String(expected) });
        }
      }
    };
  },
};
