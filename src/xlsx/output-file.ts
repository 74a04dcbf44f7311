/**
 * Writing an output file so that nothing else is ever overwritten through it (Node only).
 *
 * - `sameFile`: two paths name one file — the same resolved path, the same real path (symbolic links, also of a
 *   parent folder for a file not yet written), or the same device and inode (hard links).
 * - `writeOutput`: the bytes go to a temporary file beside the target, which is then renamed over it. A rename
 *   replaces the directory entry, never the file a link points to: even an output path that is a link to some
 *   other file leaves that file as it was.
 */
import { promises as fsp } from 'fs';
import * as path from 'path';
import { markOutput } from './output-mark';

async function realOrParent(p: string): Promise<string> {
  try {
    return await fsp.realpath(p);
  } catch {
    const dir = await fsp.realpath(path.dirname(p)).catch(() => path.dirname(p));
    return path.join(dir, path.basename(p));
  }
}

export async function sameFile(a: string, b: string): Promise<boolean> {
  const ra = path.resolve(a);
  const rb = path.resolve(b);
  if (ra === rb) return true;
  const [pa, pb] = await Promise.all([realOrParent(ra), realOrParent(rb)]);
  if (pa === pb) return true;
  if (process.platform === 'win32' || process.platform === 'darwin') {
    if (pa.toLowerCase() === pb.toLowerCase()) return true; // case-insensitive file systems by default
  }
  try {
    const [sa, sb] = await Promise.all([fsp.stat(ra), fsp.stat(rb)]);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

/** Write `data` to `target` through a temporary file and a rename (see the module comment). */
export async function writeOutput(target: string, data: Uint8Array | string): Promise<void> {
  const dir = path.dirname(target);
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    await fsp.writeFile(tmp, data, { flag: 'wx' });
    await fsp.rename(tmp, target);
  } catch (e) {
    await fsp.rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
}

/**
 * The same for a writer that wants a file path (ExcelJS's streaming WorkbookWriter): it writes the temporary file,
 * which is marked as the tool's output (output-mark.ts) when `command` is given, then renamed over the target.
 */
export async function writeOutputWith(target: string, produce: (tmp: string) => Promise<unknown>, command?: string): Promise<void> {
  const dir = path.dirname(target);
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    await produce(tmp);
    if (command) await fsp.writeFile(tmp, markOutput(await fsp.readFile(tmp), command));
    await fsp.rename(tmp, target);
  } catch (e) {
    await fsp.rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
}
