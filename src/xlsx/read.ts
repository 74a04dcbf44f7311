/**
 * A workbook file → the engine's WorkbookGrid: the thin Node-only wrapper around read-xlsx.ts (the reader the
 * browser version shares). It adds what needs Node: reading the file, converting a legacy .xls with LibreOffice
 * (`soffice --headless --convert-to xlsx`, on a temporary copy, when `soffice` is on the PATH), and the
 * `mode: 'full'` cross-check that loads the whole workbook with ExcelJS instead (same grid, slower).
 *
 * The file is sniffed from its bytes (sniff.ts) so that each kind of bad input gets its own WorkbookReadError
 * code and a message saying what to do; parser exceptions never reach the user.
 */
import { execFile } from 'child_process';
import { promises as fsp, constants as fsConstants } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import type { WorkbookGrid } from '../core/grid';
import { WorkbookReadError } from './errors';
import { sniff } from './sniff';
import { DEFAULT_READ_BUDGET, readWorkbookBytes, throwUnlessXlsx, type ReadBudget } from './read-xlsx';
import { workbookToGrid } from './from-exceljs';

export { DEFAULT_READ_BUDGET, type ReadBudget };

export interface ReadOptions {
  /** Name written into the grid (findings use it); defaults to the path as given. */
  name?: string;
  /** Convert legacy .xls with LibreOffice when `soffice` is on the PATH (default true). */
  convertXls?: boolean;
  /** 'stream' (default): the package reader of read-xlsx.ts. 'full': ExcelJS in-memory model. */
  mode?: 'stream' | 'full';
  /** Decompression budget (SPEC §7); default DEFAULT_READ_BUDGET. */
  budget?: ReadBudget;
}

export interface ReadResult {
  grid: WorkbookGrid;
  /** The .xlsx bytes that were read (after conversion for an .xls): what annotate.ts copies and marks. */
  bytes: Buffer;
  /** Set when the file was a legacy .xls converted with LibreOffice. */
  convertedFrom?: 'xls';
}

/** Read a workbook file. Throws only WorkbookReadError. */
export async function readWorkbookFile(file: string, opts: ReadOptions = {}): Promise<ReadResult> {
  let buf: Buffer;
  try {
    const st = await fsp.stat(file);
    if (!st.isFile()) throw new WorkbookReadError('io', `${file} is not a regular file`);
    buf = await fsp.readFile(file);
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new WorkbookReadError(code === 'ENOENT' || code === 'ENOTDIR' ? 'not-found' : 'io', String(e));
  }
  return readWorkbookBuffer(buf, { ...opts, name: opts.name ?? file });
}

/** Read a workbook from its bytes (the name is used in the grid and for .xls conversion). */
export async function readWorkbookBuffer(buf: Buffer, opts: ReadOptions & { name: string }): Promise<ReadResult> {
  let convertedFrom: 'xls' | undefined;
  const kind = sniff(buf);
  if (kind.kind === 'xls') {
    if (opts.convertXls === false) throw new WorkbookReadError('xls');
    const soffice = await findSoffice();
    if (!soffice) throw new WorkbookReadError('xls');
    buf = await convertWithSoffice(soffice, buf);
    const again = sniff(buf);
    if (again.kind !== 'xlsx') throw new WorkbookReadError('xls-convert', `conversion produced ${again.kind}`);
    convertedFrom = 'xls';
  } else {
    throwUnlessXlsx(kind);
  }
  let grid: WorkbookGrid;
  if (opts.mode === 'full') {
    try {
      grid = await readFull(buf, opts.name);
    } catch (e) {
      if (e instanceof WorkbookReadError) throw e;
      throw new WorkbookReadError('corrupt', String(e));
    }
    if (grid.sheets.length === 0 || grid.sheets.every((s) => s.values.length === 0)) throw new WorkbookReadError('empty');
  } else {
    grid = await readWorkbookBytes(buf, { name: opts.name, budget: opts.budget });
  }
  return convertedFrom ? { grid, bytes: buf, convertedFrom } : { grid, bytes: buf };
}

async function readFull(buf: Buffer, name: string): Promise<WorkbookGrid> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return workbookToGrid(wb, name);
}

// ---------------------------------------------------------------------------------------------------------------
// Legacy .xls through LibreOffice

/** Path of `soffice` (or `libreoffice`) on the PATH, or null. */
export async function findSoffice(): Promise<string | null> {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  const names = process.platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice', 'libreoffice'];
  for (const d of dirs) {
    for (const n of names) {
      const p = path.join(d, n);
      try {
        await fsp.access(p, fsConstants.X_OK);
        return p;
      } catch {
        /* next */
      }
    }
  }
  return null;
}

/** Convert legacy .xls bytes to .xlsx bytes with LibreOffice, in a private temporary directory. */
async function convertWithSoffice(soffice: string, xls: Buffer): Promise<Buffer> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'award-tally-xls-'));
  try {
    const input = path.join(dir, 'input.xls');
    await fsp.writeFile(input, xls);
    await runSoffice(soffice, dir, ['--convert-to', 'xlsx', '--outdir', path.join(dir, 'out'), input]);
    try {
      return await fsp.readFile(path.join(dir, 'out', 'input.xlsx'));
    } catch {
      throw new WorkbookReadError('xls-convert', 'LibreOffice produced no output');
    }
  } finally {
    await fsp.rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}

/**
 * Run LibreOffice headless with its own throw-away user profile (so it neither collides with a running
 * LibreOffice nor with a parallel conversion), with a time limit.
 */
export function runSoffice(soffice: string, workDir: string, args: string[], timeoutMs = 120_000): Promise<void> {
  const profile = 'file://' + path.join(workDir, 'lo-profile').replace(/\\/g, '/');
  return new Promise((resolve, reject) => {
    execFile(
      soffice,
      [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--nologo', '--nolockcheck', ...args],
      { timeout: timeoutMs, windowsHide: true },
      (err, _stdout, stderr) => {
        if (err) reject(new WorkbookReadError('xls-convert', `${err.message} ${stderr}`.trim()));
        else resolve();
      },
    );
  });
}
