/**
 * Strings of the preview page's own chrome. The task pane's words, and the hosts' errors it shows, are in the pane's
 * catalogue (src/taskpane/strings-zh.ts, strings-en.ts).
 */
import type { Lang } from '../core/finding';

const zh = {
  pageTitle: '评优汇总核查 · 浏览器版',
  intro: '不需要 Excel：打开一个或多个 .xlsx 文件，核查、填充、标注、汇总，再下载结果。文件只在本机浏览器中处理，不会上传。',
  openFile: '打开 .xlsx 文件…',
  files: '已打开的文件',
  closeFile: (name: string) => `关闭 ${name}`,
  downloads: '下载',
  downloadWorkbook: '下载工作簿',
  downloadWorkbookHint: '当前工作簿（含已确认的填充和插入的工作表），另存为新文件',
  downloadAnnotated: '下载标注副本',
  downloadAnnotatedHint: '把已标注的问题写成单元格底色和批注，另存为新文件',
  downloadNotice: '下载公示名单',
  downloadNoticeHint: '只含公示列，身份证号和电话按本奖项的规则遮盖，另存为新文件',
  mergeAll: (n: number) => `汇总 ${n} 个文件并下载`,
  mergeHint: '把所有已打开文件中的推荐表合并为一张汇总表（含来源文件、跨文件重复、名额核对）',
  templateLabel: '空白模板：',
  templateKinds: { annex3: '附件3 推荐对象汇总表', 'qc-stats': '附件7 QC小组活动统计表', 'team-stats': '附件12 质量信得过班组统计表', quota: '附件2 推荐名额表', register: '申报登记表' } as Record<string, string>,
  downloadTemplate: '下载模板',
  working: '正在处理…',
  downloaded: (name: string, summary: string) => `已生成 ${name}（${summary}），请在浏览器的下载列表中查看。`,
  mergeFindings: (errors: number) => (errors > 0 ? `汇总时发现 ${errors} 个错误（含跨文件重复），详见汇总表；各文件的问题可在右侧逐个核查。` : '汇总时未发现错误。'),
  examples: '示例：',
  loading: '正在打开工作簿…',
  noFile: '尚未打开工作簿。请选择一个 .xlsx 文件，或打开上方的示例。',
  noWorkbook: '尚未打开工作簿。请先在左侧选择一个或多个 .xlsx 文件。',
  fetchFailed: (name: string) => `无法载入示例文件“${name}”，请确认文件名正确。`,
  sheetTabs: '工作表',
  gridLabel: (sheet: string) => `工作表“${sheet}”`,
  truncated: (shown: number, total: number) => `仅显示前 ${shown} 行（共 ${total} 行）。`,
  lang: 'English',
};

export type PreviewStrings = typeof zh;

const en: PreviewStrings = {
  pageTitle: 'Award Tally · browser version',
  intro: 'No Excel needed: open one or more .xlsx files, check, fill, mark and merge them, then download the results. Files are processed in this browser only and never uploaded.',
  openFile: 'Open .xlsx files…',
  files: 'Open files',
  closeFile: (name: string) => `Close ${name}`,
  downloads: 'Download',
  downloadWorkbook: 'Download workbook',
  downloadWorkbookHint: 'The workbook as it is now (confirmed fills, inserted sheets), as a new file',
  downloadAnnotated: 'Download marked copy',
  downloadAnnotatedHint: 'The marked findings as cell fills and notes, as a new file',
  downloadNotice: 'Download public notice',
  downloadNoticeHint: 'The notice columns only, ID numbers and phones masked by the award’s policy, as a new file',
  mergeAll: (n: number) => `Merge ${n} files and download`,
  mergeHint: 'All open files’ nomination tables in one master list (source file, cross-file duplicates, quota tally)',
  templateLabel: 'Blank template:',
  templateKinds: { annex3: 'Annex 3 nomination summary', 'qc-stats': 'Annex 7 QC group statistics', 'team-stats': 'Annex 12 team statistics', quota: 'Annex 2 quota table', register: 'Application register' } as Record<string, string>,
  downloadTemplate: 'Download template',
  working: 'Working…',
  downloaded: (name: string, summary: string) => `${name} is ready (${summary}); see the browser's downloads.`,
  mergeFindings: (errors: number) => (errors > 0 ? `The merge found ${errors} errors (cross-file duplicates included); see the master list, or check each file on the right.` : 'The merge found no errors.'),
  examples: 'Examples:',
  loading: 'Opening the workbook…',
  noFile: 'No workbook open. Choose an .xlsx file, or open one of the examples above.',
  noWorkbook: 'No workbook is open. Choose one or more .xlsx files on the left first.',
  fetchFailed: (name: string) => `The example file "${name}" could not be loaded; check the name.`,
  sheetTabs: 'Sheets',
  gridLabel: (sheet: string) => `Sheet "${sheet}"`,
  truncated: (shown: number, total: number) => `Showing the first ${shown} of ${total} rows.`,
  lang: '中文',
};

export function previewStrings(lang: Lang): PreviewStrings {
  return lang === 'en' ? en : zh;
}
