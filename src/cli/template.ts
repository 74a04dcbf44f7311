/** `award-tally template <kind> -o <file.xlsx>` (SPEC §7). Only `annex3` exists so far; the others say so. */
import * as path from 'path';
import { promises as fsp } from 'fs';
import type { Lang } from '../core/finding';
import { getProfile, loadProfileText, DEFAULT_PROFILE_ID } from '../core/profiles';
import { TemplateKindError, TEMPLATE_KINDS, writeTemplate } from '../xlsx/template';
import { parseArgs, UsageError, type OptionSpec } from './args';
import type { CliIO } from './io';

export const TEMPLATE_OPTIONS: OptionSpec[] = [
  { name: 'out', short: 'o', value: true },
  { name: 'profile', value: true },
  { name: 'lang', value: true },
  { name: 'help', short: 'h', value: false },
];

export async function runTemplate(argv: readonly string[], io: CliIO, lang: Lang): Promise<number> {
  const args = parseArgs(argv, TEMPLATE_OPTIONS);
  const cwd = io.cwd ?? process.cwd();
  const [kind, ...extra] = args.positionals;
  if (!kind) {
    throw new UsageError(`请指定模板种类：${TEMPLATE_KINDS.join('、')}，例如 award-tally template annex3 -o 附件3.xlsx`, `Give a template kind: ${TEMPLATE_KINDS.join(', ')}, e.g. award-tally template annex3 -o annex3.xlsx`);
  }
  if (extra.length) throw new UsageError(`多余的参数：${extra.join(' ')}`, `unexpected arguments: ${extra.join(' ')}`);
  const out = args.options.get('out') as string | undefined;
  if (!out) throw new UsageError('请用 -o 指定输出文件，例如 -o 附件3.xlsx', 'Give the output file with -o, e.g. -o annex3.xlsx');
  const profileArg = args.options.get('profile') as string | undefined;
  let profile = getProfile(DEFAULT_PROFILE_ID);
  if (profileArg) {
    if (/\.json$/i.test(profileArg)) {
      const text = await fsp.readFile(path.resolve(cwd, profileArg), 'utf8').catch(() => {
        throw new UsageError(`无法读取配置文件 ${profileArg}：请检查路径。`, `Cannot read the profile file ${profileArg}: check the path.`);
      });
      profile = loadProfileText(text, path.basename(profileArg));
    } else profile = getProfile(profileArg);
  }
  const target = path.resolve(cwd, out);
  try {
    // Without --profile each template uses its own default (annex3: ili-2025-contribution; quota, register: xj-qc-2019).
    await writeTemplate(kind, target, { profile: profileArg ? profile : undefined });
  } catch (e) {
    if (e instanceof TemplateKindError) throw new UsageError(e.message, e.messageEn);
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    io.stderr.write(
      `award-tally: ${lang === 'en' ? `Cannot write ${out} (${code}): check that the folder exists and is writable, and that the file is not open in Excel.` : `无法写入 ${out}（${code}）：请检查目录是否存在、是否有写权限、文件是否正被 Excel 打开。`}\n`,
    );
    return 2;
  }
  io.stdout.write(lang === 'en' ? `Template ${kind} written to ${out}\n` : `已生成模板 ${kind}：${out}\n`);
  return 0;
}
