/**
 * The 名额核对 sheet for the add-in (SPEC §6 Fill "quota tally sheet with live COUNTIFS formulas"), built with the
 * same ExcelJS writer as `award-tally merge` (src/xlsx/tally-sheet.ts). Imported only through a dynamic import():
 * it pulls in ExcelJS, which stays out of the task pane's first download.
 *
 * In the merge the counts point at the consolidated master sheets; here there are none: the formulas point at the
 * workbook's own register sheet by name (`'登记表'!$B:$B`), so editing a register row recounts in plain Excel. The
 * master sheet's columns are mapped back to the register's; a region row counts every spelling the engine counted
 * under it (its variants), since the register holds the names as typed. 附件3 tables carry their region in the
 * title line, not in a column, so they have no COUNTIFS form: classes counted only from 附件3 tables get 0 and are
 * named in the sheet's note (the task pane shows their counts).
 */
import ExcelJS from 'exceljs';
import type { RunResult } from '../core/check';
import { consolidate, type Consolidation, type CountTerm } from '../core/consolidate';
import type { Profile } from '../core/profiles/schema';
import { addTallySheet, TALLY_SHEET_NAME } from '../xlsx/tally-sheet';
import type { SheetPayload } from './host-port';
import { sheetSpecFromWorksheet } from '../xlsx/template-spec';
import { toBase64 } from './template-payload';

/** The merge's COUNTIFS terms moved from the master sheet to the register sheet (null: no register table). */
export function inWorkbookTerms(run: RunResult, profile: Profile): Consolidation | null {
  const detail = run.tallyDetail;
  const registers = detail.tables.filter((t) => t.table.kind === 'qc.register');
  if (registers.length === 0) return null;
  const reg = registers[0];
  const regionCol = reg.table.columns.region;
  if (regionCol === undefined) return null;
  const c = consolidate(detail, profile);
  const master = c.sheets.find((s) => s.kind === 'qc.register');
  if (!master) return null;
  const move = (terms: readonly CountTerm[]): CountTerm[] =>
    terms
      .filter((t) => t.sheet === master.name)
      .map((t) => ({
        sheet: reg.sheet.name,
        // Criteria on columns the register does not have (对象: implied by 类别) are dropped.
        criteria: t.criteria
          .map((k) => ({ col: reg.table.columns[master.columns[k.col]?.role ?? ''] ?? -1, values: k.values }))
          .filter((k) => k.col >= 0),
      }))
      .filter((t) => t.criteria.length > 0);
  const map = (m: Map<string, CountTerm[]>) => new Map([...m].map(([k, v]) => [k, move(v)]));
  return { sheets: [], recommenderCol: regionCol, classTerms: map(c.classTerms), categoryTerms: map(c.categoryTerms), duplicates: [], masterRowOf: () => null };
}

/** The 名额核对 sheet as an ExcelJS workbook of one sheet. */
export function tallyWorkbook(run: RunResult, profile: Profile, quotaSource: string): ExcelJS.Workbook {
  const terms = inWorkbookTerms(run, profile);
  if (!terms) throw new Error('no register table to count over');
  const wb = new ExcelJS.Workbook();
  addTallySheet(wb, run.tally, terms, {
    quotaSource,
    regionSpellings: (e) => [e.region, ...e.variants.filter((v) => v !== e.region)],
  });
  return wb;
}

/** What host.insertSheet takes: the same sheet as base64 .xlsx and as a SheetSpec. */
export function tallySheetPayload(run: RunResult, profile: Profile, quotaSource: string): SheetPayload {
  const wb = tallyWorkbook(run, profile, quotaSource);
  return {
    name: TALLY_SHEET_NAME,
    base64: async () => toBase64(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer)),
    spec: async () => sheetSpecFromWorksheet(wb.worksheets[0]),
  };
}
