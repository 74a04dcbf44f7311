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

/** Names of the sheets a formula refers to (`'登记表'!$B:$B`, `Sheet2!A1`). */
export function sheetsReferenced(formula: string): string[] {
  const out: string[] = [];
  // Outside string literals only: "…!…" inside quotes is a criterion, not a reference.
  const bare = formula.replace(/"(?:[^"]|"")*"/g, '""');
  for (const m of bare.matchAll(/'((?:[^']|'')+)'!|([^\s'!(),=+\-*/&^<>:;{}"]+)!/g)) out.push((m[1] ?? m[2]).replace(/''/g, "'"));
  return out;
}

/**
 * Formulas of the sheet that refer to another sheet: inserted with insertWorksheetsFromBase64 they would point
 * at a sheet absent from the payload (and Excel on the web has known cross-sheet reference bugs on insert).
 * They leave the .xlsx payload and are written by the host after the insert (SheetPayload.formulas).
 */
export function liftCrossSheetFormulas(ws: ExcelJS.Worksheet): { cell: string; formula: string }[] {
  const lifted: { cell: string; formula: string }[] = [];
  const own = ws.name.toLowerCase();
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      const v = cell.value as { formula?: string; sharedFormula?: string } | null;
      const f = v && typeof v === 'object' && typeof v.formula === 'string' ? v.formula : null;
      if (f === null) return;
      if (sheetsReferenced(f).some((n) => n.toLowerCase() !== own)) {
        lifted.push({ cell: cell.address, formula: `=${f}` });
        cell.value = null;
      }
    });
  });
  return lifted;
}

/** What host.insertSheet takes: the same sheet as base64 .xlsx (without the formulas over other sheets) and as a SheetSpec. */
export function tallySheetPayload(run: RunResult, profile: Profile, quotaSource: string): SheetPayload {
  const wb = tallyWorkbook(run, profile, quotaSource);
  // The .xlsx payload without the formulas over the register (written after the insert, in the workbook).
  const bare = tallyWorkbook(run, profile, quotaSource);
  const formulas = liftCrossSheetFormulas(bare.worksheets[0]);
  return {
    name: TALLY_SHEET_NAME,
    base64: async () => toBase64(new Uint8Array((await bare.xlsx.writeBuffer()) as ArrayBuffer)),
    formulas,
    spec: async () => sheetSpecFromWorksheet(wb.worksheets[0]),
  };
}
