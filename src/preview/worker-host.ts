/**
 * The page side of the browser version: one Web Worker (workbook.worker.ts) holds every open workbook; here
 * each open file is a WorkerHost, the task pane's WorkbookHost and the grid view's GridSource, which forwards the
 * calls to the worker and keeps the latest snapshot and sheet view it pushed. The page itself never parses or
 * writes an .xlsx nor runs the engine (check, fill plan, 名额 and 公示 are asked of the worker: `check`,
 * `fillPlan`, `tally`, `insertNotice`), so opening, checking and writing a large workbook never blocks it.
 */
import type { WorkbookGrid } from '../core/grid';
import type { LocatedFinding } from '../core/check';
import type { CellChange, FillPlan } from '../core/fill';
import type { FillPlanOptions, SessionCheckView } from '../worker/check-session';
import type { NoticeOutput } from '../worker/protocol';
import type { QuotaChoice, TallyView } from '../taskpane/tally-run';
import type { Lang } from '../core/finding';
import { HostError, type HostErrorCode, type HostErrorParams } from '../taskpane/host-port';
import type { ApplyResult, HostCapabilities, HostCheckRequest, InsertedSheet, NoticeRequest, OnProgress, PlanApplyResult, PlanToApply, SheetPayload, WorkbookHost, WorkbookSettings } from '../taskpane/host-port';
import type { Scope } from '../taskpane/types';
import type { GridSnapshot } from './grid-host';
import { describeError } from '../taskpane/errors';
import type { SheetView } from './sheet-view';
import type { DownloadKind, DownloadResult, ForwardedMethod, GridChunkEvent, TemplateDownload, WorkerError, WorkerMessage, WorkerRequest } from './worker-protocol';
import type { GridSource } from './GridView';

type Pending = { resolve(v: unknown): void; reject(e: unknown): void; onProgress?: OnProgress };
/** A request without its id (the client numbers them). */
type Request = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/** An error from the worker, shown in the user's language (the task pane calls `text(lang)`). */
export class WorkerHostError extends Error {
  readonly code?: string;
  readonly detail?: string;
  constructor(private readonly e: WorkerError) {
    super(e.zh);
    this.name = 'WorkerHostError';
    this.code = e.code;
    this.detail = e.detail;
  }
  text(lang: Lang): string {
    return lang === 'en' ? this.e.en : this.e.zh;
  }
}

/** An error from the worker in the user's language (the page's own lines: load errors, download notices). */
export function errorText(e: unknown, lang: Lang): string {
  if (e instanceof WorkerHostError) return e.text(lang);
  return describeError(e, lang).message;
}

/** Puts the slices of rows back into the grid the readGrid answer holds (its sheets without their rows). */
function assembleGrid(grid: WorkbookGrid, parts: readonly GridChunkEvent[]): void {
  for (const p of parts) {
    const sheet = grid.sheets[p.sheet];
    for (let i = 0; i < p.values.length; i++) sheet.values[p.from + i] = p.values[i];
    if (p.formats && sheet.numberFormats) for (let i = 0; i < p.formats.length; i++) sheet.numberFormats[p.from + i] = p.formats[i];
  }
}

/** The worker and its request/answer bookkeeping, shared by every open file. */
export class WorkerClient {
  private next = 1;
  private pending = new Map<number, Pending>();
  private hosts = new Map<string, WorkerHost>();

  constructor(private readonly worker: Pick<Worker, 'postMessage' | 'addEventListener'>) {
    worker.addEventListener('message', (ev: MessageEvent<WorkerMessage>) => this.receive(ev.data));
  }

  /** Slices of grids being read (readGrid), by request id. */
  private chunks = new Map<number, GridChunkEvent[]>();

  private receive(msg: WorkerMessage): void {
    if ('event' in msg) {
      if (msg.event === 'gridChunk') {
        const list = this.chunks.get(msg.id);
        if (list) list.push(msg);
        else this.chunks.set(msg.id, [msg]);
      } else if (msg.event === 'progress') this.pending.get(msg.id)?.onProgress?.(msg.progress);
      else this.hosts.get(msg.file)?.receive(msg.snap, msg.view);
      return;
    }
    const parts = this.chunks.get(msg.id);
    if (parts) {
      this.chunks.delete(msg.id);
      if (msg.ok) assembleGrid(msg.value as WorkbookGrid, parts);
    }
    const p = this.pending.get(msg.id);
    if (!p) return;
    this.pending.delete(msg.id);
    if (msg.ok) p.resolve(msg.value);
    else if (msg.error.host) p.reject(new HostError(msg.error.host.code as HostErrorCode, msg.error.host.params as HostErrorParams, { detail: msg.error.host.detail }));
    else p.reject(new WorkerHostError(msg.error));
  }

