/**
 * Applying a confirmed FillPlan to an ExcelJS workbook (the CLI's `award-tally fill`): row insertions first, then
 * the cell changes — values, live formulas, number formats — each only where the cell still holds the text the plan
 * was made from.
 *
 * Row insertion. ExcelJS's `spliceRows` moves cell values and styles but leaves formulas pointing at the old rows,
 * merged areas and data validations where they were (checked with ExcelJS 4.4). `insertRows` here does what Excel's
 * Insert ▸ Sheet Rows does: every formula of the workbook that refers to the sheet at or below the insertion row
 * is rewritten (shared formulas are expanded first), merged areas and validation ranges below move down (those
 * spanning the insertion grow), the print area and conditional-format ranges follow, and the new rows take the
 * formatting of the row above (number formats excepted: an input under a `0.00%` rate is not a percentage).
 * Not moved: references inside defined names' formulas other than plain ranges (ExcelJS moves those), charts and
 * pivot tables (ExcelJS does not keep them anyway).
 */
import ExcelJS from 'exceljs';
import { cellText } from '../core/normalize';
import type { CellChange, FillPlan } from '../core/fill';
import { fromExcelJsValue } from './values';

// ---------------------------------------------------------------------------------------------------------------
// Formula references

/**
 * Move the row numbers of A1 references in `formula` (no leading `=`) that point into `target` at or below
 * `beforeRow` (1-based) down by `count`. `ownSheet` is the sheet the formula lives on (unqualified references are
 * its own). String literals are left alone; `$` does not protect a reference from moving (as in Excel).
 */
export function shiftFormulaRows(formula: string, ownSheet: string, target: string, beforeRow: number, count: number): string {
  const out: string[] = [];
  let i = 0;
  const n = formula.length;
  // Sheet prefix ('My sheet'! or Sheet1!), then a cell/range (A1, $A$1:B2) or a row range (3:5).
  const ref = /(?:'((?:[^']|'')+)'!|([A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*)!)?(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?|\$?\d+:\$?\d+)(?![\w(!])/y;
  const shiftOne = (part: string) =>
    part.replace(/(\$?)(\d+)$/, (_m, d: string, num: string) => {
      const r = Number(num);
      return d + String(r >= beforeRow ? r + count : r);
    });
  while (i < n) {
    const c = formula[i];
    if (c === '"') {
      // A string literal, `""` escaping a quote.
      let j = i + 1;
      while (j < n) {
        if (formula[j] === '"') {
          if (formula[j + 1] === '"') j += 2;
          else break;
        } else j++;
      }
      out.push(formula.slice(i, j + 1));
      i = j + 1;
      continue;
    }
    const prev = i > 0 ? formula[i - 1] : '';
    if (!/[\w.$\u00C0-\uFFFF]/.test(prev) || c === "'") {
      ref.lastIndex = i;
      const m = ref.exec(formula);
      if (m) {
        const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
        const onTarget = (sheet ?? ownSheet) === target;
        const body = m[3];
        const moved = onTarget ? body.split(':').map(shiftOne).join(':') : body;
        out.push(m[0].slice(0, m[0].length - body.length) + moved);
        i += m[0].length;
        continue;
      }
    }
    // Not a reference: a whole word (a function name, a number, a defined name) or one character.
    let j = i + 1;
    if (/[\w.$\u00C0-\uFFFF]/.test(c)) while (j < n && /[\w.$\u00C0-\uFFFF]/.test(formula[j])) j++;
    out.push(formula.slice(i, j));
    i = j;
  }
  return out.join('');
}

/** `A1:C9 E2:E5` style range lists (validations, conditional formats, print areas) moved like formula references. */
function shiftRanges(ranges: string, sheet: string, beforeRow: number, count: number): string {
  return ranges
    .split(/\s+/)
    .map((r) => shiftFormulaRows(r, sheet, sheet, beforeRow, count))
    .join(' ');
}

// ---------------------------------------------------------------------------------------------------------------
// Row insertion

