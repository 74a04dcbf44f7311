/**
 * The preview page's WorkbookHost: an .xlsx loaded with ExcelJS in the browser (the bytes never leave the page),
 * shown as an HTML grid beside the real task pane. It moves cells between that in-memory workbook and the engine,
 * like the Office.js host does with Excel:
 *
 * - readWorkbook converts ExcelJS sheets with the same converter the CLI uses (src/xlsx/from-exceljs.ts);
 * - selectCell switches to the sheet and selects the cell (the grid scrolls to it and outlines it);
 * - mark lays an overlay of colours and messages over the grid; the workbook's own cells are never touched, so
 *   clearMarks restores exactly what was there;
 * - applyChanges writes into the in-memory workbook, skipping cells that no longer hold `before`;
 * - insertSheet copies the sheets of the payload's .xlsx (a template, the 名额核对 sheet) into the workbook;
 * - a file that cannot be read leaves no workbook open (never the previous one, which would be taken for it).
 *
 * ExcelJS comes through a dynamic import(), so it stays out of the page's first download. Failures are the port's
 * HostError (the task pane words them).
 * The grid view subscribes to changes with `subscribe`/`getSnapshot` (React's useSyncExternalStore).
 */
import type { Workbook, Worksheet } from 'exceljs';
import { parseA1, a1, type WorkbookGrid } from '../core/grid';
import type { LocatedFinding } from '../core/check';
import type { CellChange } from '../core/fill';
import type { Lang, Severity } from '../core/finding';
import { cellText } from '../core/normalize';
import { HostError, type ApplyResult, type HostCapabilities, type HostErrorCode, type HostErrorParams, type OnProgress, type PlanApplyResult, type PlanToApply, type SheetPayload, type WorkbookHost, type WorkbookSettings } from '../taskpane/host-port';
import { describeError } from '../taskpane/errors';
import { worksheetToGrid } from '../xlsx/from-exceljs';
import { fromExcelJsValue } from '../xlsx/values';
import type { ReadErrorCode } from '../xlsx/errors';
import { buildSheetView, type SheetView } from './sheet-view';

export type ExcelJSModule = typeof import('exceljs');

/** The browser build of ExcelJS, fetched on first use. */
export async function loadExcelJS(): Promise<ExcelJSModule> {
  const mod = await import('exceljs');
  return ((mod as unknown as { default?: ExcelJSModule }).default ?? mod) as ExcelJSModule;
}

export interface CellMark {
  severity: Severity;
  messages: string[];
}

export interface GridSnapshot {
  /** Bumped on every change (selection and marks included). */
  version: number;
  /** Bumped when cells or sheets change; the grid view re-derives its cells from it. */
  dataVersion: number;
  /** Bumped when a new workbook starts loading (the page remounts the task pane). */
  loads: number;
  /** Name of the workbook shown. */
  fileName: string | null;
  /** Name of the file being opened (or that failed to open). */
  loadingFile: string | null;
  loading: boolean;
  loadError: string | null;
  /** Visible sheets, in workbook order. */
  sheets: string[];
  activeSheet: string | null;
  selected: { sheet: string; cell: string } | null;
  /** Keyed by `sheet!A1`. */
  marks: ReadonlyMap<string, CellMark>;
}

/** An OOXML package is a zip: a local file header (or, empty, the end-of-central-directory record). */
function isZip(b: Uint8Array): boolean {
  return b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && ((b[2] === 3 && b[3] === 4) || (b[2] === 5 && b[3] === 6));
}
/** Legacy .xls and password-protected workbooks are OLE2 compound files. (src/xlsx/sniff.ts has the full
 *  sniffing, but it pulls in Node's zlib.) */
function isOle2(b: Uint8Array): boolean {
  const magic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return b.length >= 8 && magic.every((m, i) => b[i] === m);
}

/** Worst first (core/finding's order; not imported, so the page's first download stays free of zod). */
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function markKey(sheet: string, cell: string): string {
  return `${sheet}!${cell}`;
}

