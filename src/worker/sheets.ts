/**
 * The consolidation's sheets as SheetSpecs (src/core/sheet-spec.ts): plain data that every host writes into the
 * open workbook — the Office.js host through render-sheet.ts in requests under 4 MB, the preview host into its
 * in-memory workbook. Built in the worker with the CLI's own writers (src/xlsx/merge.ts: master sheets with
 * duplicates highlighted, 核查结果, 未报送, 名额核对; src/xlsx/notice.ts: the 公示 sheets) and converted sheet by
 * sheet (src/xlsx/template-spec.ts), so the pane writes what `award-tally merge` / `mask` write.
 *
 * Names: the target workbook may already hold 先进个人汇总 (an earlier run): the master sheets are renamed to free
 * names in the consolidation before anything is written, so the 名额核对 formulas and the 核查结果 references
 * name the sheets that will exist.
 */
import type ExcelJS from 'exceljs';
import type { Consolidation, CountTerm } from '../core/consolidate';
import type { SheetSpec } from '../core/sheet-spec';
import { uniqueSheetName } from '../excel/render-sheet';
import { sheetSpecFromWorksheet } from '../xlsx/template-spec';

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

/** The consolidation with its master sheets — and everything that names them — renamed. */
export function renamed(c: Consolidation, names: ReadonlyMap<string, string>): Consolidation {
  const to = (n: string) => names.get(n) ?? n;
  const term = (t: CountTerm): CountTerm => ({ ...t, sheet: to(t.sheet) });
  const terms = (m: Map<string, CountTerm[]>) => new Map([...m].map(([k, v]) => [k, v.map(term)]));
  return {
    ...c,
    sheets: c.sheets.map((s) => ({ ...s, name: to(s.name) })),
    classTerms: terms(c.classTerms),
    categoryTerms: terms(c.categoryTerms),
    duplicates: c.duplicates.map((d) => ({ ...d, sheet: to(d.sheet) })),
    masterRowOf: (file, sheet, row) => {
      const m = c.masterRowOf(file, sheet, row);
      return m ? { sheet: to(m.sheet), row: m.row } : null;
    },
  };
}

/**
 * Every visible sheet of an ExcelJS workbook as a SheetSpec, under a name free among `taken` (which grows).
 * `fixed` names (the master sheets, already free) are kept as they are.
 */
export function workbookSpecs(wb: ExcelJS.Workbook, taken: string[], fixed: ReadonlySet<string> = new Set()): SheetSpec[] {
  const out: SheetSpec[] = [];
  for (const ws of wb.worksheets) {
    if (ws.state && ws.state !== 'visible') continue;
    const name = fixed.has(ws.name) ? ws.name : uniqueSheetName(ws.name, taken);
    taken.push(name);
    out.push({ ...sheetSpecFromWorksheet(ws), name });
  }
  return out;
}
