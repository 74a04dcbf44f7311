/**
 * The message protocol between a page (the task pane, the preview, the browser version) and the engine's Web
 * Worker (src/worker/worker.ts). County workbooks are read and checked in the worker, off the page's main thread,
 * and never leave the browser: the page posts the files' bytes, the worker answers with plain data.
 *
 * One request, one job: `{ v, id, job, input }`. While it runs the worker posts `progress` messages with the same
 * id, then exactly one `result` or `error`. `cancel` stops a job between two files. Everything crossing the
 * boundary is structured-clonable plain data (no class instances): grids, findings, SheetSpecs.
 *
 * A new job is one more entry in `Jobs` (its input and output types) and one handler in jobs.ts; the page calls
 * it through WorkerClient.run('name', input). Bump PROTOCOL_VERSION only when an existing job changes shape.
 */
import type { LocatedFinding, TableSummary } from '../core/check';
import type { WorkbookGrid } from '../core/grid';
import type { Lang } from '../core/finding';
import type { Tally } from '../core/tally';
import type { SheetSpec } from '../core/sheet-spec';

export const PROTOCOL_VERSION = 1;

/** A file picked by the user: its name (no path) and its bytes. */
export interface InputFile {
  name: string;
  bytes: ArrayBuffer;
}

/** Why a file could not be read (WorkbookReadError's code), with the message in the job's language. */
export interface FileError {
  code: string;
  message: string;
  detail?: string;
}

/** The award profile of a job: a built-in id, or a user's profile JSON (validated in the worker). */
export type ProfileChoice = { id: string } | { json: string };

export interface EngineOptions {
  lang: Lang;
  /** Default: the default profile. */
  profile?: ProfileChoice;
  /** Reference date for ages when a form has no 填表日期 (tests fix it); default today. */
  today?: { y: number; m: number; d: number };
}

/** One read file: its grid, or why it could not be read. */
export type ReadOutcome = { name: string; grid: WorkbookGrid; error?: undefined } | { name: string; grid?: undefined; error: FileError };

/** A place of a master sheet: its name and 0-based sheet row (row 0 is the header). */
export interface MasterPlace {
  sheet: string;
  row: number;
}

/** The same person or organisation in several master rows (the engine's duplicate group), each row a place. */
export interface DuplicateEntry {
  /** Why they are one: credit code, ID number, organisation name, or 姓名 + 工作单位. */
  why: 'uscc' | 'id' | 'name' | 'person';
  /** The shared value as it reads (a name, or the ID as written in the first row). */
  value: string;
  places: (MasterPlace & { file: string; sourceSheet: string; sourceCell: string })[];
}

export interface ConsolidateInput extends EngineOptions {
  files: InputFile[];
  /** Names of the sheets the target workbook already has: the new sheets get free names (`先进个人汇总 (2)`). */
  takenSheetNames: string[];
}

export interface ConsolidateOutput {
  /** Every input file in order, with its tables or its read error. */
  files: { name: string; error: FileError | null; tables: TableSummary[] }[];
  /**
   * The sheets to add, in order: master sheets (one per kind), 核查结果, 未报送 (when regions are missing), 名额核对 —
   * the CLI's merged workbook, sheet by sheet. Names are final (free in the target workbook as it was); the 名额核对
   * formulas and 核查结果 references name the master sheets by these names.
   */
  sheets: SheetSpec[];
  /** The master sheets: name, kind and row count (header excluded). */
  masters: { name: string; kind: string; rows: number }[];
  /** Cross-file duplicates (groups whose rows come from more than one file). */
  duplicates: DuplicateEntry[];
  /** Regions of the quota table / profile from which no workbook came (未报送), with an unreadable file named after one. */
  missing: { region: string; unreadableFile: string | null }[];
  summary: { errors: number; warnings: number; infos: number; findings: number };
  tally: Tally;
}

export interface NoticeInput extends EngineOptions {
  /** The sheet(s) to publish from, as read by the host. */
  workbook: { file: string; grid: WorkbookGrid };
  /** Columns left out instead of masked. */
  drop: ('id' | 'phone')[];
  takenSheetNames: string[];
}

export interface NoticeOutput {
  /** One notice sheet per kind of nomination table (the CLI's `mask` sheets); empty when nothing to publish or a leak was found. */
  sheets: SheetSpec[];
  /** Data rows per sheet, in the order of `sheets`. */
  rows: number[];
  /** A cell that would still have shown a full ID or mobile (the engine's last guard): nothing is written. */
  leak: { sheet: string; cell: string; kind: 'id' | 'mobile'; message: string } | null;
  /** Tables the notice was built from. */
  tables: TableSummary[];
}

export interface CheckInput extends EngineOptions {
  workbooks: { file: string; grid: WorkbookGrid }[];
}
export interface CheckOutput {
  results: { file: string; tables: TableSummary[]; findings: LocatedFinding[] }[];
  tally: Tally;
}

/** The jobs the worker runs: input → output. */
export interface Jobs {
  /** Files → grids (the CLI's reader, run in the browser). */
  read: { input: { files: InputFile[]; lang: Lang }; output: { files: ReadOutcome[] } };
  /** Grids → findings and tally, checked as one run. */
  check: { input: CheckInput; output: CheckOutput };
  /** Files → master sheets, 核查结果, 名额核对, cross-file duplicates (SPEC §6 Consolidate). */
  consolidate: { input: ConsolidateInput; output: ConsolidateOutput };
  /** A workbook's nomination tables → the 公示 sheet, masked by the profile's policy (SPEC §6 公示 export). */
  notice: { input: NoticeInput; output: NoticeOutput };
}
export type JobName = keyof Jobs;

export interface JobProgress {
  /** What is being done: `read` (files), `check`, `build` (sheets). */
  stage: 'read' | 'check' | 'build';
  done: number;
  total: number;
  /** The file being read, when reading. */
  file?: string;
}

// ------------------------------------------------------------------------------------------------ messages

export type WorkerRequest =
  | { v: typeof PROTOCOL_VERSION; kind: 'run'; id: number; job: JobName; input: unknown }
  | { v: typeof PROTOCOL_VERSION; kind: 'cancel'; id: number };

/** An error that ends a job: a code the page can translate and the text in the job's language. */
export interface JobError {
  code: 'cancelled' | 'bad-request' | 'profile' | 'engine' | 'version';
  message: string;
  detail?: string;
}

export type WorkerResponse =
  | { v: typeof PROTOCOL_VERSION; kind: 'progress'; id: number; progress: JobProgress }
  | { v: typeof PROTOCOL_VERSION; kind: 'result'; id: number; output: unknown }
  | { v: typeof PROTOCOL_VERSION; kind: 'error'; id: number; error: JobError };
