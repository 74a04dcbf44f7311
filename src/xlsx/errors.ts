/**
 * Why a file could not be read as a workbook. Each reason has a stable `code` (it goes into the JSON report as
 * `files[i].error.code`) and a message in Chinese and English that tells the user what to do next.
 *
 * A workbook that opens but holds no recognisable table is NOT a read error: see src/cli/check.ts.
 */

export type ReadErrorCode =
  /** The path does not exist (or is not a regular file). */
  | 'not-found'
  /** The operating system refused to read it (permissions, a directory, an I/O error). */
  | 'io'
  /** Legacy binary Excel 97–2003 (.xls, OLE2 compound file) and no LibreOffice to convert it. */
  | 'xls'
  /** Legacy .xls, LibreOffice present, but the conversion failed (often: the .xls has an open password). */
  | 'xls-convert'
  /** An encrypted OOXML package (OLE2 file with an EncryptionInfo stream): the workbook has an open password. */
  | 'encrypted'
  /** Excel binary workbook (.xlsb): a zip, but with binary parts ExcelJS cannot read. */
  | 'xlsb'
  /** A zip file whose structure is broken (truncated download, damaged e-mail attachment). */
  | 'corrupt'
  /** Not a workbook at all: a text/HTML/CSV file named .xlsx, a Word document, an image… */
  | 'not-workbook'
  /** A workbook without worksheets, or whose worksheets are all empty. */
  | 'empty'
  /** Expands past the decompression budget (SPEC §7): far more data than any award workbook holds. */
  | 'too-large';

interface Texts {
  zh: string;
  en: string;
}

const TEXTS: Record<ReadErrorCode, Texts> = {
  'not-found': {
    zh: '找不到文件，请检查路径是否正确。',
    en: 'File not found; check the path.',
  },
  io: {
    zh: '无法读取该文件（可能没有权限或文件正被其他程序占用），请关闭占用它的程序或复制一份后重试。',
    en: 'The file cannot be read (no permission, or it is locked by another program); close that program or copy the file and try again.',
  },
  xls: {
    zh: '这是旧版 Excel 97-2003 工作簿（.xls），无法直接读取：请在 Excel 或 WPS 中打开，选择“另存为”→“Excel 工作簿（*.xlsx）”，再核查 .xlsx 文件。',
    en: 'This is a legacy Excel 97-2003 workbook (.xls) and cannot be read directly: open it in Excel or WPS, "Save As" → "Excel Workbook (*.xlsx)", and check the .xlsx file.',
  },
  'xls-convert': {
    zh: '这是旧版 Excel 97-2003 工作簿（.xls），自动转换失败（可能设有打开密码或文件已损坏）：请在 Excel 或 WPS 中打开，另存为 .xlsx 后再核查。',
    en: 'This is a legacy Excel 97-2003 workbook (.xls) and the automatic conversion failed (it may have an open password or be damaged): open it in Excel or WPS, save it as .xlsx and check again.',
  },
  encrypted: {
    zh: '该工作簿设有打开密码（已加密），无法读取：请在 Excel 或 WPS 中输入密码打开，在“文件”→“信息”→“保护工作簿”中删除密码，另存为 .xlsx 后再核查。',
    en: 'The workbook is password-protected (encrypted) and cannot be read: open it in Excel or WPS with the password, remove the password (File → Info → Protect Workbook), save it as .xlsx and check again.',
  },
  xlsb: {
    zh: '这是 Excel 二进制工作簿（.xlsb），无法读取：请在 Excel 中打开，另存为“Excel 工作簿（*.xlsx）”后再核查。',
    en: 'This is an Excel binary workbook (.xlsb) and cannot be read: open it in Excel, save it as "Excel Workbook (*.xlsx)" and check again.',
  },
  corrupt: {
    zh: '文件已损坏（压缩包结构不完整，可能下载或传输未完成）：请重新获取原文件，或在 Excel/WPS 中打开修复后另存为 .xlsx。',
    en: 'The file is damaged (its zip structure is incomplete; the download or transfer may have been cut short): get the file again, or open and repair it in Excel/WPS and save it as .xlsx.',
  },
  'not-workbook': {
    zh: '该文件不是 Excel 工作簿（可能是文本、网页或其他格式改了扩展名）：请在 Excel 或 WPS 中打开，另存为“Excel 工作簿（*.xlsx）”后再核查。',
    en: 'This file is not an Excel workbook (it may be text, a web page or another format renamed): open it in Excel or WPS, save it as "Excel Workbook (*.xlsx)" and check again.',
  },
  empty: {
    zh: '工作簿中没有任何数据（没有工作表或所有工作表均为空）：请确认发送的是填写好的汇总表。',
    en: 'The workbook holds no data (no worksheets, or every worksheet is empty): make sure this is the filled-in summary sheet.',
  },
  'too-large': {
    zh: '文件解压后的数据量远超任何评优汇总表（可能已损坏，或含有大量空白行列、无关工作表），为保护本机内存已跳过：请在 Excel 或 WPS 中打开，删除多余的工作表和空行空列后另存为 .xlsx 再核查。',
    en: 'Once decompressed, this file holds far more data than any award workbook (it may be damaged, or full of blank rows, columns or unrelated sheets) and was skipped to protect memory: open it in Excel or WPS, delete the extra sheets and blank rows/columns, save it as .xlsx and check again.',
  },
};

/** A file that cannot be read as a workbook. `message` is Chinese, `messageEn` English; no stack trace is shown. */
export class WorkbookReadError extends Error {
  readonly messageEn: string;
  constructor(
    readonly code: ReadErrorCode,
    /** Extra detail (the underlying error text), kept out of the user message; shown with AWARD_TALLY_DEBUG. */
    readonly detail?: string,
  ) {
    super(TEXTS[code].zh);
    this.name = 'WorkbookReadError';
    this.messageEn = TEXTS[code].en;
  }
  /** The message in the requested language. */
  text(lang: 'zh' | 'en'): string {
    return lang === 'en' ? this.messageEn : this.message;
  }
}

export function isWorkbookReadError(e: unknown): e is WorkbookReadError {
  return e instanceof WorkbookReadError;
}

export function readErrorText(code: ReadErrorCode, lang: 'zh' | 'en'): string {
  return TEXTS[code][lang];
}

/**
 * A workbook the reader accepts but ExcelJS (which writes the copies) cannot open: overlapping merged areas,
 * missing styles, parts other programs tolerate. What to do: let Excel or WPS rewrite it.
 */
export const CANNOT_OPEN = {
  zh: (what: string) =>
    `无法生成${what}：该工作簿内部结构不规范（例如合并单元格相互重叠、样式信息缺失），只能读取、无法在其副本上写入。请在 Excel 或 WPS 中打开该文件，“另存为”一份新的 .xlsx 工作簿，再对新文件运行本命令。`,
  en: (what: string) =>
    `Cannot write ${what}: the workbook's inner structure is irregular (e.g. overlapping merged cells or missing styles), so it can be read but no copy of it can be written. Open it in Excel or WPS, "Save As" a new .xlsx workbook and run this command on the new file.`,
};