interface MergeModel {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Insert `count` blank rows before 0-based `beforeRow` of `ws`, the way Excel does (see the module comment). */
export function insertRows(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, beforeRow: number, count: number): void {
  if (count <= 0) return;
  const at = beforeRow + 1; // 1-based
  const target = ws.name;

  // 1. Every formula of the workbook, read before anything moves (shared formulas as their own text).
  const formulas: { sheet: ExcelJS.Worksheet; row: number; col: number; formula: string; result: unknown }[] = [];
  for (const sheet of wb.worksheets) {
    sheet.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (cell.type !== ExcelJS.ValueType.Formula) return;
        const f = cell.formula;
        if (!f) return;
        formulas.push({ sheet, row: r, col: c, formula: f, result: (cell.value as { result?: unknown }).result });
      });
    });
  }

  // 2. Merged areas of the sheet: taken apart now, put back moved.
  const merges: MergeModel[] = Object.values((ws as unknown as { _merges: Record<string, { model: MergeModel }> })._merges ?? {}).map((m) => ({ ...m.model }));
  for (const m of merges) ws.unMergeCells(m.top, m.left, m.bottom, m.right);

  // 3. The rows themselves (values and styles move; ExcelJS also moves defined names).
  const above = at > 1 ? ws.getRow(at - 1) : null;
  ws.spliceRows(at, 0, ...Array.from({ length: count }, () => []));
  if (above) {
    for (let k = 0; k < count; k++) {
      const row = ws.getRow(at + k);
      if (above.height) row.height = above.height;
      above.eachCell({ includeEmpty: true }, (cell, c) => {
        const style = JSON.parse(JSON.stringify(cell.style ?? {})) as Partial<ExcelJS.Style>;
        delete style.numFmt;
        row.getCell(c).style = style;
      });
    }
  }

  // 4. Formulas at their new places, with their references moved.
  for (const f of formulas) {
    const row = f.sheet === ws && f.row >= at ? f.row + count : f.row;
    const formula = shiftFormulaRows(f.formula, f.sheet.name, target, at, count);
    const cell = f.sheet.getCell(row, f.col);
    cell.value = (f.result === undefined ? { formula } : { formula, result: f.result }) as ExcelJS.CellFormulaValue;
  }

  // 5. Merged areas back, moved (an area spanning the insertion grows).
  for (const m of merges) {
    const top = m.top >= at ? m.top + count : m.top;
    const bottom = m.bottom >= at ? m.bottom + count : m.bottom;
    ws.mergeCells(top, m.left, bottom, m.right);
  }

  // 6. Data validations, conditional formats, print area.
  const dv = (ws as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations;
  if (dv?.model) {
    const moved: Record<string, unknown> = {};
    for (const [addr, rule] of Object.entries(dv.model)) {
      if (rule === undefined) continue;
      moved[shiftRanges(addr, target, at, count)] = rule;
    }
    dv.model = moved;
  }
  const cfs = (ws as unknown as { conditionalFormattings?: { ref: string }[] }).conditionalFormattings;
  if (Array.isArray(cfs)) for (const cf of cfs) if (cf.ref) cf.ref = shiftRanges(cf.ref, target, at, count);
  if (ws.pageSetup?.printArea) ws.pageSetup.printArea = ws.pageSetup.printArea.split(',').map((r) => shiftRanges(r, target, at, count)).join(',');
}

// ---------------------------------------------------------------------------------------------------------------
// Applying a plan

export interface ApplyOutcome {
  inserted: number;
  written: number;
  /** Changes not written because the cell no longer held `before`. */
  skipped: CellChange[];
}

/**
 * Set one cell's number format and nothing else. ExcelJS shares one style object between the cells loaded with
 * the same style id, so `cell.numFmt = …` would change every one of them (a whole column turned into `0.00%`):
 * the cell gets its own copy first.
 */
export function setNumberFormat(cell: ExcelJS.Cell, numFmt: string): void {
  cell.style = { ...cell.style, numFmt };
}

/** True when the cell holds a formula (plain, shared or array), with or without a cached result. */
export function isFormulaCell(cell: ExcelJS.Cell): boolean {
  if (cell.type === ExcelJS.ValueType.Formula) return true;
  const v = cell.value as { formula?: unknown; sharedFormula?: unknown } | null;
  return !!v && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v);
}

