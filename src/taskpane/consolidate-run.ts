/**
 * What the 汇总 panel does, without the UI: the picked files go to the engine worker (read, check, consolidate —
 * off the main thread), and the sheets it answers with are written into the open workbook through the host port,
 * one after the other, with progress counts. The 公示 list: the active sheet read by the host, the notice built by
 * the worker, written only when no cell of it still shows a full ID or mobile number.
 */
import type { EngineClient } from '../worker/client';
import type { ConsolidateOutput, JobProgress, NoticeOutput, ProfileChoice } from '../worker/protocol';
import type { SheetSpec } from '../core/sheet-spec';
import type { Lang } from './types';
import { HostError, type InsertedSheet, type OnProgress, type Progress, type WorkbookHost } from './host-port';

export interface PickedFile {
  name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** The name the engine chose and the name the host gave (they differ only if a sheet appeared meanwhile). */
export type WrittenSheet = InsertedSheet;

export interface ConsolidationDone {
  out: ConsolidateOutput;
  written: WrittenSheet[];
}

/** The engine's progress as the pane's progress line: files read, then the check and the sheets built. */
export function progressOf(p: JobProgress): Progress {
  if (p.stage === 'read') return { step: 'readFiles', done: p.done, total: p.total, unit: 'files' };
  return { step: 'consolidate', done: p.stage === 'check' ? 0 : p.done, total: p.stage === 'check' ? 0 : p.total, unit: 'steps' };
}

async function writeSheets(host: WorkbookHost, sheets: readonly SheetSpec[], onProgress: OnProgress): Promise<WrittenSheet[]> {
  const written: WrittenSheet[] = [];
  for (const spec of sheets) {
    const rows = spec.rowCount;
    onProgress({ step: 'writeSheets', done: 0, total: rows, unit: 'rows' });
    // Hosts that count rows (the preview) report rows; the Office.js host reports its steps.
    const name = await host.insertSheet!({ name: spec.name, spec: async () => spec }, (p) =>
      onProgress(p.unit === 'rows' ? { step: 'writeSheets', done: p.done, total: p.total, unit: 'rows' } : { step: 'writeSheets', done: p.done, total: p.total, unit: 'steps' }),
    );
    onProgress({ step: 'writeSheets', done: rows, total: rows, unit: 'rows' });
    written.push({ wanted: spec.name, name, rows: rows - 1 });
  }
  return written;
}

export async function runConsolidation(
  host: WorkbookHost,
  engine: EngineClient,
  files: readonly PickedFile[],
  opts: { lang: Lang; profile?: ProfileChoice; onProgress: OnProgress },
): Promise<ConsolidationDone> {
  if (!host.insertSheet) throw new HostError('template-unsupported');
  const taken = host.sheetNames ? await host.sheetNames() : [];
  const inputs = await Promise.all(files.map(async (f) => ({ name: f.name, bytes: await f.arrayBuffer() })));
  const out = await engine.run(
    'consolidate',
    { files: inputs, lang: opts.lang, profile: opts.profile, takenSheetNames: taken },
    { transfer: inputs.map((i) => i.bytes), onProgress: (p) => opts.onProgress(progressOf(p)) },
  );
  // Nothing to merge: no sheet is written (not even an empty 核查结果).
  if (out.masters.length === 0) return { out, written: [] };
  const written = await writeSheets(host, out.sheets, opts.onProgress);
  // The first master sheet is where the secretariat starts reading.
  await host.selectCell(written[0].name, 'A1');
  return { out, written };
}

export interface NoticeDone {
  out: NoticeOutput;
  written: WrittenSheet[];
}

export async function runNotice(
  host: WorkbookHost,
  engine: EngineClient,
  opts: { lang: Lang; profile?: ProfileChoice; drop: ('id' | 'phone')[]; onProgress: OnProgress },
): Promise<NoticeDone> {
  if (!host.insertSheet) throw new HostError('template-unsupported');
  const file = await host.workbookName();
  // Built and inserted where the workbook is held (the browser version's worker): nothing crosses the page.
  if (host.insertNotice) return host.insertNotice({ file, lang: opts.lang, profile: opts.profile, drop: opts.drop }, opts.onProgress);
  const grid = await host.readWorkbook('active', opts.onProgress);
  const taken = host.sheetNames ? await host.sheetNames() : [];
  opts.onProgress({ step: 'notice', done: 0, total: 0 });
  const out = await engine.run('notice', { workbook: { file, grid }, lang: opts.lang, profile: opts.profile, drop: opts.drop, takenSheetNames: taken });
  if (out.leak || out.sheets.length === 0) return { out, written: [] };
  const written = await writeSheets(host, out.sheets, opts.onProgress);
  await host.selectCell(written[0].name, 'A1');
  return { out, written };
}
