/**
 * The check: locate tables on every sheet, run each rule on the tables of its kinds, then the workbook-scope
 * rules (duplicates) over all tables. Pure: grids in, findings out.
 */
import { Sheet, a1, a1Range, type CellValue, type WorkbookGrid } from './grid';
import { cleanText, cellText } from './normalize';
import { compareSeverity, formatMessage, type Finding, type Lang, type Severity } from './finding';
import { ALL_FORMS } from './forms';
import type { TableKind } from './forms/form';
import { locateTables, type RowScanner } from './locate';
import { locateVerticalTables } from './locate-vertical';
import type { Profile } from './profiles/schema';
import { getProfile, DEFAULT_PROFILE_ID } from './profiles';
import { ALL_RULES } from './rules';
import { forEachBlock, rowsOf, type RowSource } from './row-blocks';
import { isRunRule, isWorkbookRule, type Report, type RowVisitor, type Rule, type RunContext, type TableContext, type TableRef } from './rules/rule';
import type { LocatedTable, YMD } from './table';
import { TALLY_KINDS, tallyFor, type Tally, type TallyDetail } from './tally';

export interface CheckOptions {
  /** File or workbook name written into each finding. */
  file: string;
  profile?: Profile;
  lang?: Lang;
  /** Today's date (the reference for birth dates when the form has no 填表日期); defaults to the clock. */
  today?: YMD;
  /** Rules to run; defaults to the whole catalogue. */
  rules?: readonly Rule[];
  /**
   * Read each tabular table's rows while locating them, in the rules' row pass (the default), or locate every
   * table completely first (false): both give the same findings; the tests compare them.
   */
  streamRows?: boolean;
}

/** A finding with its 0-based sheet coordinates, for hosts that mark or select the cell. */
export interface LocatedFinding extends Finding {
  row: number;
  col: number;
}

export interface TableSummary {
  sheet: string;
  kind: TableKind;
  range: string;
  rows: number;
}

export interface CheckResult {
  tables: TableSummary[];
  findings: LocatedFinding[];
  /** The located tables themselves, for fill and hosts. */
  located: { sheet: Sheet; table: LocatedTable }[];
  /** Nominations per region and category (of the whole run when several workbooks are checked together). */
  tally: Tally;
}

export function todayYMD(): YMD {
  const d = new Date();
  return { y: d.getFullYear(), m: d.getMonth() + 1, d: d.getDate() };
}

class Context implements TableContext {
  constructor(
    readonly file: string,
    readonly sheet: Sheet,
    readonly table: LocatedTable,
    readonly profile: Profile,
    readonly referenceDate: YMD,
    readonly today: YMD,
    /** See TableContext.rowCapacity: set to the number of rows once the row pass is over. */
    public rowCapacity: number,
    private readonly sink: (r: Report, ctx: Context, ruleIndex: number) => void,
    public ruleIndex = 0,
  ) {}
  has(role: string): boolean {
    return role in this.table.columns;
  }
  col(role: string): number {
    const c = this.table.columns[role];
    return c === undefined ? -1 : c;
  }
  value(row: number, role: string): CellValue {
    const c = this.table.columns[role];
    return c === undefined ? null : this.sheet.value(row, c);
  }
  // Rules read a column or two row after row: a two-entry most-recently-used slot in front of the role → column
  // lookup keeps the per-cell cost to a pointer comparison.
  private lastRole = '';
  private lastCol = -1;
  private prevRole = '';
  private prevCol = -1;
  private colOf(role: string): number {
    if (role === this.lastRole) return this.lastCol;
    let c: number;
    if (role === this.prevRole) c = this.prevCol;
    else {
      const found = this.table.columns[role];
      c = found === undefined ? -1 : found;
    }
    this.prevRole = this.lastRole;
    this.prevCol = this.lastCol;
    this.lastRole = role;
    this.lastCol = c;
    return c;
  }
  index(role: string): number {
    const c = this.table.columns[role];
    return c === undefined ? -1 : c - this.sheet.left;
  }
  text(row: number, role: string): string {
    const c = this.colOf(role);
    if (c < 0) return '';
    const v = this.sheet.value(row, c);
    return typeof v === 'string' ? cleanText(v) : v === null ? '' : cleanText(cellText(v));
  }
  numberFormat(row: number, role: string): string | null {
    const c = this.table.columns[role];
    return c === undefined ? null : this.sheet.numberFormat(row, c);
  }
  /** Fill visitors of shared columns (see TableContext.beforeRows); null once the row pass is over. */
  fills: RowVisitor[] | null = [];
  beforeRows(fill: RowVisitor): boolean {
    if (this.fills === null) return false;
    this.fills.push(fill);
    return true;
  }
  report(r: Report): void {
    this.sink(r, this, this.ruleIndex);
  }
  /** Report for a given rule (run-scope rules report through the context of the cell's table). */
  emit(r: Report, ruleIndex: number): void {
    this.sink(r, this, ruleIndex);
  }
}

