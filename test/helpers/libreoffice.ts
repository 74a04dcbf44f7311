/**
 * Recalculating a workbook in LibreOffice Calc, to verify the formulas the product writes against the engine's own
 * computation. LibreOffice keeps a formula's cached result when the file has one, so every cached result is
 * removed first: what comes back was calculated by LibreOffice. Skipped (null, with the reason printed once) when
 * `soffice` is not installed.
 */
import { promises as fsp } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { checkWorkbook } from '../../src/core/check';
import type { WorkbookGrid } from '../../src/core/grid';
import { a1 } from '../../src/core/grid';
import { computeTableRate, itemCell, periodCount } from '../../src/core/stats-values';
import { findSoffice, readWorkbookFile, runSoffice } from '../../src/xlsx/read';

let sofficePath: Promise<string | null> | null = null;
let told = false;
export async function soffice(): Promise<string | null> {
  sofficePath ??= findSoffice();
  const p = await sofficePath;
  if (!p && !told) {
    told = true;
    console.log('skipped: soffice (LibreOffice) is not installed; apt-get install libreoffice-calc to verify the formulas');
  }
  return p;
}

/** Remove every cached formula result (ExcelJS model, in place). */
export function stripResults(wb: ExcelJS.Workbook): number {
  let n = 0;
  for (const ws of wb.worksheets) {
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type !== ExcelJS.ValueType.Formula) return;
        cell.value = { formula: cell.formula } as ExcelJS.CellFormulaValue;
        n++;
      }),
    );
  }
  return n;
}

/** Recalculate in LibreOffice; the grid of the recalculated file, or null without soffice. */
export async function recalc(source: ExcelJS.Workbook | Buffer, workDir: string, name = 'recalc.xlsx'): Promise<WorkbookGrid | null> {
  const exe = await soffice();
  if (!exe) return null;
  const wb = source instanceof ExcelJS.Workbook ? source : new ExcelJS.Workbook();
  if (!(source instanceof ExcelJS.Workbook)) await wb.xlsx.load(source as unknown as ArrayBuffer);
  stripResults(wb);
  await fsp.mkdir(path.join(workDir, 'out'), { recursive: true });
  const input = path.join(workDir, name);
  await wb.xlsx.writeFile(input);
  await runSoffice(exe, workDir, ['--convert-to', 'xlsx', '--outdir', path.join(workDir, 'out'), input]);
  return (await readWorkbookFile(path.join(workDir, 'out', name))).grid;
}

export interface RateComparison {
  /** Rate cells whose inputs are all numbers: LibreOffice's value compared with the engine's. */
  compared: number;
  /** Rate cells whose formula shows "" (an input empty or a zero denominator), as the engine says. */
  blank: number;
  maxAbsError: number;
  problems: string[];
}

/** Every rate cell of every vertical table of a recalculated grid against computeTableRate. */
export function compareRates(grid: WorkbookGrid): RateComparison {
  const result = checkWorkbook(grid, { file: grid.name, rules: [] });
  const out: RateComparison = { compared: 0, blank: 0, maxAbsError: 0, problems: [] };
  for (const { sheet, table } of result.located) {
    for (const def of table.form.rates ?? []) {
      if (!table.items?.[def.role]) continue;
      for (let k = 0; k < periodCount(table); k++) {
        const at = itemCell(table, def.role, k)!;
        const got = sheet.value(at.row, at.col);
        const want = computeTableRate(sheet, table, def, k);
        const where = `${sheet.name}!${a1(at.row, at.col)} ${def.role}`;
        if (want === null) {
          if (got !== null && got !== '') out.problems.push(`${where}: engine has no value, LibreOffice ${String(got)}`);
          else out.blank++;
          continue;
        }
        if (typeof got !== 'number') {
          out.problems.push(`${where}: LibreOffice gave ${JSON.stringify(got)}, engine ${want}`);
          continue;
        }
        const err = Math.abs(got - want);
        out.maxAbsError = Math.max(out.maxAbsError, err);
        if (err > 1e-9) out.problems.push(`${where}: LibreOffice ${got}, engine ${want}`);
        out.compared++;
      }
    }
  }
  return out;
}

/** Record verified formulas in one place for the summary printed at the end of a test file. */
export const verified = { formulas: 0, maxAbsError: 0 };
export function note(c: RateComparison): void {
  verified.formulas += c.compared;
  verified.maxAbsError = Math.max(verified.maxAbsError, c.maxAbsError);
}
