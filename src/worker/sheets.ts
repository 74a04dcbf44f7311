/**
 * The consolidation's sheets as SheetSpecs (src/excel/sheet-spec.ts): plain data that every host writes into the
 * open workbook — the Office.js host through render-sheet.ts in as few requests as the 5 MB limit allows, the
 * preview host into its in-memory workbook. Built in the worker, so the page only receives finished data.
 *
 * - master sheets: the engine's consolidate() rows under a header row; identity numbers and phones in text cells;
 *   county text that Excel would take for a formula, number, date or boolean is written with the leading
 *   apostrophe that keeps it text (SPEC §6: text beginning with = + - @ stays text); rows named by a cross-file
 *   duplicate are filled light red;
 * - 核查结果: every finding with its source file, sheet and cell, and the master row that holds it;
 * - 名额核对: the CLI's tally sheet (src/xlsx/tally-sheet.ts, live COUNTIFS over the master sheets by their final
 *   names), converted with the template converter.
 */
import ExcelJS from 'exceljs';
import type { Consolidation, CountTerm, MasterSheet } from '../core/consolidate';
import type { CellValue } from '../core/grid';
import type { Lang } from '../core/finding';
import type { Tally } from '../core/tally';
import type { CellFormatSpec, SheetSpec, SpecValue } from '../excel/sheet-spec';
import { uniqueSheetName } from '../excel/render-sheet';
import { typedAsText } from '../excel/values';
import { sheetSpecFromWorksheet } from '../taskpane/template-spec';
import { addTallySheet, TALLY_SHEET_NAME } from '../xlsx/tally-sheet';
import type { PlacedFinding } from './protocol';

export const FINDINGS_SHEET_NAME = '核查结果';
const HEADER_FORMAT: CellFormatSpec = { font: { bold: true }, horizontal: 'Center', vertical: 'Center', wrap: true, fill: '#F2F2F2' };
/** Excel's "light red fill" (the CLI's duplicate highlight). */
export const DUPLICATE_FILL = '#FFC7CE';
const WIDTH: Record<string, number> = { _file: 24, _recommender: 20, seq: 6, gender: 6, residentId: 22, uscc: 22, phone: 15, contactPhone: 15 };