/** The single pass over a table's data rows: every rule's visitor on one block of rows, then the next block. */
function visitRows(source: RowSource, ctx: Context, visitors: readonly RowVisitor[], owners: readonly number[]): void {
  forEachBlock(source, (block, first, count) => {
    for (let v = 0; v < visitors.length; v++) {
      ctx.ruleIndex = owners[v];
      visitors[v](block, first, count);
    }
  });
}

/**
 * The findings of a workbook in sheet order, then row, then column, then severity, then catalogue order, and
 * in the order reported when all of these are equal: stable across runs. Rows by a counting sort (a sheet's
 * findings are many, its rows at most 1,048,576), then the few findings of one row by insertion.
 */
function orderFindings(raw: RawFindings): LocatedFinding[] {
  const { list } = raw;
  const sheetIx = raw.sheetIx.data;
  const ruleIx = raw.ruleIx.data;
  const rowOf = raw.rows.data;
  const n = list.length;
  const before = (x: number, y: number) => {
    const f = list[x];
    const g = list[y];
    return sheetIx[x] - sheetIx[y] || f.row - g.row || f.col - g.col || compareSeverity(f.severity, g.severity) || ruleIx[x] - ruleIx[y];
  };
  if (n < 256) return list.map((_, i) => i).sort(before).map((i) => list[i]);
  // Sheet, then row: counting sort on sheet × row, which keeps the reported order within a row.
  let sheets = 0;
  let rows = 0;
  for (let i = 0; i < n; i++) {
    if (sheetIx[i] >= sheets) sheets = sheetIx[i] + 1;
    if (rowOf[i] >= rows) rows = rowOf[i] + 1;
  }
  if (sheets * rows > 1 << 24) return list.map((_, i) => i).sort(before).map((i) => list[i]);
  const start = new Int32Array(sheets * rows + 1);
  for (let i = 0; i < n; i++) start[sheetIx[i] * rows + rowOf[i] + 1]++;
  for (let k = 1; k < start.length; k++) start[k] += start[k - 1];
  const order = new Int32Array(n);
  const at = start.slice(0, sheets * rows);
  for (let i = 0; i < n; i++) order[at[sheetIx[i] * rows + rowOf[i]]++] = i;
  // Within a row: column, severity, catalogue order (insertion sort, stable; rows hold a finding or two).
  for (let k = 1; k < n; k++) {
    const x = order[k];
    let j = k - 1;
    while (j >= 0 && rowOf[order[j]] === rowOf[x] && sheetIx[order[j]] === sheetIx[x] && before(order[j], x) > 0) {
      order[j + 1] = order[j];
      j--;
    }
    order[j + 1] = x;
  }
  const out: LocatedFinding[] = new Array<LocatedFinding>(n);
  for (let k = 0; k < n; k++) out[k] = list[order[k]];
  return out;
}

/** One workbook of a run. */
export interface WorkbookInput {
  grid: WorkbookGrid;
  /** File or workbook name written into its findings. */
  file: string;
}

/** The result of checking the workbooks of one run: one CheckResult per workbook, in order, and the tally. */
export interface RunResult {
  results: CheckResult[];
  tally: Tally;
  /** The tally with what consolidation needs: the tables it read and where each row was counted. */
  tallyDetail: TallyDetail;
}