  request<T>(req: Request, transfer: Transferable[] = [], onProgress?: OnProgress): Promise<T> {
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress });
      this.worker.postMessage({ ...req, id } as WorkerRequest, transfer);
    });
  }

  /** Opens a file in the worker; the host's snapshot shows it loading, then loaded or the error. */
  open(file: string, name: string, bytes: ArrayBuffer, lang: Lang): WorkerHost {
    const host = new WorkerHost(this, file, name, lang);
    this.hosts.set(file, host);
    host.track(this.request<void>({ op: 'open', file, name, bytes, lang }, [bytes]));
    return host;
  }

  close(file: string): Promise<void> {
    this.hosts.delete(file);
    return this.request<void>({ op: 'close', file });
  }

  merge(files: string[], lang: Lang): Promise<DownloadResult & { findings: LocatedFinding[]; errors: number }> {
    return this.request({ op: 'merge', files, lang });
  }

  template(kind: TemplateDownload): Promise<DownloadResult> {
    return this.request({ op: 'template', kind });
  }
}

export class WorkerHost implements WorkbookHost, GridSource {
  private listeners = new Set<() => void>();
  private snap: GridSnapshot;
  private view: SheetView | null = null;
  private ready: Promise<void> = Promise.resolve();
  private viewWanted = 0;

  constructor(
    private readonly client: WorkerClient,
    readonly file: string,
    readonly name: string,
    private readonly lang: Lang,
  ) {
    this.snap = {
      version: 0,
      dataVersion: 0,
      loads: 1,
      fileName: null,
      loadingFile: name,
      loading: true,
      loadError: null,
      sheets: [],
      activeSheet: null,
      selected: null,
      marks: new Map(),
    };
  }

  /** Waits for the open before any call; a failed open is shown in the snapshot. */
  track(open: Promise<void>): void {
    this.ready = open.catch((e: unknown) => {
      const text = errorText(e, this.lang);
      this.snap = { ...this.snap, loading: false, loadError: text, version: this.snap.version + 1 };
      this.emit();
      throw e;
    });
    this.ready.catch(() => undefined);
  }

  receive(snap: GridSnapshot, view: SheetView | null | undefined): void {
    this.snap = snap;
    if (view !== undefined) {
      this.view = view;
      this.viewWanted = 0;
    }
    this.emit();
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }

  private async call<T>(method: ForwardedMethod, args: unknown[], onProgress?: OnProgress): Promise<T> {
    await this.ready;
    onProgress?.({ done: 0, total: 0 });
    return this.client.request<T>({ op: 'call', file: this.file, method, args });
  }

  // GridSource
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  getSnapshot = (): GridSnapshot => this.snap;
  sheetView(rows: number): SheetView | null {
    const v = this.view;
    if (v && v.builtRows < rows && v.builtRows < v.rows && this.viewWanted < rows) {
      // A selected cell below the rows built: ask for more (the grid re-renders when they arrive).
      this.viewWanted = rows;
      void this.client.request<SheetView | null>({ op: 'view', file: this.file, rows }).then((view) => {
        this.view = view;
        this.snap = { ...this.snap, version: this.snap.version + 1 };
        this.emit();
      });
    }
    return v;
  }
  activate(sheet: string): void {
    void this.client.request({ op: 'activate', file: this.file, sheet });
  }

