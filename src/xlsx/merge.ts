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
import { addTallySheet, TALLY_SHEET_NAME, type TallySheetLayout } from './tally-sheet';
// The workbook part's writer of ExcelJS, for the streamed workbook's calcProperties (see streamWorkbook).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const WorkbookXform = require('exceljs/lib/xlsx/xform/book/workbook-xform') as new () => { prepare(m: unknown): void; toXml(m: unknown): string };

const WIDTH: Record<string, number> = { _seq: 6, _file: 24, _sheet: 14, _recommender: 20, _formDate: 12, _row: 8, _dup: 28, seq: 8, gender: 6, residentId: 22, uscc: 22 };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
export const DUP_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };

function excelValue(v: CellValue, text: boolean): ExcelJS.CellValue {
  if (v === null) return null;
  if (text && typeof v === 'number') return String(v);
  return v;
}

/**
 * The merged workbook is written either in memory (ExcelJS.Workbook: tests, small merges) or streamed to its
 * file (ExcelJS's WorkbookWriter: the CLI, 100,000-row masters in bounded memory). The sheet builders below use
 * only what both offer: addWorksheet with its options, columns, addRow, a row's cells, commit.
 */
export type AnyWorkbook = ExcelJS.Workbook | ExcelJS.stream.xlsx.WorkbookWriter;
type AnySheet = ExcelJS.Worksheet;

function addSheet(wb: AnyWorkbook, name: string): AnySheet {
  return (wb as ExcelJS.Workbook).addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
}

/** Write a finished sheet out (streaming) — a no-op in memory. */
function done(ws: AnySheet): void {
  const w = ws as unknown as { commit?: () => void };
  if (typeof w.commit === 'function') w.commit();
}

function header(ws: AnySheet, labels: readonly string[]): void {
  const row = ws.addRow(labels as string[]);
  labels.forEach((_, i) => {
    const x = row.getCell(i + 1);
    x.font = { bold: true };
    x.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    x.fill = HEADER_FILL;
  });
  row.commit();
}

/** Write one master sheet (also used for a county's part by --split-by). */
export function addMasterSheet(wb: AnyWorkbook, s: MasterSheet): AnySheet {
  const ws = addSheet(wb, s.name);
  // Column formats once (text for IDs and phones, a date format for 填表日期): ExcelJS gives every new cell its
  // column's format.
  ws.columns = s.columns.map((col) => ({
    width: WIDTH[col.role] ?? Math.max(10, Math.min(30, col.label.length * 2 + 4)),
    style: col.text ? { numFmt: '@' } : col.date ? { numFmt: 'yyyy-mm-dd' } : {},
  }));
  header(ws, s.columns.map((c) => c.label));
  const dupCol = s.columns.findIndex((c) => c.role === DUP_ROLE);
  const n = s.columns.length;
  // One style object per column (and per column of a duplicate row), shared by its cells and never changed after:
  // the writer then works each style out once instead of once per cell.
  const plain: Partial<ExcelJS.Style>[] = s.columns.map((c) => (c.text ? { numFmt: '@' } : c.date ? { numFmt: 'yyyy-mm-dd' } : {}));
  const dup: Partial<ExcelJS.Style>[] = plain.map((st, i) => ({ ...st, fill: DUP_FILL, ...(i === dupCol ? { font: { color: { argb: 'FF9C5700' } } } : {}) }));
  for (let r = 0; r < s.rows.length; r++) {
    const values = s.rows[r];
    const out: ExcelJS.CellValue[] = new Array(n);
    for (let i = 0; i < n; i++) out[i] = excelValue(values[i], s.columns[i].text);
    const row = ws.addRow(out);
    const styles = s.dupGroup[r] >= 0 ? dup : plain;
    for (let i = 0; i < n; i++) row.getCell(i + 1).style = styles[i];
    row.commit();
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, s.rows.length + 1), column: n } };
  done(ws);
  return ws;
}

