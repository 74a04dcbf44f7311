/**
 * A workbook's bytes → the engine's WorkbookGrid in the worker: the CLI's own .xlsx reader (src/xlsx/read-xlsx.ts:
 * fflate, its XML scanner and saxes, no Node API), with its read errors (WorkbookReadError: code + what to do) and
 * its decompression budget. Legacy .xls cannot be converted in a browser: it is refused with code 'xls' ("另存为 .xlsx").
 */
import type { WorkbookGrid } from '../core/grid';
import { readWorkbookBytes as readXlsx } from '../xlsx/read-xlsx';

/** Read one workbook. Throws only WorkbookReadError. */
export async function readWorkbookBytes(bytes: ArrayBuffer | Uint8Array, name: string): Promise<WorkbookGrid> {
  return readXlsx(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes), { name });
}
