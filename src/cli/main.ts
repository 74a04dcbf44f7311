/**
 * award-tally command line: `main(argv, io)` returns the exit status and writes only through `io`, so tests run
 * it in-process; `run()` is what bin/award-tally.js calls.
 *
 * Exit status (SPEC §7): 0 no error finding; 1 error findings (or some input unreadable); 2 usage error, no
 * input readable, or an output that could not be written. Never a stack trace: anything unexpected becomes one
 * line (AWARD_TALLY_DEBUG=1 prints the stack as well).
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Lang } from '../core/finding';
import { ProfileError } from '../core/profiles';
import { sniffLang, UsageError } from './args';
import { runCheck } from './check';
import { runTemplate } from './template';
import { runFill } from './fill';
import { runMerge } from './merge';
import { runMask } from './mask';
import { processIO, type CliIO } from './io';
import { terminalSafe, termText } from './term';

export function version(): string {
  // lib/cli/main.js and src/cli/main.ts are both two levels below the package root.
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

const HELP = {
  zh: `award-tally — 评优汇总核查（附件3 推荐对象汇总表等）

用法：
  award-tally check <文件|目录>... [--profile 配置ID|配置.json] [--json] [--lang zh|en]
                    [--annotate 输出.xlsx] [--report 输出.html] [--progress] [--no-color]
  award-tally fill <文件> -o 输出.xlsx [--replace-rates] [--dry-run] [--profile 配置ID|配置.json]
  award-tally merge <文件|目录>... -o 汇总.xlsx [--quota 名额表.xlsx] [--profile 配置ID|配置.json] [--json] [--split-by 推荐单位]
  award-tally mask <文件> -o 公示.xlsx [--drop id,phone] [--profile 配置ID|配置.json]
  award-tally template annex3|qc-stats|team-stats|quota|register -o 输出.xlsx [--profile 配置ID|配置.json]
  award-tally --help | --version

命令：check 核查 · fill 填充 · merge 汇总 · mask 公示脱敏 · template 空白模板（五种）。
check：核查工作簿。目录按子目录逐层读取其中的 .xlsx/.xlsm/.xls 文件（每县一个文件夹）；其他格式（.ods、.csv、.et 等）
  与 ~$ 临时文件会列出并说明跳过原因；本工具先前写出的文件（汇总表、标注副本、填充副本）不会被重复读取。
  --profile     评优配置（默认 ili-2025-contribution），或自定义 JSON 配置文件
  --json        只在标准输出打印一份 JSON 报告（award-tally/report@1）
  --lang        提示语言：zh（默认）或 en
  --annotate    另存一份标注副本：问题单元格按严重程度着色并加批注；原文件不会被修改。
                多个输入文件时须指定目录，每个文件写为 <文件名>.annotated.xlsx
  --report      生成 HTML 报告（身份证号、电话号码脱敏；页面不含脚本、不访问网络）
  --progress    多于 3 个文件时强制在标准错误显示进度
fill：按核查结果填充，另存为 -o 指定的新文件（输入文件不会被修改）：序号、性别、规范化的身份证号与单位性质；
  统计表（附件7 等）的比率写为公式，缺少的输入行（参加QC小组人数、职工总数等）插入在比率下方。
  先列出全部插入、修改与冲突；与计算值不符的已填比率只列为冲突，不改动。
  --replace-rates  确认用公式替换与计算值不符的已填比率
  --dry-run        只列出，不写文件
  退出码：0 已写入且无冲突；1 已写入但有冲突待人工核实；2 用法错误、无法读取或无法写入。
merge：将多个工作簿中识别出的表格汇总为一个工作簿（每种表一张汇总表，加“来源文件”“推荐单位”列），报告跨文件重复推荐，
  并生成“名额核对”表（COUNTIFS 公式实时计数，超出名额标红）；输入文件不会被修改。
  --quota       推荐名额表（附件2）所在的工作簿；不给时使用输入中的名额表或评优配置中的名额
  另含“核查结果”（每条问题及其来源文件、工作表、单元格）与“未报送”（名额表中没有报送的地区）；重复推荐的行标色。
  --split-by 推荐单位  另按推荐单位拆分，每个单位一个工作簿（其推荐行与问题），写入 <汇总>-按推荐单位/ 目录
mask：生成公示名单（只含公示列；身份证号、电话按评优配置脱敏，或用 --drop id,phone 删除该列）；
  任何单元格仍含完整身份证号或手机号时拒绝写出。输入文件不会被修改。
template：生成空白模板，共五种。annex3：附件3 推荐对象汇总表（含数据验证）；
  qc-stats / team-stats：附件7 质量管理小组活动统计表（含普及率、成果率、活动率的输入行与公式）/ 附件12 质量信得过班组活动统计表。
  quota：推荐名额表（附件2，按配置预填各地区名额，总计为 SUM 公式）；register：申报登记表（类别、是否与会发表下拉，成员人数 1–15）。

退出码：0 无错误；1 有错误级问题或部分文件无法读取；2 用法错误、所有文件均无法读取或输出无法写入。
旧版 .xls 在安装了 LibreOffice（soffice）时自动转换，否则请另存为 .xlsx。
`,
  en: `award-tally — check award nomination summary sheets (附件3 and friends)

Usage:
  award-tally check <file|dir>... [--profile ID|profile.json] [--json] [--lang zh|en]
                    [--annotate out.xlsx] [--report out.html] [--progress] [--no-color]
  award-tally fill <file> -o out.xlsx [--replace-rates] [--dry-run] [--profile ID|profile.json]
  award-tally merge <file|dir>... -o merged.xlsx [--quota quota.xlsx] [--profile ID|profile.json] [--json] [--split-by 推荐单位]
  award-tally mask <file> -o public.xlsx [--drop id,phone] [--profile ID|profile.json]
  award-tally template annex3|qc-stats|team-stats|quota|register -o out.xlsx [--profile ID|profile.json]
  award-tally --help | --version

Commands: check · fill · merge · mask (public copy) · template (five blank templates).
check: check workbooks. A directory is read recursively (one folder per county) for .xlsx/.xlsm/.xls files; other
  formats (.ods, .csv, .et …) and ~$ lock files are listed with the reason they were skipped; files this tool wrote
  earlier (merged workbooks, annotated or filled copies) are not read back.
  --profile     award profile (default ili-2025-contribution) or a JSON profile file
  --json        print exactly one JSON report (award-tally/report@1) on stdout
  --lang        message language: zh (default) or en
  --annotate    write a marked copy: offending cells coloured by severity with a note; the input is never modified.
                With several inputs give a directory; each copy is <name>.annotated.xlsx
  --report      write an HTML report (ID and phone numbers masked; no script, no network access)
  --progress    force a progress display on stderr (more than 3 files)
fill: write a filled copy to -o (the input is never modified): 序号, 性别, clean IDs and unit types; in statistics
  tables (附件7 …) rates become live formulas and absent input rows (参加QC小组人数, 职工总数 …) are inserted under
  them. Every insertion, change and conflict is listed first; a typed rate that disagrees is only reported.
  --replace-rates  confirm replacing typed rates that disagree with the formula
  --dry-run        list only, write nothing
  Exit status: 0 written, no conflict; 1 written, conflicts left to check; 2 usage error, unreadable or unwritable.
merge: consolidate the recognised tables of many workbooks into one workbook (a master sheet per kind with 来源文件 and
  推荐单位 columns), report cross-file duplicates, and add a 名额核对 sheet (live COUNTIFS counts, over-quota cells
  highlighted); inputs are never modified.
  --quota       the workbook holding the quota table (附件2); default: a quota table among the inputs or the profile's
  Also writes 核查结果 (every finding with its source file, sheet and cell) and 未报送 (quota regions that sent
  nothing); duplicate rows are highlighted.
  --split-by 推荐单位  also one workbook per 推荐单位 (its rows and findings) in <merged>-按推荐单位/
mask: write the public notice (公示): notice columns only; IDs and phones masked by the profile's policy, or their
  columns dropped with --drop id,phone; refused when any cell would still hold a full ID or mobile. Input untouched.
template: write one of the five blank templates. annex3: the 附件3 summary sheet with data validation;
  qc-stats / team-stats: 附件7 QC group statistics (input rows and live formulas for 普及率, 成果率, 活动率) / 附件12.
  quota: the 附件2 quota table pre-filled from the profile, 总计 as SUM formulas; register: the applications register
  (类别 and 是否与会发表 dropdowns, 成员人数 1–15).

Exit status: 0 no error findings; 1 error findings or some input unreadable; 2 usage error, no input readable,
or an output could not be written. Legacy .xls is converted when LibreOffice (soffice) is installed; otherwise
save it as .xlsx.
`,
};

const PLANNED: string[] = [];

export async function main(argv: readonly string[], rawIo: CliIO): Promise<number> {
  const lang: Lang = sniffLang(argv);
  // Only the tool's own terminal sequences reach the terminal (src/cli/term.ts); cell text is cleaned before too.
  const io: CliIO = { ...rawIo, stdout: terminalSafe(rawIo.stdout), stderr: terminalSafe(rawIo.stderr) };
  try {
    const langIx = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
    if (langIx >= 0) {
      const v = argv[langIx].includes('=') ? argv[langIx].split('=')[1] : argv[langIx + 1];
      if (v !== 'zh' && v !== 'en') throw new UsageError(`--lang 只能是 zh 或 en（收到 ${v ?? '空'}）`, `--lang must be zh or en (got ${v ?? 'nothing'})`);
    }
    const [cmd, ...rest] = argv;
    if (cmd === undefined) {
      io.stderr.write(HELP[lang]);
      return 2;
    }
    if (cmd === '--help' || cmd === '-h' || cmd === 'help') {
      io.stdout.write(HELP[lang]);
      return 0;
    }
    if (cmd === '--version' || cmd === '-V' || cmd === '-v') {
      io.stdout.write(version() + '\n');
      return 0;
    }
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout.write(HELP[lang]);
      return 0;
    }
    switch (cmd) {
      case 'check':
        return await runCheck(rest, io, lang);
      case 'fill':
        return await runFill(rest, io, lang);
      case 'merge':
        return await runMerge(rest, io, lang);
      case 'template':
        return await runTemplate(rest, io, lang);
      case 'mask':
        return await runMask(rest, io, lang);
      default:
        if (PLANNED.includes(cmd)) {
          throw new UsageError(`命令 ${cmd} 尚未提供；目前可用：check、fill、merge、mask、template。`, `The ${cmd} command is not available yet; available: check, fill, merge, mask, template.`);
        }
        if (cmd.startsWith('-')) throw new UsageError(`未知选项 ${cmd}`, `unknown option ${cmd}`);
        throw new UsageError(`未知命令 ${cmd}`, `unknown command ${cmd}`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`award-tally: ${e.text(lang)}\n${lang === 'en' ? 'Run award-tally --help for usage.' : '运行 award-tally --help 查看用法。'}\n`);
      return 2;
    }
    if (e instanceof ProfileError) {
      io.stderr.write(`award-tally: ${e.format(lang)}\n`);
      return 2;
    }
    const msg = termText(e instanceof Error ? e.message : String(e));
    io.stderr.write(
      `award-tally: ${lang === 'en' ? `internal error: ${msg} (set AWARD_TALLY_DEBUG=1 for details)` : `内部错误：${msg}（设置 AWARD_TALLY_DEBUG=1 可查看详情）`}\n`,
    );
    if (io.env.AWARD_TALLY_DEBUG && e instanceof Error && e.stack) io.stderr.write(e.stack + '\n');
    return 2;
  }
}

/** Entry point for bin/award-tally.js: sets the exit code and lets stdout drain (large JSON into a pipe). */
export function run(): void {
  // A reader that stops early (`award-tally check … --json | head`) closes the pipe: end quietly, as other
  // command-line tools do, instead of dying with a stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
  const io = processIO();
  // Whatever escapes (an error event, a rejected promise nobody awaited): one line, never a stack trace.
  const fatal = (e: unknown) => {
    const msg = e instanceof Error ? e.message : String(e);
    process.stderr.write(`award-tally: 内部错误：${termText(msg)}（设置 AWARD_TALLY_DEBUG=1 可查看详情） / internal error\n`);
    if (process.env.AWARD_TALLY_DEBUG && e instanceof Error && e.stack) process.stderr.write(e.stack + '\n');
    process.exit(2);
  };
  process.on('uncaughtException', fatal);
  process.on('unhandledRejection', fatal);
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      io.stderr.write(`award-tally: ${termText(e instanceof Error ? e.message : String(e))}\n`);
      process.exitCode = 2;
    },
  );
}

if (require.main === module) run();
