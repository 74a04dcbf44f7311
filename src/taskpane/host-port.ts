/**
 * The task pane's port to a spreadsheet. The Office.js host (src/excel/) and the preview page's in-browser
 * workbook host implement it; the panels only call these methods and the engine. No rule logic on either side,
 * and no text for people on the hosts' side: a host reports progress as a step key with counts and failures as a
 * HostError (a code and its parameters); the pane's string catalogue (strings-zh.ts, strings-en.ts) words them.
 *
 * This module imports no adapter: only the engine's plain types.
 */
import type { WorkbookGrid } from '../core/grid';
import type { LocatedFinding } from '../core/check';
import type { CellChange, FillPlan, RowInsert } from '../core/fill';
import type { Lang } from '../core/finding';
import type { FillPlanOptions, SessionCheckView } from '../worker/check-session';
import type { NoticeOutput, ProfileChoice } from '../worker/protocol';
import type { QuotaChoice, TallyView } from './tally-run';
import type { SheetSpec } from '../core/sheet-spec';

/** What a check reads: the active sheet or every sheet. */
export type Scope = 'active' | 'all';

/** The steps of long work, as hosts and panels report them; the pane shows each in its language. */
export type StepKey =
  | 'read'
  | 'check'
  | 'mark'
  | 'clear'
  | 'apply'
  | 'template'
  | 'tally'
  | 'insertSheet'
  /** 汇总 (the engine worker): county files read, checked and consolidated, sheets built; then written. */
  | 'readFiles'
  | 'consolidate'
  | 'writeSheets'
  /** 公示: the notice built from the active sheet. */
  | 'notice';

/** What `done` and `total` count, so the pane can say "1,200 / 5,000 个单元格". */
export type ProgressUnit = 'cells' | 'rows' | 'sheets' | 'changes' | 'steps' | 'files';

export interface Progress {
  /** Work done and total, in `unit`s (a plain count when absent). */
  done: number;
  total: number;
  /** The step under way; the operation's own step when absent. */
  step?: StepKey;
  unit?: ProgressUnit;
}
export type OnProgress = (p: Progress) => void;

/**
 * Why a host operation failed. Every host throws only these (anything else it meets is wrapped as `excel` or
 * `host` with the original text in `detail`); the pane translates `code` with `params`.
 */
export type HostErrorCode =
  /** A sheet or cell the operation needs is gone (renamed, deleted). params: sheet? */
  | 'not-found'
  /** The sheet is protected or the workbook read-only. */
  | 'protected'
  /** Excel is in cell-edit mode. */
  | 'cell-editing'
  /** More data than one request may carry, even after splitting. */
  | 'too-large'
  /** The Excel lacks an API the operation needs. params: set?, version? */
  | 'unsupported'
  /** This Excel cannot insert whole sheets. params: kind? (a template kind) */
  | 'template-unsupported'
  /** Excel is busy (calculating, a dialog open). */
  | 'busy'
  /** Excel reported some other error (its text in `detail`). */
  | 'excel'
  /** Some other failure of an in-browser host (its text in `detail`). */
  | 'host'
  /** No workbook is open (the browser hosts). */
  | 'no-workbook'
  /** A file the user chose could not be read as a workbook. params: file, reason (src/xlsx/errors.ts ReadErrorCode, or 'ole2') */
  | 'file-unreadable'
  /** A bundled example could not be fetched. params: file */
  | 'fetch-failed';

export type HostErrorParams = Readonly<Record<string, string | number | undefined>>;

/** The one error shape of the port. `message` is for logs only; people see the pane's wording of `code`. */
export class HostError extends Error {
  readonly code: HostErrorCode;
  readonly params: HostErrorParams;
  /** The original text (Office error code and message, a parser's error) for a support request. */
  readonly detail?: string;
  readonly cause?: unknown;
  constructor(code: HostErrorCode, params: HostErrorParams = {}, options: { detail?: string; cause?: unknown; message?: string } = {}) {
    super(options.message ?? `${code}${Object.keys(params).length ? ` ${JSON.stringify(params)}` : ''}`);
    this.name = 'HostError';
    this.code = code;
    this.params = params;
    this.detail = options.detail;
    this.cause = options.cause;
  }
}

const CODES: ReadonlySet<string> = new Set<HostErrorCode>([
  'not-found', 'protected', 'cell-editing', 'too-large', 'unsupported', 'template-unsupported', 'busy', 'excel', 'host',
  'no-workbook', 'file-unreadable', 'fetch-failed',
]);

/** True for a HostError, also one from another copy of this module (a second bundle chunk, a test's realm). */
export function isHostError(e: unknown): e is HostError {
  if (e instanceof HostError) return true;
  if (!e || typeof e !== 'object') return false;
  const o = e as { code?: unknown; params?: unknown };
  return typeof o.code === 'string' && CODES.has(o.code) && typeof o.params === 'object' && o.params !== null;
}

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
   * Whole sheets can be inserted (insertSheet): Workbook.insertWorksheetsFromBase64 (ExcelApi 1.13) or, on an
   * older Excel, the sheet rebuilt cell by cell from its SheetSpec (src/excel/render-sheet.ts).
   */
  insertWorksheets: boolean;
  /**
   * Merged data cells are read (Excel: ExcelApi 1.13), so a merged area gives its value to every row it covers
   * (SPEC §2). Optional: a host that leaves it out reads them. When false the pane says merged cells are not spread.
   */
  mergedCells?: boolean;
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

