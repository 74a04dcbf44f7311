/**
 * A workbook's bytes → the engine's WorkbookGrid, in the browser (the worker) and in Node (the tests), with the
 * same read errors as the CLI (WorkbookReadError: code + Chinese/English text saying what to do).
 *
 * Sniffing first, so each kind of bad file gets its own reason: OLE2 (a legacy .xls, or an .xlsx with an open
 * password — both compound files; .xls cannot be converted in a browser), not a zip at all, then ExcelJS's
 * in-memory load and the CLI's converter (src/xlsx/from-exceljs.ts: values, number formats, merged areas).
 */
import type { WorkbookGrid } from '../core/grid';
import { WorkbookReadError } from '../xlsx/errors';
import { workbookToGrid } from '../xlsx/from-exceljs';

type ExcelJSModule = typeof import('exceljs');

function isZip(b: Uint8Array): boolean {
  return b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && ((b[2] === 3 && b[3] === 4) || (b[2] === 5 && b[3] === 6));
}
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
function isOle2(b: Uint8Array): boolean {
  return b.length >= 8 && OLE2.every((m, i) => b[i] === m);
}
/** UTF-16 names of an OLE2 file's directory entries would tell .xls from an encrypted .xlsx; a scan is enough. */
function hasUtf16(b: Uint8Array, name: string): boolean {
  const n = name.length * 2;
  outer: for (let i = 0; i + n <= b.length; i++) {
    for (let k = 0; k < name.length; k++) if (b[i + 2 * k] !== name.charCodeAt(k) || b[i + 2 * k + 1] !== 0) continue outer;
    return true;
  }
  return false;
}

let excelJS: Promise<ExcelJSModule> | null = null;
function loadExcelJS(): Promise<ExcelJSModule> {
  excelJS ??= import('exceljs').then((m) => ((m as unknown as { default?: ExcelJSModule }).default ?? m) as ExcelJSModule);
  return excelJS;
}

/** Read one workbook. Throws only WorkbookReadError. */
export async function readWorkbookBytes(bytes: ArrayBuffer | Uint8Array, name: string): Promise<WorkbookGrid> {
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (data.length === 0) throw new WorkbookReadError('corrupt', 'zero-byte file');
  if (isOle2(data)) throw new WorkbookReadError(hasUtf16(data, 'EncryptionInfo') ? 'encrypted' : 'xls');
  if (!isZip(data)) throw new WorkbookReadError('not-workbook', 'neither a zip package nor an OLE2 file');
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  try {
    // ExcelJS takes a Buffer in Node and an ArrayBuffer in the browser.
    const inNode = typeof process !== 'undefined' && !!process.versions?.node && typeof Buffer !== 'undefined';
    const input = inNode ? Buffer.from(data) : data.slice().buffer;
    await wb.xlsx.load(input as never);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/xl\/workbook\.xml|Cannot read propert/i.test(msg) && !/end of central directory|invalid|corrupt|zip/i.test(msg)) {
      throw new WorkbookReadError('not-workbook', msg);
    }
    throw new WorkbookReadError('corrupt', msg);
  }
  const grid = workbookToGrid(wb, name);
  if (grid.sheets.length === 0 || grid.sheets.every((s) => s.values.length === 0)) throw new WorkbookReadError('empty');
  return grid;
}
