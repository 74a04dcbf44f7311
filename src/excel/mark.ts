/**
 * The host's marking job: offending cells filled by severity with a note or threaded comment, the original fill
 * recorded first in the workbook's own mark store (marks.ts), and clearMarks restoring exactly that. ExcelApi 1.9
 * (getCellProperties, RangeAreas); notes 1.18, threaded comments 1.10 (found by id with 1.14, else in the loaded
 * collection). getRanges takes at most MAX_AREAS areas per call and is retried in halves if Excel rejects it.
 */
import { a1 } from '../core/grid';
import type { LocatedFinding } from '../core/check';
import { compareSeverity, type Severity } from '../core/finding';
import type { OnProgress } from '../taskpane/host-port';
import type { XlCellProperties, XlClientResult, XlComment, XlContext, XlNote, XlWorksheet } from './excel-like';
import { ACTION_COST, BUDGET, ChunkedWriter, OBJECT_COST, actionBytes, areaGroups, areasPiece, columnRuns, qualify, rowsPiece, type Piece } from './batch';
import { chunkedReads, consecutive, groupBy, key, localAddress, parseCell, runReads, type ReadItem } from './chunked-reads';
import { isSizeError } from './errors';
import { MARKS_SET, type HostEnv } from './host-env';
import {
  MARK_COLORS, MARK_PREFIX, MARK_STORE_SHEET, STORE_COLUMNS, STORE_HEADER, annotationText, decodeStore, encodeRecord, fillKey,
  isGradient, sameColor, storedFillOf, type Annotation, type FillSpec, type MarkRecord, type StoredFill,
} from './marks';
import { readUsedRanges } from './read';
import { jsonBytes } from './values';

const FILL_PROPS = { format: { fill: { color: true, pattern: true, patternColor: true, tintAndShade: true, patternTintAndShade: true } } };
/** Cells this close in a column are read with one getCellProperties (the rows between cost less than a call). */
const READ_GAP = 4;
/** Store rows read in the first sync: 7 short text cells each, ≤ ~250 bytes (halved on a size error). */
const STORE_SAMPLE_ROWS = 12_000;
/** Estimated response bytes of one cell's fill properties. */
const FILL_RESPONSE_BYTES = 150;

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

