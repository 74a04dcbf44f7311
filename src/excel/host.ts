/**
 * The Office.js host: moves cells between Excel and the engine (ARCHITECTURE.md), in as few round trips as the
 * payload limits allow. Implements the task pane's WorkbookHost port.
 *
 * Minimum requirement set: ExcelApi 1.9 (getCellProperties, RangeAreas, fill patterns). Detected at run time:
 * notes (1.18), threaded comments (1.10), insertWorksheetsFromBase64 (1.13). Without notes and comments a mark is
 * the fill alone and its message stays in the task pane (and the mark store). Without 1.13 a template is built
 * cell by cell from a SheetSpec (render-sheet.ts).
 *
 * Usage in the task pane:
 *   createExcelHost(Excel, { supports: (s, v) => Office.context.requirements.isSetSupported(s, v),
 *                            templateBase64: (kind) => import('…').then((m) => m.templateBase64(kind)),
 *                            templateSpec: (kind) => import('…').then((m) => m.templateSpec(kind)), lang })
 */
import { a1, type CellValue, type SheetGrid, type WorkbookGrid } from '../core/grid';
import type { LocatedFinding } from '../core/check';
import type { CellChange, RowInsert } from '../core/fill';
import { compareSeverity, type Lang, type Severity } from '../core/finding';
import { cellText } from '../core/normalize';
import type { ApplyResult, HostCapabilities, OnProgress, PlanApplyResult, PlanToApply, SheetPayload, StepKey, WorkbookHost } from '../taskpane/host-port';
import type { ExcelLike, SupportsFn, XlCellProperties, XlClientResult, XlComment, XlContext, XlNote, XlWorksheet } from './excel-like';
import { ACTION_COST, BUDGET, ChunkedWriter, OBJECT_COST, actionBytes, areaAddresses, columnRuns, qualify, rowsPiece, type Piece, type Run } from './batch';
import { ExcelHostError, isSizeError, toHostError } from './errors';
import {
  MARK_COLORS, MARK_PREFIX, MARK_STORE_SHEET, STORE_COLUMNS, STORE_HEADER, annotationText, decodeStore, encodeRecord, fillKey,
  isGradient, sameColor, storedFillOf, type Annotation, type FillSpec, type MarkRecord, type StoredFill,
} from './marks';
import { readUsedRanges } from './read';
import { renderSheet } from './render-sheet';
import type { SheetSpec } from '../core/sheet-spec';
import { jsonBytes, toCellValue, typedAsText, utf8Length } from './values';

export { typedAsText };

export type TemplateKind = 'annex3';

export interface ExcelHostOptions {
  /** `Office.context.requirements.isSetSupported`; without it only ExcelApi 1.9 is assumed. */
  supports?: SupportsFn;
  /** Base64 .xlsx of a template (the task pane lazy-loads the ExcelJS writer). */
  templateBase64?: (kind: TemplateKind) => Promise<string>;
  /** The same template as a SheetSpec, for Excel without ExcelApi 1.13 (also lazy-loaded). */
  templateSpec?: (kind: TemplateKind) => Promise<SheetSpec>;
  /** Language of progress labels. */
  lang?: Lang;
}

const FILL_PROPS = { format: { fill: { color: true, pattern: true, patternColor: true, tintAndShade: true, patternTintAndShade: true } } };
/** Cells this close in a column are read with one getCellProperties (the rows between cost less than a call). */
const READ_GAP = 4;
/** Store rows read in the first sync: 7 short text cells each, ≤ ~250 bytes (halved on a size error). */
const STORE_SAMPLE_ROWS = 12_000;
/** Estimated response bytes of one cell's fill properties. */
const FILL_RESPONSE_BYTES = 150;

/** Steps reported with progress (the pane words them). */
const LABELS = { read: 'read', mark: 'mark', clear: 'clear', apply: 'apply', template: 'template' } as const satisfies Record<string, StepKey>;

interface Target {
  sheet: string;
  row: number;
  col: number;
  cell: string;
  severity: Severity;
  messages: string[];
}

interface Located {
  cell: string;
  content: string;
  proxy: XlNote | XlComment;
  id?: string;
}

/** One queued read: a vertical run of cells (`run`), or one note / comment looked up by key. */
interface ReadItem<T> {
  kind: 'run' | 'note' | 'comment';
  sheet: string;
  top: number;
  col: number;
  items: (T | undefined)[];
  reqBytes: number;
  resBytes: number;
}

/** Reads of column runs, each cut so its estimated response stays well inside the budget. */
function runReads<T>(sheet: string, runs: readonly Run<T>[], reqBytes: number, cellBytes: (t: T | undefined) => number): ReadItem<T>[] {
  const out: ReadItem<T>[] = [];
  for (const run of runs) {
    let start = 0;
    while (start < run.items.length) {
      let res = 0;
      let end = start;
      while (end < run.items.length && (end === start || res + cellBytes(run.items[end]) <= BUDGET / 2)) res += cellBytes(run.items[end++]);
      out.push({ kind: 'run', sheet, top: run.top + start, col: run.col, items: run.items.slice(start, end), reqBytes, resBytes: res });
      start = end;
    }
  }
  return out;
}

/** A run read in two halves (after Excel rejected it as too large); null when it cannot shrink. */
function halveRead<T>(r: ReadItem<T>): ReadItem<T>[] | null {
  if (r.kind !== 'run' || r.items.length < 2) return null;
  const mid = Math.ceil(r.items.length / 2);
  const share = r.resBytes / r.items.length;
  return [
    { ...r, items: r.items.slice(0, mid), resBytes: share * mid },
    { ...r, top: r.top + mid, items: r.items.slice(mid), resBytes: share * (r.items.length - mid) },
  ];
}

