/**
 * Strings of the preview page's own chrome. The task pane's words, and the hosts' errors it shows, are in the pane's
 * catalogue (src/taskpane/strings-zh.ts, strings-en.ts).
 */
import type { Lang } from '../core/finding';

const zh = {
  pageTitle: '评优汇总核查 · 浏览器预览',
  intro: '在浏览器中试用任务窗格：打开一个 .xlsx 文件，文件只在本页中处理，不会上传。',
  openFile: '打开 .xlsx 文件…',
  examples: '示例：',
  loading: '正在打开工作簿…',
  noFile: '尚未打开工作簿。请选择一个 .xlsx 文件，或打开上方的示例。',
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
  noFile: 'No workbook open. Choose an .xlsx file, or open one of the examples above.',
  sheetTabs: 'Sheets',
  gridLabel: (sheet: string) => `Sheet "${sheet}"`,
  truncated: (shown: number, total: number) => `Showing the first ${shown} of ${total} rows.`,
  lang: '中文',
};

export function previewStrings(lang: Lang): PreviewStrings {
  return lang === 'en' ? en : zh;
}
