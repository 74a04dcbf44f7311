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

const T = {
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
    add({
      sheet: f.sheet, cell: f.cell, row: f.row, col: f.col, before: f.value ?? '', after: f.fix,
      numberFormat: ID_RULES.test(f.rule) ? '@' : undefined, reason: f.rule, message: f.message,
    });
  }

  for (const { sheet, table } of result.located) {
    const seqCol = table.columns.seq;
    const genderCol = table.columns.gender;
    const idCol = table.columns.residentId;
    table.rows.forEach((row, i) => {
      if (seqCol !== undefined) {
        const v = sheet.value(row, seqCol);
        const n = i + 1;
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
