/**
 * Fill (SPEC §6): derive the values the check knows to be right and list them as changes for the user to confirm.
 * Nothing here writes: hosts apply a plan only after confirmation, and only to cells that still hold the value
 * the plan was made from. A user's value that disagrees with a derived one is a conflict, reported, never replaced.
 */
import { a1 } from './grid';
import { cellText, cleanText } from './normalize';
import { formatMessage as msg, type Lang } from './finding';
import type { CheckResult } from './check';
import { ALL_RULES } from './rules';
import { inspect } from './identifiers/resident-id';
import { formatNumber, inspect as inspectPhone } from './identifiers/phone';
import { isTotalLabel } from './forms/qc-quota';

export interface CellChange {
  sheet: string;
  cell: string;
  row: number;
  col: number;
  /** Cell text when the plan was made; the host skips the write if the cell changed since. */
  before: string;
  after: string | number;
  /** Number format to set with the value ('@' keeps an ID as text). */
  numberFormat?: string;
  /** Why: the rule whose fix this is, or `fill.seq` / `fill.gender`. */
  reason: string;
  message: string;
  /**
   * A live formula (A1 references, leading `=`), e.g. `=IF(C10=0,"",C9/C10)` (src/core/fill-stats.ts). `after`
   * holds the same text, so a host that writes `after` as a value through Office.js still gets a formula (Excel
   * parses a value starting with `=`); the ExcelJS host writes `{ formula, result: formulaResult }`.
   */
  formula?: string;
  /** The formula's value as the engine computes it now ('' when not defined), for hosts that store a cached result. */
  formulaResult?: number | string;
}

/**
 * Sheet rows to insert before any change is written (SPEC §4: input rows under the rate they feed). `beforeRow` is
 * a 0-based row of the sheet as it was read: the new rows become beforeRow … beforeRow + count − 1 and every row
 * from beforeRow down moves count rows down — formulas, merged areas and validations follow, as with Excel's
 * Insert ▸ Sheet Rows (Office.js: `sheet.getRange("8:9").insert("Down")`). New rows take the formatting of the
 * row above. Apply a sheet's inserts from the bottom up (largest beforeRow first) so each `beforeRow` still means
 * what it meant when read. Every CellChange and FillConflict address of a plan with inserts is an address of the
 * sheet after all its inserts.
 */
export interface RowInsert {
  sheet: string;
  beforeRow: number;
  count: number;
  reason: string;
  message: string;
}

export interface FillConflict {
  sheet: string;
  cell: string;
  row: number;
  col: number;
  value: string;
  derived: string;
  message: string;
  /** What kind of conflict (stats: `stats.rate-mismatch`, `fill.rate-pending`, `fill.rate-other-formula`). */
  reason?: string;
}

export interface FillPlan {
  changes: CellChange[];
  conflicts: FillConflict[];
  /** Rows to insert first (absent: none); see RowInsert for the coordinates. */
  inserts?: RowInsert[];
}

const FIXABLE = new Set(ALL_RULES.filter((r) => r.meta.fixable).map((r) => r.meta.id));
/** Rules whose fix is an ID number: written as text. */
const ID_RULES = /^id\./;

/** Rules whose fix is a count: written as a number. */
const NUMBER_RULES = /^quota\./;
/** A typed value these rules would replace is a conflict for a person to decide, never overwritten. */
const CONFLICT_RULES = new Set(['quota.total-mismatch']);

/**
 * The final form of an ID fix: a first-generation 15-digit number (whatever rule cleaned it: normalised, stored as
 * a number) goes straight to its 18-digit form, so one run does all (never "654024780512031" → "654024780512031").
 */
function finalId(fix: string): { id: string; converted: boolean } {
  const r = inspect(fix);
  if (r.length === 15 && r.status === 'ok' && r.canonical) return { id: r.canonical, converted: true };
  return { id: fix, converted: false };
}

const T = {
  to18: { zh: '{m}；并转为 18 位身份证号 {id}', en: '{m}; converted to the 18-digit ID {id}' },
  phone: { zh: '电话号码规范为 {v}', en: 'Phone number cleaned to {v}' },
  totalConflict: { zh: '{m}；总计未改动，请核实后自行修改', en: '{m}; the total is left as it is: please check it' },
  seq: { zh: '序号按行重排为 {n}', en: 'No. renumbered to {n}' },
  gender: { zh: '性别由身份证号第17位得出：{g}', en: 'Gender from digit 17 of the ID: {g}' },
  conflict: { zh: '性别“{v}”与身份证号（{g}）不符，未改动，请核实', en: 'Gender "{v}" disagrees with the ID ({g}); left as is, please check' },
};

