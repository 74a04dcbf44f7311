/**
 * What the 汇总 panel does, without the UI: the picked files go to the engine worker (read, check, consolidate —
 * off the main thread), and the sheets it answers with are written into the open workbook through the host port,
 * one after the other, with progress counts. The 公示 list: the active sheet read by the host, the notice built by
 * the worker, written only when no cell of it still shows a full ID or mobile number.
 */
import type { EngineClient } from '../worker/client';
import type { ConsolidateOutput, JobProgress, NoticeOutput, ProfileChoice } from '../worker/protocol';
import type { SheetSpec } from '../excel/sheet-spec';
import type { Lang } from './i18n';
import type { OnProgress, WorkbookHost } from './host-port';
import { consolidateStrings } from './consolidate-strings';

export interface PickedFile {
  name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface WrittenSheet {
  /** The name the engine chose and the name the host gave (they differ only if a sheet appeared meanwhile). */
  wanted: string;
  name: string;
  rows: number;
}

export interface ConsolidationDone {
  out: ConsolidateOutput;
  written: WrittenSheet[];
}

/** The engine's progress as the pane's progress line. */
export function progressOf(p: JobProgress, lang: Lang): { done: number; total: number; label: string } {
  const t = consolidateStrings(lang);
  if (p.stage === 'read') return { done: p.done, total: p.total, label: t.reading(p.done, p.total, p.file) };
  if (p.stage === 'check') return { done: p.done, total: p.total, label: t.checking };
  return { done: p.done, total: p.total, label: t.building };
}

async function writeSheets(host: WorkbookHost, sheets: readonly SheetSpec[], lang: Lang, onProgress: OnProgress): Promise<WrittenSheet[]> {
  const t = consolidateStrings(lang);
  const written: WrittenSheet[] = [];
  for (let k = 0; k < sheets.length; k++) {
    const spec = sheets[k];
    const label = t.writing(spec.name, k + 1, sheets.length);
    const rows = spec.rowCount - 1;
    onProgress({ done: 0, total: rows, label });
    const name = await host.insertSheet!({ name: spec.name, spec: async () => spec }, (p) =>
      // Hosts that count rows (the preview) give sheet rows, header included; the Office.js host its steps.
      onProgress(p.total === spec.rowCount ? { done: Math.max(0, p.done - 1), total: rows, label } : { done: p.done, total: p.total, label }),
    );
    onProgress({ done: rows, total: rows, label });
    written.push({ wanted: spec.name, name, rows });
  }
  return written;
}

export async function runConsolidation(
  host: WorkbookHost,
  engine: EngineClient,
  files: readonly PickedFile[],
  opts: { lang: Lang; profile?: ProfileChoice; onProgress: OnProgress },
): Promise<ConsolidationDone> {
  if (!host.insertSheet) throw new Error(consolidateStrings(opts.lang).unsupported);
  const taken = host.sheetNames ? await host.sheetNames() : [];
  const inputs = await Promise.all(files.map(async (f) => ({ name: f.name, bytes: await f.arrayBuffer() })));
  const out = await engine.run(
    'consolidate',
    { files: inputs, lang: opts.lang, profile: opts.profile, takenSheetNames: taken },
    { transfer: inputs.map((i) => i.bytes), onProgress: (p) => opts.onProgress(progressOf(p, opts.lang)) },
  );
  // Nothing to merge: no sheet is written (not even an empty 核查结果).
  if (out.masters.length === 0) return { out, written: [] };
  const written = await writeSheets(host, out.sheets, opts.lang, opts.onProgress);
  // The first master sheet is where the secretariat starts reading.
  await host.selectCell(written[0].name, 'A1');
  return { out, written };
}

export interface NoticeDone {
  out: NoticeOutput;
  written: string | null;
}

export async function runNotice(
  host: WorkbookHost,
  engine: EngineClient,
  opts: { lang: Lang; profile?: ProfileChoice; drop: ('id' | 'phone')[]; onProgress: OnProgress },
): Promise<NoticeDone> {
  if (!host.insertSheet) throw new Error(consolidateStrings(opts.lang).unsupported);
  const file = await host.workbookName();
  const grid = await host.readWorkbook('active', opts.onProgress);
  const taken = host.sheetNames ? await host.sheetNames() : [];
  const out = await engine.run('notice', { workbook: { file, grid }, lang: opts.lang, profile: opts.profile, drop: opts.drop, takenSheetNames: taken });
  if (!out.sheet) return { out, written: null };
  const spec = out.sheet;
  const written = await writeSheets(host, [spec], opts.lang, opts.onProgress);
  return { out, written: written[0].name };
}
