/**
 * Fill for the vertical forms (SPEC §4 "in-sheet rates"): the rates of 附件7 (普及率, 成果率, 活动率) and the ratios of
 * the indicator tables become live Excel formulas over labelled input rows. Pure: a CheckResult in, a FillPlan out.
 *
 * What the plan holds, per table:
 * - a RowInsert directly under each rate for the inputs it needs that are not rows of the sheet (参加QC小组人数 and
 *   职工总数 under 普及率; 取得成果小组数 under 成果率; 税金总额, 利息支出, 期初资产总计, 累计月数 under 总资产贡献率 …).
 *   An input two rates share is inserted once, under the first of them, and both formulas read it;
 * - the label (and unit) of each inserted row; 累计月数 of a year column (`2023年`) is a full year: 12 is proposed;
 * - the rate cells as formulas `=IF(C10=0,"",C9/C10)`, number format `0.00%` (ratios `0.00`), with addresses
 *   computed after the insertions. The value cells of the inserted rows are left for the user.
 *
 * A user's value is never overwritten unasked (SPEC §6):
 * - an empty rate cell gets the formula;
 * - a typed rate that agrees with the computed one (stats.rate-mismatch tolerance) is replaced by the formula —
 *   same number, now live; the change is listed like any other;
 * - a typed rate that disagrees is a conflict (stats.rate-mismatch reports it too). It is replaced by the formula
 *   only when the caller passes `replaceMismatched` — the user's explicit confirmation (`award-tally fill
 *   --replace-rates`, a second confirmation in the add-in); the change then says which value it replaces;
 * - a typed rate whose inputs are absent or still empty is kept (the formula would show an empty cell) and listed
 *   as a conflict: fill in the inputs, then fill again;
 * - a rate cell that already holds a formula is left alone when it is this formula, a conflict otherwise;
 * - an input cell is never written (except the proposed 12 months of an inserted, empty 累计月数 row).
 */
import { a1 } from './grid';
import { cellText } from './normalize';
import { formatMessage as msg, type Lang } from './finding';
import type { CheckResult } from './check';
import type { CellChange, FillConflict, FillPlan, RowInsert } from './fill';
import type { RateDef, StatsItem } from './forms/form';
import type { LocatedTable } from './table';
import type { Sheet } from './grid';
import {
  computeTableRate, formatRate, inputNumber, itemCell, itemDef, periodCount, rateFormula, rateInputs, rateNumberFormat, rateTolerance, readRate,
} from './stats-values';

export interface StatsFillOptions {
  lang?: Lang;
  /**
   * The formula a cell holds in the workbook as read (with or without the leading `=`), or null for a value. Hosts
   * that know formulas (ExcelJS) pass it so a formula written by an earlier fill is recognised; without it a
   * formula cell is judged by its cached value.
   */
  formulaAt?: (sheet: string, row: number, col: number) => string | null;
  /** Replace typed rates that disagree with the computed value by the formula (the user confirmed it). */
  replaceMismatched?: boolean;
}

type Msg = { zh: string; en: string };
const T: Record<string, Msg> = {
  insert: { zh: '在“{rate}”下方插入 {n} 行输入：{labels}', en: 'Insert {n} input row(s) under {rateEn}: {labelsEn}' },
  label: { zh: '输入行“{label}”（{rate}的计算项），请在本行填写数值', en: 'Input row "{label}" (used by {rateEn}): type its value in this row' },
  unit: { zh: '输入行“{label}”的单位', en: 'Unit of the input row "{label}"' },
  months: { zh: '累计月数：{period}为全年数据，填 12', en: 'Months: {period} is a full year, 12' },
  formula: { zh: '“{rate}”写为公式 {formula}（{value}）', en: '{rateEn} written as the formula {formula} ({value})' },
  same: { zh: '“{rate}”填写值 {typed} 与计算值一致，改为公式 {formula}', en: '{rateEn}: typed {typed} agrees with the computed value; replaced by the formula {formula}' },
  replace: { zh: '“{rate}”填写值 {typed} 与计算值 {computed} 不符，经确认替换为公式 {formula}', en: '{rateEn}: typed {typed} differs from the computed {computed}; replaced as confirmed by the formula {formula}' },
  mismatch: {
    zh: '“{rate}”填写为 {typed}，按公式计算为 {computed}，未改动；确认替换后才会改为公式',
    en: '{rateEn} is typed as {typed} but computes to {computed}; left as is — it is replaced by the formula only when you confirm',
  },
  pending: {
    zh: '“{rate}”已填写 {typed}，但 {inputs} 尚未填写，无法核对，未改为公式；请填写后再次运行填充',
    en: '{rateEn} is typed as {typed} but {inputsEn} are not filled in yet, so it cannot be checked; left as is — fill them in and fill again',
  },
  otherFormula: { zh: '“{rate}”已有公式 {existing}，与应写公式 {formula} 不同，未改动', en: '{rateEn} already holds the formula {existing}, not {formula}; left as is' },
};

