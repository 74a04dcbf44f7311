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
/** Longest address string given to `worksheet.getRanges` (Excel's limit is 8,192 characters). */
export const MAX_AREAS_ADDRESS = 8000;
/** Estimated wire bytes of a new object path (getRange, getItem …) with its instantiate action. */
export const OBJECT_COST = 180;
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
      if (officeErrorCode(e) !== 'RequestPayloadSizeLimitExceeded') throw e;
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
 * Join cell/range addresses into comma-separated RangeAreas addresses, each under MAX_AREAS_ADDRESS characters.
 * Consecutive cells of one column are merged into `J5:J9` first.
 */
export function areaAddresses(cells: readonly { row: number; col: number }[], maxChars = MAX_AREAS_ADDRESS): string[] {
  const parts = columnRuns(cells, 0).map((r) => runAddress(r.col, r.top, r.count));
  const out: string[] = [];
  let cur = '';
  for (const p of parts) {
    if (cur && cur.length + 1 + p.length > maxChars) {
      out.push(cur);
      cur = '';
    }
    cur = cur ? `${cur},${p}` : p;
  }
  if (cur) out.push(cur);
  return out;
}

/** Sheet name quoted for an A1 reference (`'附件3 (2)'!B3`). */
export function qualify(sheet: string, local: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${local}`;
}
