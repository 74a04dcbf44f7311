/**
 * The input files of a run (SPEC §7): files as given, and directories read recursively (one folder per county),
 * in name order. Skipped in a directory, each named with its reason: spreadsheets in other formats (.ods, .csv,
 * .et, .xlsb …: save them as .xlsx), Office lock files (`~$…`), and — found when read, see readInputs — workbooks
 * award-tally wrote itself (src/xlsx/output-mark.ts), so an earlier merged.xlsx or annotated copy is never read
 * back as one more county. Hidden files and folders are left out silently; other files (PDF scans, Word
 * documents) are counted in one line. The same file named twice is read once.
 */
import { promises as fsp } from 'fs';
import * as path from 'path';
import type { Lang } from '../core/finding';
import { outputMark } from '../xlsx/output-mark';
import { sameFile } from '../xlsx/output-file';

export const WORKBOOK_EXT = /\.(xlsx|xlsm|xls)$/i;
/** Spreadsheet formats the tool does not read, with what to do. */
const OTHER_SHEETS: Record<string, { zh: string; en: string }> = {
  ods: { zh: 'OpenDocument 表格（.ods）', en: 'an OpenDocument spreadsheet (.ods)' },
  csv: { zh: 'CSV 文本文件', en: 'a CSV text file' },
  tsv: { zh: '制表符分隔的文本文件', en: 'a tab-separated text file' },
  et: { zh: 'WPS 表格文件（.et）', en: 'a WPS spreadsheet (.et)' },
  ett: { zh: 'WPS 表格模板（.ett）', en: 'a WPS spreadsheet template (.ett)' },
  xlsb: { zh: 'Excel 二进制工作簿（.xlsb）', en: 'an Excel binary workbook (.xlsb)' },
  xltx: { zh: 'Excel 模板（.xltx）', en: 'an Excel template (.xltx)' },
  numbers: { zh: 'Numbers 表格', en: 'a Numbers spreadsheet' },
};

export interface Input {
  /** As shown to the user and written into findings: the path as given, or dir/…/name for expanded files. */
  display: string;
  abs: string;
  /** Found by reading a directory (then a workbook award-tally wrote itself is skipped). */
  fromDir?: boolean;
}

export interface Skipped {
  display: string;
  zh: string;
  en: string;
}

export interface Expanded {
  inputs: Input[];
  emptyDirs: string[];
  skipped: Skipped[];
  /** Other files found in the directories (not spreadsheets), by extension. */
  others: Map<string, number>;
}

export async function expandInputs(args: readonly string[], cwd: string): Promise<Expanded> {
  const out: Expanded = { inputs: [], emptyDirs: [], skipped: [], others: new Map() };
  const seen = new Set<string>();
  const visitedDirs = new Set<string>();
  const add = (display: string, fromDir: boolean) => {
    const abs = path.resolve(cwd, display);
    if (seen.has(abs)) return;
    seen.add(abs);
    out.inputs.push(fromDir ? { display, abs, fromDir } : { display, abs });
  };
  const walk = async (display: string): Promise<number> => {
    const abs = path.resolve(cwd, display);
    const real = await fsp.realpath(abs).catch(() => abs);
    if (visitedDirs.has(real)) return 0; // a link back up the tree
    visitedDirs.add(real);
    let found = 0;
    const entries = await fsp.readdir(abs, { withFileTypes: true }).catch(() => []);
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const d of entries) {
      if (d.name.startsWith('.')) continue;
      const child = path.join(display, d.name);
      let isDir = d.isDirectory();
      let isFile = d.isFile();
      if (d.isSymbolicLink()) {
        const st = await fsp.stat(path.join(abs, d.name)).catch(() => null);
        isDir = !!st?.isDirectory();
        isFile = !!st?.isFile();
      }
      if (isDir) {
        found += await walk(child);
        continue;
      }
      if (!isFile) continue;
      const ext = path.extname(d.name).slice(1).toLowerCase();
      if (d.name.startsWith('~$')) {
        out.skipped.push({ display: child, zh: 'Office 临时锁定文件（~$ 开头）', en: 'an Office lock file (~$…)' });
      } else if (WORKBOOK_EXT.test(d.name)) {
        add(child, true);
        found++;
      } else if (OTHER_SHEETS[ext]) {
        const what = OTHER_SHEETS[ext];
        out.skipped.push({
          display: child,
          zh: `${what.zh}，不能直接读取：请在 Excel 或 WPS 中打开，另存为 .xlsx 后再运行`,
          en: `${what.en}, which cannot be read directly: open it in Excel or WPS, save it as .xlsx and run again`,
        });
      } else out.others.set(ext || '(none)', (out.others.get(ext || '(none)') ?? 0) + 1);
    }
    return found;
  };
  for (const a of args) {
    const abs = path.resolve(cwd, a);
    const st = await fsp.stat(abs).catch(() => null);
    if (st?.isDirectory()) {
      if ((await walk(a)) === 0) out.emptyDirs.push(a);
    } else add(a, false);
  }
  return out;
}

/** One stderr line per skipped file, and one for the other files. */
export function skippedLines(x: Pick<Expanded, 'skipped' | 'others'>, lang: Lang): string[] {
  const lines = x.skipped.map((s) => (lang === 'en' ? `skipped ${s.display}: ${s.en}` : `已跳过 ${s.display}：${s.zh}`));
  const n = [...x.others.values()].reduce((a, b) => a + b, 0);
  if (n) {
    const exts = [...x.others.keys()].map((e) => (e === '(none)' ? e : '.' + e)).join(' ');
    lines.push(lang === 'en' ? `${n} other file(s) in the folders are not spreadsheets and were not read (${exts})` : `目录中另有 ${n} 个非表格文件未读取（${exts}）`);
  }
  return lines;
}

/** The note for a workbook award-tally wrote itself, found in a directory. */
export function ownOutputSkipped(display: string, command: string): Skipped {
  return {
    display,
    zh: `这是 award-tally ${command} 先前写出的文件，不作为输入重复读取；如确需核查它，请直接指定该文件`,
    en: `written earlier by award-tally ${command}, so not read back as an input; name the file itself to check it`,
  };
}

/**
 * Inputs found in a directory that are also this run's outputs and were written by award-tally (`merge counties
 * -o counties/merged.xlsx`, run twice): not inputs at all — dropped, named in `skipped` — so the output check
 * does not refuse them and they are not read back.
 */
export async function dropOwnOutputs(inputs: Input[], outputs: readonly string[], skipped: Skipped[]): Promise<Input[]> {
  const kept: Input[] = [];
  for (const inp of inputs) {
    let own = false;
    if (inp.fromDir) {
      for (const out of outputs) {
        if (!(await sameFile(inp.abs, out))) continue;
        const bytes = await fsp.readFile(inp.abs).catch(() => null);
        const mark = bytes && outputMark(bytes);
        if (mark) {
          skipped.push(ownOutputSkipped(inp.display, mark));
          own = true;
        }
        break;
      }
    }
    if (!own) kept.push(inp);
  }
  return kept;
}
