/**
 * The check: locate tables on every sheet, run each rule on the tables of its kinds, then the workbook-scope
 * rules (duplicates) over all tables. Pure: grids in, findings out.
 */
import { Sheet, a1, a1Range, isEmptyValue, type CellValue, type WorkbookGrid } from './grid';
import { cleanText, cellText } from './normalize';
import { compareSeverity, formatMessage, type Finding, type Lang } from './finding';
import { ALL_FORMS } from './forms';
import type { TableKind } from './forms/form';
import { locateTables } from './locate';
import { locateVerticalTables } from './locate-vertical';
import type { Profile } from './profiles/schema';
import { getProfile, DEFAULT_PROFILE_ID } from './profiles';
import { ALL_RULES } from './rules';
import { isRunRule, type Report, type Rule, type RunContext, type TableContext, type TableRef } from './rules/rule';
import type { LocatedTable, YMD } from './table';

export interface CheckOptions {
  /** File or workbook name written into each finding. */
  file: string;
  profile?: Profile;
  lang?: Lang;
  /** Today's date (the reference for birth dates when the form has no 填表日期); defaults to the clock. */
  today?: YMD;
  /** Rules to run; defaults to the whole catalogue. */
  rules?: readonly Rule[];
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
  // lookup keeps the per-cell cost to a pointer comparison. Texts are not materialised per column: the cleaning
  // returns the cell's own string when there is nothing to clean, so computing on demand allocates nothing.
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
  text(row: number, role: string): string {
    const c = this.colOf(role);
    if (c < 0) return '';
    const v = this.sheet.value(row, c);
    return typeof v === 'string' ? cleanText(v) : v === null ? '' : cleanText(cellText(v));
  }
  isBlank(row: number, role: string): boolean {
    const c = this.colOf(role);
    return c < 0 || isEmptyValue(this.sheet.value(row, c));
  }
  numberFormat(row: number, role: string): string | null {
    const c = this.table.columns[role];
    return c === undefined ? null : this.sheet.numberFormat(row, c);
  }
  report(r: Report): void {
    this.sink(r, this, this.ruleIndex);
  }
}

export function checkWorkbook(wb: WorkbookGrid, opts: CheckOptions): CheckResult {
  const profile = opts.profile ?? getProfile(DEFAULT_PROFILE_ID);
  const lang = opts.lang ?? 'zh';
  const today = opts.today ?? todayYMD();
  const rules = opts.rules ?? ALL_RULES;
  const tables: TableSummary[] = [];
  const located: CheckResult['located'] = [];
  const raw: { f: LocatedFinding; sheetIx: number; ruleIx: number }[] = [];
  const refs: (TableRef & { sheetIx: number })[] = [];

  const sink = (r: Report, ctx: Context, ruleIx: number, sheetIx: number) => {
    const rule = rules[ruleIx];
    const tpl = rule.meta.messages[r.messageId];
    if (!tpl) throw new Error(`rule ${rule.meta.id}: unknown messageId ${r.messageId}`);
    raw.push({
      sheetIx,
      ruleIx,
      f: {
        file: ctx.file,
        sheet: ctx.sheet.name,
        cell: a1(r.row, r.col),
        row: r.row,
        col: r.col,
        rule: rule.meta.id,
        severity: r.severity ?? rule.meta.severity,
        message: formatMessage(tpl, lang, r.data),
        value: r.value !== undefined ? r.value : cellText(ctx.sheet.value(r.row, r.col)) || null,
        fix: r.fix ?? null,
      },
    });
  };

  wb.sheets.forEach((grid, sheetIx) => {
    const sheet = new Sheet(grid);
    for (const table of [...locateTables(sheet, ALL_FORMS), ...locateVerticalTables(sheet, ALL_FORMS)]) {
      located.push({ sheet, table });
      tables.push({
        sheet: sheet.name,
        kind: table.kind,
        range: a1Range({ top: table.headerRow, left: table.left, bottom: table.bottom, right: table.right }),
        rows: table.rows.length,
      });
      const reference = table.title?.formDate ?? today;
      const ctx = new Context(opts.file, sheet, table, profile, reference, today, (r, c, ix) => sink(r, c, ix, sheetIx));
      refs.push({ file: opts.file, sheet, table, ctx, sheetIx });
      rules.forEach((rule, ix) => {
        if (isRunRule(rule) || !rule.meta.kinds.includes(table.kind)) return;
        ctx.ruleIndex = ix;
        rule.check(ctx);
      });
    }
  });

  rules.forEach((rule, ix) => {
    if (!isRunRule(rule)) return;
    const mine = refs.filter((t) => rule.meta.kinds.includes(t.table.kind));
    if (mine.length === 0) return;
    const run: RunContext = {
      tables: mine,
      profile,
      report: (ref, r) => sink(r, ref.ctx as Context, ix, (ref as TableRef & { sheetIx: number }).sheetIx),
    };
    rule.checkRun(run);
  });

  // Sheet order, then row, then column, then severity, then catalogue order: stable across runs.
  raw.sort(
    (a, b) =>
      a.sheetIx - b.sheetIx ||
      a.f.row - b.f.row ||
      a.f.col - b.f.col ||
      compareSeverity(a.f.severity, b.f.severity) ||
      a.ruleIx - b.ruleIx,
  );
  return { tables, findings: raw.map((x) => x.f), located };
}