/** A1 part of an address returned by Excel (`'附件3'!B3` → `B3`). */
function localAddress(address: string): string {
  const i = address.lastIndexOf('!');
  return (i < 0 ? address : address.slice(i + 1)).replace(/\$/g, '').toUpperCase();
}

function key(sheet: string, cell: string): string {
  return `${sheet.toLowerCase()}\u0000${cell.toUpperCase()}`;
}

function parseCell(cell: string): { row: number; col: number } {
  const m = /^([A-Z]{1,3})(\d+)$/.exec(cell.toUpperCase());
  if (!m) throw new Error(`bad cell ${cell}`);
  let c = 0;
  for (const ch of m[1]) c = c * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: c - 1 };
}

export class ExcelHost implements WorkbookHost {
  private readonly supports: SupportsFn;
  private readonly lang: Lang;
  constructor(
    private readonly excel: ExcelLike,
    private readonly options: ExcelHostOptions = {},
  ) {
    this.supports = options.supports ?? ((set, v) => set === 'ExcelApi' && v === '1.9');
    this.lang = options.lang ?? 'zh';
  }

  capabilities(): HostCapabilities {
    return {
      notes: this.supports('ExcelApi', '1.18'),
      comments: this.supports('ExcelApi', '1.10'),
      // insertWorksheetsFromBase64 (1.13), or the cell-by-cell fallback when the host was given templateSpec.
      insertWorksheets: this.supports('ExcelApi', '1.13') || (!!this.options.templateSpec && this.supports('ExcelApi', '1.9')),
    };
  }

  private label(k: keyof typeof LABELS): StepKey {
    return LABELS[k];
  }

  /** Excel.run with every failure turned into an ExcelHostError. */
  private async run<T>(batch: (ctx: XlContext) => Promise<T>): Promise<T> {
    if (!this.supports('ExcelApi', '1.9')) throw new ExcelHostError('unsupported', { params: { set: 'ExcelApi', version: '1.9' } });
    try {
      return await this.excel.run(batch);
    } catch (e) {
      throw toHostError(e);
    }
  }

  async workbookName(): Promise<string> {
    return this.run(async (ctx) => {
      ctx.workbook.load('name');
      await ctx.sync();
      return ctx.workbook.name || (this.lang === 'en' ? 'Workbook' : '工作簿');
    });
  }

  // ------------------------------------------------------------------------------------------------ read

