/** Types the task pane's panels share (App holds the state; panels import these, never App itself). */
import type { FillPlan } from '../core/fill';
import type { CheckView, FillPlanOptions } from '../worker/check-session';
import type { Scope } from './host-port';

export type { Scope } from './host-port';
export type { Lang } from '../core/finding';

export type TabId = 'check' | 'fill' | 'template' | 'quota' | 'consolidate';

/** The latest check, shared by the check and fill panels. */
export interface CheckState {
  /** Tables, findings and tally: plain data, from the pane's engine or from a host that checks where the workbook is. */
  result: CheckView;
  scope: Scope;
  file: string;
  /** The award profile the check ran with. */
  profileId: string;
  at: Date;
  /** The fill plan of this check, built where the check ran (null: a later check replaced it). */
  plan(opts: FillPlanOptions): Promise<FillPlan | null>;
}