  // WorkbookHost
  capabilities(): HostCapabilities {
    return { notes: true, comments: false, insertWorksheets: true };
  }
  workbookName(): Promise<string> {
    return this.call('workbookName', []);
  }
  async readWorkbook(scope: Scope, onProgress?: OnProgress): Promise<WorkbookGrid> {
    await this.ready;
    onProgress?.({ done: 0, total: 0 });
    return this.client.request<WorkbookGrid>({ op: 'readGrid', file: this.file, scope });
  }
  /** Read and checked in the worker: the page receives the findings, the tables and the tally, nothing else. */
  async check(req: HostCheckRequest, onProgress?: OnProgress): Promise<SessionCheckView> {
    await this.ready;
    onProgress?.({ done: 0, total: 0, step: 'read' });
    return this.client.request<SessionCheckView>({ op: 'check', file: this.file, scope: req.scope, name: req.file, lang: req.lang, profile: req.profile }, [], onProgress);
  }
  async fillPlan(checkId: number, opts: FillPlanOptions): Promise<FillPlan | null> {
    await this.ready;
    return this.client.request<FillPlan | null>({ op: 'fillPlan', file: this.file, checkId, options: opts });
  }
  /** The 公示 list built and inserted in the worker: only the counts and the sheets' names come back. */
  async insertNotice(req: NoticeRequest, onProgress?: OnProgress): Promise<{ out: NoticeOutput; written: InsertedSheet[] }> {
    await this.ready;
    onProgress?.({ done: 0, total: 0, step: 'read' });
    return this.client.request({ op: 'insertNotice', file: this.file, name: req.file, lang: req.lang, profile: req.profile, drop: req.drop }, [], onProgress);
  }
  /** 名额 read and tallied in the worker: the page receives the view it shows. */
  async tally(req: { file: string; lang: Lang; profile: { id: string }; choice: QuotaChoice }, onProgress?: OnProgress): Promise<TallyView & { tallyId: number }> {
    await this.ready;
    onProgress?.({ done: 0, total: 0, step: 'read' });
    return this.client.request({ op: 'tally', file: this.file, name: req.file, lang: req.lang, profile: req.profile, choice: req.choice }, [], onProgress);
  }
  async insertTallySheet(tallyId: number, quotaSource: string): Promise<string> {
    await this.ready;
    return this.client.request({ op: 'insertTallySheet', file: this.file, tallyId, quotaSource });
  }
  selectCell(sheet: string, cell: string): Promise<void> {
    return this.call('selectCell', [sheet, cell]);
  }
  mark(findings: readonly LocatedFinding[], onProgress?: OnProgress): Promise<{ marked: number }> {
    return this.call('mark', [findings], onProgress);
  }
  clearMarks(onProgress?: OnProgress): Promise<{ cleared: number }> {
    return this.call('clearMarks', [], onProgress);
  }
  applyChanges(changes: readonly CellChange[], onProgress?: OnProgress): Promise<ApplyResult> {
    return this.call('applyChanges', [changes], onProgress);
  }
  applyPlan(plan: PlanToApply, onProgress?: OnProgress): Promise<PlanApplyResult> {
    return this.call('applyPlan', [{ changes: plan.changes, inserts: plan.inserts }], onProgress);
  }
  async insertSheet(sheet: SheetPayload, onProgress?: OnProgress): Promise<string> {
    await this.ready;
    onProgress?.({ done: 0, total: 2 });
    // The .xlsx when there is one (a template with its validations), else the SheetSpec (the 汇总 sheets).
    const base64 = sheet.base64 ? await sheet.base64() : undefined;
    const spec = !base64 && sheet.spec ? await sheet.spec() : undefined;
    onProgress?.({ done: 1, total: 2 });
    const name = await this.client.request<string>({ op: 'insertSheet', file: this.file, name: sheet.name, base64, spec, formulas: sheet.formulas ? [...sheet.formulas] : undefined });
    onProgress?.({ done: 2, total: 2 });
    return name;
  }
  sheetNames(): Promise<string[]> {
    return this.call('sheetNames', []);
  }
  /** Kept with the workbook in the worker (the award chosen …), as the in-page host keeps them. */
  readonly settings: WorkbookSettings = {
    get: (key) => this.call('settingGet', [key]),
    set: (key, value) => this.call('settingSet', [key, value]),
  };

  /** Every cell of a sheet as text (formulas as `=…`), for tests and the console. */
  async cells(sheet: string): Promise<string[][]> {
    await this.ready;
    return this.client.request({ op: 'cells', file: this.file, sheet });
  }

  /** The workbook as it is now, or the annotated copy of the last marks, as a new .xlsx. */
  async download(kind: DownloadKind): Promise<DownloadResult> {
    await this.ready;
    return this.client.request({ op: 'download', file: this.file, kind });
  }
}

/** Hands a result to the browser as a download (an object URL on an <a download>; nothing is sent anywhere). */
export function saveDownload(result: Pick<DownloadResult, 'bytes' | 'name'>): void {
  const blob = new Blob([result.bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = result.name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
