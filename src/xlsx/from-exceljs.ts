/**
 * An in-memory ExcelJS workbook → the engine's WorkbookGrid. Used where the whole workbook is loaded anyway
 * (the task pane's consolidation, `xlsx.load` of a Buffer) and as the reference the streaming reader is tested
 * against. No Node imports.
 *
 * Conventions (the same as the streaming reader in read.ts):
 * - values are raw: numbers stay numbers, dates are Date, formulas give their cached result, errors their code;
 * - only the top-left cell of a merged area holds the value (what Excel and Office.js report);
 * - number formats are recorded only for cells that hold a value and whose format is not General;
 * - trailing empty rows and columns are dropped; the grid starts at A1.
 */
import type { Workbook, Worksheet } from 'exceljs';
import type { CellValue, RangeRef, SheetGrid, WorkbookGrid } from '../core/grid';
import { fromExcelJsValue } from './values';

interface CellLike {
  value: unknown;
  col: number;
  isMerged: boolean;
  master: unknown;
  style?: { numFmt?: string };
}
interface RowLike {
  _cells: (CellLike | undefined)[];
}

export function worksheetToGrid(ws: Worksheet): SheetGrid {
  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  let hasFormats = false;
  let lastRow = -1;
  // `_rows`/`_cells` are ExcelJS's dense arrays; walking them avoids a callback and a Cell lookup per cell.
  const rows = (ws as unknown as { _rows: (RowLike | undefined)[] })._rows ?? [];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    const out: CellValue[] = [];
    let fmt: (string | null)[] | undefined;
    if (row) {
      const cells = row._cells;
      for (let c = 0; c < cells.length; c++) {
        const cell = cells[c];
        if (!cell) continue;
        if (cell.isMerged && cell.master !== cell) continue;
        const v = fromExcelJsValue(cell.value);
        if (v === null) continue;
        while (out.length < c) out.push(null);
        out[c] = v;
        const nf = cell.style?.numFmt;
        if (nf && nf !== 'General') {
          if (!fmt) fmt = [];
          while (fmt.length < c) fmt.push(null);
          fmt[c] = nf;
          hasFormats = true;
        }
      }
    }
    values.push(out);
    formats.push(fmt ?? []);
    if (out.length) lastRow = r;
  }
  values.length = lastRow + 1;
  formats.length = lastRow + 1;
  const merges: RangeRef[] = [];
  const m = (ws as unknown as { _merges?: Record<string, { model: { top: number; left: number; bottom: number; right: number } }> })._merges;
  if (m) {
    for (const k of Object.keys(m)) {
      const { top, left, bottom, right } = m[k].model;
      merges.push({ top: top - 1, left: left - 1, bottom: bottom - 1, right: right - 1 });
    }
  }
  merges.sort((a, b) => a.top - b.top || a.left - b.left);
  const grid: SheetGrid = { name: ws.name, values, origin: { row: 0, col: 0 }, merges };
  if (hasFormats) grid.numberFormats = formats;
  return grid;
}

export function workbookToGrid(wb: Workbook, name: string): WorkbookGrid {
  return { name, sheets: wb.worksheets.map(worksheetToGrid) };
}
