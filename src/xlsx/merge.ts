/**
 * The merged workbook of `award-tally merge` (SPEC §7): one master sheet per kind of consolidated table
 * (登记表汇总, 先进集体汇总, 先进个人汇总; header in row 1, then the rows in file order) and the 名额核对 sheet of
 * tally-sheet.ts counting over them. Identity numbers and phones are written as text so no digit is lost.
 */
import ExcelJS from 'exceljs';
import type { Consolidation } from '../core/consolidate';
import type { CellValue } from '../core/grid';
import type { Tally } from '../core/tally';
import { addTallySheet, type TallySheetLayout } from './tally-sheet';

const WIDTH: Record<string, number> = { _file: 24, _recommender: 24, seq: 6, gender: 6, residentId: 22, uscc: 22 };

function excelValue(v: CellValue, text: boolean): ExcelJS.CellValue {
  if (v === null) return null;
  if (text && typeof v === 'number') return String(v);
  return v;
}

export function buildMergedWorkbook(c: Consolidation, tally: Tally, opts: { quotaSource?: string | null } = {}): { wb: ExcelJS.Workbook; layout: TallySheetLayout } {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'award-tally';
  for (const s of c.sheets) {
    const ws = wb.addWorksheet(s.name);
    ws.columns = s.columns.map((col) => ({ width: WIDTH[col.role] ?? Math.max(10, Math.min(30, col.label.length * 2 + 4)) }));
    const header = ws.getRow(1);
    s.columns.forEach((col, i) => {
      const x = header.getCell(i + 1);
      x.value = col.label;
      x.font = { bold: true };
      x.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      x.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    });
    s.rows.forEach((values, r) => {
      const row = ws.getRow(r + 2);
      s.columns.forEach((col, i) => {
        const x = row.getCell(i + 1);
        if (col.text) x.numFmt = '@';
        x.value = excelValue(values[i], col.text);
      });
    });
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, s.rows.length + 1), column: s.columns.length } };
  }
  const layout = addTallySheet(wb, tally, c, opts);
  return { wb, layout };
}
