/**
 * The 单位性质 column of a table, read once for unit-type.invalid and unit-type.synonym: during the row pass each
 * cell is looked up in the profile's list (one map read for a value written exactly as listed — the common
 * case), and only the other cells are kept, with what the lookup said. Both rules then read those few cells.
 */
import { cleanCellText } from '../normalize';
import { fillSharedColumn } from '../row-blocks';
import { unitTypeLookup, type UnitTypeMatch } from '../profiles/unit-types';
import type { RowCells, TableContext } from './rule';

export class UnitTypeColumn {
  /**
   * Cells neither empty nor written exactly as listed, in row order: entry k is data row `odd[k]` (index in
   * table.rows), its cleaned text `texts[k]`, the text as written `raws[k]` (a finding's value) and what the
   * lookup said, `matches[k]`: a synonym or another spelling of a listed value, or null for an unknown value.
   */
  readonly odd: number[] = [];
  readonly texts: string[] = [];
  readonly raws: string[] = [];
  readonly matches: (UnitTypeMatch | null)[] = [];
  private readonly lookup: (text: string) => UnitTypeMatch | null;
  constructor(
    ctx: TableContext,
    /** Position of the column in a row's cells. */
    private readonly j: number,
  ) {
    this.lookup = unitTypeLookup(ctx.profile);
  }

  fill(block: readonly RowCells[], first: number, count: number): void {
    const { j, lookup } = this;
    for (let k = 0; k < count; k++) {
      const v = block[k][j];
      // A value written exactly as listed is clean already: one map read, no cleaning.
      let m = typeof v === 'string' ? lookup(v) : null;
      if (m !== null && m.match === 'exact') continue;
      const text = cleanCellText(v);
      if (text === '') continue;
      if (text !== v) m = lookup(text);
      if (m !== null && m.match === 'exact') continue;
      this.odd.push(first + k);
      this.texts.push(text);
      this.raws.push(typeof v === 'string' ? v : text);
      this.matches.push(m);
    }
  }
}

const cache = new WeakMap<TableContext, UnitTypeColumn | null>();

/**
 * The table's 单位性质 column, null when the table has none. Asked for in `check`, it is filled during the row
 * pass: read it in the rule's `end`.
 */
export function unitTypeColumn(ctx: TableContext): UnitTypeColumn | null {
  let c = cache.get(ctx);
  if (c === undefined) {
    const j = ctx.index('unitType');
    if (j < 0) c = null;
    else {
      const made = new UnitTypeColumn(ctx, j);
      fillSharedColumn(ctx, (block, first, count) => made.fill(block, first, count));
      c = made;
    }
    cache.set(ctx, c);
  }
  return c;
}
