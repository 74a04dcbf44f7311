/**
 * `award-tally fill <file> -o <out.xlsx> [--replace-rates] [--dry-run] [--profile ID|file.json] [--lang zh|en]`
 * (SPEC §7). No rule logic here: read the workbook, check it (src/core/check.ts), plan the fill — the 附件3 value
 * fixes of planFill (序号, 性别, clean IDs, canonical unit types …) and the statistics plan of planStatsFill (input
 * rows under their rates, live rate formulas) — print every insertion, change and conflict, then write a copy with
 * the plan applied (src/xlsx/apply-plan.ts).
 *
 * Decisions:
 * - The input file is never written; `-o` naming the input (same path, or the same file through a link) is refused.
 *   Running the command is the confirmation of the listed changes; `--dry-run` only lists them.
 * - Conflicts (a user value that disagrees with a derived one) are listed and left as they are. A typed rate that
 *   disagrees with its inputs is replaced by the formula only with `--replace-rates` (the explicit confirmation
 *   SPEC §6 asks for).
 * - Addresses printed are those of the output file (after row insertions).
 * - Exit status: 0 written (or, with --dry-run, nothing to confirm beyond the list) and no conflict left; 1 written
 *   but conflicts remain for a person to decide; 2 usage error, unreadable input, or the output could not be written.
 */
import { promises as fsp } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { checkWorkbook } from '../core/check';
import type { Lang } from '../core/finding';
import { planFill, type FillPlan } from '../core/fill';
import { mergePlans, planStatsFill } from '../core/fill-stats';
import { getProfile, loadProfileText, DEFAULT_PROFILE_ID } from '../core/profiles';
import type { Profile } from '../core/profiles/schema';
import { readWorkbookFile } from '../xlsx/read';
import { WorkbookReadError } from '../xlsx/errors';
import { CANNOT_OPEN } from '../xlsx/errors';
import { markOutput } from '../xlsx/output-mark';
import { writeOutput } from '../xlsx/output-file';
import { assertOutputsSafe } from './outputs';
import { termDeep } from './term';
import { applyPlan, formulaLookup, protectFormulas } from '../xlsx/apply-plan';
import { parseArgs, UsageError, type OptionSpec } from './args';
import { colorEnabled, painter, type CliIO } from './io';

export const FILL_OPTIONS: OptionSpec[] = [
  { name: 'out', short: 'o', value: true },
  { name: 'replace-rates', value: false },
  { name: 'dry-run', value: false },
  { name: 'profile', value: true },
  { name: 'lang', value: true },
  { name: 'no-color', value: false },
  { name: 'help', short: 'h', value: false },
];

async function loadProfile(arg: string | undefined, cwd: string): Promise<Profile> {
  if (!arg) return getProfile(DEFAULT_PROFILE_ID);
  if (!/\.json$/i.test(arg)) return getProfile(arg);
  const text = await fsp.readFile(path.resolve(cwd, arg), 'utf8').catch(() => {
    throw new UsageError(`无法读取配置文件 ${arg}：请检查路径。`, `Cannot read the profile file ${arg}: check the path.`);
  });
  return loadProfileText(text, path.basename(arg));
}

const show = (v: string | number) => (typeof v === 'number' ? String(v) : v === '' ? '（空）' : `“${v}”`);
const showEn = (v: string | number) => (typeof v === 'number' ? String(v) : v === '' ? '(empty)' : `"${v}"`);

/** The plan as lines for the terminal. */
export function formatPlan(rawPlan: FillPlan, lang: Lang, paint: (s: 'bold' | 'yellow' | 'green' | 'gray', t: string) => string = (_s, t) => t): string {
  const plan = termDeep(rawPlan); // cell text without control characters (src/cli/term.ts)
  const zh = lang === 'zh';
  const out: string[] = [];
  const inserts = plan.inserts ?? [];
  if (inserts.length) {
    out.push(paint('bold', zh ? `插入行（${inserts.reduce((n, i) => n + i.count, 0)}）：` : `Rows inserted (${inserts.reduce((n, i) => n + i.count, 0)}):`));
    // Shown top-down, each at the rows it occupies in the output file.
    const sorted = [...inserts].sort((a, b) => (a.sheet === b.sheet ? a.beforeRow - b.beforeRow : 0));
    for (const ins of sorted) {
      const above = inserts.filter((o) => o.sheet === ins.sheet && o.beforeRow < ins.beforeRow).reduce((n, o) => n + o.count, 0);
      const first = ins.beforeRow + above + 1;
      const last = first + ins.count - 1;
      const rows = first === last ? `${first}` : `${first}–${last}`;
      out.push(`  ${ins.sheet} ${zh ? `第 ${rows} 行` : `row${first === last ? '' : 's'} ${rows}`}${zh ? '：' : ': '}${ins.message}`);
    }
  }
  if (plan.changes.length) {
    out.push(paint('bold', zh ? `修改（${plan.changes.length}）：` : `Changes (${plan.changes.length}):`));
    for (const c of plan.changes) {
      const after = c.formula ?? (zh ? show(c.after) : showEn(c.after));
      const before = zh ? show(c.before) : showEn(c.before);
      out.push(`  ${c.sheet}!${c.cell}  ${before} → ${paint('green', after)}  ${paint('gray', c.message)}`);
    }
  }
  if (plan.conflicts.length) {
    out.push(paint('yellow', zh ? `冲突（${plan.conflicts.length}，未改动，请人工核实）：` : `Conflicts (${plan.conflicts.length}, left as they are; please check):`));
    for (const c of plan.conflicts) out.push(`  ${c.sheet}!${c.cell}  ${zh ? show(c.value) : showEn(c.value)}  ${c.message}`);
  }
  if (!inserts.length && !plan.changes.length && !plan.conflicts.length) out.push(zh ? '无需填充的内容。' : 'Nothing to fill.');
  return out.join('\n') + '\n';
}