/** A list of integers in a typed array that grows as they are added (`data[i]` for i < n). */
class IntList {
  data = new Int32Array(64);
  n = 0;
  push(v: number): void {
    if (this.n === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.n++] = v;
  }
}

/** A workbook's findings as reported, with what orders them: sheet, then catalogue position of the rule. */
interface RawFindings {
  list: LocatedFinding[];
  sheetIx: IntList;
  ruleIx: IntList;
  /** list[i].row, kept apart: the sort reads it 15,000 times. */
  rows: IntList;
}
type RunRef = TableRef & { sheetIx: number };

/**
 * Checks the workbooks of one run (SPEC §7 `check` of several files, consolidation). Each workbook added is
 * located and checked at once (table rules, and run-scope rules over that workbook's tables); `finish` then runs
 * the rules that look across files (`meta.acrossFiles`: dup.cross-file, quota.*) over the tables of every
 * workbook, computes the tally and returns the findings of each workbook in a stable order.
 */
export class RunChecker {
  private readonly profile: Profile;
  private readonly lang: Lang;
  private readonly today: YMD;
  private readonly rules: readonly Rule[];
  private readonly streamRows: boolean;
  private readonly books: { file: string; tables: TableSummary[]; located: CheckResult['located']; raw: RawFindings; refs: RunRef[] }[] = [];
  /** Each rule's severity under the profile (a profile may lower or raise a rule's default). */
  private readonly severities: Severity[];

  constructor(opts: Omit<CheckOptions, 'file'>) {
    this.profile = opts.profile ?? getProfile(DEFAULT_PROFILE_ID);
    this.lang = opts.lang ?? 'zh';
    this.today = opts.today ?? todayYMD();
    this.rules = opts.rules ?? ALL_RULES;
    this.streamRows = opts.streamRows ?? true;
    // A profile may lower (or raise) a rule's default severity, e.g. quota.cap-exceeded → warning.
    this.severities = this.rules.map((rule) => this.profile.severity?.[rule.meta.id] ?? rule.meta.severity);
  }

  private sink(raw: RawFindings, r: Report, ctx: Context, ruleIx: number, sheetIx: number): void {
    this.sinkSheet(raw, r, ctx.file, ctx.sheet, ruleIx, sheetIx);
  }

  private sinkSheet(raw: RawFindings, r: Report, file: string, sheet: Sheet, ruleIx: number, sheetIx: number): void {
    const rule = this.rules[ruleIx];
    const tpl = rule.meta.messages[r.messageId];
    if (!tpl) throw new Error(`rule ${rule.meta.id}: unknown messageId ${r.messageId}`);
    raw.list.push({
      file,
      sheet: sheet.name,
      cell: a1(r.row, r.col),
      row: r.row,
      col: r.col,
      rule: rule.meta.id,
      severity: r.severity ?? this.severities[ruleIx],
      message: formatMessage(tpl, this.lang, r.data),
      value: r.value !== undefined ? r.value : cellText(sheet.value(r.row, r.col)) || null,
      fix: r.fix ?? null,
    });
    raw.sheetIx.push(sheetIx);
    raw.ruleIx.push(ruleIx);
    raw.rows.push(r.row);
  }

  private runRule(rule: Rule, ix: number, refs: readonly RunRef[]): void {
    if (!isRunRule(rule)) return;
    const mine = refs.filter((t) => rule.meta.kinds.includes(t.table.kind));
    if (mine.length === 0) return;
    const run: RunContext = {
      tables: mine,
      profile: this.profile,
      report: (ref, r) => (ref.ctx as Context).emit(r, ix),
    };
    rule.checkRun(run);
  }

