/**
 * A check run where the workbook lives (the browser version's Web Worker), handed to the page as plain data.
 *
 * The engine's CheckResult holds class instances (the Sheet of each located table) that a page cannot receive
 * through postMessage and does not need: the pane lists tables, findings and the tally, and asks for the fill plan.
 * `CheckView` is that part, structured-cloneable; `CheckSession` keeps the full result beside the workbook so the
 * fill plan is built there too, by the same engine functions the pane calls for a host without a worker.
 */
import { checkWorkbook, type CheckResult, type LocatedFinding, type TableSummary } from '../core/check';
import type { Lang } from '../core/finding';
import type { FillPlan } from '../core/fill';
import { planFill } from '../core/fill';
import { mergePlans, planStatsFill } from '../core/fill-stats';
import type { WorkbookGrid } from '../core/grid';
import type { Profile } from '../core/profiles/schema';
import type { YMD } from '../core/table';
import type { Tally } from '../core/tally';

/** What a page shows of a check: plain data only (it crosses postMessage as it is). */
export interface CheckView {
  tables: TableSummary[];
  findings: LocatedFinding[];
  tally: Tally;
}

/** A check's result as a page receives it: the tables, findings and tally, none of the located Sheets. */
export function toCheckView(result: CheckResult): CheckView {
  return { tables: result.tables, findings: result.findings, tally: result.tally };
}

export interface FillPlanOptions {
  lang: Lang;
  /** Typed rates that disagree with their inputs are replaced by formulas (confirmed by the user). */
  replaceMismatched: boolean;
  /** The host can insert rows (applyPlan): the statistics plan joins only then when it needs inserts. */
  canInsert: boolean;
}

/** The fill plan of a check (SPEC §6 Fill): the 附件3 fixes and the statistics plan (input rows, rate formulas). */
export function fillPlanOf(result: CheckResult, opts: FillPlanOptions): FillPlan {
  const base = planFill(result, opts.lang);
  const stats = planStatsFill(result, { lang: opts.lang, replaceMismatched: opts.replaceMismatched });
  return opts.canInsert || !stats.inserts?.length ? mergePlans(base, stats) : base;
}

export interface SessionCheck {
  file: string;
  lang: Lang;
  profile: Profile;
  today?: YMD;
}

/** A check done by a session: its id (the fill plan names it) and its view. */
export interface SessionCheckView extends CheckView {
  checkId: number;
}

/** The latest check of one open workbook, kept where the workbook is. */
export class CheckSession {
  private last: { id: number; result: CheckResult } | null = null;
  private next = 1;

  check(grid: WorkbookGrid, opts: SessionCheck): SessionCheckView {
    const result = checkWorkbook(grid, { file: opts.file, lang: opts.lang, profile: opts.profile, today: opts.today });
    const id = this.next++;
    this.last = { id, result };
    return { checkId: id, ...toCheckView(result) };
  }

  /** The fill plan of check `checkId`; null when a later check (or a change of the cells) replaced it. */
  plan(checkId: number, opts: FillPlanOptions): FillPlan | null {
    if (!this.last || this.last.id !== checkId) return null;
    return fillPlanOf(this.last.result, opts);
  }
}
