/**
 * The rule contract. One rule per file in this folder (`<rule-id>.ts`), each exporting `rule`: its `meta`
 * (id, default severity, the table kinds it applies to, docs and message templates in Chinese and English)
 * and a check function. A new rule is one new file, its case table in test/rules/, and one line in index.ts.
 *
 * A rule that looks at a table's cells row by row returns a RowVisitor from `check`; the engine then reads the
 * table once, block of rows after block, and calls every rule's visitor on a block before going on to the next.
 * Rules that read a column parsed once for several rules during that pass (the ID numbers, see id-common.ts; the
 * unit types, unit-type-common.ts) return a RowCheck and do their work in `end`; rules that look at a handful of
 * cells outside the data rows (the header, the title line) do it in `check` itself. A tabular table's data rows
 * are found during that same pass (locate.ts RowScanner), so a rule that goes through the rows in its own loop
 * does so in `end`, when `table.rows` is complete.
 */
import type { CellValue, Sheet } from '../grid';
import type { RowCells } from '../row-blocks';
import type { Message, Severity } from '../finding';
import type { TableKind } from '../forms/form';
import type { Profile } from '../profiles/schema';
import type { LocatedTable, YMD } from '../table';

export interface RuleMeta {
  id: string;
  severity: Severity;
  /** Kinds the rule runs on. */
  kinds: readonly TableKind[];
  docs: Message;
  messages: Record<string, Message>;
  /** True when the rule's `fix` is the corrected cell value that 填充/fill may write (after confirmation). */
  fixable?: boolean;
  /**
   * Run-scope rules only: see the tables of every workbook checked together (consolidation, `check` of several
   * files), not only those of one workbook. Rules without it keep their per-workbook scope.
   */
  acrossFiles?: boolean;
}

export interface Report {
  /** 0-based sheet row and column of the offending cell. */
  row: number;
  col: number;
  messageId: string;
  data?: Record<string, string | number>;
  /** The offending value as text (defaults to the cell's text). */
  value?: string | null;
  /** Corrected value, or advice when the rule is not fixable. */
  fix?: string | null;
  /** Overrides meta.severity (e.g. id.region: province error, county warning). */
  severity?: Severity;
}

/** The cells of one sheet row as the grid holds them: index with `ctx.index(role)`; an entry may be undefined. */
export type { RowCells };

/**
 * A row-wise rule's check of a block of consecutive data rows, returned by `check`: `block[k]` holds the cells
 * of data row `first + k` (sheet row `table.rows[first + k]`), for k < count. The engine reads a table once, in
 * blocks of a few hundred rows, and calls every rule's visitor on a block before going on to the next: each
 * block is read while it is in the processor's cache (on a 100,000-row sheet one pass over the sheet per rule
 * was measured three to four times slower), and each rule runs its own tight loop over the block.
 */
export type RowVisitor = (block: readonly RowCells[], first: number, count: number) => void;

/**
 * A RowVisitor with work to do once every row has been seen (e.g. name.duplicate: hashes are collected while the
 * rows are read, compared afterwards). `end` may report.
 */
export interface RowCheck {
  row?: RowVisitor;
  end(): void;
}

/** What a table rule sees: one located table and its sheet. */
export interface TableContext {
  readonly file: string;
  readonly sheet: Sheet;
  readonly table: LocatedTable;
  readonly profile: Profile;
  /** Form date from the title line, else `today`. Used for birth dates and ages. */
  readonly referenceDate: YMD;
  readonly today: YMD;
  /**
   * At least `table.rows.length` once every row is read (during `check` the rows may still be to come, see
   * TableRule.check): size per-row arrays by it. After the row pass, the number of rows itself.
   */
  readonly rowCapacity: number;
  /** True when the column of this role was found. */
  has(role: string): boolean;
  /** 0-based sheet column of a role (-1 when absent). */
  col(role: string): number;
  /** Position of a role's cell in a RowVisitor's `cells` (-1 when the column is absent). */
  index(role: string): number;
  /** Raw cell value at a data row for a role. */
  value(row: number, role: string): CellValue;
  /** Cell text (cleaned: zero-width removed, trimmed) at a sheet row; '' when absent. */
  text(row: number, role: string): string;
  /**
   * For a column parsed once and shared by several rules (idColumn): `fill` is called on each block of the row
   * pass before any rule's visitor. Returns false — and does nothing — when the row pass is over.
   */
  beforeRows(fill: RowVisitor): boolean;
  /** Number format of the cell, when the host read it. */
  numberFormat(row: number, role: string): string | null;
  report(r: Report): void;
}

/** A cell of a table, as seen by rules that look across tables (duplicates). */
export interface TableRef {
  file: string;
  sheet: Sheet;
  table: LocatedTable;
  ctx: TableContext;
}

/** What a workbook-scope rule sees: every table located in the workbook (or in all consolidated workbooks). */
export interface RunContext {
  readonly tables: readonly TableRef[];
  readonly profile: Profile;
  /** Report against the table the cell belongs to. */
  report(ref: TableRef, r: Report): void;
}

export interface TableRule {
  meta: RuleMeta & { scope?: 'table' };
  /**
   * Checks the table, or returns the check of each row (see RowVisitor, RowCheck). A tabular table's rows are
   * read while it is located, in the row pass itself: during `check` the table's `rows` may still be empty.
   * Read them in the RowVisitor (`table.rows[first + k]` is there) or in `end`, when they are all known.
   */
  check(ctx: TableContext): RowVisitor | RowCheck | void;
}

export interface RunRule {
  meta: RuleMeta & { scope: 'run' };
  checkRun(ctx: RunContext): void;
}

/** What a workbook-scope rule sees: the sheets of one workbook and how many tables were found on them. */
export interface WorkbookContext {
  readonly sheets: readonly Sheet[];
  /** Tables of every kind located in the workbook. */
  readonly tables: number;
  /** Report against a cell of `sheets[sheetIx]`. */
  report(sheetIx: number, r: Report): void;
}

/** A rule about the workbook as a whole (workbook.no-table): runs once per workbook, after its tables are located. */
export interface WorkbookRule {
  meta: RuleMeta & { scope: 'workbook' };
  checkWorkbook(ctx: WorkbookContext): void;
}

export type Rule = TableRule | RunRule | WorkbookRule;

export function isRunRule(r: Rule): r is RunRule {
  return r.meta.scope === 'run';
}

export function isWorkbookRule(r: Rule): r is WorkbookRule {
  return r.meta.scope === 'workbook';
}