/**
 * A whole sheet to add to the workbook (insertSheet): a template or the 名额核对 sheet, built by the pane (with
 * ExcelJS, in a lazily loaded chunk) as an .xlsx and as plain data.
 */
export interface SheetPayload {
  /** Preferred name; the host appends ` (2)` … when it is taken. */
  name: string;
  /**
   * Base64 .xlsx whose first visible sheet is the one to insert (insertWorksheetsFromBase64, ExcelApi 1.13). Hidden
   * sheets it holds (a `_lists` sheet of long dropdowns) come with it. Absent for data sheets whose formulas refer
   * to other sheets of the workbook (the 汇总 sheets): those are written from `spec` by every host.
   */
  base64?: () => Promise<string>;
  /**
   * Formulas over other sheets of the workbook (A1 cell, `=…`) left out of `base64` (no formula in the payload may
   * refer to a sheet outside it): the host writes them into the sheet after the insert.
   */
  formulas?: readonly { cell: string; formula: string }[];
  /** The same sheet as plain data (src/core/sheet-spec.ts), for an Excel without ExcelApi 1.13. */
  spec?: () => Promise<SheetSpec>;
}

/**
 * Small values the add-in keeps in the workbook itself (Office's per-document settings; a hidden part of the file
 * in the browser hosts), e.g. the award chosen for this workbook. Keys and values are short strings.
 */
export interface WorkbookSettings {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
}

/** What a host that checks where the workbook is (WorkbookHost.check) is asked to check, and how. */
export interface HostCheckRequest {
  scope: Scope;
  /** The name written into the findings. */
  file: string;
  lang: Lang;
  /** A built-in award profile by id. */
  profile: { id: string };
}

/** What insertNotice is asked for: the name written into findings, the language, the award, the columns dropped. */
export interface NoticeRequest {
  file: string;
  lang: Lang;
  profile?: ProfileChoice;
  drop: ('id' | 'phone')[];
}

/** A sheet a host inserted: the name asked for, the name given (they differ if a sheet appeared meanwhile), data rows. */
export interface InsertedSheet {
  wanted: string;
  name: string;
  rows: number;
}

export interface WorkbookHost {
  capabilities(): HostCapabilities;
  /** Name of the workbook (file) for findings; '' when it has none yet (the pane then says "未命名工作簿"). */
  workbookName(): Promise<string>;
  /** Read the active sheet or every sheet as grids (values, value types → numbers kept, number formats). */
  readWorkbook(scope: Scope, onProgress?: OnProgress): Promise<WorkbookGrid>;
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
   * Add a generated sheet (a blank template, the 名额核对 tally sheet whose formulas point at the data sheets by
   * name) at the end of the workbook and activate it; returns its name. Optional (hosts that cannot insert sheets
   * omit it, and capabilities().insertWorksheets is then false).
   */
  insertSheet?(sheet: SheetPayload, onProgress?: OnProgress): Promise<string>;
  /**
   * Names of every sheet of the workbook (hidden ones too), so that generated sheets can be given free names up
   * front — the 汇总 sheets refer to each other by name. Optional, with insertSheet.
   */
  sheetNames?(): Promise<string[]>;
  /**
   * Read and check the workbook where it is held (the browser version's Web Worker), so that neither its cells nor
   * the engine's work reach the page: the answer is plain data (tables, findings, tally). Optional: without it the
   * pane reads the workbook (readWorkbook) and runs the engine itself.
   */
  check?(req: HostCheckRequest, onProgress?: OnProgress): Promise<SessionCheckView>;
  /** The fill plan of check `checkId` made by `check`, built where it ran (null: a later check replaced it). */
  fillPlan?(checkId: number, opts: FillPlanOptions): Promise<FillPlan | null>;
  /**
   * The 公示 list of the active sheet built and inserted where the workbook is held (the browser version's worker),
   * so that neither the sheet's cells nor the notice cross the page. `out.sheets` is left empty (the sheets are in
   * the workbook). Optional: without it the pane reads the sheet, asks the engine worker and inserts the sheets.
   */
  insertNotice?(req: NoticeRequest, onProgress?: OnProgress): Promise<{ out: NoticeOutput; written: InsertedSheet[] }>;
  /**
   * 名额: every sheet read and tallied where the workbook is held (the browser version's worker); the answer is the
   * plain view the panel shows. Optional: without it the pane reads the workbook and runs the engine itself.
   */
  tally?(req: { file: string; lang: Lang; profile: { id: string }; choice: QuotaChoice }, onProgress?: OnProgress): Promise<TallyView & { tallyId: number }>;
  /** The 名额核对 sheet of tally `tallyId`, built and inserted where it ran; returns the sheet's name. With `tally`. */
  insertTallySheet?(tallyId: number, quotaSource: string): Promise<string>;
  /** Settings kept in the workbook; absent when the host cannot keep any (the pane then keeps them per session). */
  settings?: WorkbookSettings;
}
