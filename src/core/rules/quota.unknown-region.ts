/**
 * quota.unknown-region — a nomination's region is not in the quota table (SPEC §3), after normalisation
 * (whitespace, full width, case). Only when a quota table applies (a `qc.quota` table in the run, or the
 * profile's).
 *
 * A name that differs from exactly one region only by an agency suffix (`伊犁州` or `伊犁州市场监督管理局` for
 * `伊犁州工信局`) is a spelling variant: it is counted under that region (tally.ts) and reported here as a
 * warning whose fix is the table's spelling — never matched silently. A name that fits no region, or several,
 * is an error: it counts against no quota. A 附件3 table's region is its 推荐单位 line, reported once per table.
 */
import { TALLY_KINDS, tallyFor } from '../tally';
import type { RunRule } from './rule';

export const rule: RunRule = {
  meta: {
    id: 'quota.unknown-region',
    scope: 'run',
    acrossFiles: true,
    severity: 'error',
    kinds: TALLY_KINDS,
    fixable: true,
    docs: {
      zh: '推荐地区或部门不在名额表中',
      en: 'The recommending region is not in the quota table',
    },
    messages: {
      variant: {
        zh: '“{value}”与名额表中的“{suggestion}”写法不一致，已按“{suggestion}”计数；请统一写法',
        en: '"{value}" is not spelled as in the quota table; counted as "{suggestion}" — use that spelling',
      },
      unknown: {
        zh: '“{value}”不在名额表中，未计入任何地区名额',
        en: '"{value}" is not in the quota table and counts against no quota',
      },
      ambiguous: {
        zh: '“{value}”不在名额表中，可能是：{candidates}；未计入任何地区名额',
        en: '"{value}" is not in the quota table; it may be one of: {candidates}. Counted against no quota',
      },
    },
  },
  checkRun(run) {
    const d = tallyFor(run.tables, run.profile);
    const names = d.quota?.regions ?? [];
    for (const p of d.regionProblems) {
      const ref = run.tables[p.hit.t];
      const base = { row: p.hit.row, col: p.hit.col, value: p.written };
      if (p.match.how === 'variant') {
        const suggestion = names[p.match.index].name;
        run.report(ref, { ...base, messageId: 'variant', severity: 'warning', data: { value: p.written, suggestion }, fix: suggestion });
      } else if (p.match.how === 'ambiguous') {
        const candidates = p.match.candidates.map((i) => names[i].name);
        run.report(ref, { ...base, messageId: 'ambiguous', data: { value: p.written, candidates: candidates.join('、') }, fix: null });
      } else {
        run.report(ref, { ...base, messageId: 'unknown', data: { value: p.written }, fix: null });
      }
    }
  },
};