function tick(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export interface GridHostOptions {
  lang: Lang;
  /** How to get ExcelJS (tests pass the Node module). */
  excelJS?: () => Promise<ExcelJSModule>;
}

export class GridHost implements WorkbookHost {
  private wb: Workbook | null = null;
  private pending: Promise<void> | null = null;
  private listeners = new Set<() => void>();
  private marks = new Map<string, CellMark>();
  private snap: GridSnapshot;
  private readonly lang: Lang;
  private readonly excelJS: () => Promise<ExcelJSModule>;
  /** Settings of the open workbook (the award chosen …): they go with it, as Office's document settings do. */
  private settingsOf = new WeakMap<Workbook, Map<string, string>>();

  constructor(options: GridHostOptions) {
    this.lang = options.lang;
    this.excelJS = options.excelJS ?? loadExcelJS;
    this.snap = {
      version: 0,
      dataVersion: 0,
      loads: 0,
      fileName: null,
      loadingFile: null,
      loading: false,
      loadError: null,
      sheets: [],
      activeSheet: null,
      selected: null,
      marks: this.marks,
    };
  }

  // ---------------------------------------------------------------------------------------------- page side

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): GridSnapshot => this.snap;

  /** The in-memory workbook (the grid view reads cells and styles from it). */
  workbook(): Workbook | null {
    return this.wb;
  }

  worksheet(name: string | null): Worksheet | undefined {
    return name && this.wb ? this.wb.getWorksheet(name) : undefined;
  }

  private viewCache: { key: string; view: SheetView } | null = null;

  /** The active sheet's view (GridView), built again only when cells change or another sheet is shown. */
  sheetView(rows: number): SheetView | null {
    const ws = this.worksheet(this.snap.activeSheet);
    if (!ws) return null;
    const key = `${this.snap.dataVersion}\u0000${ws.id}\u0000${ws.name}`;
    const c = this.viewCache;
    if (c && c.key === key && (c.view.builtRows >= rows || c.view.builtRows >= c.view.rows)) return c.view;
    const view = buildSheetView(ws, rows);
    this.viewCache = { key, view };
    return view;
  }

  private emit(patch: Partial<GridSnapshot> = {}, dataChanged = false): void {
    const sheets = this.wb ? this.wb.worksheets.filter((ws) => ws.state === 'visible' || !ws.state).map((ws) => ws.name) : [];
    this.snap = {
      ...this.snap,
      sheets,
      ...patch,
      marks: new Map(this.marks),
      version: this.snap.version + 1,
      dataVersion: this.snap.dataVersion + (dataChanged ? 1 : 0),
    };
    for (const l of this.listeners) l();
  }

  /** Load an .xlsx from its bytes. Errors are kept in the snapshot (shown by the page) and rethrown. */
  loadBytes(bytes: ArrayBuffer | Uint8Array, fileName: string): Promise<void> {
    return this.track(fileName, () => this.parse(bytes, fileName));
  }

  /** Fetch an .xlsx shipped with the page (examples/…) and load it. */
  loadUrl(url: string, fileName: string): Promise<void> {
    return this.track(fileName, async () => {
      let res: Response;
      try {
        res = await fetch(url);
      } catch (e) {
        throw this.error('fetch-failed', { file: fileName }, `${url}: ${String(e)}`);
      }
      if (!res.ok) throw this.error('fetch-failed', { file: fileName }, `${res.status} ${url}`);
      await this.parse(await res.arrayBuffer(), fileName);
    });
  }

  private error(code: HostErrorCode, params: HostErrorParams = {}, detail?: string): HostError {
    return new HostError(code, params, { detail });
  }

  private async parse(bytes: ArrayBuffer | Uint8Array, fileName: string): Promise<void> {
    const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
    const unreadable = (reason: ReadErrorCode | 'ole2', detail?: string) => this.error('file-unreadable', { file: fileName, reason }, detail);
    if (data.length === 0) throw unreadable('empty');
    if (!isZip(data)) {
      // A legacy .xls and a password-protected .xlsx are both OLE2 compound files.
      if (isOle2(data)) throw unreadable('ole2');
      throw unreadable('not-workbook');
    }
    const ExcelJS = await this.excelJS();
    const wb = new ExcelJS.Workbook();
    try {
      // ExcelJS takes an ArrayBuffer in the browser and a Buffer in Node.
      const input = typeof window === 'undefined' && typeof Buffer !== 'undefined' ? Buffer.from(data) : data.slice().buffer;
      await wb.xlsx.load(input as never);
    } catch (e) {
      throw unreadable('corrupt', e instanceof Error ? e.message : String(e));
    }
    if (wb.worksheets.length === 0) throw unreadable('empty');
    this.setWorkbook(wb, fileName);
  }

  /** Use an ExcelJS workbook as it is (tests). */
  setWorkbook(wb: Workbook, fileName: string): void {
    this.wb = wb;
    this.marks.clear();
    const first = wb.worksheets.find((ws) => ws.state === 'visible' || !ws.state) ?? wb.worksheets[0];
    const activeTab = (wb.views?.[0] as { activeTab?: number } | undefined)?.activeTab;
    const active = activeTab !== undefined && wb.worksheets[activeTab] ? wb.worksheets[activeTab] : first;
    this.emit({ fileName, activeSheet: active?.name ?? null, selected: null, loading: false, loadError: null }, true);
  }

  private track(fileName: string, run: () => Promise<void>): Promise<void> {
    this.emit({ loading: true, loadError: null, loadingFile: fileName, loads: this.snap.loads + 1 });
    const tracked = run().catch((e: unknown) => {
      // The previous workbook is closed: what the page and the pane show after a failed open is never taken for
      // the file the user chose.
      this.wb = null;
      this.marks.clear();
      this.emit({ loading: false, loadError: describeError(e, this.lang).message, fileName: null, activeSheet: null, selected: null }, true);
      throw e;
    });
    this.pending = tracked;
    // A page-initiated load may have nobody awaiting it; its error is in the snapshot, not an unhandled rejection.
    tracked.catch(() => undefined);
    return tracked;
  }

  /** Show another sheet (a click on a sheet tab). */
  activate(sheet: string): void {
    if (!this.worksheet(sheet)) return;
    this.emit({ activeSheet: sheet });
  }

  private async ready(): Promise<Workbook> {
    if (this.pending) {
      try {
        await this.pending;
      } catch {
        // Reported below as "no workbook" unless an earlier one is still loaded.
      }
    }
    if (!this.wb) {
      throw this.error('no-workbook', {}, this.snap.loadError ?? undefined);
    }
    return this.wb;
  }

  private sheetOrThrow(wb: Workbook, name: string): Worksheet {
    const ws = wb.getWorksheet(name);
    if (!ws) {
      throw this.error('not-found', { sheet: name });
    }
    return ws;
  }

  // ---------------------------------------------------------------------------------------------- WorkbookHost

  capabilities(): HostCapabilities {
    return { notes: true, comments: false, insertWorksheets: true };
  }

  async workbookName(): Promise<string> {
    await this.ready();
    return this.snap.fileName ?? '';
  }

  async readWorkbook(scope: 'active' | 'all', onProgress?: OnProgress): Promise<WorkbookGrid> {
    const wb = await this.ready();
    const sheets =
      scope === 'active'
        ? [this.sheetOrThrow(wb, this.snap.activeSheet ?? wb.worksheets[0].name)]
        : wb.worksheets.filter((ws) => ws.state !== 'veryHidden');
    const grids = [];
    for (let i = 0; i < sheets.length; i++) {
      onProgress?.({ done: i, total: sheets.length, step: 'read', unit: 'sheets' });
      grids.push(worksheetToGrid(sheets[i]));
      if (sheets.length > 1) await tick();
    }
    onProgress?.({ done: sheets.length, total: sheets.length, step: 'read', unit: 'sheets' });
    return { name: this.snap.fileName ?? '', sheets: grids };
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    const wb = await this.ready();
    this.sheetOrThrow(wb, sheet);
    const { row, col } = parseA1(cell);
    this.emit({ activeSheet: sheet, selected: { sheet, cell: a1(row, col) } });
  }

  async mark(findings: readonly LocatedFinding[], onProgress?: OnProgress): Promise<{ marked: number }> {
    await this.ready();
    const targets = new Map<string, CellMark>();
    for (const f of findings) {
      const k = markKey(f.sheet, a1(f.row, f.col));
      const t = targets.get(k);
      if (!t) targets.set(k, { severity: f.severity, messages: [f.message] });
      else {
        if (RANK[f.severity] < RANK[t.severity]) t.severity = f.severity;
        if (!t.messages.includes(f.message)) t.messages.push(f.message);
      }
    }
    for (const [k, m] of targets) this.marks.set(k, m);
    onProgress?.({ done: targets.size, total: targets.size });
    this.emit();
    return { marked: targets.size };
  }

  async clearMarks(onProgress?: OnProgress): Promise<{ cleared: number }> {
    const cleared = this.marks.size;
    this.marks.clear();
    onProgress?.({ done: cleared, total: cleared });
    this.emit();
    return { cleared };
  }

  async applyChanges(changes: readonly CellChange[], onProgress?: OnProgress): Promise<ApplyResult> {
    const wb = await this.ready();
    const seen = new Set<string>();
    const skipped: CellChange[] = [];
    let written = 0;
    const total = changes.length;
    changes.forEach((c, i) => {
      const k = markKey(c.sheet, a1(c.row, c.col));
      if (seen.has(k)) return;
      seen.add(k);
      const ws = wb.getWorksheet(c.sheet);
      const cell = ws?.getCell(c.row + 1, c.col + 1);
      // Compared as the engine saw it when the plan was made (the Office.js host does the same).
      if (!ws || !cell || cellText(fromExcelJsValue(cell.value)) !== c.before) {
        skipped.push(c);
        return;
      }
      // The format first: an ID written into a General cell would otherwise be a number.
      if (c.numberFormat) cell.style = { ...cell.style, numFmt: c.numberFormat }; // its own copy: ExcelJS shares style objects
      cell.value = c.after;
      written++;
      if (i % 500 === 0) onProgress?.({ done: i, total });
    });
    onProgress?.({ done: total, total });
    this.emit({}, true);
    return { written, skipped };
  }

  /**
   * A plan with row inserts (the statistics fill): cells checked against `before` at their addresses as read,
   * then the rows inserted bottom up (ExcelJS insertRows, styled like the row above), then the kept changes
   * written — formulas as `{ formula }`. ExcelJS does not move formula references or merged areas below an
   * inserted row (Excel does); the preview's workbooks keep those below the statistics tables.
   */
  async applyPlan(plan: PlanToApply, onProgress?: OnProgress): Promise<PlanApplyResult> {
    const wb = await this.ready();
    const inserts = plan.inserts ?? [];
    const seen = new Set<string>();
    const kept: CellChange[] = [];
    const skipped: CellChange[] = [];
    for (const c of plan.changes) {
      const k = markKey(c.sheet, a1(c.row, c.col));
      if (seen.has(k)) continue;
      seen.add(k);
      const ws = wb.getWorksheet(c.sheet);
      const readRow = rowAsRead(inserts, c.sheet, c.row);
      const now = !ws ? null : readRow === null ? '' : cellText(fromExcelJsValue(ws.getCell(readRow + 1, c.col + 1).value));
      (now === c.before ? kept : skipped).push(c);
    }
    let insertedRows = 0;
    for (const ins of [...inserts].sort((a, b) => (a.sheet === b.sheet ? b.beforeRow - a.beforeRow : 0))) {
      const ws = wb.getWorksheet(ins.sheet);
      if (!ws || !(ins.count > 0)) continue;
      ws.insertRows(ins.beforeRow + 1, Array.from({ length: ins.count }, () => []), 'i');
      insertedRows += ins.count;
    }
    kept.forEach((c, i) => {
      const cell = wb.getWorksheet(c.sheet)!.getCell(c.row + 1, c.col + 1);
      if (c.numberFormat) cell.style = { ...cell.style, numFmt: c.numberFormat }; // its own copy: ExcelJS shares style objects
      cell.value = c.formula
        ? ({ formula: c.formula.replace(/^=/, ''), result: c.formulaResult === '' ? undefined : c.formulaResult } as import('exceljs').CellFormulaValue)
        : c.after;
      if (i % 500 === 0) onProgress?.({ done: i, total: kept.length });
    });
    onProgress?.({ done: kept.length, total: kept.length });
    this.emit({}, true);
    return { written: kept.length, skipped, insertedRows };
  }

  async sheetNames(): Promise<string[]> {
    const wb = await this.ready();
    return wb.worksheets.map((ws) => ws.name);
  }

  /**
   * Add a generated sheet (a template, the 名额核对 sheet): the sheets of the payload's .xlsx copied in — the first
   * visible one under a free name, hidden helper sheets (`_lists`, referenced by name from validations) once.
   */
  async insertSheet(sheet: SheetPayload, onProgress?: OnProgress): Promise<string> {
    const wb = await this.ready();
    if (!sheet.base64) {
      // A data sheet (the 汇总 and 公示 sheets): written from its SheetSpec in slices of rows, with progress in rows.
      if (!sheet.spec) throw this.error('host', {}, `${sheet.name}: the payload holds neither an .xlsx nor a spec`);
      const spec = await sheet.spec();
      const name = uniqueName(wb, sheet.name);
      const { renderSpec } = await import(/* webpackChunkName: "render-spec" */ './render-spec');
      await renderSpec(wb, spec, name, (done, total) => onProgress?.({ done, total, unit: 'rows' }));
      // The new sheet's tab appears; the grid stays on the sheet shown (building the view of a sheet of thousands
      // of rows after each of several inserts held the page); the caller selects where to go next.
      this.emit({}, true);
      return name;
    }
    onProgress?.({ done: 0, total: 2, unit: 'steps' });
    const ExcelJS = await this.excelJS();
    const tpl = new ExcelJS.Workbook();
    const bytes = Uint8Array.from(atob(await sheet.base64()), (ch) => ch.charCodeAt(0));
    const input = typeof window === 'undefined' && typeof Buffer !== 'undefined' ? Buffer.from(bytes) : bytes.buffer;
    await tpl.xlsx.load(input as never);
    onProgress?.({ done: 1, total: 2, unit: 'steps' });
    let inserted = '';
    for (const src of tpl.worksheets) {
      const hidden = !!src.state && src.state !== 'visible';
      if (hidden && wb.getWorksheet(src.name)) continue;
      if (!hidden && inserted) continue;
      const name = hidden ? src.name : uniqueName(wb, sheet.name);
      const ws = wb.addWorksheet(name, hidden ? { state: 'hidden' } : undefined);
      const model = src.model as unknown as { merges?: string[] };
      // ExcelJS's model getter lists merges as `merges`; its setter reads `mergeCells`.
      (ws as unknown as { model: unknown }).model = { ...model, name, id: ws.id, mergeCells: model.merges ?? [], state: hidden ? 'hidden' : 'visible' };
      if (!hidden) inserted = name;
    }
    if (!inserted) throw this.error('host', {}, `${sheet.name}: the payload holds no visible sheet`);
    onProgress?.({ done: 2, total: 2, unit: 'steps' });
    this.emit({ activeSheet: inserted, selected: { sheet: inserted, cell: 'A1' } }, true);
    return inserted;
  }

  /** Settings kept with the open workbook (in memory: the preview's workbook is never saved back). */
  readonly settings: WorkbookSettings = {
    get: async (key) => {
      const wb = await this.ready();
      return this.settingsOf.get(wb)?.get(key) ?? null;
    },
    set: async (key, value) => {
      const wb = await this.ready();
      let m = this.settingsOf.get(wb);
      if (!m) this.settingsOf.set(wb, (m = new Map()));
      m.set(key, value);
    },
  };

}

/** Row as read of a row after the plan's inserts; null for a row the inserts create (see RowInsert). */
function rowAsRead(inserts: PlanToApply['inserts'] & object, sheet: string, row: number): number | null {
  let offset = 0;
  for (const ins of inserts.filter((x) => x.sheet === sheet).sort((a, b) => a.beforeRow - b.beforeRow)) {
    const start = ins.beforeRow + offset;
    if (row < start) return row - offset;
    if (row < start + ins.count) return null;
    offset += ins.count;
  }
  return row - offset;
}

/** `附件3`, or `附件3 (2)` … when taken (Excel's own naming for a copied sheet). */
export function uniqueName(wb: Workbook, base: string): string {
  const taken = new Set(wb.worksheets.map((ws) => ws.name.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const name = `${base} (${n})`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}
