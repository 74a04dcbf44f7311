/**
 * `--annotate out.xlsx`: a copy of the checked workbook with every offending cell filled (red: error, amber:
 * warning, blue-grey: info — the most severe finding of the cell decides) and a note listing the findings of
 * that cell. The input file is never written: the copy goes to the output path only, and an output path that is
 * the input file itself (same path, or the same file through a link) is refused.
 *
 * The copy is made by loading the .xlsx with ExcelJS and writing it out again, so parts ExcelJS does not model
 * (charts, pictures, slicers) are not carried over; values, formats, merges and validations are.
 */
import ExcelJS from 'exceljs';
import { CANNOT_OPEN } from './errors';
import { markOutput } from './output-mark';
import { sameFile, writeOutput } from './output-file';
import type { Lang, Severity } from '../core/finding';
import { annotateWorkbook } from './annotate-workbook';

/** What annotate needs of a finding (LocatedFinding from core/check has it all). */
export interface AnnotatableFinding {
  sheet: string;
  row: number;
  col: number;
  rule: string;
  severity: Severity;
  message: string;
  fix?: string | null;
}

export const MARK_FILL: Record<Severity, string> = {
  error: 'FFFFC7CE', // light red
  warning: 'FFFFE699', // amber
  info: 'FFD9E1F2', // blue-grey
};

const SEVERITY_LABEL: Record<Lang, Record<Severity, string>> = {
  zh: { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'Error', warning: 'Warning', info: 'Info' },
};

export type AnnotateErrorCode = 'same-file' | 'write' | 'read';

export class AnnotateError extends Error {
  readonly messageEn: string;
  constructor(
    readonly code: AnnotateErrorCode,
    zh: string,
    en: string,
    readonly detail?: string,
  ) {
    super(zh);
    this.messageEn = en;
    this.name = 'AnnotateError';
  }
  text(lang: Lang): string {
    return lang === 'en' ? this.messageEn : this.message;
  }
}

/** True when `out` names the same file as `input` (same resolved path, or the same inode through a link). */
export const isSameFile = sameFile;

/** The note text of one cell: one line per finding, `[错误] id.checksum：message（建议：fix）`. */
export function noteText(findings: readonly AnnotatableFinding[], lang: Lang): string {
  const lines = findings.map((f) => {
    const fix = f.fix ? (lang === 'en' ? ` (fix: ${f.fix})` : `（建议：${f.fix}）`) : '';
    return `[${SEVERITY_LABEL[lang][f.severity]}] ${f.rule}${lang === 'en' ? ': ' : '：'}${f.message}${fix}`;
  });
  return (lang === 'en' ? 'award-tally check\n' : 'award-tally 核查\n') + lines.join('\n');
}

/**
 * Write an annotated copy of the workbook `xlsx` (its bytes, as read) to `out`. `input` is the path of the file
 * that was checked, used to refuse overwriting it. Returns the number of cells marked.
 */
export async function writeAnnotatedCopy(
  xlsx: Buffer,
  findings: readonly AnnotatableFinding[],
  out: string,
  opts: { input: string; lang?: Lang },
): Promise<{ cells: number }> {
  const lang = opts.lang ?? 'zh';
  if (await isSameFile(opts.input, out)) {
    throw new AnnotateError(
      'same-file',
      `标注副本不能覆盖被核查的文件本身（${out}）：请用 --annotate 指定另一个文件名。`,
      `The annotated copy may not overwrite the checked file itself (${out}): give --annotate another file name.`,
    );
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
  } catch (e) {
    throw new AnnotateError('read', CANNOT_OPEN.zh('标注副本'), CANNOT_OPEN.en('the annotated copy'), String(e));
  }

  const cells = annotateWorkbook(wb, findings, lang);
  try {
    await writeOutput(out, markOutput(new Uint8Array(await wb.xlsx.writeBuffer()), 'annotate'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    throw new AnnotateError(
      'write',
      `无法写入标注副本 ${out}（${code || '写入失败'}）：请检查目录是否存在、是否有写权限、文件是否正被 Excel 打开。`,
      `Cannot write the annotated copy ${out} (${code || 'write failed'}): check that the folder exists, is writable, and that the file is not open in Excel.`,
      String(e),
    );
  }
  return { cells };
}
