/** Task-pane UI strings. Chinese is the default; English when Office's display language is English (SPEC §6). */

export type Lang = 'zh' | 'en';

/** Office.context.displayLanguage is an RFC 5646 tag such as "zh-CN" or "en-US"; anything but English gets Chinese. */
export function pickLang(displayLanguage: string | undefined | null): Lang {
  return displayLanguage?.toLowerCase().startsWith('en') ? 'en' : 'zh';
}

const zh = {
  title: '评优汇总核查',
  subtitle: '推荐汇总表与 QC 统计表核查',
  logoAlt: '评优汇总核查图标',

  tabs: { check: '检查', fill: '填充', template: '模板', quota: '名额', consolidate: '汇总' },
  tabListLabel: '功能',
  loadingPanel: '正在加载…',

  // Severities
  severity: { error: '错误', warning: '警告', info: '提示' },
  severityAll: '全部级别',

  // Check panel
  scopeLabel: '检查范围',
  scopeActive: '此工作表',
  scopeAll: '全部工作表',
  runCheck: '运行检查',
  rerunCheck: '重新检查',
  summaryLabel: '检查结果汇总',
  tablesFound: (n: number) => `已识别 ${n} 个表格：`,
  tableLine: (where: string, title: string, rows: number) => `${where}（${title}，${rows} 行）`,
  noTables:
    '没有找到可识别的表格。请确认工作表中有附件3 表头（序号、姓名、性别、民族、政治面貌……身份证号、联系电话），或切换为“全部工作表”后再试。',
  noFindings: '未发现问题。',
  filterText: '筛选',
  filterPlaceholder: '单元格、内容或说明',
  filterSeverity: '级别',
  shownOf: (shown: number, total: number) => `显示 ${shown} / ${total} 条`,
  noMatch: '没有符合筛选条件的问题。',
  ruleGroup: (rule: string, n: number) => `${rule}（${n}）`,
  showMore: (n: number) => `再显示 ${n} 条`,
  findingsLabel: '问题列表',
  goToCell: (where: string) => `定位到 ${where}`,
  valueLabel: '内容：',
  fixLabel: '建议：',
  mark: '标注',
  markHint: (n: number) => `在工作表中为列出的 ${n} 条问题所在单元格着色并附上说明`,
  clearMarks: '清除标注',
  clearMarksHint: '恢复被标注单元格原来的填充色，删除加载项添加的批注',
  marked: (n: number) => `已标注 ${n} 个单元格。`,
  cleared: (n: number) => `已清除 ${n} 个单元格的标注。`,
  checkedAt: (time: string) => `检查时间 ${time}`,

  // Fill panel
  fillIntro:
    '填充根据检查结果给出可以确定的修改（序号、由身份证号得出的性别、清理后的身份证号与电话、规范的单位性质等）。先列出清单，确认后才写入；与推算结果不一致的原有内容只报告，不会被覆盖。',
  fillNeedsCheck: '尚未检查。请先读取工作表并计算填充清单。',
  computeFill: '读取并计算填充清单',
  recomputeFill: '重新读取',
  changesHeading: (n: number) => `待写入的修改（${n}）`,
  noChanges: '没有需要填充的内容。',
  colCell: '单元格',
  colChange: '原值 → 新值',
  colReason: '原因',
  empty: '（空）',
  selectAll: '全选',
  selectChange: (where: string) => `选择 ${where}`,
  conflictsHeading: (n: number) => `冲突（${n}）：仅报告，不会改动`,
  conflictsNote: '这些单元格已有内容，且与由身份证号推算的结果不一致。请人工核实后自行修改。',
  apply: (n: number) => `应用 ${n} 处修改…`,
  confirmTitle: '确认写入修改',
  confirmBody: (n: number, sheets: string[]) =>
    `将向${sheets.map((x) => `“${x}”`).join('、')}写入 ${n} 个单元格。写入时会再次核对每个单元格：自计算清单以来被改动过的单元格将跳过，不会覆盖。冲突项不会改动。`,
  confirmOk: '确认写入',
  cancel: '取消',
  applied: (n: number) => `已写入 ${n} 处修改。`,
  skippedHeading: (n: number) => `${n} 处未写入：这些单元格在计算清单后已被修改，请重新读取后再确认。`,
  skippedLine: (where: string, before: string) => `${where}（计算时为“${before}”）`,

  // Template panel
  templateIntro: '插入一张空白的附件3《推荐对象汇总表》工作表（先进集体与先进个人两部分，含标题、填表日期行、备注与联系人行）。',
  templateNote:
    '身份证号与联系电话列设为文本格式，18 位号码不会变成科学计数法；单位性质、性别、身份证号列带有 Excel 数据验证（下拉列表、长度与校验码检查），在未安装加载项的 Excel 或 WPS 中也能自行检查。',
  insertTemplate: '插入空白附件3',
  templateUnsupported: '此版本的 Excel 不支持插入模板工作表，请使用命令行 award-tally template annex3 生成。',
  templateInserted: (name: string) => `已插入工作表“${name}”。`,

  // Fill panel: the statistics fill (row inserts, rate formulas)
  insertsHeading: (n: number) => `插入输入行（${n} 处）：确认后先插入整行，下方内容随之下移`,
  insertLine: (where: string, n: number) => `${where} 起插入 ${n} 行`,
  insertsUnsupported: '此主机不支持插入行，统计表的比率公式暂不能写入。',

  // Quota panel (名额)
  quota: {
    intro: '按地区 × 名额类别统计推荐数，与名额表比对；按类别 × 子类与评选名额比对。超出名额的以红色标出。',
    sourceLabel: '名额来源',
    sourceProfile: (name: string) => `内置：${name}`,
    sourceTable: (where: string) => `工作簿中的名额表（${where}）`,
    run: '读取并统计',
    rerun: '重新统计',
    needsRun: '尚未统计。',
    regionHeading: (n: number) => `按地区（${n}）`,
    categoryHeading: (n: number) => `按类别（${n}）`,
    colRegion: '地区或部门',
    colClass: '类别',
    colCount: '推荐数',
    colQuota: '名额',
    colPlaces: '评选名额',
    colCategory: '类别 / 子类',
    over: (n: number) => `超出 ${n}`,
    unknown: '不在名额表中',
    variants: (v: string) => `含写法：${v}`,
    noTally: '没有找到推荐登记表或附件3 推荐表，无法统计。',
    findingsHeading: (n: number) => `名额问题（${n}）`,
    summary: (over: number, unknown: number) => `${over} 项超出名额，${unknown} 个地区写法不在名额表中。`,
    insertSheet: '插入名额核对表',
    insertUnsupported: '此版本的 Excel 不支持插入工作表。',
    inserted: (name: string) => `已插入工作表“${name}”，推荐数为 COUNTIFS 公式，随登记表的修改自动重算。`,
    side: { collective: '集体', individual: '个人', total: '合计' },
  },

  // Progress labels
  progress: {
    read: '正在读取工作表…',
    check: '正在检查…',
    mark: '正在标注…',
    clear: '正在清除标注…',
    apply: '正在写入修改…',
    template: '正在插入模板…',
    tally: '正在统计名额…',
    insertSheet: '正在插入名额核对表…',
    consolidate: '正在汇总…',
    notice: '正在生成公示名单…',
  },
  progressCount: (done: number, total: number) => `${done} / ${total}`,

  // Errors
  errorTitle: '操作未完成',
  errorFallback: (message: string) => `操作未完成：${message}`,
  errorUnknown: '操作未完成：发生了未知错误，请重试。',
  errorChunk: '操作未完成：组件加载失败，请检查网络连接后重新打开任务窗格。',
  errorDetails: '详细信息',
  dismiss: '关闭',
  colon: '：',
};

