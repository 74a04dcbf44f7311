/**
 * name.duplicate — the same 先进集体名称, or the same 姓名 + 工作单位, twice in one table (SPEC §3). Names are
 * compared after `compactText` (spaces, widths and brackets aside) and case-insensitively. Each later occurrence is
 * reported at its name cell and names the cell of the first. Across sheets and workbooks, identity is the ID
 * number's or the credit code's business (`id.duplicate`, `dup.cross-file`).
 */
import { a1 } from '../grid';
import { asciiLower, compactText } from '../normalize';
import type { TableRule } from './rule';

export const rule: TableRule = {
  meta: {
    id: 'name.duplicate',
    severity: 'warning',
    kinds: ['annex3.collective', 'annex3.individual'],
    docs: {
      zh: '同一表中先进集体名称重复，或姓名与工作单位都相同的人出现两次',
      en: 'The same collective, or the same name and employer, appears twice in a table',
    },
    messages: {
      collective: {
        zh: '先进集体“{value}”与 {other} 重复',
        en: 'Collective "{value}" duplicates {other}',
      },
      person: {
        zh: '“{value}”（{employer}）与 {other} 重复',
        en: '"{value}" ({employer}) duplicates {other}',
      },
    },
  },
  check(ctx) {
    const collective = ctx.table.kind === 'annex3.collective';
    const nameRole = collective ? 'collectiveName' : 'name';
    if (!ctx.has(nameRole) || (!collective && !ctx.has('employer'))) return;
    const col = ctx.col(nameRole);
    // Keyed by the compact name alone, so the key is usually the cell's own string (no per-row allocation);
    // people sharing a name keep a small list of (employer, row) to compare within.
    const first = new Map<string, number>();
    const sameName = new Map<string, { employer: string; row: number }[]>();
    for (const row of ctx.table.rows) {
      const name = ctx.text(row, nameRole);
      if (name === '') continue;
      const employer = collective ? '' : ctx.text(row, 'employer');
      if (!collective && employer === '') continue;
      const key = asciiLower(compactText(name));
      const prevRow = first.get(key);
      if (prevRow === undefined) {
        first.set(key, row);
        continue;
      }
      const employerKey = collective ? '' : asciiLower(compactText(employer));
      let seen = sameName.get(key);
      if (!seen) {
        seen = [{ employer: collective ? '' : asciiLower(compactText(ctx.text(prevRow, 'employer'))), row: prevRow }];
        sameName.set(key, seen);
      }
      const prev = seen.find((s) => s.employer === employerKey);
      if (prev === undefined) {
        seen.push({ employer: employerKey, row });
        continue;
      }
      ctx.report({
        row,
        col,
        messageId: collective ? 'collective' : 'person',
        data: { value: name, employer, other: a1(prev.row, col) },
      });
    }
  },
};
