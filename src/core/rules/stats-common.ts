/**
 * What the stats.* rules share (vertical forms: QC statistics 附件7 / 附件12 and the indicator tables). Not a rule.
 */
import type { TableKind } from '../forms/form';
import { cellText } from '../normalize';
import type { CellValue } from '../grid';
import { readRate } from '../stats-values';
import type { TableContext } from './rule';

/** The kinds every stats.* rule runs on. */
export const STATS_KINDS: readonly TableKind[] = ['qc.activity-stats', 'qc.team-stats', 'form.indicators'];

/** ` (2023年)` after a cell name in messages of period tables; '' for single-value forms. */
export function periodSuffix(ctx: TableContext, k: number, lang: 'zh' | 'en'): string {
  const p = ctx.table.periods?.[k];
  if (!p) return '';
  return lang === 'zh' ? `（${p}）` : ` (${p})`;
}

/** A typed rate as the user sees it: `35%` for a percentage-formatted 0.35, else the cell's text. */
export function typedText(v: CellValue, numberFormat: string | null, percent: boolean): string {
  if (typeof v === 'number' && percent) {
    const r = readRate(v, numberFormat, true);
    if (r.kind === 'rate' && r.alt === null) return `${+r.value.toFixed(4)}%`;
  }
  return cellText(v).trim();
}

