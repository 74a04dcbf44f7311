/** Strings of the preview page (the task pane's own strings are in src/taskpane/i18n.ts). */
import type { Lang } from '../core/finding';

const zh = {
  pageTitle: '评优汇总核查 · 浏览器预览',
  intro: '在浏览器中试用任务窗格：打开一个 .xlsx 文件，文件只在本页中处理，不会上传。',
  openFile: '打开 .xlsx 文件…',
  examples: '示例：',
  loading: '正在打开工作簿…',
  reading: '正在读取工作表…',
  noFile: '尚未打开工作簿。请选择一个 .xlsx 文件，或打开上方的示例。',
  noWorkbook: '尚未打开工作簿。请先在左侧选择一个 .xlsx 文件。',
  untitled: '未命名工作簿',
  fetchFailed: (name: string) => `无法载入示例文件“${name}”，请确认文件名正确。`,
  ole2: '这是旧版 Excel 97-2003 工作簿（.xls）或设有打开密码的工作簿，预览页无法读取：请在 Excel 或 WPS 中打开，删除打开密码并另存为“Excel 工作簿（*.xlsx）”后再试。',
  sheetNotFound: (name: string) => `找不到工作表“${name}”，可能已被删除。请重新检查。`,
  noTemplate: (kind: string) => `没有名为“${kind}”的模板。`,
  sheetTabs: '工作表',
  gridLabel: (sheet: string) => `工作表“${sheet}”`,
  truncated: (shown: number, total: number) => `仅显示前 ${shown} 行（共 ${total} 行）。`,
  lang: 'English',
};

export type PreviewStrings = typeof zh;

const en: PreviewStrings = {
  pageTitle: 'Award Tally · browser preview',
  intro: 'Try the task pane in the browser: open an .xlsx file. It is processed in this page only and never uploaded.',
  openFile: 'Open an .xlsx file…',
  examples: 'Examples:',
  loading: 'Opening the workbook…',
  reading: 'Reading sheets…',
  noFile: 'No workbook open. Choose an .xlsx file, or open one of the examples above.',
  noWorkbook: 'No workbook is open. Choose an .xlsx file on the left first.',
  untitled: 'Untitled workbook',
  fetchFailed: (name: string) => `The example file "${name}" could not be loaded; check the name.`,
  ole2: 'This is a legacy Excel 97-2003 workbook (.xls) or a password-protected one, which the preview cannot read: open it in Excel or WPS, remove the password and save it as "Excel Workbook (*.xlsx)".',
  sheetNotFound: (name: string) => `The sheet "${name}" was not found; it may have been deleted. Run the check again.`,
  noTemplate: (kind: string) => `No template named "${kind}".`,
  sheetTabs: 'Sheets',
  gridLabel: (sheet: string) => `Sheet "${sheet}"`,
  truncated: (shown: number, total: number) => `Showing the first ${shown} of ${total} rows.`,
  lang: '中文',
};

export function previewStrings(lang: Lang): PreviewStrings {
  return lang === 'en' ? en : zh;
}
