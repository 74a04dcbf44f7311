/**
 * Shared reading for the `quota.*` rules: which rows are nominations, their side and category (through the
 * tally's RowReader, so rules and tally agree), and keyword matching for the profile's share rules.
 */
import { asciiLower, compactText } from '../normalize';
import type { Profile } from '../profiles/schema';
import { RowReader, type RowClass } from '../tally';
import type { TableRef } from './rule';

/** A nomination row of a run, with what the tally knows about it. */
export interface NominationRow {
  ref: TableRef;
  row: number;
  rc: RowClass;
}

const readers = new WeakMap<Profile, RowReader>();
export function rowReader(profile: Profile): RowReader {
  let r = readers.get(profile);
  if (!r) readers.set(profile, (r = new RowReader(profile)));
  return r;
}

/** Every nomination row of the run's tables (register and 附件3), in run order. */
export function nominationRows(tables: readonly TableRef[], profile: Profile): NominationRow[] {
  const reader = rowReader(profile);
  const out: NominationRow[] = [];
  for (const ref of tables) {
    if (!RowReader.counts(ref.table)) continue;
    for (const row of ref.table.rows) out.push({ ref, row, rc: reader.read(ref.sheet, ref.table, row) });
  }
  return out;
}

/** The name of the nominee: 名称, 先进集体名称 or 姓名. */
export function nameRole(ref: TableRef): string {
  return ref.table.kind === 'annex3.collective' ? 'collectiveName' : 'name';
}
/** The person's organisation: 工作单位 (附件3) or 企业名称 (register). */
export function employerRole(ref: TableRef): string {
  return ref.table.kind === 'qc.register' ? 'enterprise' : 'employer';
}

export function matchKey(s: string): string {
  return asciiLower(compactText(s));
}

/** First of `roles` whose text contains one of the keywords: its role and the keyword, or null. */
export function keywordIn(
  ref: TableRef,
  row: number,
  roles: readonly string[],
  keywords: readonly string[],
  opts: { notAfter?: string } = {},
): { role: string; keyword: string } | null {
  for (const role of roles) {
    if (!ref.ctx.has(role)) continue;
    const text = matchKey(ref.ctx.text(row, role));
    if (text === '') continue;
    for (const k of keywords) {
      const key = matchKey(k);
      let at = text.indexOf(key);
      while (at >= 0) {
        if (!opts.notAfter || at === 0 || text[at - 1] !== opts.notAfter) return { role, keyword: k };
        at = text.indexOf(key, at + 1);
      }
    }
  }
  return null;
}

/** A cell to report a row at: the given role's cell when the table has it, else the nominee's name, else the left. */
export function cellOf(ref: TableRef, row: number, role?: string): { row: number; col: number } {
  if (role && ref.ctx.has(role)) return { row, col: ref.ctx.col(role) };
  const n = ref.ctx.col(nameRole(ref));
  return { row, col: n >= 0 ? n : ref.table.left };
}