/** Row after the inserts of a sheet (inserts in the coordinates of the sheet as read). */
export function shiftRow(inserts: readonly RowInsert[], sheet: string, row: number): number {
  let r = row;
  for (const ins of inserts) if (ins.sheet === sheet && ins.beforeRow <= row) r += ins.count;
  return r;
}

/** A plan made on the sheet as read (no inserts: planFill's), moved to the addresses after `inserts`. */
export function shiftPlan(plan: FillPlan, inserts: readonly RowInsert[]): FillPlan {
  if (inserts.length === 0) return plan;
  const move = <T extends { sheet: string; row: number; col: number; cell: string }>(x: T): T => {
    const row = shiftRow(inserts, x.sheet, x.row);
    return row === x.row ? x : { ...x, row, cell: a1(row, x.col) };
  };
  return { changes: plan.changes.map(move), conflicts: plan.conflicts.map(move), inserts: [...(plan.inserts ?? []), ...inserts] };
}

/**
 * One plan from the 附件3 plan (planFill: made on the sheet as read) and the stats plan (with inserts): the first
 * plan's addresses are moved past the inserts; a cell changed by both keeps the first plan's change.
 */
export function mergePlans(base: FillPlan, stats: FillPlan): FillPlan {
  const inserts = stats.inserts ?? [];
  const moved = shiftPlan({ changes: base.changes, conflicts: base.conflicts }, inserts);
  const taken = new Set(moved.changes.map((c) => `${c.sheet}!${c.cell}`));
  const changes = [...moved.changes, ...stats.changes.filter((c) => !taken.has(`${c.sheet}!${c.cell}`))];
  const order = new Map<string, number>();
  changes.forEach((c) => order.has(c.sheet) || order.set(c.sheet, order.size));
  changes.sort((a, b) => (order.get(a.sheet) ?? 0) - (order.get(b.sheet) ?? 0) || a.row - b.row || a.col - b.col);
  return { changes, conflicts: [...moved.conflicts, ...stats.conflicts], inserts: [...(base.inserts ?? []), ...inserts] };
}

interface Scheduled {
  /** The rate row the input goes under (sheet as read) and its place among that rate's new rows. */
  anchor: number;
  index: number;
  item: StatsItem;
}

interface TablePlan {
  sheet: Sheet;
  table: LocatedTable;
  rates: RateDef[];
  scheduled: Map<string, Scheduled>;
}

function normFormula(f: string): string {
  return f.replace(/^=/, '').replace(/\$/g, '').replace(/\s+/g, '').toUpperCase();
}

const YEAR_PERIOD = /^(?:19|20)\d{2}年?度?$/;

