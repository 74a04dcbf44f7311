/** How the fill panel orders and groups what the plan holds (pure, tested in test/taskpane/units.test.ts). */
import type { FillConflict, RowInsert } from '../core/fill';

/** Inserts in reading order: sheet by sheet as planned, top row first. */
export function sortInserts(inserts: readonly RowInsert[]): RowInsert[] {
  const sheetOrder = new Map<string, number>();
  inserts.forEach((i) => sheetOrder.has(i.sheet) || sheetOrder.set(i.sheet, sheetOrder.size));
  return [...inserts].sort((a, b) => sheetOrder.get(a.sheet)! - sheetOrder.get(b.sheet)! || a.beforeRow - b.beforeRow);
}

/** A typed rate that disagrees with its inputs: replaceable by its formula after the user's confirmation. */
export function isRateMismatch(c: FillConflict): boolean {
  return c.reason === 'stats.rate-mismatch';
}

export type ConflictKind = 'rate' | 'gender' | 'other';

function kindOf(c: FillConflict): ConflictKind {
  if (c.reason?.startsWith('stats.rate') || c.reason?.startsWith('fill.rate')) return 'rate';
  // core/fill.ts: a 性别 that disagrees with digit 17 of the ID (derived 男 / 女, no reason).
  if (!c.reason && (c.derived === '男' || c.derived === '女')) return 'gender';
  return 'other';
}

/** Conflicts grouped by what they are, each group worded on its own (a rate is not "由身份证号推算"). */
export function conflictGroups(conflicts: readonly FillConflict[]): { kind: ConflictKind; conflicts: FillConflict[] }[] {
  const out: { kind: ConflictKind; conflicts: FillConflict[] }[] = [];
  for (const c of conflicts) {
    const kind = kindOf(c);
    let g = out.find((x) => x.kind === kind);
    if (!g) out.push((g = { kind, conflicts: [] }));
    g.conflicts.push(c);
  }
  return out;
}
