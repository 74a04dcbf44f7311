/**
 * Reading and computing the values of vertical forms (QC statistics, indicator tables): item labels, counts and
 * amounts, checkboxes, `a/b` pairs, typed rates, and the rates themselves — both as the engine computes them and
 * as the live Excel formula fill writes. The rules, the fill plan and the templates all use these, so the engine's
 * number and the sheet's formula are one definition (the tests recalculate the formulas in LibreOffice and compare).
 */
import { cellText, compactText } from './normalize';
import { a1, isEmptyValue, type CellValue, type Sheet } from './grid';
import type { RateDef, StatsItem } from './forms/form';
import type { LocatedTable } from './table';

// ---------------------------------------------------------------------------------------------------------------
// Labels

/**
 * The key an item label is compared by. Rule (applied to the cell text and to every label and synonym alike):
 *  1. compact text: full-width → half-width, every space and line break removed, brackets unified (`（）` = `()`);
 *  2. cut at the first `:` (a `label：value` cell) and at the first `=` (a formula printed in the label:
 *     `本年度QC小组普及率=参加QC小组人数/职工总数x100%` → `本年度QC小组普及率`);
 *  3. bracketed parts removed: units `(个)` `(元)` `(%)`, notes `(培训、交流、书籍等费用)`, `(国家级/自治区级)`;
 *  4. a leading item number (`1.`, `1、`, `①`) and trailing `%` / `*` removed;
 *  5. `质量管理小组` / `QC活动小组` / `qc小组` → `QC小组`;
 *  6. the period words `本年度`, `本年`, `年度`, `当年`, `全年` removed wherever they occur.
 * A cell matches an item when its key equals the key of the item's label or of one of its synonyms; failing that,
 * when every word of one of the item's keyword sets occurs in the key and none of its `exclude` words does (the
 * item with the longest matching keywords wins). Keys longer than 40 characters are prose, never labels.
 */
export function itemKey(text: string): string {
  let s = compactText(text);
  const colon = s.search(/[:：]/);
  if (colon >= 0) s = s.slice(0, colon);
  const eq = s.search(/[=＝]/);
  if (eq >= 0) s = s.slice(0, eq);
  for (let i = 0; i < 3 && /\([^()]*\)/.test(s); i++) s = s.replace(/\([^()]*\)/g, '');
  s = s.replace(/^(?:\d{1,2}[.、．]|[①-⑳])/, '').replace(/[%*]+$/, '');
  s = s.replace(/质量管理小组|QC活动小组/g, 'QC小组').replace(/qc/gi, 'QC');
  s = s.replace(/本年度|本年|年度|当年|全年/g, '');
  return s;
}

/** Text after the first `：` of a `label：value` cell (cleaned), or null. */
export function inlineValue(text: string): string | null {
  const m = /[:：]([\s\S]*)$/.exec(text);
  if (!m) return null;
  const v = m[1].replace(/^[\s\u3000_＿]+|[\s\u3000_＿]+$/g, '');
  return v === '' ? null : v;
}

export const MAX_ITEM_KEY = 40;

interface ItemIndex {
  exact: Map<string, StatsItem>;
  items: readonly StatsItem[];
}
const indexCache = new WeakMap<readonly StatsItem[], ItemIndex>();
function indexItems(items: readonly StatsItem[]): ItemIndex {
  let ix = indexCache.get(items);
  if (!ix) {
    const exact = new Map<string, StatsItem>();
    for (const it of items) {
      for (const l of [it.label, ...it.synonyms]) {
        const k = itemKey(l);
        if (k && !exact.has(k)) exact.set(k, it);
      }
    }
    ix = { exact, items };
    indexCache.set(items, ix);
  }
  return ix;
}

/**
 * The item a label cell names, by the rule of `itemKey`; null when none. `exactOnly`: labels and synonyms only, no
 * keywords (for cells that may as well be free-text values).
 */