export function planStatsFill(result: CheckResult, opts: StatsFillOptions = {}): FillPlan {
  const lang = opts.lang ?? 'zh';
  const changes: CellChange[] = [];
  const conflicts: FillConflict[] = [];
  const inserts: RowInsert[] = [];

  // 1. What to insert where, table by table (sheet as read).
  const plans: TablePlan[] = [];
  for (const { sheet, table } of result.located) {
    const rates = (table.form.rates ?? []).filter((d) => table.items?.[d.role]);
    if (rates.length === 0) continue;
    rates.sort((a, b) => (table.items?.[a.role]?.row ?? 0) - (table.items?.[b.role]?.row ?? 0));
    const scheduled = new Map<string, Scheduled>();
    for (const def of rates) {
      const anchor = table.items![def.role].row;
      let index = [...scheduled.values()].filter((s) => s.anchor === anchor).length;
      for (const role of rateInputs(def)) {
        if (table.items?.[role] || scheduled.has(role)) continue;
        const item = itemDef(table, role);
        if (!item) continue;
        scheduled.set(role, { anchor, index: index++, item });
      }
    }
    plans.push({ sheet, table, rates, scheduled });
    const byAnchor = new Map<number, Scheduled[]>();
    for (const s of scheduled.values()) byAnchor.set(s.anchor, [...(byAnchor.get(s.anchor) ?? []), s]);
    for (const [anchor, list] of byAnchor) {
      const rateDef = rates.find((d) => table.items![d.role].row === anchor)!;
      const rateItem = itemDef(table, rateDef.role)!;
      inserts.push({
        sheet: sheet.name,
        beforeRow: anchor + 1,
        count: list.length,
        reason: 'fill.stats-inputs',
        message: msg(T.insert, lang, {
          rate: rateItem.label, rateEn: rateItem.labelEn, n: list.length,
          labels: list.map((s) => s.item.label).join('、'), labelsEn: list.map((s) => s.item.labelEn).join(', '),
        }),
      });
    }
  }
  // Bottom up within a sheet (the order to apply them in), sheets in workbook order.
  const sheetOrder = new Map<string, number>();
  result.located.forEach(({ sheet }) => sheetOrder.has(sheet.name) || sheetOrder.set(sheet.name, sheetOrder.size));
  inserts.sort((a, b) => (sheetOrder.get(a.sheet) ?? 0) - (sheetOrder.get(b.sheet) ?? 0) || b.beforeRow - a.beforeRow);

  // 2. Cells, at their addresses after the inserts.
  for (const { sheet, table, rates, scheduled } of plans) {
    const name = sheet.name;
    const shift = (row: number) => shiftRow(inserts, name, row);
    const periods = periodCount(table);
    const valueColOf = (k: number) => (table.form.periodColumns && table.valueCols ? table.valueCols[k] : table.columns.value);
    /** Address of an input (or any item) in period k, after the inserts. */
    const addr = (role: string, k: number): string => {
      const s = scheduled.get(role);
      if (s) return a1(shift(s.anchor) + 1 + s.index, valueColOf(k));
      const c = itemCell(table, role, k);
      return c ? a1(shift(c.row), c.col) : '#REF!';
    };
    /** Address in the sheet as read (only for inputs that exist there). */
    const addrRead = (role: string, k: number): string => {
      const c = itemCell(table, role, k);
      return c ? a1(c.row, c.col) : '#REF!';
    };

    // Labels, units and proposed months of the inserted rows.
    for (const s of scheduled.values()) {
      const rateDef = rates.find((d) => table.items![d.role].row === s.anchor)!;
      const rateItem = itemDef(table, rateDef.role)!;
      const row = shift(s.anchor) + 1 + s.index;
      const labelCol = table.items![rateDef.role].labelCol;
      const base = { sheet: name, row, before: '' };
      changes.push({
        ...base, col: labelCol, cell: a1(row, labelCol), after: s.item.label, reason: 'fill.stats-inputs',
        message: msg(T.label, lang, { label: s.item.label, rate: rateItem.label, rateEn: rateItem.labelEn }),
      });
      const unitCol = table.columns.unit;
      if (unitCol !== undefined && unitCol !== labelCol && s.item.unit) {
        changes.push({ ...base, col: unitCol, cell: a1(row, unitCol), after: s.item.unit, reason: 'fill.stats-inputs', message: msg(T.unit, lang, { label: s.item.label }) });
      }
      if (s.item.type === 'months' && table.periods) {
        table.periods.forEach((p, k) => {
          if (!YEAR_PERIOD.test(p)) return;
          const col = valueColOf(k);
          changes.push({ ...base, col, cell: a1(row, col), after: 12, reason: 'fill.stats-months', message: msg(T.months, lang, { period: p }) });
        });
      }
    }

    // The rate cells.
    for (const def of rates) {
      const rateItem = itemDef(table, def.role)!;
      const inputs = rateInputs(def);
      const allRead = inputs.every((r) => table.items?.[r]);
      for (let k = 0; k < periods; k++) {
        const at = itemCell(table, def.role, k);
        if (!at) continue;
        const row = shift(at.row);
        const formula = rateFormula(def, (r) => addr(r, k));
        const computed = computeTableRate(sheet, table, def, k);
        const base = { sheet: name, row, col: at.col, cell: a1(row, at.col) };
        const data = {
          rate: rateItem.label, rateEn: rateItem.labelEn, formula,
          value: computed === null ? (lang === 'zh' ? '待输入' : 'awaiting inputs') : formatRate(def, computed),
          computed: computed === null ? '' : formatRate(def, computed),
        };
        const write = (before: string, messageId: string, extra: Record<string, string> = {}) =>
          changes.push({
            ...base, before, after: formula, formula, formulaResult: computed ?? '', numberFormat: rateNumberFormat(def),
            reason: messageId === 'replace' ? 'fill.rate-replace' : 'fill.rate-formula', message: msg(T[messageId], lang, { ...data, ...extra }),
          });
        const CONFLICT_REASON: Record<string, string> = { mismatch: 'stats.rate-mismatch', pending: 'fill.rate-pending', otherFormula: 'fill.rate-other-formula' };
        const conflict = (value: string, messageId: string, extra: Record<string, string> = {}) =>
          conflicts.push({ ...base, value, derived: formula, message: msg(T[messageId], lang, { ...data, ...extra }), reason: CONFLICT_REASON[messageId] });

        const existing = opts.formulaAt?.(name, at.row, at.col) ?? null;
        const v = sheet.value(at.row, at.col);
        const text = cellText(v).trim();
        if (existing) {
          const mine = allRead ? rateFormula(def, (r) => addrRead(r, k)) : null;
          if (mine && normFormula(existing) === normFormula(mine)) continue;
          conflict(text, 'otherFormula', { existing: existing.startsWith('=') ? existing : `=${existing}` });
          continue;
        }
        if (text === '') {
          write('', 'formula');
          continue;
        }
        const fmt = sheet.numberFormat(at.row, at.col);
        const typed = readRate(v, fmt, def.percent);
        const shown = typed.kind === 'rate' && typeof v === 'number' && def.percent && typed.alt === null ? `${+typed.value.toFixed(4)}%` : text;
        if (computed === null || typed.kind !== 'rate') {
          // Inputs still to be typed (an inserted 累计月数 of a year column is proposed as 12 by this plan).
          const proposed = (r: string) => scheduled.get(r)?.item.type === 'months' && YEAR_PERIOD.test(table.periods?.[k] ?? '');
          const blank = inputs.filter((r) => !proposed(r) && (scheduled.has(r) || computeInputBlank(sheet, table, r, k))).map((r) => itemDef(table, r)!);
          conflict(text, 'pending', {
            typed: shown,
            inputs: blank.map((d) => `“${d.label}”`).join('、') || (lang === 'zh' ? '输入项' : 'the inputs'),
            inputsEn: blank.map((d) => `"${d.labelEn}"`).join(', ') || 'the inputs',
          });
          continue;
        }
        const want = def.percent ? computed * 100 : computed;
        const tol = rateTolerance(def, v) + 1e-9;
        const agrees = Math.abs(typed.value - want) <= tol || (typed.alt !== null && Math.abs(typed.alt - want) <= tol);
        if (agrees) write(text, 'same', { typed: shown });
        else if (opts.replaceMismatched) write(text, 'replace', { typed: shown });
        else conflict(text, 'mismatch', { typed: shown });
      }
    }
  }
  changes.sort((a, b) => (sheetOrder.get(a.sheet) ?? 0) - (sheetOrder.get(b.sheet) ?? 0) || a.row - b.row || a.col - b.col);
  return { changes, conflicts, inserts };
}

/** True when an input of period k is absent, empty or not a number (the rate cannot be checked yet). */
function computeInputBlank(sheet: Sheet, table: LocatedTable, role: string, k: number): boolean {
  return inputNumber(sheet, itemCell(table, role, k)) === null;
}
