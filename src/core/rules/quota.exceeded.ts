/**
 * quota.exceeded — a region recommended more of a class than its quota (SPEC §3): per column of the `qc.quota`
 * table (小组数 / 发表小组数 / 质量信得过班组数), or of the profile's quota table when the run has none. Counted over
 * every workbook of the run (tally.ts). One finding per region and class, at the first nomination beyond the quota.
 */
import { TALLY_KINDS, tallyFor, type RegionTally } from '../tally';
import type { RunRule } from './rule';

export const rule: RunRule = {
  meta: {
    id: 'quota.exceeded',
    scope: 'run',
    acrossFiles: true,
    severity: 'error',
    kinds: TALLY_KINDS,
    docs: {
      zh: '某地区或部门某类推荐数超过其名额',
      en: "A region's nominations of a class exceed its quota",
    },
    messages: {
      exceeded: {
        zh: '“{region}”的“{label}”已推荐 {count} 个，超过名额 {quota} 个（多 {over} 个，自此行起超出）',
        en: '"{region}" has {count} nominations for "{label}", over its quota of {quota} (by {over}; from this row on)',
      },
    },
  },
  checkRun(run) {
    const d = tallyFor(run.tables, run.profile);
    for (const x of d.regionExcess) {
      const e = x.entry as RegionTally;
      run.report(run.tables[x.first.t], {
        row: x.first.row,
        col: x.first.col,
        messageId: 'exceeded',
        data: { region: e.region, label: e.label, count: e.count, quota: e.quota ?? 0, over: e.over },
        fix: null,
      });
    }
  },
};
