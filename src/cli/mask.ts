/**
 * `award-tally mask <file> -o <public.xlsx> [--drop id,phone] [--profile ID|file.json]` (SPEC §6 公示 export, §7).
 * No rule logic here: read the workbook, locate its nomination tables (the engine's check), build the notice
 * (core/notice.ts: notice columns only, IDs and phones masked by the profile's policy or dropped), write it
 * (xlsx/notice.ts, which refuses a workbook with any full ID or mobile left). The input is never modified; the
 * output may not be the input.
 *
 * Exit status: 0 written; 1 nothing to publish (no nomination table) or the guard refused; 2 usage error,
 * unreadable input, or the output could not be written.
 */
import * as path from 'path';
import type { Lang } from '../core/finding';
import { checkWorkbook } from '../core/check';
import { buildNotice, NoticeLeakError, type Droppable } from '../core/notice';
import { readWorkbookFile } from '../xlsx/read';
import { WorkbookReadError } from '../xlsx/errors';
import { isSameFile } from '../xlsx/annotate';
import { markOutput } from '../xlsx/output-mark';
import { writeOutput } from '../xlsx/output-file';
import { buildNoticeWorkbook } from '../xlsx/notice';
import { parseArgs, UsageError, type OptionSpec } from './args';
import { loadProfile } from './check';
import type { CliIO } from './io';

export const MASK_OPTIONS: OptionSpec[] = [
  { name: 'out', short: 'o', value: true },
  { name: 'drop', value: true },
  { name: 'profile', value: true },
  { name: 'lang', value: true },
  { name: 'help', short: 'h', value: false },
];

const DROP_NAMES: Record<string, Droppable> = { id: 'id', phone: 'phone', 身份证号: 'id', 联系电话: 'phone', 电话: 'phone' };

export async function runMask(argv: readonly string[], io: CliIO, lang: Lang): Promise<number> {
  const args = parseArgs(argv, MASK_OPTIONS);
  const cwd = io.cwd ?? process.cwd();
  const [input, ...extra] = args.positionals;
  if (!input) throw new UsageError('请给出要生成公示名单的文件，例如 award-tally mask 汇总.xlsx -o 公示.xlsx', 'Give the workbook to publish, e.g. award-tally mask merged.xlsx -o public.xlsx');
  if (extra.length) throw new UsageError(`多余的参数：${extra.join(' ')}（mask 一次处理一个文件）`, `unexpected arguments: ${extra.join(' ')} (mask takes one file)`);
  const outArg = args.options.get('out') as string | undefined;
  if (!outArg) throw new UsageError('请用 -o 指定公示输出文件，例如 -o 公示.xlsx', 'Give the public output file with -o, e.g. -o public.xlsx');
  const drop: Droppable[] = [];
  const dropArg = args.options.get('drop');
  if (typeof dropArg === 'string') {
    for (const part of dropArg.split(/[,，、]/).map((x) => x.trim()).filter(Boolean)) {
      const d = DROP_NAMES[part.toLowerCase()];
      if (!d) throw new UsageError(`--drop 只接受 id、phone（收到 ${part}）`, `--drop takes id and/or phone (got ${part})`);
      if (!drop.includes(d)) drop.push(d);
    }
  }
  const profile = await loadProfile(args.options.get('profile') as string | undefined, cwd);
  const abs = path.resolve(cwd, input);
  const out = path.resolve(cwd, outArg);
  if (await isSameFile(abs, out)) {
    throw new UsageError(`输出文件 ${outArg} 就是输入文件 ${input}：输入文件从不被修改，请指定另一个文件名。`, `The output ${outArg} is the input file ${input}: inputs are never modified; give another file name.`);
  }
  let read;
  try {
    read = await readWorkbookFile(abs, { name: input });
  } catch (e) {
    if (!(e instanceof WorkbookReadError)) throw e;
    io.stderr.write(`award-tally: ${input}：${e.text(lang)}\n`);
    return 2;
  }
  const result = checkWorkbook(read.grid, { file: input, profile, lang });
  const sheets = buildNotice(result.located, profile, { drop });
  if (sheets.length === 0) {
    io.stderr.write(
      `award-tally: ${lang === 'en' ? `No nomination table (附件3 or register) found in ${input}: nothing to publish.` : `在 ${input} 中没有找到推荐对象表格（附件3 汇总表或申报登记表）：没有可公示的内容。`}\n`,
    );
    return 1;
  }
  let wb;
  try {
    wb = buildNoticeWorkbook(sheets);
  } catch (e) {
    if (!(e instanceof NoticeLeakError)) throw e;
    io.stderr.write(`award-tally: ${e.text(lang)}\n`);
    return 1;
  }
  try {
    await writeOutput(out, markOutput(new Uint8Array(await wb.xlsx.writeBuffer()), 'mask'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    io.stderr.write(`award-tally: ${lang === 'en' ? `Cannot write ${outArg} (${code}).` : `无法写入 ${outArg}（${code}）：请检查目录是否存在、是否有写权限、文件是否正被 Excel 打开。`}\n`);
    return 2;
  }
  const rows = sheets.map((s) => (lang === 'en' ? `${s.name} ${s.rows.length} rows` : `${s.name} ${s.rows.length} 行`)).join(lang === 'en' ? ', ' : '，');
  io.stdout.write(lang === 'en' ? `Public notice written to ${outArg}: ${rows}. ${sheets[0].note}\n` : `已写出公示名单 ${outArg}：${rows}。${sheets.map((s) => s.note).find(Boolean) ?? ''}\n`);
  return 0;
}
