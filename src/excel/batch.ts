/**
 * Payload budgeting for Office.js batches.
 *
 * Excel on the web rejects a request or a response over 5 MB (RequestPayloadSizeLimitExceeded /
 * ResponsePayloadSizeLimitExceeded) and a single read over 5,000,000 cells ("Resource limits and performance
 * optimization for Office Add-ins"). The host keeps every request and every response under BUDGET (4 MB) by
 * estimating each queued action before it is queued: a fixed cost per object path and per action (what the
 * Office.js wire format spends on ids, names and types), plus the JSON of the arguments. The constants are
 * deliberately on the high side of the real envelope.
 */
import { colToLetters } from '../core/grid';
import type { XlContext } from './excel-like';
import { officeErrorCode } from './errors';
import { jsonBytes, utf8Length } from './values';

export const MB = 1024 * 1024;
/** Largest request or response the host builds (Excel on the web allows 5 MB). */
export const BUDGET = 4 * MB;
/** Cells in one range read (Excel's limit is 5,000,000). */
export const MAX_READ_CELLS = 4_000_000;
/**
 * Longest address string and most areas given to one `worksheet.getRanges` call. Users report getRanges failing
 * from about 513 areas / 8,207 characters, and Microsoft advises against large RangeAreas of single cells; the
 * host stays at half of that and retries a call Excel still rejects (InvalidArgument) in halves.
 */
export const MAX_AREAS_ADDRESS = 4000;
export const MAX_AREAS = 250;
/**
 * Estimated wire bytes of a new object path (getRange, getItem …) with its instantiate action, measured on the
 * requests of Microsoft's Office.js client (test/excel/apply.test.ts: a single-cell write is ~308 bytes).
 */
export const OBJECT_COST = 220;
/** Estimated wire bytes of one action (property set, method call, load) besides its arguments. */
export const ACTION_COST = 100;

/** Bytes of an action carrying these arguments. */
export function actionBytes(...args: unknown[]): number {
  let n = ACTION_COST;
  for (const a of args) n += typeof a === 'string' ? utf8Length(a) + 4 : jsonBytes(a) + 1;
  return n;
}

/** One write: queues proxy calls; may know how to split itself in two if Excel finds it too large. */
export interface Piece {
  bytes: number;
  queue(): void;
  split?(): Piece[] | null;
  /**
   * Queuing it twice does no harm (a fill, a value written again). A chunk of such pieces only is sent again in
   * halves when Excel rejects it with InvalidArgument (e.g. a RangeAreas this Excel finds too large).
   */
  idempotent?: boolean;
  /** Told, before the chunk is queued again, why Excel rejected it (a piece may then queue something else). */
  rejected?(code: string | undefined): void;
}

/**
 * A write of rows [from, from + count) of some array, splittable into halves down to one row.
 * `queue(from, n)` queues the proxy calls; `bytesOf(from, n)` estimates their request bytes.
 */
export function rowsPiece(from: number, count: number, bytesOf: (from: number, n: number) => number, queue: (from: number, n: number) => void): Piece {
  return {
    bytes: bytesOf(from, count),
    queue: () => queue(from, count),
    split:
      count < 2
        ? undefined
        : () => {
            const h = Math.ceil(count / 2);
            return [rowsPiece(from, h, bytesOf, queue), rowsPiece(from + h, count - h, bytesOf, queue)];
          },
  };
}

/**
 * Queues writes and syncs whenever the next one would push the request over the budget; a write estimated at
 * more than half the budget is split first. Should Excel still reject a request as too large, nothing of it
 * was applied: the chunk is queued again in two halves, and a single write split, as far as it goes. A piece's
 * `queue` may therefore run more than once and must only queue proxy calls.
 */
export class ChunkedWriter {
  private bytes = 0;
  private pending: Piece[] = [];
  syncs = 0;
  /** Estimated bytes of the pieces sent successfully (for progress). */
  sentBytes = 0;
  constructor(
    private readonly ctx: XlContext,
    private readonly afterSync: (sentBytes: number) => void = () => undefined,
    private readonly budget = BUDGET,
  ) {}
  async add(bytes: number, queue: () => void): Promise<void> {
    await this.addPiece({ bytes, queue });
  }
  async addPiece(p: Piece): Promise<void> {
    if (p.bytes > this.budget / 2 && p.split) {
      const parts = p.split();
      if (parts && parts.length > 1) {
        for (const q of parts) await this.addPiece(q);
        return;
      }
    }
    if (this.pending.length > 0 && this.bytes + p.bytes > this.budget) await this.flush();
    p.queue();
    this.bytes += p.bytes;
    this.pending.push(p);
  }
  /** Bytes queued since the last sync. */
  get pendingBytes(): number {
    return this.bytes;
  }
  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const chunk = this.pending;
    this.bytes = 0;
    this.pending = [];
    await this.send(chunk, false);
  }
  private async send(chunk: Piece[], requeue: boolean): Promise<void> {
    if (requeue) for (const p of chunk) p.queue();
    try {
      this.syncs++;
      await this.ctx.sync();
    } catch (e) {
      const code = officeErrorCode(e);
      const retryable = code === 'RequestPayloadSizeLimitExceeded' || (code === 'InvalidArgument' && chunk.every((p) => p.idempotent));
      if (!retryable) throw e;
      for (const p of chunk) p.rejected?.(code);
      let parts: Piece[][] | null = null;
      if (chunk.length >= 2) {
        const mid = Math.ceil(chunk.length / 2);
        parts = [chunk.slice(0, mid), chunk.slice(mid)];
      } else {
        const halves = chunk[0].split?.();
        if (halves && halves.length > 1) parts = halves.map((h) => [h]);
      }
      if (!parts) throw e;
      for (const part of parts) await this.send(part, true);
      return;
    }
    for (const p of chunk) this.sentBytes += p.bytes;
    this.afterSync(this.sentBytes);
  }
}

