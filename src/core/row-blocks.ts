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

/** Calls `visit(block, first, count)` for the data rows `rows` of a sheet, block after block. */
export function forEachBlock(sheet: Sheet, rows: readonly number[], visit: (block: readonly RowCells[], first: number, count: number) => void): void {
  const values = sheet.grid.values;
  const top = sheet.top;
  const block: RowCells[] = new Array<RowCells>(BLOCK).fill(NO_CELLS);
  for (let first = 0; first < rows.length; first += BLOCK) {
    const count = Math.min(BLOCK, rows.length - first);
    for (let k = 0; k < count; k++) block[k] = values[rows[first + k] - top] ?? NO_CELLS;
    visit(block, first, count);
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
  if (!ctx.beforeRows(fill)) forEachBlock(ctx.sheet, ctx.table.rows, fill);
}
