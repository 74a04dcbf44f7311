/**
 * The merged workbook of `award-tally merge` (SPEC §6 Consolidate, §7): one master sheet per kind of consolidated
 * table (登记表汇总, 先进集体汇总, 先进个人汇总; header in row 1, then the rows in file order), the 核查结果 sheet
 * (every finding with its source file, sheet and cell, and the master row), the 未报送 sheet when a quota names
 * regions from which nothing came, and the 名额核对 sheet of tally-sheet.ts counting over the master sheets.
 *
 * - Identity numbers and phones are written as text ('@') so no digit is lost; 填表日期 as a date.
 * - Text is written as text: a county's `=1+1`, `+86…`, `-`, `@…` never becomes a formula (ExcelJS writes a string
 *   value as a string cell; only `{ formula }` objects are formulas).
 * - Duplicate rows (consolidate-dups.ts) are filled light orange and say which rows they repeat in 重复.
 */
import ExcelJS from 'exceljs';
import { DUP_ROLE, type Consolidation, type MasterSheet } from '../core/consolidate';
import { findingSheetValues, FINDINGS_SHEET_NAME, NOT_SUBMITTED_SHEET_NAME, type CountyPart, type FindingRow, type MissingRegion } from '../core/consolidate-report';
import type { CellValue } from '../core/grid';
import type { Lang } from '../core/finding';
import type { Tally } from '../core/tally';
import { addTallySheet, type TallySheetLayout } from './tally-sheet';

const WIDTH: Record<string, number> = { _seq: 6, _file: 24, _sheet: 14, _recommender: 20, _formDate: 12, _row: 8, _dup: 28, seq: 8, gender: 6, residentId: 22, uscc: 22 };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
export const DUP_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };

function excelValue(v: CellValue, text: boolean): ExcelJS.CellValue {
  if (v === null) return null;
  if (text && typeof v === 'number') return String(v);
  return v;
}

function header(ws: ExcelJS.Worksheet, labels: readonly string[]): void {
  const row = ws.getRow(1);
  labels.forEach((l, i) => {
    const x = row.getCell(i + 1);
    x.value = l;
    x.font = { bold: true };
    x.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    x.fill = HEADER_FILL;
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

/** Write one master sheet (also used for a county's part by --split-by). */
export function addMasterSheet(wb: ExcelJS.Workbook, s: MasterSheet): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(s.name);
  ws.columns = s.columns.map((col) => ({ width: WIDTH[col.role] ?? Math.max(10, Math.min(30, col.label.length * 2 + 4)) }));
  header(ws, s.columns.map((c) => c.label));
  // Column formats once (text for IDs and phones, a date format for 填表日期), not per cell.
  s.columns.forEach((col, i) => {
    if (col.text) ws.getColumn(i + 1).numFmt = '@';
    else if (col.date) ws.getColumn(i + 1).numFmt = 'yyyy-mm-dd';
  });
  const dupCol = s.columns.findIndex((c) => c.role === DUP_ROLE);
  s.rows.forEach((values, r) => {
    const row = ws.getRow(r + 2);
    row.values = values.map((v, i) => excelValue(v, s.columns[i].text)) as ExcelJS.CellValue[];
    s.columns.forEach((col, i) => {
      if (col.text || col.date) row.getCell(i + 1).numFmt = col.text ? '@' : 'yyyy-mm-dd';
    });
    if (s.dupGroup[r] >= 0) {
      for (let i = 1; i <= s.columns.length; i++) row.getCell(i).fill = DUP_FILL;
      if (dupCol >= 0) row.getCell(dupCol + 1).font = { color: { argb: 'FF9C5700' } };
    }
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, s.rows.length + 1), column: s.columns.length } };
  return ws;
}

/** The 核查结果 sheet: one row per finding, the master row as a link. */
export function addFindingsSheet(wb: ExcelJS.Workbook, rows: readonly FindingRow[], lang: Lang = 'zh'): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(FINDINGS_SHEET_NAME);
  const values = findingSheetValues(rows, lang, (m) => `'${m.sheet.replace(/'/g, "''")}'!A${m.row + 2}`);
  header(ws, values[0] as string[]);
  ws.columns = [6, 24, 14, 8, 6, 22, 60, 24, 24, 22].map((width) => ({ width }));
  for (let i = 1; i < values.length; i++) {
    const row = ws.getRow(i + 1);
    const v = values[i];
    row.values = v.map((x, k) => (k === 9 ? null : (x as ExcelJS.CellValue)));
    row.getCell(8).numFmt = '@';
    row.getCell(9).numFmt = '@';
    if (typeof v[7] === 'number') row.getCell(8).value = String(v[7]);
    if (typeof v[8] === 'number') row.getCell(9).value = String(v[8]);
    const ref = v[9];
    if (typeof ref === 'string') {
      const master = rows[i - 1].master!;
      row.getCell(10).value = { text: `${master.sheet} 第 ${master.row + 2} 行`, hyperlink: `#${ref}` };
      row.getCell(10).font = { color: { argb: 'FF0563C1' }, underline: true };
    }
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, values.length), column: 10 } };
  return ws;
}

/** The 未报送 sheet: regions of the quota from which no workbook came. */
export function addNotSubmittedSheet(wb: ExcelJS.Workbook, regions: readonly MissingRegion[], source: string | null): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(NOT_SUBMITTED_SHEET_NAME);
  header(ws, ['序号', '地区或部门（未报送）', '说明']);
  ws.columns = [{ width: 6 }, { width: 36 }, { width: 48 }];
  regions.forEach((r, i) => (ws.getRow(i + 2).values = [i + 1, r.region, r.unreadableFile ? `来件“${r.unreadableFile}”无法读取，请联系重新报送` : '未收到工作簿']));
  if (source) ws.getCell(regions.length + 3, 1).value = `名额来源：${source}`;
  return ws;
}

export interface MergedWorkbookOptions {
  quotaSource?: string | null;
  findings?: readonly FindingRow[];
  notSubmitted?: readonly MissingRegion[] | null;
  lang?: Lang;
}

export function buildMergedWorkbook(c: Consolidation, tally: Tally, opts: MergedWorkbookOptions = {}): { wb: ExcelJS.Workbook; layout: TallySheetLayout } {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'award-tally';
  for (const s of c.sheets) addMasterSheet(wb, s);
  if (opts.findings) addFindingsSheet(wb, opts.findings, opts.lang);
  if (opts.notSubmitted && opts.notSubmitted.length) addNotSubmittedSheet(wb, opts.notSubmitted, opts.quotaSource ?? null);
  const layout = addTallySheet(wb, tally, c, opts);
  return { wb, layout };
}

/** A county's workbook (--split-by 推荐单位): its rows in each master sheet and its findings. */
export function buildCountyWorkbook(part: CountyPart, lang: Lang = 'zh'): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'award-tally';
  for (const s of part.sheets) addMasterSheet(wb, s);
  // Master rows are renumbered per county: the findings link to the county's own sheets.
  const local = new Map<string, number>();
  for (const s of part.sheets) s.sources.forEach((src, i) => local.set(`${s.name}\u0000${src.file}\u0000${src.sheet}\u0000${src.row}`, i));
  const rows = part.findings.map((f) => {
    if (!f.master || f.finding.row === undefined) return { ...f, master: null };
    const i = local.get(`${f.master.sheet}\u0000${f.finding.file}\u0000${f.finding.sheet}\u0000${f.finding.row}`);
    return { ...f, master: i === undefined ? null : { sheet: f.master.sheet, row: i } };
  });
  addFindingsSheet(wb, rows, lang);
  return wb;
}