/** The 核查结果 sheet: one row per finding, the master row as a link. */
export function addFindingsSheet(wb: AnyWorkbook, rows: readonly FindingRow[], lang: Lang = 'zh'): AnySheet {
  const ws = addSheet(wb, FINDINGS_SHEET_NAME);
  const values = findingSheetValues(rows, lang, (m) => `'${m.sheet.replace(/'/g, "''")}'!A${m.row + 2}`);
  ws.columns = [6, 24, 14, 8, 6, 22, 60, 24, 24, 22].map((width, i) => ({ width, style: i === 7 || i === 8 ? { numFmt: '@' } : {} }));
  header(ws, values[0] as string[]);
  const plain: Partial<ExcelJS.Style>[] = Array.from({ length: 10 }, (_, k) => (k === 7 || k === 8 ? { numFmt: '@' } : {}));
  const link: Partial<ExcelJS.Style> = { font: { color: { argb: 'FF0563C1' }, underline: true } };
  for (let i = 1; i < values.length; i++) {
    const v = values[i];
    const out = v.map((x, k) => (k === 9 ? null : k === 7 || k === 8 ? (x === null ? null : String(x)) : (x as ExcelJS.CellValue)));
    const row = ws.addRow(out);
    for (let k = 0; k < 10; k++) row.getCell(k + 1).style = plain[k];
    const ref = v[9];
    if (typeof ref === 'string') {
      const master = rows[i - 1].master!;
      row.getCell(10).value = { text: `${master.sheet} 第 ${master.row + 2} 行`, hyperlink: `#${ref}` };
      row.getCell(10).style = link;
    }
    row.commit();
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, values.length), column: 10 } };
  done(ws);
  return ws;
}

/** The 未报送 sheet: regions of the quota from which no workbook came. */
export function addNotSubmittedSheet(wb: AnyWorkbook, regions: readonly MissingRegion[], source: string | null): AnySheet {
  const ws = addSheet(wb, NOT_SUBMITTED_SHEET_NAME);
  ws.columns = [{ width: 6 }, { width: 36 }, { width: 48 }];
  header(ws, ['序号', '地区或部门（未报送）', '说明']);
  regions.forEach((r, i) => ws.addRow([i + 1, r.region, r.unreadableFile ? `来件“${r.unreadableFile}”无法读取，请联系重新报送` : '未收到工作簿']).commit());
  if (source) {
    ws.addRow([]).commit();
    ws.addRow([`名额来源：${source}`]).commit();
  }
  done(ws);
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
  const layout = fillMergedWorkbook(wb, c, tally, opts);
  return { wb, layout };
}

function fillMergedWorkbook(wb: AnyWorkbook, c: Consolidation, tally: Tally, opts: MergedWorkbookOptions): TallySheetLayout {
  for (const s of c.sheets) addMasterSheet(wb, s);
  if (opts.findings) addFindingsSheet(wb, opts.findings, opts.lang);
  if (opts.notSubmitted && opts.notSubmitted.length) addNotSubmittedSheet(wb, opts.notSubmitted, opts.quotaSource ?? null);
  const layout = addTallySheet(wb as ExcelJS.Workbook, tally, c, opts);
  done((wb as ExcelJS.Workbook).getWorksheet(TALLY_SHEET_NAME)!);
  return layout;
}

/**
 * A streamed workbook writer to `file`: rows go to the file as they are added (bounded memory), deflated by Node's
 * zlib at level 1; the workbook asks for a full calculation on load (the 名额核对 formulas carry no cached value).
 */
export function streamWorkbook(file: string): ExcelJS.stream.xlsx.WorkbookWriter {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false, zip: { zlib: { level: 1 } } } as ExcelJS.stream.xlsx.WorkbookStreamWriterOptions);
  wb.creator = 'award-tally';
  // WorkbookWriter writes empty calcProperties; the formulas need fullCalcOnLoad as the in-memory writer sets it.
  const w = wb as unknown as { addWorkbook: () => Promise<void>; views: unknown; _worksheets: unknown[]; _definedNames: { model: unknown }; zip: { append(xml: string, o: { name: string }): void } };
  w.addWorkbook = () => {
    const model = { worksheets: w._worksheets.filter(Boolean), definedNames: w._definedNames.model, views: w.views, properties: {}, calcProperties: { fullCalcOnLoad: true } };
    const xform = new WorkbookXform();
    xform.prepare(model);
    w.zip.append(xform.toXml(model), { name: '/xl/workbook.xml' });
    return Promise.resolve();
  };
  return wb;
}

/** The merged workbook streamed to `file` (the CLI's writer). */
export async function writeMergedWorkbook(file: string, c: Consolidation, tally: Tally, opts: MergedWorkbookOptions = {}): Promise<TallySheetLayout> {
  const wb = streamWorkbook(file);
  const layout = fillMergedWorkbook(wb, c, tally, opts);
  await wb.commit();
  return layout;
}

/** A county's workbook (--split-by 推荐单位): its rows in each master sheet and its findings. */
export async function writeCountyWorkbook(file: string, part: CountyPart, lang: Lang = 'zh'): Promise<void> {
  const wb = streamWorkbook(file);
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
  await wb.commit();
}