export function planFill(result: CheckResult, lang: Lang = 'zh'): FillPlan {
  const changes: CellChange[] = [];
  const conflicts: FillConflict[] = [];
  const taken = new Set<string>();
  const sheets = new Map(result.located.map(({ sheet }) => [sheet.name, sheet]));
  const add = (c: CellChange) => {
    const key = `${c.sheet}!${c.cell}`;
    if (taken.has(key)) return;
    // A cell covered by a merged area shows the area's value: the fix of its top-left cell is the one written.
    if (sheets.get(c.sheet)?.isCovered(c.row, c.col)) return;
    taken.add(key);
    changes.push(c);
  };

  // Rule fixes first: they carry the corrected value (clean ID, 18-digit form, canonical unit type …).
  for (const f of result.findings) {
    if (!FIXABLE.has(f.rule) || f.fix === null || f.fix === undefined || f.fix === '') continue;
    if (f.rule === 'seq.gap') continue; // renumbered below, whole column at once
    const before = f.value ?? '';
    if (CONFLICT_RULES.has(f.rule) && before.trim() !== '') {
      conflicts.push({ sheet: f.sheet, cell: f.cell, row: f.row, col: f.col, value: before, derived: f.fix, reason: f.rule, message: msg(T.totalConflict, lang, { m: f.message }) });
      continue;
    }
    let after: string | number = f.fix;
    let message = f.message;
    if (ID_RULES.test(f.rule)) {
      const r = finalId(f.fix);
      after = r.id;
      if (r.converted && f.rule !== 'id.first-generation') message = msg(T.to18, lang, { m: f.message, id: r.id });
    } else if (NUMBER_RULES.test(f.rule) && /^-?\d+(\.\d+)?$/.test(f.fix)) after = Number(f.fix);
    add({
      sheet: f.sheet, cell: f.cell, row: f.row, col: f.col, before, after,
      numberFormat: ID_RULES.test(f.rule) ? '@' : undefined, reason: f.rule, message,
    });
  }

  for (const { sheet, table } of result.located) {
    const seqCol = table.columns.seq;
    const genderCol = table.columns.gender;
    const idCol = table.columns.residentId;
    const phoneCols = [table.columns.phone, table.columns.contactPhone].filter((c): c is number => c !== undefined);
    // A 总计 / 合计 row is no entry: never numbered (and the entries after it keep their numbers).
    const isTotal = (row: number) => [seqCol, table.left, table.left + 1].some((c) => c !== undefined && isTotalLabel(cellText(sheet.value(row, c))));
    let n = 0;
    table.rows.forEach((row) => {
      if (isTotal(row)) return;
      n++;
      for (const col of phoneCols) {
        const v = sheet.value(row, col);
        if (typeof v !== 'string') continue; // a number stays a number: nothing typed to clean
        const p = inspectPhone(v);
        if (!p.ok || p.number.kind === 'service') continue;
        const clean = formatNumber(p.number);
        if (clean !== v) {
          add({ sheet: sheet.name, cell: a1(row, col), row, col, before: v, after: clean, numberFormat: '@', reason: 'fill.phone', message: msg(T.phone, lang, { v: clean }) });
        }
      }
      if (seqCol !== undefined) {
        const v = sheet.value(row, seqCol);
        if (!(v === n || cleanText(cellText(v)) === String(n))) {
          add({ sheet: sheet.name, cell: a1(row, seqCol), row, col: seqCol, before: cellText(v), after: n, reason: 'fill.seq', message: msg(T.seq, lang, { n }) });
        }
      }
      if (genderCol !== undefined && idCol !== undefined) {
        const id = inspect(cleanText(cellText(sheet.value(row, idCol))));
        if (id.status !== 'ok') return;
        const g = id.male ? '男' : '女';
        const current = cleanText(cellText(sheet.value(row, genderCol)));
        if (current === '') {
          add({ sheet: sheet.name, cell: a1(row, genderCol), row, col: genderCol, before: '', after: g, reason: 'fill.gender', message: msg(T.gender, lang, { g }) });
        } else if (current !== g && (current === '男' || current === '女')) {
          conflicts.push({ sheet: sheet.name, cell: a1(row, genderCol), row, col: genderCol, value: current, derived: g, message: msg(T.conflict, lang, { v: current, g }) });
        }
      }
    });
  }
  changes.sort((a, b) => (a.sheet === b.sheet ? a.row - b.row || a.col - b.col : 0));
  return { changes, conflicts };
}