export async function mark(env: HostEnv, findings: readonly LocatedFinding[], onProgress?: OnProgress): Promise<{ marked: number }> {
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
  const caps = env.capabilities();
  const label = env.label('mark');
  const total = targets.size;

  return env.runAt(MARKS_SET, async (ctx) => {
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
    await chunkedReads(
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
    const locations = queueLocations(notesOf, commentsOf);
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
    const storePieces: Piece[] = [];
    let store: XlWorksheet = storeWs;
    if (!storeExists) {
      // Idempotent: once a request holding it ran (a later RangeAreas rejected with InvalidArgument stops the
      // batch after it), a retry addresses the sheet instead of adding it again; after a payload rejection
      // nothing ran and it is added again.
      let added = false;
      storePieces.push({
        bytes: OBJECT_COST * 2 + 4 * ACTION_COST + jsonBytes(STORE_HEADER) * 2,
        idempotent: true,
        rejected: (code) => void (added = code !== 'RequestPayloadSizeLimitExceeded'),
        queue: () => {
          store = added ? wb.worksheets.getItem(MARK_STORE_SHEET) : wb.worksheets.add(MARK_STORE_SHEET);
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
      storePieces.push(
        idempotentPiece(rowsPiece(
          from,
          n,
          (f, k) => OBJECT_COST + 2 * ACTION_COST + jsonBytes(freshRows.slice(f, f + k)) + jsonBytes(textFormats(k)),
          (f, k) => {
            const range = store.getRangeByIndexes(firstNew + f, 0, k, STORE_COLUMNS);
            range.numberFormat = textFormats(k);
            range.values = freshRows.slice(f, f + k);
          },
        )),
      );
    }
    for (const p of plans) {
      if (!p.record || (p.record.mark === p.mark && p.record.annotation === p.annotation)) continue;
      const cells = [[p.mark, p.annotation]];
      const row = p.record.storeRow;
      storePieces.push({ bytes: OBJECT_COST + actionBytes(cells), queue: () => void (store.getRangeByIndexes(row, 3, 1, 2).values = cells) });
    }
    // Fills, one RangeAreas per colour and at most MAX_AREAS areas / MAX_AREAS_ADDRESS characters.
    const byColor = groupBy(plans.filter((p) => p.mark !== ''), (p) => `${p.t.sheet}\u0000${p.mark}`);
    const fillPieces: Piece[] = [];
    for (const list of byColor.values()) {
      const ws = sheets.get(list[0].t.sheet)!;
      const color = list[0].mark;
      for (const areas of areaGroups(list.map((p) => p.t))) {
        fillPieces.push(
          areasPiece(areas, (address) => OBJECT_COST * 3 + 2 * ACTION_COST + address.length + 20, (address) => {
            const fill = ws.getRanges(address).format.fill;
            fill.color = color;
            fill.pattern = 'Solid';
          }),
        );
      }
    }
    const pieces: Piece[] = [];
    // Notes, and new text for the notes/comments this add-in left earlier.
    // Updates first, each note addressed by its cell: a loaded note has no id and Office.js addresses it by its
    // index in the collection, which a notes.add earlier in the same request would shift.
    for (const p of plans) {
      if (p.action === 'update-note') {
        const ws = sheets.get(p.t.sheet)!;
        const address = p.t.cell;
        pieces.push({ bytes: OBJECT_COST + actionBytes(address) + actionBytes(p.text), queue: () => void (ws.notes.getItem(address).content = p.text) });
      } else if (p.action === 'update-comment' && p.existing) {
        const proxy = p.existing.proxy; // addressed by its id
        pieces.push({ bytes: actionBytes(p.text), queue: () => void (proxy.content = p.text) });
      }
    }
    for (const p of plans) {
      if (p.action !== 'add-note') continue;
      const address = p.t.cell; // worksheet.notes takes the sheet-local address ("A1"); comments need the sheet
      const ws = sheets.get(p.t.sheet)!;
      pieces.push({ bytes: OBJECT_COST + actionBytes(address, p.text), queue: () => void ws.notes.add(address, p.text) });
    }
    const toComment = plans.filter((p) => p.action === 'add-comment');
    let totalBytes = 0;
    for (const p of [...storePieces, ...fillPieces, ...pieces]) totalBytes += p.bytes;
    const share = (total - toComment.length) / Math.max(1, totalBytes);
    const writer = new ChunkedWriter(ctx, (sent) => onProgress?.({ done: Math.round(sent * share), total, step: label }));
    // The store, then the fills (store rows and fills are idempotent: a request of them only is retried in
    // halves should Excel reject a RangeAreas), then, in requests of their own, the notes.
    for (const p of storePieces) await writer.addPiece(p);
    for (const p of fillPieces) await writer.addPiece(p);
    await writer.flush();
    for (const p of pieces) await writer.addPiece(p);
    await writer.flush();
    const done = total - toComment.length;

    // Threaded comments last: their ids are known only after the sync that adds them.
    if (toComment.length > 0) {
      const ids = await addComments(env, ctx, sheets, toComment.map((p) => p.t), (n) => onProgress?.({ done: done + n, total, step: label }));
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
export async function addComments(env: HostEnv, ctx: XlContext, sheets: Map<string, XlWorksheet>, targets: Target[], progress: (n: number) => void): Promise<Map<Target, string>> {
  const ids = new Map<Target, string>();
  let pending = targets.map((t) => ({ t, text: '' }));
  for (const p of pending) p.text = annotationText(p.t.messages);
  let done = 0;
  // Halved after a request Excel rejects as too large (nothing of it was applied), down to one comment.
  let budget = BUDGET;
  while (pending.length > 0) {
    // One chunk per sync.
    let bytes = 0;
    let n = 0;
    while (n < pending.length && (n === 0 || bytes + actionBytes(pending[n].text) + OBJECT_COST * 2 < budget)) {
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
      if (isSizeError(e)) {
        if (chunk.length === 1) throw e;
        budget = Math.max(1, Math.floor(bytes / 2));
        continue;
      }
      // Actions before the failing one were applied. Find which cells now carry our comment; the first of
      // the chunk that does not is the one Excel refused.
      const bySheet = new Map<string, { items: XlComment[] }>();
      for (const name of new Set(chunk.map((p) => p.t.sheet))) bySheet.set(name, sheets.get(name)!.comments.load(['items/id', 'items/content']));
      await ctx.sync();
      const locs = queueLocations(new Map(), bySheet);
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
export function queueLocations(
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

export async function clearMarks(env: HostEnv, onProgress?: OnProgress): Promise<{ cleared: number }> {
  const caps = env.capabilities();
  const byId = env.supports('ExcelApi', '1.14'); // CommentCollection.getItemOrNullObject
  const label = env.label('clear');
  return env.runAt(MARKS_SET, async (ctx) => {
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
      } else if (r.annotation === 'comment' && r.commentId && caps.comments && byId) {
        reads.push({ kind: 'comment', sheet: r.sheet, top: r.row, col: r.col, items: [r], reqBytes: 2 * OBJECT_COST + ACTION_COST + 60, resBytes: 400 });
      }
    }
    // Below ExcelApi 1.14 there is no CommentCollection.getItemOrNullObject: the comments of each sheet with
    // recorded comments are loaded (1.10) with the first read, and found by id.
    const commentLists = new Map<string, { items: XlComment[] }>();
    const commentRecs = recs.filter((r) => r.annotation === 'comment' && r.commentId && caps.comments && !byId);
    const loadCommentLists = () => {
      for (const sheet of new Set(commentRecs.map((r) => r.sheet))) commentLists.set(sheet, sheetProxy(sheet).comments.load(['items/id', 'items/content']));
    };
    await chunkedReads(ctx, reads, (q) => {
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
    }, commentRecs.length > 0 ? loadCommentLists : undefined);
    for (const r of commentRecs) {
      const c = commentLists.get(r.sheet)?.items.find((x) => x.id === r.commentId);
      if (c) annotations.push({ r, proxy: c });
    }

    // Writes: original fills back (grouped by identical fill), our notes/comments removed, the store deleted.
    const pieces: Piece[] = [];
    const restorable = recs.filter((r) => {
      if (r.mark === '' || r.fill === 'keep') return false;
      const f = currentFill.get(r);
      return !!f && sameColor(f.color, r.mark) && (f.pattern === undefined || f.pattern === 'Solid');
    });
    const fillPieces: Piece[] = [];
    for (const list of groupBy(restorable, (r) => `${live.get(r.sheet.toLowerCase())}\u0000${fillKey(r.fill)}`).values()) {
      const sheet = live.get(list[0].sheet.toLowerCase())!;
      const fill = list[0].fill;
      for (const areas of areaGroups(list)) {
        fillPieces.push(
          areasPiece(areas, (address) => OBJECT_COST * 3 + 5 * ACTION_COST + address.length + 120, (address) => {
            const f = sheetProxy(sheet).getRanges(address).format.fill;
            if (fill === 'none' || fill === 'keep') f.clear();
            else applyFill(f, fill);
          }),
        );
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
    for (const p of [...fillPieces, ...pieces]) totalBytes += p.bytes;
    const writer = new ChunkedWriter(ctx, (sent) => onProgress?.({ done: Math.round((total * sent) / Math.max(1, totalBytes)), total, step: label }));
    // Fills first, in requests of their own (idempotent: retried in halves should Excel reject a RangeAreas).
    for (const p of fillPieces) await writer.addPiece(p);
    await writer.flush();
    for (const p of pieces) await writer.addPiece(p);
    await writer.flush();
    onProgress?.({ done: total, total, step: label });
    return { cleared: total - leftover.length };
  });
}

/** The same piece (and its halves) marked idempotent: writing the same values twice does no harm. */
function idempotentPiece(p: Piece): Piece {
  return { ...p, idempotent: true, split: p.split ? () => p.split!()?.map(idempotentPiece) ?? null : undefined };
}

type FillSpecLike = { color?: string; pattern?: string; patternColor?: string; tintAndShade?: number; patternTintAndShade?: number };

function applyFill(f: { color: string; pattern: string; patternColor: string; tintAndShade: number; patternTintAndShade: number }, spec: FillSpec): void {
  f.color = spec.color;
  if (!isGradient(spec.pattern)) f.pattern = spec.pattern;
  f.patternColor = spec.patternColor;
  f.tintAndShade = spec.tintAndShade;
  f.patternTintAndShade = spec.patternTintAndShade;
}