/**
 * A plan that never replaces a formula by a constant (SPEC §6, ARCHITECTURE "Nothing lost"): each value change
 * aimed at a cell that holds a formula becomes a conflict, reported and left as it is. (An uncached formula reads
 * as an empty cell, so the engine may have planned to fill it.) Formula changes — a rate's live formula — stay.
 */
export function protectFormulas(wb: ExcelJS.Workbook, plan: FillPlan, lang: 'zh' | 'en' = 'zh'): FillPlan {
  const changes: CellChange[] = [];
  const conflicts = [...plan.conflicts];
  for (const ch of plan.changes) {
    const cell = ch.formula ? undefined : wb.getWorksheet(ch.sheet)?.findCell(ch.row + 1, ch.col + 1);
    if (cell && isFormulaCell(cell)) {
      const f = cell.formula ? `=${cell.formula}` : '';
      const after = String(ch.after);
      conflicts.push({
        sheet: ch.sheet,
        cell: ch.cell,
        row: ch.row,
        col: ch.col,
        value: f,
        derived: after,
        reason: 'fill.formula-kept',
        message:
          lang === 'en'
            ? `The cell holds a formula (${f}); it is left as it is, not replaced by "${after}": please check it`
            : `该单元格是公式（${f}），未替换为“${after}”，请核实公式`,
      });
    } else changes.push(ch);
  }
  return { ...plan, changes, conflicts };
}

/** The text of an ExcelJS cell as the engine reads it (formulas: their cached result). */
function currentText(cell: ExcelJS.Cell): string {
  return cellText(fromExcelJsValue(cell.value)).trim();
}

/**
 * Apply a confirmed plan: inserts bottom-up per sheet, then every change whose cell still holds its `before` text.
 * Formula changes are written as live formulas with the engine's value as the cached result, and the workbook is
 * flagged to recalculate fully when Excel opens it.
 */
export function applyPlan(wb: ExcelJS.Workbook, plan: FillPlan): ApplyOutcome {
  let inserted = 0;
  const inserts = [...(plan.inserts ?? [])];
  // Bottom-up within each sheet, whatever order the plan lists them in.
  inserts.sort((a, b) => (a.sheet === b.sheet ? b.beforeRow - a.beforeRow : a.sheet < b.sheet ? -1 : 1));
  for (const ins of inserts) {
    const ws = wb.getWorksheet(ins.sheet);
    if (!ws) continue;
    insertRows(wb, ws, ins.beforeRow, ins.count);
    inserted += ins.count;
  }
  let written = 0;
  const skipped: CellChange[] = [];
  for (const ch of plan.changes) {
    const ws = wb.getWorksheet(ch.sheet);
    if (!ws) {
      skipped.push(ch);
      continue;
    }
    const cell = ws.getCell(ch.row + 1, ch.col + 1);
    if (currentText(cell) !== ch.before.trim()) {
      skipped.push(ch);
      continue;
    }
    if (ch.formula) {
      const formula = ch.formula.replace(/^=/, '');
      const result = ch.formulaResult;
      cell.value = (result === undefined || result === '' ? { formula } : { formula, result }) as ExcelJS.CellFormulaValue;
    } else {
      cell.value = ch.after;
    }
    if (ch.numberFormat) setNumberFormat(cell, ch.numberFormat);
    written++;
  }
  if (plan.changes.some((c) => c.formula) || inserted > 0) {
    const calc = (wb as unknown as { calcProperties: { fullCalcOnLoad?: boolean } }).calcProperties;
    if (calc) calc.fullCalcOnLoad = true;
  }
  return { inserted, written, skipped };
}

/** The formula of a cell (with `=`), or null: what planStatsFill's `formulaAt` wants. */
export function formulaLookup(wb: ExcelJS.Workbook): (sheet: string, row: number, col: number) => string | null {
  return (sheet, row, col) => {
    const ws = wb.getWorksheet(sheet);
    const cell = ws?.findCell(row + 1, col + 1);
    if (!cell || cell.type !== ExcelJS.ValueType.Formula) return null;
    const f = cell.formula;
    return f ? `=${f}` : null;
  };
}
