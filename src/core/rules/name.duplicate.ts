/**
 * name.duplicate — the same 先进集体名称, or the same 姓名 + 工作单位, twice in one table (SPEC §3). Names are
 * compared after `nameKey` (spaces, widths, brackets and the middle-dot variants of Uyghur and Kazakh names aside)
 * and case-insensitively. Each later occurrence is
 * reported at its name cell and names the cell of the first. Across sheets and workbooks, identity is the ID
 * number's or the credit code's business (`id.duplicate`, `dup.cross-file`).
 */
import { a1, isEmptyValue } from '../grid';
import { compactLowerHash, firstOccurrences } from '../first-seen';
import { asciiLower, cellText, compactText, nameKey as compareKey } from '../normalize';
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
    const jName = ctx.index(nameRole);
    const jEmployer = collective ? -1 : ctx.index('employer');
    const rows = ctx.table.rows;
    const cap = ctx.rowCapacity;
    // While the rows are read: the hash of each compact, lower-case name, computed from the cell's own string in
    // one scan (cleaning first would change nothing the compact form keeps).
    const hashes = new Int32Array(cap);
    const has = new Uint8Array(cap);
    const nameKey = (i: number) => compareKey(ctx.text(rows[i], nameRole));
    const employerKey = (i: number) => (collective ? '' : asciiLower(compactText(ctx.text(rows[i], 'employer'))));
    return {
      row(block, first, count) {
        for (let k = 0; k < count; k++) {
          const cells = block[k];
          const v = cells[jName];
          const h = compactLowerHash(typeof v === 'string' ? v : cellText(v));
          if (h === 0) continue; // no name
          if (!collective && isEmptyValue(cells[jEmployer])) continue;
          hashes[first + k] = h;
          has[first + k] = 1;
        }
      },
      end() {
        const n = rows.length;
        // Same name (first occurrence of each); people sharing a name are told apart by employer.
        const first = firstOccurrences(hashes, has, n, (a, b) => nameKey(a) === nameKey(b));
        const sameName = new Map<number, { employer: string; i: number }[]>();
        for (let i = 0; i < n; i++) {
          const f = first[i];
          if (f < 0) continue;
          const employer = employerKey(i);
          if (!collective && employer === '') continue;
          let seen = sameName.get(f);
          if (!seen) {
            seen = [{ employer: employerKey(f), i: f }];
            sameName.set(f, seen);
          }
          const prev = seen.find((s) => s.employer === employer);
          if (prev === undefined) {
            seen.push({ employer, i });
            continue;
          }
          const row = rows[i];
          ctx.report({
            row,
            col,
            messageId: collective ? 'collective' : 'person',
            data: { value: ctx.text(row, nameRole), employer: ctx.text(row, 'employer'), other: a1(rows[prev.i], col) },
          });
        }
      },
    };
  },
};
