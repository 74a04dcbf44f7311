/**
 * 名额's tally without the UI: the engine's run over the workbook with the award and the quota source (QuotaPanel
 * shows it), and the plain part of it that a page shows (TallyView). The browser version runs `tallyWorkbook` in
 * its workbook worker and hands the page the view only; the Excel pane runs it itself.
 */
import { checkWorkbooks, type LocatedFinding, type RunResult } from '../core/check';
import type { WorkbookGrid } from '../core/grid';
import type { Lang } from '../core/finding';
import type { Profile } from '../core/profiles/schema';
import type { Tally } from '../core/tally';
import { where } from './findings';

/** Quota source: the workbook's quota table when there is one, else the award's ('auto'); or the award's. */
export type QuotaChoice = 'auto' | 'award';

export type TallySource = { kind: 'table'; where: string } | { kind: 'profile'; id: string; name: string } | { kind: 'none' };

export interface TallyState {
  run: RunResult;
  profile: Profile;
  /** What the quotas came from, for the sheet's note and the panel. */
  source: TallySource;
  /** A qc.quota table exists in the workbook (where). */
  tableAt: string | null;
  file: string;
}

/** Tally the workbook with the award and the quota source (pure but for the engine: the panel and its tests). */
export function tallyWorkbook(grid: WorkbookGrid, file: string, choice: QuotaChoice, lang: Lang, profile: Profile): TallyState {
  const run = (g: WorkbookGrid) => checkWorkbooks([{ grid: g, file }], { profile, lang });
  let result = run(grid);
  const located = result.results[0]?.located ?? [];
  const quotaTable = located.find((l) => l.table.kind === 'qc.quota');
  const tableAt = quotaTable ? where(quotaTable.sheet.name, `A${quotaTable.table.headerRow + 1}`) : null;
  if (choice === 'award' && quotaTable) {
    // The award's quotas asked for: the workbook's quota table (its sheet) is left out of the run.
    result = run({ ...grid, sheets: grid.sheets.filter((s) => s.name !== quotaTable.sheet.name) });
  }
  const q = result.tallyDetail.quota;
  const source: TallyState['source'] =
    q?.from === 'table' && tableAt
      ? { kind: 'table', where: tableAt }
      : profile.quota || result.tally.byCategory.length
        ? { kind: 'profile', id: profile.id, name: profile.name }
        : { kind: 'none' };
  return { run: result, profile, source, tableAt, file };
}

/** What the panel shows of a tally: plain data (it crosses postMessage as it is). */
export interface TallyView {
  tally: Tally;
  /** The quota.* findings, each a click away from its cell. */
  quotaFindings: LocatedFinding[];
  /** The kinds of the tables found (the award that fits them is suggested). */
  kinds: string[];
  /** A register was counted: the 名额核对 sheet can be inserted. */
  hasRegister: boolean;
  source: TallySource;
  tableAt: string | null;
  profileId: string;
}

export function toTallyView(state: TallyState): TallyView {
  return {
    tally: state.run.tally,
    quotaFindings: state.run.results.flatMap((r) => r.findings.filter((f) => f.rule.startsWith('quota.'))),
    kinds: state.run.results[0]?.tables.map((t) => t.kind) ?? [],
    hasRegister: state.run.tallyDetail.tables.some((t) => t.table.kind === 'qc.register'),
    source: state.source,
    tableAt: state.tableAt,
    profileId: state.profile.id,
  };
}