  /** Locate and check one workbook. */
  add(wb: WorkbookGrid, file: string): void {
    const { profile, today, rules } = this;
    const located: CheckResult['located'] = [];
    const raw: RawFindings = { list: [], sheetIx: new IntList(), ruleIx: new IntList(), rows: new IntList() };
    const refs: RunRef[] = [];

    const sheets: Sheet[] = [];
    wb.sheets.forEach((grid, sheetIx) => {
      const sheet = new Sheet(grid);
      sheets.push(sheet);
      // Locate a table, run its rules, read its rows in one pass (while they are being located when `scanner` is
      // given), end the rules; then the next table.
      const checkTable = (table: LocatedTable, scanner: RowScanner | null) => {
        located.push({ sheet, table });
        const reference = table.title?.formDate ?? today;
        const capacity = scanner === null ? table.rows.length : scanner.capacity;
        const ctx = new Context(file, sheet, table, profile, reference, today, capacity, (r, c, ix) => this.sink(raw, r, c, ix, sheetIx));
        refs.push({ file, sheet, table, ctx, sheetIx });
        const visitors: RowVisitor[] = [];
        const owners: number[] = [];
        const ends: { end: () => void; ix: number }[] = [];
        rules.forEach((rule, ix) => {
          if (isRunRule(rule) || isWorkbookRule(rule) || !rule.meta.kinds.includes(table.kind)) return;
          ctx.ruleIndex = ix;
          const visit = rule.check(ctx);
          if (!visit) return;
          const row = typeof visit === 'function' ? visit : visit.row;
          if (row) {
            visitors.push(row);
            owners.push(ix);
          }
          if (typeof visit !== 'function') ends.push({ end: () => visit.end(), ix });
        });
        // Shared columns are filled first on each block, then every rule's visitor runs on it.
        const fills = ctx.fills ?? [];
        ctx.fills = null;
        const all = [...fills, ...visitors];
        const allOwners = [...fills.map(() => -1), ...owners];
        if (scanner !== null) {
          visitRows(scanner, ctx, all, allOwners);
          scanner.finish();
        } else if (all.length > 0) visitRows(rowsOf(sheet, table.rows), ctx, all, allOwners);
        ctx.rowCapacity = table.rows.length;
        for (const e of ends) {
          ctx.ruleIndex = e.ix;
          e.end();
        }
      };
      const tabular = locateTables(sheet, ALL_FORMS, this.streamRows ? checkTable : undefined);
      if (!this.streamRows) for (const table of tabular) checkTable(table, null);
      const claimed = tabular.map((t) => ({ top: t.headerRow, bottom: t.bottom }));
      for (const table of locateVerticalTables(sheet, ALL_FORMS, claimed)) checkTable(table, null);
    });

    // Tables in the order found; rows and bottom are known once every table is located.
    const tables: TableSummary[] = located.map(({ sheet, table }) => ({
      sheet: sheet.name,
      kind: table.kind,
      range: a1Range({ top: table.headerRow, left: table.left, bottom: table.bottom, right: table.right }),
      rows: table.rows.length,
    }));
    rules.forEach((rule, ix) => {
      if (!rule.meta.acrossFiles) this.runRule(rule, ix, refs);
      if (isWorkbookRule(rule)) {
        rule.checkWorkbook({
          sheets,
          tables: located.length,
          report: (sheetIx, r) => this.sinkSheet(raw, r, file, sheets[sheetIx], ix, sheetIx),
        });
      }
    });
    this.books.push({ file, tables, located, raw, refs });
  }

  /** Run the rules across files, tally, and return each workbook's result. */
  finish(): RunResult {
    const all: RunRef[] = [];
    for (const b of this.books) for (const r of b.refs) all.push(r);
    this.rules.forEach((rule, ix) => {
      if (rule.meta.acrossFiles) this.runRule(rule, ix, all);
    });
    const tallyDetail = tallyFor(all.filter((t) => TALLY_KINDS.includes(t.table.kind)), this.profile);
    const tally = tallyDetail.tally;
    const results = this.books.map((b) => {
      const findings = orderFindings(b.raw);
      return { tables: b.tables, findings, located: b.located, tally };
    });
    return { results, tally, tallyDetail };
  }
}

/** Check the workbooks of one run together (duplicates and quotas across files). */
export function checkWorkbooks(wbs: readonly WorkbookInput[], opts: Omit<CheckOptions, 'file'>): RunResult {
  const run = new RunChecker(opts);
  for (const w of wbs) run.add(w.grid, w.file);
  return run.finish();
}

export function checkWorkbook(wb: WorkbookGrid, opts: CheckOptions): CheckResult {
  const run = new RunChecker(opts);
  run.add(wb, opts.file);
  return run.finish().results[0];
}