/** A county's text as a SpecValue that stays text when written (formula-like, number-like text escaped). */
export function textValue(s: string): SpecValue {
  if (s === '') return '';
  if (/^[=+\-@']/.test(s)) return `'${s}`;
  return typedAsText(s);
}

/** Excel serial day (1900 system) of a date at UTC. */
function dateSerial(d: Date): number {
  const days = d.getTime() / 86400000 + 25569;
  return days < 61 ? days - 1 : days;
}

/** One cell of a county row → its value and number format. Text columns keep every digit. */
export function specCell(v: CellValue, text: boolean): { value: SpecValue; format: string | null } {
  if (v === null || v === undefined) return { value: '', format: text ? '@' : null };
  if (v instanceof Date) return text ? { value: textValue(v.toISOString().slice(0, 10)), format: '@' } : { value: dateSerial(v), format: 'yyyy-mm-dd' };
  if (typeof v === 'number') return text ? { value: textValue(String(v)), format: '@' } : { value: v, format: null };
  if (typeof v === 'boolean') return { value: v, format: text ? '@' : null };
  return { value: textValue(v), format: text ? '@' : null };
}

/** A table of rows under a bold header row, as a SheetSpec. */
export function tableSpec(
  name: string,
  columns: { label: string; text: boolean; width: number }[],
  rows: readonly (readonly CellValue[])[],
  fills: { row: number; color: string }[] = [],
): SheetSpec {
  const C = columns.length;
  const values: SpecValue[][] = [columns.map((c) => textValue(c.label))];
  const numberFormats: (string | null)[][] = [columns.map(() => null)];
  for (const r of rows) {
    const vs: SpecValue[] = new Array(C);
    const fs: (string | null)[] = new Array(C);
    for (let j = 0; j < C; j++) {
      const x = specCell(r[j] ?? null, columns[j].text);
      vs[j] = x.value;
      fs[j] = x.format;
    }
    values.push(vs);
    numberFormats.push(fs);
  }
  const last = colLetters(C - 1);
  const formats: SheetSpec['formats'] = C > 0 ? [{ ranges: [`A1:${last}1`], format: HEADER_FORMAT }] : [];
  const byColor = new Map<string, string[]>();
  for (const f of fills) {
    let l = byColor.get(f.color);
    if (!l) byColor.set(f.color, (l = []));
    l.push(`A${f.row + 1}:${last}${f.row + 1}`);
  }
  for (const [color, ranges] of byColor) formats.push({ ranges, format: { fill: color } });
  return {
    name,
    rowCount: values.length,
    columnCount: C,
    values,
    numberFormats,
    merges: [],
    columnWidths: columns.map((c) => c.width),
    rowHeights: [],
    formats,
    borders: [],
    validations: [],
  };
}

function colLetters(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Final names of the master sheets (free in the target workbook), by the engine's name. */
export function nameSheets(c: Consolidation, taken: readonly string[]): Map<string, string> {
  const used = [...taken];
  const out = new Map<string, string>();
  for (const s of c.sheets) {
    const name = uniqueSheetName(s.name, used);
    used.push(name);
    out.set(s.name, name);
  }
  return out;
}

/** The consolidation with its master sheets (and the COUNTIFS terms pointing at them) renamed. */
export function renamed(c: Consolidation, names: ReadonlyMap<string, string>): Consolidation {
  const term = (t: CountTerm): CountTerm => ({ ...t, sheet: names.get(t.sheet) ?? t.sheet });
  const terms = (m: Map<string, CountTerm[]>) => new Map([...m].map(([k, v]) => [k, v.map(term)]));
  return {
    ...c,
    sheets: c.sheets.map((s) => ({ ...s, name: names.get(s.name) ?? s.name })),
    classTerms: terms(c.classTerms),
    categoryTerms: terms(c.categoryTerms),
  };
}

export function masterSpec(s: MasterSheet, duplicateRows: ReadonlySet<number>): SheetSpec {
  const columns = s.columns.map((c) => ({ label: c.label, text: c.text, width: WIDTH[c.role] ?? Math.max(8, Math.min(30, c.label.length * 2 + 4)) }));
  const fills = [...duplicateRows].sort((a, b) => a - b).map((row) => ({ row, color: DUPLICATE_FILL }));
  return tableSpec(s.name, columns, s.rows, fills);
}

const FINDING_LABELS = {
  zh: ['序号', '来源文件', '工作表', '单元格', '级别', '规则', '说明', '内容', '建议', '汇总表位置'],
  en: ['No.', 'File', 'Sheet', 'Cell', 'Severity', 'Rule', 'Message', 'Value', 'Fix', 'Master row'],
};
const SEVERITY = { zh: { error: '错误', warning: '警告', info: '提示' }, en: { error: 'error', warning: 'warning', info: 'info' } };

/** 核查结果: one row per finding, in file order, with the master row that holds the county row. */
export function findingsSpec(name: string, findings: readonly PlacedFinding[], lang: Lang): SheetSpec {
  const labels = FINDING_LABELS[lang];
  const widths = [6, 24, 14, 8, 6, 22, 48, 22, 22, 20];
  const columns = labels.map((label, i) => ({ label, text: i === 7 || i === 8, width: widths[i] }));
  const rows = findings.map((f, i) => [
    i + 1,
    f.file,
    f.sheet,
    f.cell,
    SEVERITY[lang][f.severity],
    f.rule,
    f.message,
    f.value ?? null,
    f.fix ?? null,
    f.master ? `${f.master.sheet}!A${f.master.row + 1}` : null,
  ]);
  return tableSpec(name, columns, rows);
}

/** 名额核对 over the (renamed) master sheets, built by the CLI's writer and converted to a spec. */
export function tallySpec(c: Consolidation, tally: Tally, name: string, quotaSource: string | null): SheetSpec {
  const wb = new ExcelJS.Workbook();
  addTallySheet(wb, tally, c, { quotaSource });
  const ws = wb.getWorksheet(TALLY_SHEET_NAME) ?? wb.worksheets[0];
  return { ...sheetSpecFromWorksheet(ws), name };
}
