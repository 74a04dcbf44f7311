/** What the task pane hands to Worksheet.insertWorksheetsFromBase64: a real .xlsx with the 附件3 template. */
import ExcelJS from 'exceljs';
import { templateBase64 } from '../../src/taskpane/template-base64';
import { annex3Layout, ANNEX3_SHEET_NAME } from '../../src/xlsx/template';

test('annex3 → base64 of an .xlsx whose ID column is text', async () => {
  const b64 = await templateBase64('annex3');
  expect(b64).toMatch(/^[A-Za-z0-9+/]+=*$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(b64, 'base64') as never);
  const ws = wb.getWorksheet(ANNEX3_SHEET_NAME)!;
  expect(ws).toBeTruthy();
  const L = annex3Layout();
  expect(ws.getCell(L.individualFirstRow + 1, L.individualColumns.residentId + 1).numFmt).toBe('@');
});