  async readWorkbook(scope: 'active' | 'all', onProgress?: OnProgress): Promise<WorkbookGrid> {
    return this.run(async (ctx) => {
      const wb = ctx.workbook;
      let sheets: XlWorksheet[];
      let alongside: () => void;
      if (scope === 'active') {
        const ws = wb.worksheets.getActiveWorksheet();
        sheets = [ws];
        alongside = () => {
          wb.load('name');
          ws.load('name'); // arrives with the first read sync
        };
      } else {
        wb.load('name');
        wb.worksheets.load(['items/name', 'items/visibility']);
        await ctx.sync();
        sheets = wb.worksheets.items.filter((s) => s.name !== MARK_STORE_SHEET && s.visibility !== 'VeryHidden');
        alongside = () => undefined;
      }
      const label = this.label('read');
      const blocks = await readUsedRanges(ctx, sheets, {
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
        };
      });
      return { name: wb.name || (this.lang === 'en' ? 'Workbook' : '工作簿'), sheets: grids };
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

  // ------------------------------------------------------------------------------------------------ apply

  async applyChanges(changes: readonly CellChange[], onProgress?: OnProgress): Promise<ApplyResult> {
    const { written, skipped } = await this.applyPlan({ changes }, onProgress);
    return { written, skipped };
  }

  /**
   * A plan with row inserts and formulas (host-port.ts PlanToApply). Syncs: one re-read of the target cells (more
   * only when the reads exceed the payload budget), then one write holding the inserts, the '@' formats, the
   * values and formulas and the other number formats (more only beyond the budget): 2 for a statistics sheet.
   */
  async applyPlan(plan: PlanToApply, onProgress?: OnProgress): Promise<PlanApplyResult> {
    const changes = plan.changes;
    const inserts = plan.inserts ?? [];
    if (changes.length === 0 && inserts.length === 0) return { written: 0, skipped: [], insertedRows: 0 };
    return this.run(async (ctx) => {
      const label = this.label('apply');
      const total = changes.length;
      // One change per cell (the first planned wins, like planFill).
      const unique: CellChange[] = [];
      const seen = new Set<string>();
      for (const c of changes) {
        const k = key(c.sheet, a1(c.row, c.col));
        if (seen.has(k)) continue;
        seen.add(k);
        unique.push(c);
      }
      const bySheet = groupBy(unique, (c) => c.sheet);
      const sheets = new Map<string, XlWorksheet>();
      const sheetProxy = (name: string): XlWorksheet => {
        let ws = sheets.get(name);
        if (!ws) sheets.set(name, (ws = ctx.workbook.worksheets.getItem(name)));
        return ws;
      };

      // 1. Re-read what the cells hold now (runs of adjacent rows per column, chunked by payload), at their
      //    addresses before the inserts; a cell of an inserted row will be empty.
      const current = new Map<CellChange, string>();
      const textCell = new Set<CellChange>();
      const reads: ReadItem<ReadTarget>[] = [];
      for (const [sheet, list] of bySheet) {
        const targets: ReadTarget[] = [];
        for (const c of list) {
          const row = rowBeforeInserts(inserts, sheet, c.row);
          if (row === null) current.set(c, '');
          else targets.push({ row, col: c.col, c });
        }
        reads.push(...runReads(sheet, columnRuns(targets, 0), 2 * OBJECT_COST + ACTION_COST + 40, (t) => (t ? utf8Length(t.c.before) + 64 : 24)));
      }
      await this.chunkedReads(ctx, reads, (r) => {
        const range = sheetProxy(r.sheet).getRangeByIndexes(r.top, r.col, r.items.length, 1);
        range.load(['values', 'valueTypes', 'numberFormat']);
        return () => {
          r.items.forEach((t, i) => {
            if (!t) return;
            current.set(t.c, cellText(toCellValue(range.values[i][0], range.valueTypes[i][0], range.numberFormat[i][0])));
            if (range.numberFormat[i][0] === '@') textCell.add(t.c);
          });
        };
      });
      const kept: CellChange[] = [];
      const skipped: CellChange[] = [];
      for (const c of unique) (current.get(c) === c.before ? kept : skipped).push(c);
      onProgress?.({ done: 0, total, step: label });

      // 2. Writes. '@' before the value (an 18-digit ID written into a General cell would become a number with
      //    15 significant digits, Excel's own precision loss); values; then every other number format (set last
      //    because typing a value can change a General cell's format, e.g. a formula inherits a percent format).
      const keptBySheet = groupBy(kept, (c) => c.sheet);
      // 2a. Row inserts first, per sheet bottom up (each beforeRow keeps its meaning), as whole sheet rows.
      const insertPieces: Piece[] = [];
      let insertedRows = 0;
      for (const ins of [...inserts].sort((a, b) => (a.sheet === b.sheet ? b.beforeRow - a.beforeRow : 0))) {
        if (!(ins.count > 0)) continue;
        insertedRows += ins.count;
        const address = `${ins.beforeRow + 1}:${ins.beforeRow + ins.count}`;
        insertPieces.push({ bytes: 2 * OBJECT_COST + ACTION_COST + address.length, queue: () => void sheetProxy(ins.sheet).getRange(address).insert('Down') });
      }
      const textFirst: Piece[] = [];
      const valueWrites: Piece[] = [];
      const formatsAfter: Piece[] = [];
      for (const [sheet, list] of keptBySheet) {
        for (const run of columnRuns(list, 0)) {
          const items = run.items as CellChange[]; // gap 0: no holes
          const at = (from: number, n: number) => sheetProxy(sheet).getRangeByIndexes(run.top + from, run.col, n, 1);
          for (const [from0, n0] of subRuns(items, (c) => (c.numberFormat === '@' ? '@' : undefined))) {
            const piece = rowsPiece(from0, n0, (_f, n) => OBJECT_COST + ACTION_COST + 6 * n, (from, n) => void (at(from, n).numberFormat = Array.from({ length: n }, () => ['@'])));
            textFirst.push(piece);
          }
          const vals = items.map((c) => [c.formula ? c.formula : c.numberFormat === '@' || textCell.has(c) ? c.after : typedAsText(c.after)]);
          // A run holding a formula is written through Range.formulas (its other cells are typed the same way).
          const viaFormulas = items.some((c) => c.formula);
          valueWrites.push(
            rowsPiece(0, items.length, (from, n) => OBJECT_COST + actionBytes(vals.slice(from, from + n)), (from, n) => {
              const r = at(from, n);
              if (viaFormulas) r.formulas = vals.slice(from, from + n);
              else r.values = vals.slice(from, from + n);
            }),
          );
          for (const [from0, n0] of subRuns(items, (c) => (c.numberFormat !== undefined && c.numberFormat !== '@' ? 'x' : undefined))) {
            const fmts = items.map((c) => [c.numberFormat as string]);
            const piece = rowsPiece(from0, n0, (from, n) => OBJECT_COST + actionBytes(fmts.slice(from, from + n)), (from, n) => void (at(from, n).numberFormat = fmts.slice(from, from + n)));
            formatsAfter.push(piece);
          }
        }
      }
      const pieces = [...insertPieces, ...textFirst, ...valueWrites, ...formatsAfter];
      let totalBytes = 0;
      for (const p of pieces) totalBytes += p.bytes;
      const writer = new ChunkedWriter(ctx, (sent) => onProgress?.({ done: Math.round((kept.length * sent) / Math.max(1, totalBytes)), total, step: label }));
      for (const p of pieces) await writer.addPiece(p);
      await writer.flush();
      onProgress?.({ done: kept.length, total, step: label });
      return { written: kept.length, skipped, insertedRows };
    });
  }

  /**
   * Queue reads and sync whenever the next would push the request or the estimated response over the budget.
   * `queue` returns a callback that consumes the loaded data after the sync. A sync Excel rejects as too large
   * is retried with half the reads (reads have no effect, so a retry is safe). `alongside` queues the caller's
   * own loads with the first sync (again on each retry, since a failed sync delivers no load).
   */
  private async chunkedReads<T>(
    ctx: XlContext,
    reads: readonly ReadItem<T>[],
    queue: (r: ReadItem<T>) => () => void,
    alongside?: () => void,
  ): Promise<void> {
    let first = true;
    const send = async (list: readonly ReadItem<T>[]): Promise<void> => {
      if (first) alongside?.();
      const consumers = list.map(queue);
      try {
        await ctx.sync();
      } catch (e) {
        if (!isSizeError(e)) throw e;
        const parts = list.length >= 2 ? [list.slice(0, Math.ceil(list.length / 2)), list.slice(Math.ceil(list.length / 2))] : halveRead(list[0])?.map((r) => [r]);
        if (!parts) throw e;
        for (const p of parts) await send(p);
        return;
      }
      first = false;
      for (const c of consumers) c();
    };
    let i = 0;
    while (i < reads.length || (first && alongside)) {
      let req = 0;
      let res = 0;
      const start = i;
      while (i < reads.length && (i === start || (req + reads[i].reqBytes <= BUDGET && res + reads[i].resBytes <= BUDGET))) {
        req += reads[i].reqBytes;
        res += reads[i].resBytes;
        i++;
      }
      await send(reads.slice(start, i));
    }
  }

  // ------------------------------------------------------------------------------------------------ marks

  async mark(findings: readonly LocatedFinding[], onProgress?: OnProgress): Promise<{ marked: number }> {
    const targets = new Map<string, Target>();
    for (const f of findings) {
      const cell = a1(f.row, f.col);
      const k = key(f.sheet, cell);
      const t = targets.get(k);
      if (!t) targets.set(k, { sheet: f.sheet, row: f.row, col: f.col, cell, severity: f.severity, messages: [f.message] });
      else {
        if (compareSeverity(f.severity, t.severity) < 0) t.severity = f.severity;
        t.messages.push(f.message);
      }
    }
    if (targets.size === 0) return { marked: 0 };
    const caps = this.capabilities();
    const label = this.label('mark');
    const total = targets.size;

    return this.run(async (ctx) => {
      const wb = ctx.workbook;
      const bySheet = groupBy([...targets.values()], (t) => t.sheet);
      const sheets = new Map<string, XlWorksheet>();
      for (const name of bySheet.keys()) sheets.set(name, wb.worksheets.getItem(name));

      // Sync 1 (reads): does the store exist; original fills; the sheets' notes and comments.
      let storeWs!: XlWorksheet;
      const notesOf = new Map<string, { items: XlNote[] }>();
      const commentsOf = new Map<string, { items: XlComment[] }>();
      const alongside = () => {
        storeWs = wb.worksheets.getItemOrNullObject(MARK_STORE_SHEET);
        for (const [name, ws] of sheets) {
          if (caps.notes) notesOf.set(name, ws.notes.load(['items/content']));
          if (caps.comments) commentsOf.set(name, ws.comments.load(['items/id', 'items/content']));
        }
      };
      const fills = new Map<Target, FillSpecLike>();
      const reads: ReadItem<Target>[] = [];
      for (const [sheet, list] of bySheet) {
        reads.push(...runReads(sheet, columnRuns(list, READ_GAP), 2 * OBJECT_COST + actionBytes(FILL_PROPS), () => FILL_RESPONSE_BYTES));
      }
      await this.chunkedReads(
        ctx,
        reads,
        (r) => {
          const props = sheets.get(r.sheet)!.getRangeByIndexes(r.top, r.col, r.items.length, 1).getCellProperties(FILL_PROPS);
          return () => r.items.forEach((t, i) => t && fills.set(t, props.value[i][0]?.format?.fill ?? {}));
        },
        alongside,
      );
      onProgress?.({ done: 0, total, step: label });

      // Sync 2: the store's records, and where the existing notes and comments are.
      const locations = this.queueLocations(notesOf, commentsOf);
      const storeExists = !storeWs.isNullObject;
      let records: MarkRecord[] = [];
      let storeRows = 0;
      if (storeExists) {
        const [block] = await readUsedRanges(ctx, [storeWs], { props: ['values'], sampleRows: STORE_SAMPLE_ROWS });
        records = decodeStore(block.values, block.rowIndex);
        storeRows = block.rowIndex + block.rowCount;
      } else if (locations.pending > 0) {
        await ctx.sync();
      }
      const located = locations.collect();
      const recordAt = new Map<string, MarkRecord>();
      for (const r of records) recordAt.set(key(r.sheet, r.cell), r);

      // Decide, per cell: original fill to record, mark colour, annotation.
      interface Plan {
        t: Target;
        record: MarkRecord | undefined;
        fill: StoredFill;
        mark: string;
        text: string;
        action: 'add-note' | 'update-note' | 'add-comment' | 'update-comment' | 'none';
        existing?: Located;
        annotation: Annotation;
      }
      const plans: Plan[] = [];
      for (const t of targets.values()) {
        const k = key(t.sheet, t.cell);
        const record = recordAt.get(k);
        const fill = record ? record.fill : storedFillOf(fills.get(t));
        const mark = fill === 'keep' ? '' : MARK_COLORS[t.severity];
        const text = annotationText(t.messages);
        const note = located.notes.get(k);
        const comment = located.comments.get(k);
        const ourNote = !!note && record?.annotation === 'note' && note.content.startsWith(MARK_PREFIX);
        const ourComment = !!comment && record?.annotation === 'comment' && record.commentId === comment.id && comment.content.startsWith(MARK_PREFIX);
        let action: Plan['action'] = 'none';
        let existing: Located | undefined;
        if (ourNote) [action, existing] = ['update-note', note];
        else if (ourComment) [action, existing] = ['update-comment', comment];
        else if (note || comment) action = 'none'; // the user's own note/comment: left as it is
        else if (caps.notes) action = 'add-note';
        else if (caps.comments) action = 'add-comment';
        const annotation: Annotation = action === 'add-note' || action === 'update-note' ? 'note' : action === 'update-comment' ? 'comment' : '';
        plans.push({ t, record, fill, mark, text, action, existing, annotation });
      }

      // All writes as pieces, in order: the store first, so a fill is never applied before its original is
      // recorded; then fills; then notes. Progress is reported in cells, pro rata of the bytes sent.
      const pieces: Piece[] = [];
      let store: XlWorksheet = storeWs;
      if (!storeExists) {
        pieces.push({
          bytes: OBJECT_COST * 2 + 4 * ACTION_COST + jsonBytes(STORE_HEADER) * 2,
          queue: () => {
            store = wb.worksheets.add(MARK_STORE_SHEET);
            store.visibility = 'VeryHidden';
            const header = store.getRangeByIndexes(0, 0, 1, STORE_COLUMNS);
            header.numberFormat = [STORE_HEADER.map(() => '@')];
            header.values = [[...STORE_HEADER]];
          },
        });
        storeRows = 1;
      }
      const fresh = plans.filter((p) => !p.record);
      const firstNew = storeRows;
      const newRowOf = new Map<Plan, number>();
      fresh.forEach((p, i) => newRowOf.set(p, firstNew + i));
      const freshRows = fresh.map((p) => encodeRecord({ sheet: p.t.sheet, cell: p.t.cell, fill: p.fill, mark: p.mark, annotation: p.annotation, commentId: '' }));
      const textFormats = (n: number) => Array.from({ length: n }, () => STORE_HEADER.map(() => '@'));
      for (let from = 0; from < freshRows.length; from += 2000) {
        const n = Math.min(2000, freshRows.length - from);
        pieces.push(
          rowsPiece(
            from,
            n,
            (f, k) => OBJECT_COST + 2 * ACTION_COST + jsonBytes(freshRows.slice(f, f + k)) + jsonBytes(textFormats(k)),
            (f, k) => {
              const range = store.getRangeByIndexes(firstNew + f, 0, k, STORE_COLUMNS);
              range.numberFormat = textFormats(k);
              range.values = freshRows.slice(f, f + k);
            },
          ),
        );
      }
      for (const p of plans) {
        if (!p.record || (p.record.mark === p.mark && p.record.annotation === p.annotation)) continue;
        const cells = [[p.mark, p.annotation]];
        const row = p.record.storeRow;
        pieces.push({ bytes: OBJECT_COST + actionBytes(cells), queue: () => void (store.getRangeByIndexes(row, 3, 1, 2).values = cells) });
      }
      // Fills, one RangeAreas per colour and ≤ 8,000-character address.
      const byColor = groupBy(plans.filter((p) => p.mark !== ''), (p) => `${p.t.sheet}\u0000${p.mark}`);
      for (const list of byColor.values()) {
        const ws = sheets.get(list[0].t.sheet)!;
        const color = list[0].mark;
        for (const address of areaAddresses(list.map((p) => p.t))) {
          pieces.push({
            bytes: OBJECT_COST * 3 + 2 * ACTION_COST + address.length + 20,
            queue: () => {
              const fill = ws.getRanges(address).format.fill;
              fill.color = color;
              fill.pattern = 'Solid';
            },
          });
        }
      }
      // Notes, and new text for the notes/comments this add-in left earlier.
      for (const p of plans) {
        if (p.action === 'add-note') {
          const address = p.t.cell; // worksheet.notes takes the sheet-local address ("A1"); comments need the sheet
          const ws = sheets.get(p.t.sheet)!;
          pieces.push({ bytes: OBJECT_COST + actionBytes(address, p.text), queue: () => void ws.notes.add(address, p.text) });
        } else if ((p.action === 'update-note' || p.action === 'update-comment') && p.existing) {
          const proxy = p.existing.proxy;
          pieces.push({ bytes: actionBytes(p.text), queue: () => void (proxy.content = p.text) });
        }
      }
      const toComment = plans.filter((p) => p.action === 'add-comment');
      let totalBytes = 0;
      for (const p of pieces) totalBytes += p.bytes;
      const share = (total - toComment.length) / Math.max(1, totalBytes);
      const writer = new ChunkedWriter(ctx, (sent) => onProgress?.({ done: Math.round(sent * share), total, step: label }));
      for (const p of pieces) await writer.addPiece(p);
      await writer.flush();
      const done = total - toComment.length;

      // Threaded comments last: their ids are known only after the sync that adds them.
      if (toComment.length > 0) {
        const ids = await this.addComments(ctx, sheets, toComment.map((p) => p.t), (n) => onProgress?.({ done: done + n, total, step: label }));
        const patches: { row: number; id: string }[] = [];
        for (const p of toComment) {
          const id = ids.get(p.t);
          if (!id) continue;
          patches.push({ row: p.record ? p.record.storeRow : newRowOf.get(p)!, id });
        }
        patches.sort((a, b) => a.row - b.row);
        const pw = new ChunkedWriter(ctx);
        for (const block of consecutive(patches, (x) => x.row)) {
          const vals = block.map((x) => ['comment', x.id]);
          await pw.add(OBJECT_COST + actionBytes(vals), () => void (store.getRangeByIndexes(block[0].row, 4, block.length, 2).values = vals));
        }
        await pw.flush();
      }
      onProgress?.({ done: total, total, step: label });
      return { marked: total };
    });
  }

  /**
   * Add one threaded comment per target. A comment Excel refuses (e.g. the cell has a note this Excel version
   * cannot see) is skipped — its message stays in the task pane — and the others are added.
   */
  private async addComments(ctx: XlContext, sheets: Map<string, XlWorksheet>, targets: Target[], progress: (n: number) => void): Promise<Map<Target, string>> {
    const ids = new Map<Target, string>();
    let pending = targets.map((t) => ({ t, text: '' }));
    for (const p of pending) p.text = annotationText(p.t.messages);
    let done = 0;
    while (pending.length > 0) {
      // One chunk per sync.
      let bytes = 0;
      let n = 0;
      while (n < pending.length && (n === 0 || bytes + actionBytes(pending[n].text) + OBJECT_COST * 2 < BUDGET)) {
        bytes += actionBytes(qualify(pending[n].t.sheet, pending[n].t.cell), pending[n].text) + OBJECT_COST * 2;
        n++;
      }
      const chunk = pending.slice(0, n);
      const proxies = chunk.map((p) => {
        const c = sheets.get(p.t.sheet)!.comments.add(qualify(p.t.sheet, p.t.cell), p.text);
        c.load('id');
        return c;
      });
      try {
        await ctx.sync();
        chunk.forEach((p, i) => ids.set(p.t, proxies[i].id));
        pending = pending.slice(n);
        done += n;
        progress(done);
      } catch (e) {
        if (isSizeError(e)) throw e;
        // Actions before the failing one were applied. Find which cells now carry our comment; the first of
        // the chunk that does not is the one Excel refused.
        const bySheet = new Map<string, { items: XlComment[] }>();
        for (const name of new Set(chunk.map((p) => p.t.sheet))) bySheet.set(name, sheets.get(name)!.comments.load(['items/id', 'items/content']));
        await ctx.sync();
        const locs = this.queueLocations(new Map(), bySheet);
        if (locs.pending > 0) await ctx.sync();
        const found = locs.collect();
        let failedAt = -1;
        chunk.forEach((p, i) => {
          const c = found.comments.get(key(p.t.sheet, p.t.cell));
          if (c && c.content === p.text && c.id) ids.set(p.t, c.id);
          else if (failedAt < 0) failedAt = i;
        });
        if (failedAt < 0) throw e; // nothing identifiable failed: a real error
        pending = pending.slice(failedAt + 1).filter((p) => !ids.has(p.t));
        done = targets.length - pending.length;
        progress(done);
      }
    }
    return ids;
  }

  /**
   * Queue `getLocation()` of every loaded note and comment; `collect()` after the next sync maps them by cell.
   * Queued before another read so both share one sync.
   */
  private queueLocations(
    notesOf: Map<string, { items: XlNote[] }>,
    commentsOf: Map<string, { items: XlComment[] }>,
  ): { pending: number; collect(): { notes: Map<string, Located>; comments: Map<string, Located> } } {
    const pend: { sheet: string; kind: 'note' | 'comment'; proxy: XlNote | XlComment; loc: { address: string } }[] = [];
    for (const [sheet, coll] of notesOf) for (const n of coll.items) pend.push({ sheet, kind: 'note', proxy: n, loc: n.getLocation().load('address') });
    for (const [sheet, coll] of commentsOf) for (const c of coll.items) pend.push({ sheet, kind: 'comment', proxy: c, loc: c.getLocation().load('address') });
    return {
      pending: pend.length,
      collect: () => {
        const notes = new Map<string, Located>();
        const comments = new Map<string, Located>();
        for (const p of pend) {
          const cell = localAddress(p.loc.address);
          const loc: Located = { cell, content: p.proxy.content, proxy: p.proxy, id: p.kind === 'comment' ? (p.proxy as XlComment).id : undefined };
          (p.kind === 'note' ? notes : comments).set(key(p.sheet, cell), loc);
        }
        return { notes, comments };
      },
    };
  }

  async clearMarks(onProgress?: OnProgress): Promise<{ cleared: number }> {
    const caps = this.capabilities();
    const label = this.label('clear');
    return this.run(async (ctx) => {
      const wb = ctx.workbook;
      const storeWs = wb.worksheets.getItemOrNullObject(MARK_STORE_SHEET);
      wb.worksheets.load(['items/name']);
      await ctx.sync();
      if (storeWs.isNullObject) return { cleared: 0 };
      const live = new Map<string, string>(); // lower-case → actual name
      for (const s of wb.worksheets.items) live.set(s.name.toLowerCase(), s.name);

      const [block] = await readUsedRanges(ctx, [storeWs], { props: ['values'], sampleRows: STORE_SAMPLE_ROWS });
      const records = decodeStore(block.values, block.rowIndex).filter((r) => live.has(r.sheet.toLowerCase()));
      const total = records.length;
      onProgress?.({ done: 0, total, step: label });

      // Reads: current fill of each recorded cell; our notes and comments, still there and still ours?
      const sheets = new Map<string, XlWorksheet>();
      const sheetProxy = (name: string): XlWorksheet => {
        const actual = live.get(name.toLowerCase())!;
        let ws = sheets.get(actual);
        if (!ws) sheets.set(actual, (ws = wb.worksheets.getItem(actual)));
        return ws;
      };
      interface Rec extends MarkRecord {
        row: number;
        col: number;
      }
      const recs: Rec[] = records.map((r) => ({ ...r, ...parseCell(r.cell) }));
      const currentFill = new Map<Rec, { color?: string; pattern?: string }>();
      const reads: ReadItem<Rec>[] = [];
      for (const [sheet, list] of groupBy(recs.filter((r) => r.mark !== ''), (r) => live.get(r.sheet.toLowerCase())!)) {
        reads.push(...runReads(sheet, columnRuns(list, READ_GAP), 2 * OBJECT_COST + actionBytes(FILL_PROPS), () => 80));
      }
      const annotations: { r: Rec; proxy: XlNote | XlComment }[] = [];
      for (const r of recs) {
        if (r.annotation === 'note' && caps.notes) {
          reads.push({ kind: 'note', sheet: r.sheet, top: r.row, col: r.col, items: [r], reqBytes: 2 * OBJECT_COST + ACTION_COST + 40, resBytes: 400 });
        } else if (r.annotation === 'comment' && r.commentId && caps.comments) {
          reads.push({ kind: 'comment', sheet: r.sheet, top: r.row, col: r.col, items: [r], reqBytes: 2 * OBJECT_COST + ACTION_COST + 60, resBytes: 400 });
        }
      }
      await this.chunkedReads(ctx, reads, (q) => {
        const ws = sheetProxy(q.sheet);
        if (q.kind === 'note') {
          const r = q.items[0]!;
          const note = ws.notes.getItemOrNullObject(r.cell);
          note.load('content');
          return () => void (!note.isNullObject && annotations.push({ r, proxy: note }));
        }
        if (q.kind === 'comment') {
          const r = q.items[0]!;
          const c = ws.comments.getItemOrNullObject(r.commentId);
          c.load('content');
          return () => void (!c.isNullObject && annotations.push({ r, proxy: c }));
        }
        const props: XlClientResult<XlCellProperties[][]> = ws.getRangeByIndexes(q.top, q.col, q.items.length, 1).getCellProperties({ format: { fill: { color: true, pattern: true } } });
        return () => q.items.forEach((r, i) => r && currentFill.set(r, props.value[i][0]?.format?.fill ?? {}));
      });

      // Writes: original fills back (grouped by identical fill), our notes/comments removed, the store deleted.
      const pieces: Piece[] = [];
      const restorable = recs.filter((r) => {
        if (r.mark === '' || r.fill === 'keep') return false;
        const f = currentFill.get(r);
        return !!f && sameColor(f.color, r.mark) && (f.pattern === undefined || f.pattern === 'Solid');
      });
      for (const list of groupBy(restorable, (r) => `${live.get(r.sheet.toLowerCase())}\u0000${fillKey(r.fill)}`).values()) {
        const sheet = live.get(list[0].sheet.toLowerCase())!;
        const fill = list[0].fill;
        for (const address of areaAddresses(list)) {
          pieces.push({
            bytes: OBJECT_COST * 3 + 5 * ACTION_COST + address.length + 120,
            queue: () => {
              const f = sheetProxy(sheet).getRanges(address).format.fill;
              if (fill === 'none' || fill === 'keep') f.clear();
              else applyFill(f, fill);
            },
          });
        }
      }
      for (const a of annotations) {
        if (!a.proxy.content.startsWith(MARK_PREFIX)) continue; // rewritten by the user: theirs now
        pieces.push({ bytes: ACTION_COST, queue: () => a.proxy.delete() });
      }
      // Notes/comments this Excel cannot reach (made in a newer Excel): their records stay, fill already
      // restored, so a later "clear" there removes them. Otherwise the store goes.
      const leftover = recs
        .filter((r) => (r.annotation === 'note' && !caps.notes) || (r.annotation === 'comment' && !caps.comments))
        .map((r) => encodeRecord({ ...r, fill: 'keep', mark: '' }));
      if (leftover.length === 0) {
        pieces.push({
          bytes: ACTION_COST * 2,
          queue: () => {
            storeWs.visibility = 'Hidden';
            storeWs.delete();
          },
        });
      } else {
        const rows = block.rowIndex + block.rowCount;
        pieces.push({ bytes: OBJECT_COST + ACTION_COST, queue: () => storeWs.getRangeByIndexes(1, 0, Math.max(1, rows - 1), STORE_COLUMNS).clear('Contents') });
        pieces.push(
          rowsPiece(
            0,
            leftover.length,
            (f, k) => OBJECT_COST + 2 * ACTION_COST + 2 * jsonBytes(leftover.slice(f, f + k)),
            (f, k) => {
              const range = storeWs.getRangeByIndexes(1 + f, 0, k, STORE_COLUMNS);
              range.numberFormat = leftover.slice(f, f + k).map((r) => r.map(() => '@'));
              range.values = leftover.slice(f, f + k);
            },
          ),
        );
      }
      let totalBytes = 0;
      for (const p of pieces) totalBytes += p.bytes;
      const writer = new ChunkedWriter(ctx, (sent) => onProgress?.({ done: Math.round((total * sent) / totalBytes), total, step: label }));
      for (const p of pieces) await writer.addPiece(p);
      await writer.flush();
      onProgress?.({ done: total, total, step: label });
      return { cleared: total - leftover.length };
    });
  }

  // ------------------------------------------------------------------------------------------------ sheets

  /**
   * A generated sheet (the 名额核对 sheet): `insertWorksheetsFromBase64` on ExcelApi 1.13 (2 syncs: insert, then
   * name and activate), else rebuilt from its SheetSpec with ExcelApi 1.9 calls (render-sheet.ts, 2 syncs; the
   * formulas stay live, conditional formats are not carried: spec.omitted names them).
   */
  /** Every sheet's name, hidden ones too (one sync): the 汇总 sheets get free names before they are built. */
  async sheetNames(): Promise<string[]> {
    return this.run(async (ctx) => {
      const wss = ctx.workbook.worksheets;
      wss.load('items/name');
      await ctx.sync();
      return wss.items.map((ws) => ws.name);
    });
  }

  async insertSheet(sheet: SheetPayload, onProgress?: OnProgress): Promise<string> {
    const label = this.label('template');
    onProgress?.({ done: 0, total: 2, step: label });
    if (this.supports('ExcelApi', '1.13') && sheet.base64) {
      const base64 = await sheet.base64();
      return this.run(async (ctx) => {
        const ids = ctx.workbook.insertWorksheetsFromBase64(base64, { positionType: 'End' });
        await ctx.sync();
        onProgress?.({ done: 1, total: 2, step: label });
        if (ids.value.length === 0) throw new ExcelHostError('excel', { detail: 'insertWorksheetsFromBase64 inserted no sheet' });
        const ws = ctx.workbook.worksheets.getItem(ids.value[0]);
        ws.load('name');
        ws.activate();
        await ctx.sync();
        onProgress?.({ done: 2, total: 2, step: label });
        return ws.name;
      });
    }
    if (!sheet.spec) throw new ExcelHostError('template-unsupported');
    const spec = { ...(await sheet.spec()), name: sheet.name };
    return this.run(async (ctx) => (await renderSheet(ctx, spec, { onProgress: (done, total) => onProgress?.({ done, total, step: label }) })).name);
  }

  // ------------------------------------------------------------------------------------------------ template

  async insertTemplate(kind: TemplateKind, onProgress?: OnProgress): Promise<string> {
    const fromSpec = this.options.templateSpec;
    // Below ExcelApi 1.13 (or without the .xlsx writer): the sheet built cell by cell from a SheetSpec.
    if (fromSpec && (!this.supports('ExcelApi', '1.13') || !this.options.templateBase64)) {
      const label = this.label('template');
      onProgress?.({ done: 0, total: 2, step: label });
      const spec = await fromSpec(kind);
      return this.run(async (ctx) => (await renderSheet(ctx, spec, { onProgress: (done, total) => onProgress?.({ done, total, step: label }) })).name);
    }
    if (!this.supports('ExcelApi', '1.13')) throw new ExcelHostError('template-unsupported');
    const make = this.options.templateBase64;
    if (!make) {
      throw new ExcelHostError('template-unsupported', { detail: 'the template writer is not loaded' });
    }
    const label = this.label('template');
    onProgress?.({ done: 0, total: 2, step: label });
    const base64 = await make(kind);
    return this.run(async (ctx) => {
      const ids = ctx.workbook.insertWorksheetsFromBase64(base64, { positionType: 'End' });
      await ctx.sync();
      onProgress?.({ done: 1, total: 2, step: label });
      if (ids.value.length === 0) throw new ExcelHostError('excel', { detail: 'insertWorksheetsFromBase64 inserted no sheet' });
      const ws = ctx.workbook.worksheets.getItem(ids.value[0]);
      ws.load('name');
      ws.activate();
      await ctx.sync();
      onProgress?.({ done: 2, total: 2, step: label });
      return ws.name;
    });
  }
}

type FillSpecLike = { color?: string; pattern?: string; patternColor?: string; tintAndShade?: number; patternTintAndShade?: number };

function applyFill(f: { color: string; pattern: string; patternColor: string; tintAndShade: number; patternTintAndShade: number }, spec: FillSpec): void {
  f.color = spec.color;
  if (!isGradient(spec.pattern)) f.pattern = spec.pattern;
  f.patternColor = spec.patternColor;
  f.tintAndShade = spec.tintAndShade;
  f.patternTintAndShade = spec.patternTintAndShade;
}

/** A change's cell at its address in the sheet as read. */
interface ReadTarget {
  row: number;
  col: number;
  c: CellChange;
}

/**
 * Row of the sheet as read for a row of the sheet after `inserts` (RowInsert coordinates, src/core/fill.ts); null
 * for a row the inserts create.
 */
export function rowBeforeInserts(inserts: readonly RowInsert[], sheet: string, row: number): number | null {
  let offset = 0;
  for (const ins of inserts.filter((x) => x.sheet === sheet).sort((a, b) => a.beforeRow - b.beforeRow)) {
    const start = ins.beforeRow + offset;
    if (row < start) return row - offset;
    if (row < start + ins.count) return null;
    offset += ins.count;
  }
  return row - offset;
}

function groupBy<T>(list: readonly T[], k: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of list) {
    const key = k(x);
    let a = m.get(key);
    if (!a) m.set(key, (a = []));
    a.push(x);
  }
  return m;
}

/** Maximal sub-runs [from, length, key] of consecutive items with the same defined key. */
function subRuns<T>(items: readonly T[], k: (t: T) => string | undefined): [number, number, string][] {
  const out: [number, number, string][] = [];
  let i = 0;
  while (i < items.length) {
    const v = k(items[i]);
    if (v === undefined) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < items.length && k(items[j]) === v) j++;
    out.push([i, j - i, v]);
    i = j;
  }
  return out;
}

/** Split sorted items into blocks of consecutive integers. */
function consecutive<T>(items: readonly T[], n: (t: T) => number): T[][] {
  const out: T[][] = [];
  for (const x of items) {
    const last = out[out.length - 1];
    if (last && n(last[last.length - 1]) + 1 === n(x)) last.push(x);
    else out.push([x]);
  }
  return out;
}

export function createExcelHost(excel: ExcelLike, options: ExcelHostOptions = {}): ExcelHost {
  return new ExcelHost(excel, options);
}

