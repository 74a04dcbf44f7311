/**
 * The template kinds the pane offers: the CLI's five (src/xlsx/template.ts TEMPLATE_KINDS). Listed here, type-checked
 * against the writer's list, so the pane's first chunks do not load ExcelJS to know them.
 */
import type { TemplateKind } from '../xlsx/template';

export type { TemplateKind };

export const PANE_TEMPLATE_KINDS = ['annex3', 'qc-stats', 'team-stats', 'quota', 'register'] as const satisfies readonly TemplateKind[];

// Fails to compile when the writer gains a kind the pane does not list.
type Missing = Exclude<TemplateKind, (typeof PANE_TEMPLATE_KINDS)[number]>;
export const ALL_KINDS_LISTED: Missing extends never ? true : never = true;
