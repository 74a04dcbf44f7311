/**
 * The task pane's port to a spreadsheet. The Office.js host (src/excel/) and the preview page's in-browser
 * workbook host implement it; the panels only call these methods and the engine. No rule logic on either side.
 */
import type { WorkbookGrid } from '../core/grid';
import type { LocatedFinding } from '../core/check';
import type { CellChange } from '../core/fill';

export interface Progress {
  /** Work done and total, in the host's units (cells, chunks). */
  done: number;
  total: number;
  /** Short Chinese/English label of the current step, already localised by the caller's language. */
  label?: string;
}
export type OnProgress = (p: Progress) => void;

export interface HostCapabilities {
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
  /** Insert a blank template sheet (e.g. 附件3); returns the new sheet's name. */
  insertTemplate(kind: 'annex3', onProgress?: OnProgress): Promise<string>;
}
