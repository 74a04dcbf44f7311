/**
 * The 公示 workbook (`award-tally mask`, SPEC §6 公示 export): one sheet per kind of nomination table, a title, a
 * line saying what was masked or left out, the header and the rows of core/notice.ts. Every cell is text written
 * as text ('@'; a value beginning with = + - @ stays text), 序号 a number. Before the workbook is handed back,
 * every cell of every sheet is scanned by `assertPublic`: one full ID or mobile anywhere and NoticeLeakError is
 * thrown instead (nothing is written).
 */
import ExcelJS from 'exceljs';
import { assertPublic, type NoticeSheet } from '../core/notice';

const BORDER: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };

/** Every cell of an ExcelJS workbook, for the guard. */
export function* workbookCells(wb: ExcelJS.Workbook): Generator<{ sheet: string; cell: string; value: unknown }> {
  for (const ws of wb.worksheets) {
    yield { sheet: ws.name, cell: '(name)', value: ws.name };
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      for (let c = 1; c <= row.cellCount; c++) {
        const cell = row.getCell(c);
        const v = cell.value as unknown;
        const text = v !== null && typeof v === 'object' && !(v instanceof Date) && 'richText' in (v as object)
          ? (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join('')
          : v;
        yield { sheet: ws.name, cell: cell.address, value: text };
      }
    }
  }
}

export function buildNoticeWorkbook(sheets: readonly NoticeSheet[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'award-tally';
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, { pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
    const n = s.columns.length;
    ws.columns = s.columns.map((c) => ({ width: c.role === 'seq' ? 6 : c.role === 'residentId' ? 22 : c.role === 'employer' || c.role === 'collectiveName' || c.role === 'enterprise' ? 30 : 12 }));
    ws.getCell(1, 1).value = s.title;
    ws.getCell(1, 1).font = { bold: true, size: 16 };
    ws.getCell(1, 1).alignment = { horizontal: 'center' };
    if (n > 1) ws.mergeCells(1, 1, 1, n);
    ws.getCell(2, 1).value = s.note || null;
    ws.getCell(2, 1).font = { color: { argb: 'FF595959' } };
    if (n > 1) ws.mergeCells(2, 1, 2, n);
    const head = ws.getRow(3);
    s.columns.forEach((c, i) => {
      const x = head.getCell(i + 1);
      x.value = c.label;
      x.font = { bold: true };
      x.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      x.border = BORDER;
    });
    s.rows.forEach((values, r) => {
      const row = ws.getRow(r + 4);
      values.forEach((v, i) => {
        const x = row.getCell(i + 1);
        if (typeof v === 'string') x.numFmt = '@';
        x.value = v;
        x.border = BORDER;
        x.alignment = { vertical: 'middle', wrapText: true, horizontal: i === 0 ? 'center' : 'left' };
      });
    });
    ws.views = [{ state: 'frozen', ySplit: 3 }];
  }
  assertPublic(workbookCells(wb));
  return wb;
}
