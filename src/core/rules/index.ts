/** The rule catalogue: every rule of SPEC §3, in the order findings on one cell are listed. */
import type { Rule } from './rule';

export const ALL_RULES: readonly Rule[] = [];
