/**
 * The task pane's port to a spreadsheet. The Office.js host (src/excel/) and the preview page's in-browser
 * workbook host implement it; the panels only call these methods and the engine. No rule logic on either side.
 */
import type { WorkbookGrid } from '../core/grid';
import type { LocatedFinding } from '../core/check';
import type { CellChange, RowInsert } from '../core/fill';

export interface Progress {
  /** Work done and total, in the host's units (cells, chunks). */
  done: number;
  total: number;
  /** Short Chinese/English label of the current step, already localised by the caller's language. */
  label?: string;
}
export type OnProgress = (p: Progress) => void;

export interface HostCapabilities {
  /**
   * Marking findings in the sheet and clearing the marks (Excel: ExcelApi 1.9). Optional: a host that leaves it
   * out can mark. Without it the findings stay in the task pane; check and fill still work.
   */
  marks?: boolean;
  /** Cell notes (ExcelApi 1.18). */
  notes: boolean;
  /** Threaded comments (ExcelApi 1.10). */
  comments: boolean;
  /**
   * Template sheets can be inserted: Workbook.insertWorksheetsFromBase64 (ExcelApi 1.13) or, on an older Excel,
   * the sheet rebuilt cell by cell (src/excel/render-sheet.ts).
   */
  insertWorksheets: boolean;
}

export interface ApplyResult {
  written: number;
  /** Changes skipped because the cell no longer held `before` (edited since the plan was made). */
  skipped: CellChange[];
}

/**
 * A confirmed fill plan as a host applies it (applyPlan). Order: (1) every target cell is re-read at its address
 * in the sheet as read (before the inserts: a CellChange address is moved back past the plan's inserts); a cell
 * that no longer holds `before` is skipped, never overwritten — a change inside an inserted row has `before` ''
 * and needs no read; (2) the inserts, per sheet bottom up, as whole sheet rows shifted down (Excel's Insert ▸
 * Sheet Rows: formulas, merged areas, validations and formats below move with them; new rows take the format
 * of the row above); (3) '@' formats, then values and formulas (`formula` is written through `Range.formulas`, a
 * value through `Range.values`), then the other number formats (`0.00%` of a rate). Inserts are structural and
 * are applied as planned even when some of the changes are skipped (an empty input row is harmless; a rate
 * formula skipped because its cell changed is listed).
 */
export interface PlanToApply {
  changes: readonly CellChange[];
  /** RowInsert coordinates: see src/core/fill.ts. Absent or empty: applyPlan is applyChanges. */
  inserts?: readonly RowInsert[];
}

export interface PlanApplyResult extends ApplyResult {
  /** Rows inserted (sum of the applied inserts' counts). */
  insertedRows: number;
}

/** A whole sheet to add to the workbook (insertSheet): an .xlsx as base64 and/or its SheetSpec (ExcelApi 1.9). */
export interface SheetPayload {
  /** Preferred name; the host appends ` (2)` … when it is taken. */
  name: string;
  /**
   * Base64 .xlsx whose first visible sheet is the one to insert (insertWorksheetsFromBase64, ExcelApi 1.13). No
   * formula in it refers to a sheet outside the payload: those are in `formulas`.
   */
  base64?: () => Promise<string>;
  /** Formulas over other sheets of the workbook (A1 cell, `=…`), written into the sheet after the base64 insert. */
  formulas?: readonly { cell: string; formula: string }[];
  /** The same sheet as plain data (src/excel/sheet-spec.ts), for an Excel without ExcelApi 1.13. */
  spec?: () => Promise<import('../excel/sheet-spec').SheetSpec>;
  /** The ExcelJS workbook itself, for the preview's in-browser host (no round trip through bytes). */
  workbook?: () => Promise<import('exceljs').Workbook>;
}

export interface WorkbookHost {
  capabilities(): HostCapabilities;
  /** Name of the workbook (file) for findings. */
  workbookName(): Promise<string>;
  /** Read the active sheet or every sheet as grids (values, value types → numbers kept, number formats). */
  readWorkbook(scope: 'active' | 'all', onProgress?: OnProgress): Promise<WorkbookGrid>;
  /** Select and show a cell. */
  selectCell(sheet: string, cell: string): Promise<void>;
  /** Fill offending cells and attach messages; remembers original fills in the workbook itself. */
  mark(findings: readonly LocatedFinding[], onProgress?: OnProgress): Promise<{ marked: number }>;
  /** Restore every marked cell's original fill and remove only the add-in's own notes/comments. */
  clearMarks(onProgress?: OnProgress): Promise<{ cleared: number }>;
  /** Write confirmed fill changes; values first, then formats. */
  applyChanges(changes: readonly CellChange[], onProgress?: OnProgress): Promise<ApplyResult>;
  /**
   * Apply a confirmed plan with row insertions and formulas (the QC statistics fill, SPEC §4); see PlanToApply.
   * Optional: a host without it can only apply plans without inserts (applyChanges).
   */
  applyPlan?(plan: PlanToApply, onProgress?: OnProgress): Promise<PlanApplyResult>;
  /**
   * Add a generated sheet (e.g. the 名额核对 tally sheet, whose formulas point at the data sheets by name) at the end
   * of the workbook and activate it; returns its name. Optional (hosts that cannot insert sheets omit it).
   */
  insertSheet?(sheet: SheetPayload, onProgress?: OnProgress): Promise<string>;
  /** Insert a blank template sheet (e.g. 附件3); returns the new sheet's name. */
  insertTemplate(kind: 'annex3', onProgress?: OnProgress): Promise<string>;
}
