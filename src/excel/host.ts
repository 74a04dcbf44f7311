/**
 * The Office.js host: moves cells between Excel and the engine (ARCHITECTURE.md), in as few round trips as the
 * payload limits allow. Implements the task pane's WorkbookHost port.
 *
 * Minimum requirement set (manifest.xml): ExcelApi 1.1 — check (sheets read in A1 ranges) and fill. Detected at
 * run time: Workbook.name and the first-rows sample (1.7), getUsedRange(valuesOnly) (1.2); marking and clearing
 * marks (1.9: getCellProperties, RangeAreas, fill patterns — below it they are refused with a plain message and
 * the findings stay in the task pane); notes (1.18), threaded comments (1.10; found by id with 1.14);
 * insertWorksheetsFromBase64 (1.13); merged data cells (Range.getMergedAreasOrNullObject, 1.13: below it a merged
 * area's value stays in its top-left row, SPEC §2 "Merged data cells" is not applied). Without notes and comments a mark is the fill alone and its message stays in
 * the task pane (and the mark store). Without 1.13 a template is built cell by cell from a SheetSpec (1.9,
 * render-sheet.ts). The sets come from src/excel/api-sets.generated.ts (test/excel/api-sets.test.ts).
 *
 * Usage in the task pane:
 *   createExcelHost(Excel, { supports: (s, v) => Office.context.requirements.isSetSupported(s, v),
 *                            templateBase64: (kind) => import('…').then((m) => m.templateBase64(kind)),
 *                            templateSpec: (kind) => import('…').then((m) => m.templateSpec(kind)), lang })
 */
import { type CellValue, type SheetGrid, type WorkbookGrid } from '../core/grid';
import type { LocatedFinding } from '../core/check';
import type { CellChange } from '../core/fill';
import type { Lang } from '../core/finding';
import type { ApplyResult, HostCapabilities, OnProgress, PlanApplyResult, PlanToApply, SheetPayload, StepKey, WorkbookHost } from '../taskpane/host-port';
import type { ExcelLike, SupportsFn, XlContext, XlWorksheet } from './excel-like';
import { applyPlan } from './apply';
import { ExcelHostError, toHostError } from './errors';
import { LABELS, MARKS_SET, MERGES_SET, MINIMUM_SET, type ExcelHostOptions, type HostEnv, type LabelKey, type TemplateKind } from './host-env';
import { insertSheet, insertTemplate } from './insert';
import { clearMarks, mark } from './mark';
import { MARK_STORE_SHEET } from './marks';
import { readUsedRanges } from './read';
import { toCellValue, typedAsText } from './values';

export { typedAsText };
export { rowBeforeInserts, writtenValue } from './apply';
export { MARKS_SET, MERGES_SET, MINIMUM_SET, type ExcelHostOptions, type TemplateKind } from './host-env';

export class ExcelHost implements WorkbookHost, HostEnv {
  readonly supports: SupportsFn;
  readonly lang: Lang;
  constructor(
    private readonly excel: ExcelLike,
    readonly options: ExcelHostOptions = {},
  ) {
    this.supports = options.supports ?? ((set, v) => set === 'ExcelApi' && v === MINIMUM_SET);
    this.lang = options.lang ?? 'zh';
  }

  capabilities(): HostCapabilities {
    return {
      marks: this.supports('ExcelApi', MARKS_SET),
      notes: this.supports('ExcelApi', '1.18'),
      comments: this.supports('ExcelApi', '1.10'),
      // insertWorksheetsFromBase64 (1.13), or the cell-by-cell fallback when the host was given templateSpec.
      insertWorksheets: this.supports('ExcelApi', '1.13') || (!!this.options.templateSpec && this.supports('ExcelApi', '1.9')),
      // Range.getMergedAreasOrNullObject: below it a merged 工作单位 / region is read in its top-left row only.
      mergedCells: this.supports('ExcelApi', MERGES_SET),
    };
  }

  label(k: LabelKey): StepKey {
    return LABELS[k];
  }

  /**
   * Excel.run with every failure turned into an ExcelHostError. `need`: the requirement set the operation needs
   * (check and fill: the manifest minimum ExcelApi 1.1; marks: 1.9).
   */
  runAt<T>(need: string, batch: (ctx: XlContext) => Promise<T>): Promise<T> {
    return this.run(batch, need);
  }

  async run<T>(batch: (ctx: XlContext) => Promise<T>, need = MINIMUM_SET): Promise<T> {
    if (!this.supports('ExcelApi', need)) {
      throw new ExcelHostError('unsupported', { params: { set: 'ExcelApi', version: need } });
    }
    try {
      return await this.excel.run(batch);
    } catch (e) {
      throw toHostError(e);
    }
  }

