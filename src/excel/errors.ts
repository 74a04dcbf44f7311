/**
 * Errors of the Excel host. Office.js rejects with an OfficeExtension.Error whose text is terse and English ("The
 * requested resource doesn't exist."); the host turns it into the port's HostError code (the task pane words it)
 * and keeps the Office code and text in `officeCode` / `detail` for a support request, never as the only message.
 */

import { HostError, type HostErrorCode, type HostErrorParams } from '../taskpane/host-port';

export type ExcelHostErrorCode = Extract<
  HostErrorCode,
  | 'not-found'
  | 'protected'
  | 'cell-editing'
  | 'too-large'
  | 'unsupported'
  | 'template-unsupported'
  | 'busy'
  | 'excel'
>;

const TEXT: Record<ExcelHostErrorCode, { zh: string; en: string }> = {
  'not-found': {
    zh: '找不到要处理的工作表或单元格，可能已被重命名或删除。请重新检查后再试。',
    en: 'The sheet or cell was not found; it may have been renamed or deleted. Run the check again and retry.',
  },
  protected: {
    zh: '工作表受保护或工作簿为只读，Excel 拒绝了修改。请撤销工作表保护或另存一份后再试。',
    en: 'The sheet is protected or the workbook is read-only, so Excel refused the change. Unprotect the sheet or save a copy and retry.',
  },
  'cell-editing': {
    zh: 'Excel 正在编辑单元格。请先按 Enter 或 Esc 结束编辑，再重试。',
    en: 'Excel is in cell-edit mode. Press Enter or Esc to finish editing, then retry.',
  },
  'too-large': {
    zh: '数据量超出了 Excel 单次请求的上限，已拆分仍未成功。请缩小范围（例如只检查当前工作表）后再试。',
    en: 'The data exceeds what Excel accepts in one request, even after splitting. Narrow the scope (e.g. check the active sheet only) and retry.',
  },
  unsupported: {
    zh: '此版本的 Excel 不支持该操作。请更新 Office，或使用浏览器版 / 命令行 award-tally。',
    en: 'This version of Excel does not support the operation. Update Office, or use the browser version or the award-tally command line.',
  },
  'template-unsupported': {
    zh: '此版本的 Excel 不支持插入模板工作表，请使用命令行 award-tally template annex3 生成',
    en: 'This version of Excel cannot insert template sheets; generate one with the command line: award-tally template annex3',
  },
  busy: {
    zh: 'Excel 正忙（可能正在计算或有对话框打开），请稍后重试。',
    en: 'Excel is busy (calculating, or a dialog is open). Retry in a moment.',
  },
  excel: {
    zh: 'Excel 报告了一个错误，操作未完成，工作表内容未被改动的部分保持原样。请重试；如仍失败，请把“详细信息”发给维护人员。',
    en: 'Excel reported an error and the operation did not complete. Please retry; if it keeps failing, send the details to support.',
  },
};

/**
 * The port's HostError (src/taskpane/host-port.ts) with the Office details. The pane words `code`; `message` and
 * `text()` keep the host's own wording for logs and for the host's tests.
 */
export class ExcelHostError extends HostError {
  declare readonly code: ExcelHostErrorCode;
  /** English message (logs). */
  readonly messageEn: string;
  /** Office.js error code, when the cause was an Office error (`ItemNotFound`, `AccessDenied` …). */
  readonly officeCode?: string;

  constructor(code: ExcelHostErrorCode, options: { officeCode?: string; detail?: string; cause?: unknown; params?: HostErrorParams } = {}) {
    super(code, options.params ?? {}, { detail: options.detail, cause: options.cause, message: TEXT[code].zh });
    this.name = 'ExcelHostError';
    this.messageEn = TEXT[code].en;
    this.officeCode = options.officeCode;
  }

  /** The message in the given language. */
  text(lang: 'zh' | 'en'): string {
    return lang === 'en' ? this.messageEn : this.message;
  }
}

/** The Office error code of a rejection, when it has one (OfficeExtension.Error and the fake both carry `code`). */
export function officeErrorCode(e: unknown): string | undefined {
  if (e && typeof e === 'object' && 'code' in e) {
    const c = (e as { code: unknown }).code;
    if (typeof c === 'string') return c;
  }
  return undefined;
}

const SIZE_CODES = new Set(['RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded', 'RangeExceedsLimit']);

/** True for the errors a smaller request would avoid (payload over 5 MB on the web, too many cells in a read). */
export function isSizeError(e: unknown): boolean {
  const c = officeErrorCode(e);
  if (c && SIZE_CODES.has(c)) return true;
  // Some hosts report the payload limit as a GeneralException whose text names it.
  const m = e instanceof Error ? e.message : '';
  return /PayloadSizeLimitExceeded|payload size/i.test(m);
}

/** Wrap anything thrown inside an Excel batch as an ExcelHostError with a plain message. */
export function toHostError(e: unknown): ExcelHostError {
  if (e instanceof ExcelHostError) return e;
  const officeCode = officeErrorCode(e);
  const detail = e instanceof Error ? `${officeCode ? officeCode + ': ' : ''}${e.message}` : String(e);
  let code: ExcelHostErrorCode = 'excel';
  switch (officeCode) {
    case 'ItemNotFound':
      code = 'not-found';
      break;
    case 'AccessDenied':
    case 'WorkbookProtected':
      code = 'protected';
      break;
    case 'InvalidOperationInCellEditMode':
      code = 'cell-editing';
      break;
    case 'ApiNotFound':
    case 'UnsupportedOperation':
    case 'UnsupportedFeature':
      code = 'unsupported';
      break;
    case 'ActivityLimitReached':
    case 'RequestAborted':
    case 'Conflict':
      code = 'busy';
      break;
    default:
      if (isSizeError(e)) code = 'too-large';
  }
  return new ExcelHostError(code, { officeCode, detail, cause: e });
}