export async function runFill(argv: readonly string[], io: CliIO, lang: Lang): Promise<number> {
  const args = parseArgs(argv, FILL_OPTIONS);
  const cwd = io.cwd ?? process.cwd();
  const [file, ...extra] = args.positionals;
  if (!file) throw new UsageError('请指定要填充的工作簿，例如 award-tally fill 统计表.xlsx -o 统计表-已填充.xlsx', 'Give the workbook to fill, e.g. award-tally fill stats.xlsx -o stats.filled.xlsx');
  if (extra.length) throw new UsageError(`fill 一次只处理一个文件；多余的参数：${extra.join(' ')}`, `fill takes one file; unexpected arguments: ${extra.join(' ')}`);
  const out = args.options.get('out') as string | undefined;
  const dryRun = args.options.has('dry-run');
  if (!out && !dryRun) throw new UsageError('请用 -o 指定输出文件（输入文件不会被修改），例如 -o 统计表-已填充.xlsx', 'Give the output file with -o (the input is never modified), e.g. -o stats.filled.xlsx');
  const input = path.resolve(cwd, file);
  const target = out ? path.resolve(cwd, out) : null;
  if (target) await assertOutputsSafe([{ display: file, abs: input }], [{ option: '-o', arg: out as string, abs: target }]);
  if (target && !/\.xlsx$/i.test(target)) throw new UsageError('输出文件须为 .xlsx', 'The output file must be .xlsx');
  const profile = await loadProfile(args.options.get('profile') as string | undefined, cwd);
  const paint = painter(colorEnabled(io.stdout, io.env, args.options.has('no-color')));

  let read;
  try {
    read = await readWorkbookFile(input, { name: file });
  } catch (e) {
    if (!(e instanceof WorkbookReadError)) throw e;
    io.stderr.write(`award-tally: ${file}: ${e.text(lang)}\n`);
    return 2;
  }
  // A large workbook takes ExcelJS a while to load and write (a million-row helper column: about 40 s): say what is
  // going on, on a terminal only (the bin's child process is told whether its parent's stderr is one).
  const tty = !!io.stderr.isTTY || io.env?.AWARD_TALLY_STDERR_TTY === '1';
  const step = read.bytes.length >= 2 * 1024 * 1024 && tty ? (zh: string, en: string) => io.stderr.write(`award-tally: ${lang === 'en' ? en : zh}\n`) : () => {};
  step(`正在载入 ${file}（${(read.bytes.length / 1048576).toFixed(1)} MB），大文件需要较长时间…`, `Loading ${file} (${(read.bytes.length / 1048576).toFixed(1)} MB); a large file takes a while…`);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(read.bytes as unknown as ArrayBuffer);
  } catch {
    io.stderr.write(`award-tally: ${file}: ${lang === 'en' ? CANNOT_OPEN.en('the filled copy') : CANNOT_OPEN.zh('填充后的副本')}\n`);
    return 2;
  }

  const result = checkWorkbook(read.grid, { file, profile, lang });
  const plan = protectFormulas(
    wb,
    mergePlans(
      planFill(result, lang),
      planStatsFill(result, { lang, formulaAt: formulaLookup(wb), replaceMismatched: args.options.has('replace-rates') }),
    ),
    lang,
  );
  io.stdout.write(`${file}${target ? ` → ${out}` : ''}\n`);
  io.stdout.write(formatPlan(plan, lang, paint));
  if (!args.options.has('replace-rates') && plan.conflicts.some((c) => c.reason === 'stats.rate-mismatch')) {
    io.stdout.write(lang === 'zh' ? '如确认以公式替换与计算值不符的比率，请加 --replace-rates 重新运行。\n' : 'To replace the typed rates that disagree by their formulas, run again with --replace-rates.\n');
  }
  if (dryRun || !target) {
    io.stdout.write(lang === 'zh' ? '（--dry-run：未写入任何文件）\n' : '(--dry-run: nothing written)\n');
    return plan.conflicts.length ? 1 : 0;
  }
  const outcome = applyPlan(wb, plan);
  step(`正在写入 ${out}…`, `Writing ${out}…`);
  try {
    await writeOutput(target, markOutput(new Uint8Array(await wb.xlsx.writeBuffer()), 'fill'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    io.stderr.write(
      `award-tally: ${lang === 'en' ? `Cannot write ${out} (${code}): check that the folder exists and is writable, and that the file is not open in Excel.` : `无法写入 ${out}（${code}）：请检查目录是否存在、是否有写权限、文件是否正被 Excel 打开。`}\n`,
    );
    return 2;
  }
  if (outcome.skipped.length) {
    io.stderr.write(lang === 'zh' ? `注意：${outcome.skipped.length} 处单元格内容与核查时不同，未写入。\n` : `Note: ${outcome.skipped.length} cell(s) differed from what was checked and were not written.\n`);
  }
  io.stdout.write(
    lang === 'zh'
      ? `已写入 ${out}：插入 ${outcome.inserted} 行，修改 ${outcome.written} 处，冲突 ${plan.conflicts.length} 处未改动（输入文件未修改）。\n`
      : `Wrote ${out}: ${outcome.inserted} row(s) inserted, ${outcome.written} change(s), ${plan.conflicts.length} conflict(s) left as they are (the input is unchanged).\n`,
  );
  return plan.conflicts.length ? 1 : 0;
}
