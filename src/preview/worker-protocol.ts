/**
 * The messages between the browser version's page and its Web Worker (workbook.worker.ts). The worker holds every
 * opened workbook (ExcelJS, the same model the CLI writes with); the page holds none: it sends requests and
 * receives each workbook's snapshot and the view of its active sheet, and the results of the engine's work done
 * there (check, fill plan, 名额, 公示) — plain data, no ExcelJS objects and none of the engine's.
 */
import type { GridSnapshot } from './grid-host';
import type { SheetView } from './sheet-view';
import type { Lang } from '../core/finding';
import type { SheetSpec } from '../core/sheet-spec';
import type { CellValue } from '../core/grid';
import type { Scope } from '../taskpane/types';
import type { Progress } from '../taskpane/host-port';
import type { YMD } from '../core/table';
import type { ProfileChoice } from '../worker/protocol';
import type { FillPlanOptions } from '../worker/check-session';
import type { QuotaChoice } from '../taskpane/tally-run';

/** The WorkbookHost methods the page forwards to the worker's in-memory host. */
export type ForwardedMethod = 'workbookName' | 'readWorkbook' | 'selectCell' | 'mark' | 'clearMarks' | 'applyChanges' | 'applyPlan' | 'sheetNames' | 'settingGet' | 'settingSet';

/** What a download produces. */
export type DownloadKind =
  /** The workbook as it is now (fills applied, sheets inserted). */
  | 'workbook'
  /** A copy with the marked findings as fills and notes (the CLI's --annotate). */
  | 'annotated'
  /** The 公示 list: notice columns only, IDs and phones masked (the CLI's mask). */
  | 'notice';

export type TemplateDownload = 'annex3' | 'qc-stats' | 'team-stats' | 'quota' | 'register';

export type WorkerRequest =
  | { id: number; op: 'open'; file: string; name: string; bytes: ArrayBuffer; lang: Lang }
  | { id: number; op: 'close'; file: string }
  | { id: number; op: 'call'; file: string; method: ForwardedMethod; args: unknown[] }
  /** A SheetPayload's data (its functions called on the page): the .xlsx as base64 and/or the SheetSpec. */
  | { id: number; op: 'insertSheet'; file: string; name: string; base64?: string; spec?: SheetSpec; formulas?: { cell: string; formula: string }[] }
  | { id: number; op: 'activate'; file: string; sheet: string }
  | { id: number; op: 'view'; file: string; rows: number }
  /**
   * readWorkbook, with the grid sent in slices of rows (GridChunkEvent) before the answer (the grid without its
   * rows): each slice is a task of its own on the page, so a long sheet never holds the page in one piece.
   */
  | { id: number; op: 'readGrid'; file: string; scope: Scope }
  /**
   * Read and check the workbook where it is held: the page receives plain data (SessionCheckView: tables, findings,
   * tally), never the grid nor the engine's objects; ProgressEvents meanwhile. `name` goes into the findings.
   */
  | { id: number; op: 'check'; file: string; scope: Scope; name: string; lang: Lang; profile: ProfileChoice; today?: YMD }
  /** The fill plan of the file's check `checkId`, built in the worker (null: a later check replaced it). */
  | { id: number; op: 'fillPlan'; file: string; checkId: number; options: FillPlanOptions }
  /** The 公示 list of the active sheet built (the engine worker's notice job, run here) and inserted; ProgressEvents meanwhile. */
  | { id: number; op: 'insertNotice'; file: string; name: string; lang: Lang; profile?: ProfileChoice; drop: ('id' | 'phone')[] }
  /** 名额: every sheet read and tallied here; the answer is the TallyView (plain data) and its id. ProgressEvents meanwhile. */
  | { id: number; op: 'tally'; file: string; name: string; lang: Lang; profile: ProfileChoice; choice: QuotaChoice }
  /** The 名额核对 sheet of the file's tally `tallyId`, built here and inserted; answers the sheet's name. */
  | { id: number; op: 'insertTallySheet'; file: string; tallyId: number; quotaSource: string }
  /** Every cell of a sheet as text (formulas as `=…`): for the e2e tests and the console. */
  | { id: number; op: 'cells'; file: string; sheet: string }
  | { id: number; op: 'download'; file: string; kind: DownloadKind }
  | { id: number; op: 'merge'; files: string[]; lang: Lang }
  | { id: number; op: 'template'; kind: TemplateDownload };

/** A file for the page to download: bytes (transferred) and a suggested name. */
export interface DownloadResult {
  bytes: ArrayBuffer;
  name: string;
  /** What the result holds, for the page's message (e.g. rows per master sheet, cells marked). */
  summary: string;
}

/** An error as the page shows it: both languages when the worker knows them. */
export interface WorkerError {
  /** A host error (HostError of host-port.ts): the task pane words it from its catalogue. */
  host?: { code: string; params: Record<string, unknown>; detail?: string };
  code?: string;
  zh: string;
  en: string;
  detail?: string;
}

export type WorkerReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: WorkerError };

/** Pushed by the worker whenever a workbook's snapshot changes; `view` when its active sheet's cells changed. */
export interface SnapshotEvent {
  event: 'snapshot';
  file: string;
  /** Maps survive structured cloning as Maps. */
  snap: GridSnapshot;
  view?: SheetView | null;
}

/** Rows `from`… of sheet `sheet` of the grid a readGrid request `id` is reading. */
export interface GridChunkEvent {
  event: 'gridChunk';
  id: number;
  sheet: number;
  from: number;
  values: CellValue[][];
  formats?: (string | null | undefined)[][];
}

/** Progress of request `id` (a check reading its sheets, then checking). */
export interface ProgressEvent {
  event: 'progress';
  id: number;
  progress: Progress;
}

export type WorkerMessage = WorkerReply | SnapshotEvent | GridChunkEvent | ProgressEvent;
