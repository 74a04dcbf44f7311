/** Types the task pane's panels share (App holds the state; panels import these, never App itself). */
import type { CheckResult } from '../core/check';
import type { Scope } from './host-port';

export type { Scope } from './host-port';
export type { Lang } from '../core/finding';

export type TabId = 'check' | 'fill' | 'template' | 'quota' | 'consolidate';

/** The latest check, shared by the check and fill panels. */
export interface CheckState {
  result: CheckResult;
  scope: Scope;
  file: string;
  /** The award profile the check ran with. */
  profileId: string;
  at: Date;
}
