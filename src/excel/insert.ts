/**
 * The host's insert job: a generated sheet (名额核对) or a blank template added at the end of the workbook and
 * activated — insertWorksheetsFromBase64 on ExcelApi 1.13 (formulas over other sheets written after the insert),
 * else rebuilt cell by cell from its SheetSpec with ExcelApi 1.9 calls (render-sheet.ts).
 */
import type { OnProgress, SheetPayload } from '../taskpane/host-port';
import { ChunkedWriter, OBJECT_COST, actionBytes } from './batch';
import { ExcelHostError } from './errors';
import { MARKS_SET, type HostEnv, type TemplateKind } from './host-env';
import { renderSheet } from './render-sheet';

/**
 * A sheet inserted from an .xlsx (ExcelApi 1.13), then `formulas` written into it (they refer to the workbook's own
 * sheets, so they can only be written once the sheet is in), and the sheet activated. Returns its name.
 */
async function insertFromBase64(
  env: HostEnv,
  base64: string,
  formulas: readonly { cell: string; formula: string }[],
  label: ReturnType<HostEnv['label']>,
  onProgress?: OnProgress,
): Promise<string> {
  return env.run(async (ctx) => {
    const ids = ctx.workbook.insertWorksheetsFromBase64(base64, { positionType: 'End' });
    await ctx.sync();
    onProgress?.({ done: 1, total: 2, step: label });
    if (ids.value.length === 0) throw new ExcelHostError('excel', { detail: 'insertWorksheetsFromBase64 inserted no sheet' });
    const ws = ctx.workbook.worksheets.getItem(ids.value[0]);
    ws.load('name');
    const writer = new ChunkedWriter(ctx);
    for (const f of formulas) await writer.add(OBJECT_COST + actionBytes([[f.formula]]), () => void (ws.getRange(f.cell).formulas = [[f.formula]]));
    ws.activate();
    await writer.flush();
    if (writer.syncs === 0) await ctx.sync();
    onProgress?.({ done: 2, total: 2, step: label });
    return ws.name;
  });
}

/**
 * A generated sheet (the 名额核对 sheet): `insertWorksheetsFromBase64` on ExcelApi 1.13 (2 syncs: insert, then
 * name and activate), else rebuilt from its SheetSpec with ExcelApi 1.9 calls (render-sheet.ts, 2 syncs; the
 * formulas stay live, conditional formats are not carried: spec.omitted names them).
 */
export async function insertSheet(env: HostEnv, sheet: SheetPayload, onProgress?: OnProgress): Promise<string> {
  const label = env.label('template');
  onProgress?.({ done: 0, total: 2, step: label });
  if (env.supports('ExcelApi', '1.13') && sheet.base64) return insertFromBase64(env, await sheet.base64(), sheet.formulas ?? [], label, onProgress);
  if (!sheet.spec) throw new ExcelHostError('template-unsupported');
  const spec = { ...(await sheet.spec()), name: sheet.name };
  return env.runAt(MARKS_SET, async (ctx) => (await renderSheet(ctx, spec, { onProgress: (done, total) => onProgress?.({ done, total, step: label }) })).name);
}

// ------------------------------------------------------------------------------------------------ template

export async function insertTemplate(env: HostEnv, kind: TemplateKind, onProgress?: OnProgress): Promise<string> {
  const fromSpec = env.options.templateSpec;
  // Below ExcelApi 1.13 (or without the .xlsx writer): the sheet built cell by cell from a SheetSpec.
  if (fromSpec && (!env.supports('ExcelApi', '1.13') || !env.options.templateBase64)) {
    const label = env.label('template');
    onProgress?.({ done: 0, total: 2, step: label });
    const spec = await fromSpec(kind);
    return env.runAt(MARKS_SET, async (ctx) => (await renderSheet(ctx, spec, { onProgress: (done, total) => onProgress?.({ done, total, step: label }) })).name);
  }
  if (!env.supports('ExcelApi', '1.13')) throw new ExcelHostError('template-unsupported');
  const make = env.options.templateBase64;
  if (!make) {
    throw new ExcelHostError('template-unsupported', { detail: 'the template writer is not loaded' });
  }
  const label = env.label('template');
  onProgress?.({ done: 0, total: 2, step: label });
  return insertFromBase64(env, await make(kind), [], label, onProgress);
}