  async workbookName(): Promise<string> {
    const fallback = this.lang === 'en' ? 'Workbook' : '工作簿';
    if (!this.supports('ExcelApi', '1.7')) return fallback; // Workbook.name
    return this.run(async (ctx) => {
      ctx.workbook.load('name');
      await ctx.sync();
      return ctx.workbook.name || fallback;
    });
  }

  // ------------------------------------------------------------------------------------------------ read

  async readWorkbook(scope: 'active' | 'all', onProgress?: OnProgress): Promise<WorkbookGrid> {
    return this.run(async (ctx) => {
      const wb = ctx.workbook;
      const named = this.supports('ExcelApi', '1.7'); // Workbook.name
      let sheets: XlWorksheet[];
      let alongside: () => void;
      if (scope === 'active') {
        const ws = wb.worksheets.getActiveWorksheet();
        sheets = [ws];
        alongside = () => {
          if (named) wb.load('name');
          ws.load('name'); // arrives with the first read sync
        };
      } else {
        if (named) wb.load('name');
        wb.worksheets.load(['items/name', 'items/visibility']);
        await ctx.sync();
        sheets = wb.worksheets.items.filter((s) => s.name !== MARK_STORE_SHEET && s.visibility !== 'VeryHidden');
        alongside = () => undefined;
      }
      const label = this.label('read');
      const blocks = await readUsedRanges(ctx, sheets, {
        resizable: this.supports('ExcelApi', '1.7'),
        valuesOnly: this.supports('ExcelApi', '1.2'),
        merges: this.supports('ExcelApi', MERGES_SET),
        props: ['values', 'valueTypes', 'numberFormat'],
        onRows: onProgress ? (done, total) => onProgress({ done, total, step: label }) : undefined,
        alongside,
      });
      const grids: SheetGrid[] = blocks.map((b) => {
        const values: CellValue[][] = new Array(b.values.length);
        let empty = true;
        for (let i = 0; i < b.values.length; i++) {
          const v = b.values[i];
          const t = b.valueTypes[i];
          const f = b.numberFormat[i];
          const row: CellValue[] = new Array(v.length);
          for (let j = 0; j < v.length; j++) {
            const c = toCellValue(v[j], t?.[j], f?.[j]);
            if (c !== null) empty = false;
            row[j] = c;
          }
          values[i] = row;
        }
        if (empty) return { name: b.ws.name, values: [], origin: { row: 0, col: 0 } };
        return {
          name: b.ws.name,
          values,
          origin: { row: b.rowIndex, col: b.columnIndex },
          numberFormats: b.numberFormat.map((r) => r.map((x) => (typeof x === 'string' ? x : null))),
          ...(b.merges.length > 0 ? { merges: b.merges } : {}),
        };
      });
      return { name: (named && wb.name) || (this.lang === 'en' ? 'Workbook' : '工作簿'), sheets: grids };
    });
  }

  // ------------------------------------------------------------------------------------------------ select

  async selectCell(sheet: string, cell: string): Promise<void> {
    return this.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await ctx.sync();
    });
  }

  applyChanges(changes: readonly CellChange[], onProgress?: OnProgress): Promise<ApplyResult> {
    return applyPlan(this, { changes }, onProgress).then(({ written, skipped }) => ({ written, skipped }));
  }

  /** See apply.ts. Syncs: one re-read of the target cells, one write (more only beyond the payload budget). */
  applyPlan(plan: PlanToApply, onProgress?: OnProgress): Promise<PlanApplyResult> {
    return applyPlan(this, plan, onProgress);
  }

  mark(findings: readonly LocatedFinding[], onProgress?: OnProgress): Promise<{ marked: number }> {
    return mark(this, findings, onProgress);
  }

  clearMarks(onProgress?: OnProgress): Promise<{ cleared: number }> {
    return clearMarks(this, onProgress);
  }

  /** Every sheet's name, hidden ones too (one sync): the 汇总 sheets get free names before they are built. */
  async sheetNames(): Promise<string[]> {
    return this.run(async (ctx) => {
      const wss = ctx.workbook.worksheets;
      wss.load('items/name');
      await ctx.sync();
      return wss.items.map((ws) => ws.name);
    });
  }

  insertSheet(sheet: SheetPayload, onProgress?: OnProgress): Promise<string> {
    return insertSheet(this, sheet, onProgress);
  }

  insertTemplate(kind: TemplateKind, onProgress?: OnProgress): Promise<string> {
    return insertTemplate(this, kind, onProgress);
  }
}

export function createExcelHost(excel: ExcelLike, options: ExcelHostOptions = {}): ExcelHost {
  return new ExcelHost(excel, options);
}
