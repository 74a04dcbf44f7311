/**
 * The row pass's unit of work: a table's data rows in blocks of consecutive rows, each block an array of the
 * rows' cells as the grid holds them (see RowVisitor in rules/rule.ts).
 */
import type { CellValue, Sheet } from './grid';

/** The cells of one sheet row; an entry may be undefined (a short row). */
export type RowCells = readonly (CellValue | undefined)[];

/** Rows per block: a block of an 附件3 table (about 0.5 KB a row) stays within the L2 cache. */
export const BLOCK = 256;

const NO_CELLS: RowCells = [];

/** Where a row pass gets its rows: `next` puts the cells of up to `max` further data rows into `block`. */
export interface RowSource {
  /** How many rows it put there, from block[0] on; 0 when there are no more. */
  next(block: RowCells[], max: number): number;
}

/** The data rows `rows` of a sheet (already located) as a RowSource. */
export function rowsOf(sheet: Sheet, rows: readonly number[]): RowSource {
  const values = sheet.grid.values;
  const top = sheet.top;
  let at = 0;
  return {
    next(block, max) {
      const count = Math.min(max, rows.length - at);
      for (let k = 0; k < count; k++) block[k] = values[rows[at + k] - top] ?? NO_CELLS;
      at += count;
      return count;
    },
  };
}

/** Calls `visit(block, first, count)` for the rows of a source, block after block; `first` counts from 0. */
export function forEachBlock(source: RowSource, visit: (block: readonly RowCells[], first: number, count: number) => void): void {
  const block: RowCells[] = new Array<RowCells>(BLOCK).fill(NO_CELLS);
  for (let first = 0; ; ) {
    const count = source.next(block, BLOCK);
    if (count === 0) return;
    visit(block, first, count);
    first += count;
  }
}

/** What `fillSharedColumn` needs of a table context (rules/rule.ts TableContext). */
interface PassContext {
  readonly sheet: Sheet;
  readonly table: { readonly rows: readonly number[] };
  beforeRows(fill: (block: readonly RowCells[], first: number, count: number) => void): boolean;
}

/**
 * Fill a column shared by several rules: during the row pass when it is still to come (before the rules'
 * visitors see each block), otherwise at once, block after block.
 */
export function fillSharedColumn(ctx: PassContext, fill: (block: readonly RowCells[], first: number, count: number) => void): void {
  if (!ctx.beforeRows(fill)) forEachBlock(rowsOf(ctx.sheet, ctx.table.rows), fill);
}