export type Strings = typeof zh;

const en: Strings = {
  title: 'Award Tally',
  subtitle: 'Checks nomination summaries and QC statistics tables',
  logoAlt: 'Award Tally icon',

  tabs: { check: 'Check', fill: 'Fill', template: 'Template', quota: 'Quotas', consolidate: 'Consolidate' },
  tabListLabel: 'Features',
  loadingPanel: 'Loading…',

  severity: { error: 'Errors', warning: 'Warnings', info: 'Notes' },
  severityAll: 'All levels',

  scopeLabel: 'Scope',
  scopeActive: 'This sheet',
  scopeAll: 'All sheets',
  runCheck: 'Run check',
  rerunCheck: 'Check again',
  summaryLabel: 'Summary of the check',
  tablesFound: (n: number) => `${n} table${n === 1 ? '' : 's'} recognised:`,
  tableLine: (where: string, title: string, rows: number) => `${where} (${title}, ${rows} row${rows === 1 ? '' : 's'})`,
  noTables:
    'No recognisable table was found. Make sure the sheet has the Annex 3 header (序号, 姓名, 性别, 民族, 政治面貌 … 身份证号, 联系电话), or switch to "All sheets" and retry.',
  noFindings: 'No problems found.',
  filterText: 'Filter',
  filterPlaceholder: 'Cell, value or message',
  filterSeverity: 'Level',
  shownOf: (shown: number, total: number) => `Showing ${shown} of ${total}`,
  noMatch: 'No finding matches the filter.',
  ruleGroup: (rule: string, n: number) => `${rule} (${n})`,
  showMore: (n: number) => `Show ${n} more`,
  findingsLabel: 'Findings',
  goToCell: (where: string) => `Go to ${where}`,
  valueLabel: 'Value: ',
  fixLabel: 'Suggestion: ',
  mark: 'Mark',
  markHint: (n: number) => `Colour the cells of the ${n} listed finding${n === 1 ? '' : 's'} and attach the messages`,
  clearMarks: 'Clear marks',
  clearMarksHint: "Restore the marked cells' original fills and remove the add-in's own notes",
  marked: (n: number) => `Marked ${n} cell${n === 1 ? '' : 's'}.`,
  cleared: (n: number) => `Cleared the marks of ${n} cell${n === 1 ? '' : 's'}.`,
  checkedAt: (time: string) => `Checked at ${time}`,

  fillIntro:
    'Fill proposes the changes the check is sure of (No., gender from the ID, cleaned IDs and phones, canonical unit types …). They are listed first and written only after you confirm; existing values that disagree are reported, never overwritten.',
  fillNeedsCheck: 'Not checked yet. Read the sheet and compute the fill list first.',
  computeFill: 'Read and compute the fill list',
  recomputeFill: 'Read again',
  changesHeading: (n: number) => `Changes to write (${n})`,
  noChanges: 'Nothing to fill.',
  colCell: 'Cell',
  colChange: 'Before → after',
  colReason: 'Reason',
  empty: '(empty)',
  selectAll: 'Select all',
  selectChange: (where: string) => `Select ${where}`,
  conflictsHeading: (n: number) => `Conflicts (${n}): reported, not changed`,
  conflictsNote: 'These cells already hold a value that disagrees with the one derived from the ID. Check them and edit by hand.',
  apply: (n: number) => `Apply ${n} change${n === 1 ? '' : 's'}…`,
  confirmTitle: 'Confirm the changes',
  confirmBody: (n: number, sheets: string[]) =>
    `${n} cell${n === 1 ? '' : 's'} will be written in ${sheets.map((x) => `"${x}"`).join(', ')}. Each cell is checked again first: a cell edited since the list was computed is skipped, not overwritten. Conflicts are not changed.`,
  confirmOk: 'Write changes',
  cancel: 'Cancel',
  applied: (n: number) => `Wrote ${n} change${n === 1 ? '' : 's'}.`,
  skippedHeading: (n: number) => `${n} not written: these cells were edited after the list was computed. Read again and confirm.`,
  skippedLine: (where: string, before: string) => `${where} (was "${before}")`,

  templateIntro:
    'Insert a blank Annex 3 nomination summary sheet (collectives and individuals, with the title, form-date line, notes and contact line).',
  templateNote:
    'The ID and phone columns are text-formatted, so an 18-digit number never turns into scientific notation; unit type, gender and ID columns carry Excel data validation (dropdowns, length and check-character tests), so the sheet checks itself in Excel or WPS without the add-in.',
  insertTemplate: 'Insert blank Annex 3',
  templateUnsupported: 'This version of Excel cannot insert template sheets; generate one with: award-tally template annex3',
  templateInserted: (name: string) => `Inserted the sheet "${name}".`,

  insertsHeading: (n: number) => `Input rows to insert (${n}): whole rows are inserted first, the rows below move down`,
  insertLine: (where: string, n: number) => `${n} row${n === 1 ? '' : 's'} at ${where}`,
  insertsUnsupported: 'This host cannot insert rows; the rate formulas of the statistics tables cannot be written yet.',

  quota: {
    intro: 'Counts nominations per region × quota class against the quota table, and per category × sub-category against the places. Over-quota counts are shown in red.',
    sourceLabel: 'Quota source',
    sourceProfile: (name: string) => `Built-in: ${name}`,
    sourceTable: (where: string) => `Quota table in the workbook (${where})`,
    run: 'Read and tally',
    rerun: 'Tally again',
    needsRun: 'Not tallied yet.',
    regionHeading: (n: number) => `By region (${n})`,
    categoryHeading: (n: number) => `By category (${n})`,
    colRegion: 'Region or department',
    colClass: 'Class',
    colCount: 'Count',
    colQuota: 'Quota',
    colPlaces: 'Places',
    colCategory: 'Category / sub-category',
    over: (n: number) => `${n} over`,
    unknown: 'Not in the quota table',
    variants: (v: string) => `Also written: ${v}`,
    noTally: 'No register or Annex 3 nomination table found; nothing to tally.',
    findingsHeading: (n: number) => `Quota findings (${n})`,
    summary: (over: number, unknown: number) => `${over} over quota, ${unknown} region spelling${unknown === 1 ? '' : 's'} not in the quota table.`,
    insertSheet: 'Insert the quota check sheet',
    insertUnsupported: 'This version of Excel cannot insert sheets.',
    inserted: (name: string) => `Inserted the sheet "${name}"; its counts are COUNTIFS formulas that recount when the register changes.`,
    side: { collective: 'Collective', individual: 'Individual', total: 'Total' },
  },

  progress: {
    read: 'Reading sheets…',
    check: 'Checking…',
    mark: 'Marking…',
    clear: 'Clearing marks…',
    apply: 'Writing changes…',
    template: 'Inserting the template…',
    tally: 'Tallying…',
    insertSheet: 'Inserting the quota check sheet…',
    consolidate: 'Consolidating…',
    notice: 'Building the public notice…',
  },
  progressCount: (done: number, total: number) => `${done} / ${total}`,

  errorTitle: 'Not completed',
  errorFallback: (message: string) => `The operation did not complete: ${message}`,
  errorUnknown: 'The operation did not complete: an unknown error occurred. Please retry.',
  errorChunk: 'The operation did not complete: a component failed to load. Check the network and reopen the task pane.',
  errorDetails: 'Details',
  dismiss: 'Dismiss',
  colon: ': ',
};

const STRINGS: Record<Lang, Strings> = { zh, en };

export function strings(lang: Lang): Strings {
  return STRINGS[lang];
}

/** The HTML lang attribute, so the browser picks CJK fonts and hyphenation correctly. */
export function htmlLang(lang: Lang): string {
  return lang === 'zh' ? 'zh-CN' : 'en';
}