export function matchItem(items: readonly StatsItem[], text: string, exactOnly = false): StatsItem | null {
  const key = itemKey(text);
  if (!key || key.length > MAX_ITEM_KEY) return null;
  const ix = indexItems(items);
  const hit = ix.exact.get(key);
  if (hit || exactOnly) return hit ?? null;
  let best: StatsItem | null = null;
  let bestLen = 0;
  for (const it of items) {
    if (it.exclude.some((w) => key.includes(w))) continue;
    for (const set of it.keywords) {
      if (!set.every((w) => key.includes(w))) continue;
      const len = set.reduce((n, w) => n + w.length, 0);
      if (len > bestLen) {
        best = it;
        bestLen = len;
      }
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------------------------
// Values

export type NumberReading = { kind: 'empty' } | { kind: 'number'; value: number } | { kind: 'invalid'; text: string };

const UNIT_SUFFIX = /(?:个|人|名|元|万元|万美元|万|次|家|项|月|个月|天)$/;
const TEN_THOUSAND = /万(?:元|美元)?$/;

/**
 * A count or an amount as typed: a number, or text holding one (`1,234`, `１２`, `12个`, `16人`, `3.5万元` — a trailing
 * unit word is allowed). Money typed in 万 / 万元 is × 10,000 in a row whose unit is 元 (`1.5万` = 15,000, SPEC §4),
 * and taken as it is in a row counted in 万元 (`unit`, the item's printed unit). Anything else (a date, TRUE, `若干`)
 * is invalid.
 */
export function readNumber(v: CellValue, unit = ''): NumberReading {
  if (isEmptyValue(v)) return { kind: 'empty' };
  if (typeof v === 'number') return Number.isFinite(v) ? { kind: 'number', value: v } : { kind: 'invalid', text: String(v) };
  if (typeof v !== 'string') return { kind: 'invalid', text: cellText(v) };
  const compact = compactText(v);
  let s = compact.replace(UNIT_SUFFIX, '');
  if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return { kind: 'invalid', text: v };
  const scale = TEN_THOUSAND.test(compact) && !unit.startsWith('万') ? 10000 : 1;
  // × 10,000 in decimal steps: 1.2万 is 12000, not 11999.999999999998.
  return { kind: 'number', value: scale === 1 ? Number(s) : Math.round(Number(s) * scale * 1e6) / 1e6 };
}

export type CheckboxReading = { kind: 'empty' } | { kind: 'checked'; value: boolean | null } | { kind: 'both' } | { kind: 'invalid'; text: string };

const MARKS = '☑✓✔√■▣☒●◉✅';
const BOXES = '□☐○◯';
const YES = new Set(['是', 'Y', 'YES', 'TRUE', '已组织', '组织', '有']);
const NO = new Set(['否', 'N', 'NO', 'FALSE', '未组织', '没有', '无']);

/**
 * A `□是 □否` cell as true (是 ticked), false (否 ticked), null (nothing ticked). Ticks: ☑ ✓ ✔ √ ■ ▣ ☒ ● ◉; empty
 * boxes: □ ☐ ○ ◯. Forms put the box before the word (`☑是 □否`, `■是`) or after it (`是√ 否□`); which one is
 * decided per cell by where the boxes stand, and a tick counts for the word on that side. A tick standing apart
 * (`□是√ □否`) counts for the nearest word. Plain 是 / 否 (or TRUE/FALSE, a boolean cell) are read as such; both
 * words ticked is `both` (stats.value-type reports it).
 */
export function readCheckbox(v: CellValue): CheckboxReading {
  if (isEmptyValue(v)) return { kind: 'empty' };
  if (typeof v === 'boolean') return { kind: 'checked', value: v };
  if (typeof v !== 'string') return { kind: 'invalid', text: cellText(v) };
  const s = compactText(v).toUpperCase();
  if (YES.has(s)) return { kind: 'checked', value: true };
  if (NO.has(s)) return { kind: 'checked', value: false };
  const opts: { i: number; yes: boolean }[] = [];
  for (let i = 0; i < s.length; i++) if (s[i] === '是' || s[i] === '否') opts.push({ i, yes: s[i] === '是' });
  const isMark = (c: string | undefined) => c !== undefined && MARKS.includes(c);
  const isBox = (c: string | undefined) => c !== undefined && BOXES.includes(c);
  if (opts.length === 0) return { kind: 'invalid', text: v };
  let before = 0;
  let after = 0;
  for (const o of opts) {
    if (isMark(s[o.i - 1]) || isBox(s[o.i - 1])) before++;
    if (isMark(s[o.i + 1]) || isBox(s[o.i + 1])) after++;
  }
  if (before === 0 && after === 0) {
    // Words without boxes: `是` alone was handled above; `是否` or prose is not an answer.
    return opts.length === 1 ? { kind: 'checked', value: opts[0].yes } : { kind: 'invalid', text: v };
  }
  const side = before >= after ? -1 : 1;
  const chosen = new Set<boolean>();
  const used = new Set<number>();
  for (const o of opts) {
    const at = o.i + side;
    if (isMark(s[at])) {
      chosen.add(o.yes);
      used.add(at);
    }
  }
  for (let i = 0; i < s.length; i++) {
    if (!isMark(s[i]) || used.has(i)) continue;
    // A stray tick: the nearest word (the one before it on a tie).
    let best: { i: number; yes: boolean } | null = null;
    for (const o of opts) if (!best || Math.abs(o.i - i) < Math.abs(best.i - i) || (Math.abs(o.i - i) === Math.abs(best.i - i) && o.i < i)) best = o;
    if (best) chosen.add(best.yes);
  }
  if (chosen.size === 2) return { kind: 'both' };
  if (chosen.size === 0) return { kind: 'checked', value: null };
  return { kind: 'checked', value: chosen.has(true) };
}

export type PairReading =
  | { kind: 'empty' }
  | { kind: 'pair'; a: number; b: number }
  /** Excel turned `2/5` into a date (5 February): the digits are recoverable. */
  | { kind: 'date'; a: number; b: number }
  | { kind: 'invalid'; text: string };

/** `a/b` (国家级/自治区级): two non-negative integers; `2／5`, `国家级2人/自治区级5人` too. */
export function readPair(v: CellValue): PairReading {
  if (isEmptyValue(v)) return { kind: 'empty' };
  if (v instanceof Date) return { kind: 'date', a: v.getUTCMonth() + 1, b: v.getUTCDate() };
  if (typeof v !== 'string') return { kind: 'invalid', text: cellText(v) };
  const s = compactText(v);
  const m = /^(?:国家级)?(\d+)(?:人|名)?[/、,](?:自治区级|省级)?(\d+)(?:人|名)?$/.exec(s);
  return m ? { kind: 'pair', a: Number(m[1]), b: Number(m[2]) } : { kind: 'invalid', text: v };
}

export type RateReading =
  | { kind: 'empty' }
  | { kind: 'invalid'; text: string }
  /**
   * `value` in the rate's own unit (percentage points for a percentage); `alt` the other reading of a bare number
   * (see `readRate`), null when the text or the cell's format says which it is.
   */
  | { kind: 'rate'; value: number; alt: number | null };

/**
 * A typed rate. For a percentage: text with `%` (`35%`, `35.00%`, `35％`) is percentage points; a number in a cell
 * formatted as a percentage (format contains `%`) is Excel's fraction (0.35 shown as 35%); a bare number is
 * ambiguous — 35 is 35 % and 0.35 is 35 % (read as a fraction when |v| ≤ 1, as percentage points when |v| > 1), and
 * the other reading (`alt`: 0.35 %, 3500 %) is kept so that a bare number agreeing with the computed rate under the
 * other reading is not reported as a mismatch. For a plain ratio (次, 万元/人) the number is taken as it is, with a
 * trailing unit word allowed.
 */
export function readRate(v: CellValue, numberFormat: string | null, percent: boolean): RateReading {
  if (isEmptyValue(v)) return { kind: 'empty' };
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { kind: 'invalid', text: String(v) };
    if (!percent) return { kind: 'rate', value: v, alt: null };
    if (numberFormat && /%/.test(numberFormat.replace(/"[^"]*"|\\./g, ''))) return { kind: 'rate', value: v * 100, alt: null };
    return Math.abs(v) <= 1 ? { kind: 'rate', value: v * 100, alt: v } : { kind: 'rate', value: v, alt: v * 100 };
  }
  if (typeof v !== 'string') return { kind: 'invalid', text: cellText(v) };
  const s = compactText(v);
  const pct = /%$/.test(s);
  let body = s.replace(/%$/, '').replace(/(?:次|万元\/人|倍)$/, '');
  if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(body)) body = body.replace(/,/g, '');
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(body)) return { kind: 'invalid', text: v };
  const n = Number(body);
  if (!percent || pct) return { kind: 'rate', value: n, alt: null };
  return readRate(n, null, true);
}

/** Decimal places of a typed number as written (`2.35` → 2), for the tolerance of a plain ratio. */
export function typedDecimals(v: CellValue): number {
  const s = typeof v === 'number' ? String(v) : typeof v === 'string' ? compactText(v) : '';
  const m = /\.(\d+)/.exec(s);
  return m ? Math.min(m[1].length, 10) : 0;
}

/** Maximum difference between a typed and a computed percentage, in percentage points (SPEC §3). */
export const RATE_TOLERANCE_PP = 0.05;

/** Tolerance for a rate in its own unit: 0.05 percentage points, or half a unit in the last typed decimal of a ratio (at least 0.005). */
export function rateTolerance(def: RateDef, typed: CellValue): number {
  if (def.percent) return RATE_TOLERANCE_PP;
  return Math.max(0.005, 0.5 * 10 ** -typedDecimals(typed));
}

// ---------------------------------------------------------------------------------------------------------------
// Items of a located table

export interface CellPos {
  row: number;
  col: number;
}

/** The value cells of an item: one per value column (periods), or the item's own value cell. */
export function itemCells(table: LocatedTable, role: string): CellPos[] {
  const it = table.items?.[role];
  if (!it) return [];
  if (table.form.periodColumns && table.valueCols) return table.valueCols.map((col) => ({ row: it.row, col }));
  return [{ row: it.row, col: it.col }];
}

/** Number of value columns (1, or one per period). */
export function periodCount(table: LocatedTable): number {
  return table.form.periodColumns && table.valueCols ? table.valueCols.length : 1;
}

/** The value cell of an item in period k (k = 0 for single-value forms). */
export function itemCell(table: LocatedTable, role: string, k: number): CellPos | null {
  const it = table.items?.[role];
  if (!it) return null;
  if (table.form.periodColumns && table.valueCols) {
    const col = table.valueCols[k];
    return col === undefined ? null : { row: it.row, col };
  }
  return k === 0 ? { row: it.row, col: it.col } : null;
}

export function itemDef(table: LocatedTable, role: string): StatsItem | undefined {
  return table.form.items?.find((i) => i.role === role);
}

/** Roles a rate reads, in order: numerator, denominator, months. */
export function rateInputs(def: RateDef): string[] {
  const out: string[] = [];
  const add = (r: string) => {
    if (!out.includes(r)) out.push(r);
  };
  def.numerator.forEach((t) => add(t.role));
  def.denominator.forEach(add);
  if (def.annualize) add(def.annualize);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Computing a rate

/**
 * The rate as the sheet's formula computes it (a fraction for a percentage: 0.35 for 35 %), from input values;
 * null when an input is missing or the denominator (or the months) is zero — the formula then shows "".
 * Evaluation order follows the formula `rateFormula` writes, term for term, so the two agree to the last bit
 * for the usual inputs (verified against LibreOffice in the tests to 1e-9).
 */
export function computeRate(def: RateDef, get: (role: string) => number | null): number | null {
  let num = 0;
  for (let i = 0; i < def.numerator.length; i++) {
    const t = def.numerator[i];
    const v = get(t.role);
    if (v === null) return null;
    const term = t.weight === 1 ? v : t.weight * v;
    num = i === 0 ? term : num + term;
  }
  let den = 0;
  for (let i = 0; i < def.denominator.length; i++) {
    const v = get(def.denominator[i]);
    if (v === null) return null;
    den = i === 0 ? v : den + v;
  }
  if (den === 0) return null;
  if (def.average) den = den / def.denominator.length;
  let r = num / den;
  if (def.annualize) {
    const m = get(def.annualize);
    if (m === null || m === 0) return null;
    r = (r * 12) / m;
  }
  return r;
}

/** Format a number as Excel's `0.00` with up to `digits` places (trailing zeros kept), no exponent. */
export function fixed(n: number, digits = 2): string {
  return (Math.round(n * 10 ** digits) / 10 ** digits).toFixed(digits);
}

/** A computed rate for messages: `35.00%` (percentage) or `2.35` (ratio). */
export function formatRate(def: RateDef, fraction: number): string {
  return def.percent ? `${fixed(fraction * 100)}%` : fixed(fraction);
}

/**
 * The live Excel formula of a rate, given the A1 address of each input: `=IF(C9=0,"",C7/C9)` — guarded so an
 * empty or zero denominator (or months) shows an empty cell, never #DIV/0!. Percentages are left as fractions
 * for the `0.00%` number format.
 */
export function rateFormula(def: RateDef, addr: (role: string) => string): string {
  const num = def.numerator.map((t) => (t.weight === 1 ? addr(t.role) : `${t.weight}*${addr(t.role)}`));
  const numExpr = num.length === 1 ? num[0] : `(${num.join('+')})`;
  const den = def.denominator.map(addr);
  const denSum = den.length === 1 ? den[0] : `(${den.join('+')})`;
  const denExpr = def.average && den.length > 1 ? `(${denSum}/${den.length})` : denSum;
  const zero = [`${denSum}=0`];
  let expr = `${numExpr}/${denExpr}`;
  if (def.annualize) {
    const m = addr(def.annualize);
    zero.push(`${m}=0`);
    expr = `${expr}*12/${m}`;
  }
  const cond = zero.length === 1 ? zero[0] : `OR(${zero.join(',')})`;
  return `=IF(${cond},"",${expr})`;
}

/** Number format of a rate cell. */
export function rateNumberFormat(def: RateDef): string {
  return def.percent ? '0.00%' : '0.00';
}

/**
 * The numeric value of an input cell for computing (null when empty or not a number). Numbers typed as text count:
 * the sheet's own formula would not (Excel treats text as an error in arithmetic), but stats.value-type reports
 * those cells anyway.
 */
export function inputNumber(sheet: Sheet, pos: CellPos | null, unit = ''): number | null {
  if (!pos) return null;
  const r = readNumber(sheet.value(pos.row, pos.col), unit);
  return r.kind === 'number' ? r.value : null;
}

/** Compute a rate of a located table for period k from the sheet's values; null when not computable. */
export function computeTableRate(sheet: Sheet, table: LocatedTable, def: RateDef, k: number): number | null {
  return computeRate(def, (role) => inputNumber(sheet, itemCell(table, role, k), itemDef(table, role)?.unit ?? ''));
}

/** `C7` of a position. */
export function addrOf(p: CellPos): string {
  return a1(p.row, p.col);
}
