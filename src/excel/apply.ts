/**
 * The host's fill job: a confirmed plan (host-port.ts PlanToApply) written into Excel. Every target cell is read
 * again first (a cell edited since the plan is skipped, never overwritten), then row inserts, '@' formats, values
 * and formulas, other number formats — in as few requests as the payload budget allows. Text is written so that
 * Excel cannot retype it (no formula from = + - @, no number from digits); a corrected number goes back as a
 * number where the cell holds one. ExcelApi 1.1 (ranges addressed in A1).
 */
import { a1 } from '../core/grid';
import type { CellChange, RowInsert } from '../core/fill';
import { cellText } from '../core/normalize';
import type { OnProgress, PlanApplyResult, PlanToApply } from '../taskpane/host-port';
import type { XlWorksheet } from './excel-like';
import { ACTION_COST, ChunkedWriter, OBJECT_COST, actionBytes, columnRuns, rowsPiece, type Piece } from './batch';
import { chunkedReads, groupBy, key, runReads, subRuns, type ReadItem } from './chunked-reads';
import type { HostEnv } from './host-env';
import { rangeAt } from './read';
import { asNumberFor, isDateFormat, toCellValue, typedAsText, utf8Length } from './values';

/**
 * A plan with row inserts and formulas (host-port.ts PlanToApply). Syncs: one re-read of the target cells (more
 * only when the reads exceed the payload budget), then one write holding the inserts, the '@' formats, the
 * values and formulas and the other number formats (more only beyond the budget): 2 for a statistics sheet.
 */
export async function applyPlan(env: HostEnv, plan: PlanToApply, onProgress?: OnProgress): Promise<PlanApplyResult> {
  const changes = plan.changes;
  const inserts = plan.inserts ?? [];
  if (changes.length === 0 && inserts.length === 0) return { written: 0, skipped: [], insertedRows: 0 };
  return env.run(async (ctx) => {
    const label = env.label('apply');
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
    const numberCell = new Set<CellChange>();
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
    await chunkedReads(ctx, reads, (r) => {
      const range = rangeAt(sheetProxy(r.sheet), r.top, r.col, r.items.length, 1);
      range.load(['values', 'valueTypes', 'numberFormat']);
      return () => {
        r.items.forEach((t, i) => {
          if (!t) return;
          current.set(t.c, cellText(toCellValue(range.values[i][0], range.valueTypes[i][0], range.numberFormat[i][0])));
          if (range.numberFormat[i][0] === '@') textCell.add(t.c);
          if (range.valueTypes[i][0] === 'Double' && !isDateFormat(range.numberFormat[i][0])) numberCell.add(t.c);
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
        const at = (from: number, n: number) => rangeAt(sheetProxy(sheet), run.top + from, run.col, n, 1);
        for (const [from0, n0] of subRuns(items, (c) => (c.numberFormat === '@' ? '@' : undefined))) {
          const piece = rowsPiece(from0, n0, (_f, n) => OBJECT_COST + ACTION_COST + 6 * n, (from, n) => void (at(from, n).numberFormat = Array.from({ length: n }, () => ['@'])));
          textFirst.push(piece);
        }
        const vals = items.map((c) => [c.formula ? c.formula : writtenValue(c, textCell.has(c), numberCell.has(c))]);
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
 * What a planned value is written as: a number where the cell holds a number and the value is a plain decimal
 * (SUM counts it); otherwise text that Excel cannot retype (no formula from = + - @, no number from digits).
 */
export function writtenValue(c: CellChange, textCell: boolean, numberCell: boolean): string | number {
  if (c.numberFormat !== '@' && !textCell && numberCell) {
    const n = asNumberFor(c.after);
    if (typeof n === 'number') return n;
  }
  if (c.numberFormat === '@' || textCell) return typeof c.after === 'string' && /^[=+\-@]/.test(c.after) ? `'${c.after}` : c.after;
  return typedAsText(c.after);
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