/** A vertical run of cells in one column: rows top..top+count-1. */
export interface Run<T> {
  col: number;
  top: number;
  count: number;
  items: (T | undefined)[];
}

/**
 * Group cells of one sheet into vertical runs per column. Cells `maxGap` rows apart or closer share a run (the
 * rows in between are read too: cheaper than a separate range when reading; never used for writes, which pass 0).
 */
export function columnRuns<T extends { row: number; col: number }>(cells: readonly T[], maxGap = 0): Run<T>[] {
  const byCol = new Map<number, T[]>();
  for (const c of cells) {
    let a = byCol.get(c.col);
    if (!a) byCol.set(c.col, (a = []));
    a.push(c);
  }
  const runs: Run<T>[] = [];
  for (const col of [...byCol.keys()].sort((a, b) => a - b)) {
    const list = byCol.get(col)!.sort((a, b) => a.row - b.row);
    let run: Run<T> | null = null;
    for (const c of list) {
      if (run && c.row - (run.top + run.count - 1) <= maxGap + 1) {
        while (run.top + run.count < c.row) {
          run.items.push(undefined);
          run.count++;
        }
        if (c.row === run.top + run.count - 1) {
          run.items[run.items.length - 1] = c; // duplicate cell: the last one wins
          continue;
        }
        run.items.push(c);
        run.count++;
      } else {
        run = { col, top: c.row, count: 1, items: [c] };
        runs.push(run);
      }
    }
  }
  return runs;
}

/** A1 address of a run (`J5:J9` or `J5`). */
export function runAddress(col: number, top: number, count: number): string {
  const c = colToLetters(col);
  return count === 1 ? `${c}${top + 1}` : `${c}${top + 1}:${c}${top + count}`;
}

/**
 * Join cell/range addresses into comma-separated RangeAreas addresses, each at most `maxChars` characters and
 * `maxAreas` areas. Consecutive cells of one column are merged into `J5:J9` first.
 */
export function areaAddresses(cells: readonly { row: number; col: number }[], maxChars = MAX_AREAS_ADDRESS, maxAreas = MAX_AREAS): string[] {
  return areaGroups(cells, maxChars, maxAreas).map((g) => g.join(','));
}

/** The areas of each getRanges call (see areaAddresses). */
export function areaGroups(cells: readonly { row: number; col: number }[], maxChars = MAX_AREAS_ADDRESS, maxAreas = MAX_AREAS): string[][] {
  const parts = columnRuns(cells, 0).map((r) => runAddress(r.col, r.top, r.count));
  const out: string[][] = [];
  let cur: string[] = [];
  let chars = 0;
  for (const p of parts) {
    if (cur.length > 0 && (chars + 1 + p.length > maxChars || cur.length >= maxAreas)) {
      out.push(cur);
      cur = [];
      chars = 0;
    }
    chars += (cur.length > 0 ? 1 : 0) + p.length;
    cur.push(p);
  }
  if (cur.length > 0) out.push(cur);
  return out;
}

/**
 * One `getRanges(address)` write (a fill) as an idempotent piece that splits into two calls of half the areas:
 * retried smaller when Excel rejects the RangeAreas.
 */
export function areasPiece(areas: readonly string[], bytesOf: (address: string) => number, queue: (address: string) => void): Piece {
  const address = areas.join(',');
  return {
    bytes: bytesOf(address),
    idempotent: true,
    queue: () => queue(address),
    split:
      areas.length < 2
        ? undefined
        : () => {
            const h = Math.ceil(areas.length / 2);
            return [areasPiece(areas.slice(0, h), bytesOf, queue), areasPiece(areas.slice(h), bytesOf, queue)];
          },
  };
}

/** Sheet name quoted for an A1 reference (`'附件3 (2)'!B3`). */
export function qualify(sheet: string, local: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${local}`;
}
