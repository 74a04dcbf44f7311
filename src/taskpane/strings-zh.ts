/**
 * The task pane's words in Chinese: the one catalogue of the pane's UI text (English: strings-en.ts, same shape).
 * Hosts send step keys and error codes; they are worded here.
 */
import { groupThousands } from './format';
import type { HostErrorCode, HostErrorParams, ProgressUnit, StepKey } from './host-port';
import type { TemplateKind } from './template-kinds';

const num = groupThousands;
const p = (params: HostErrorParams, k: string) => String(params[k] ?? '');

/** Why a chosen file could not be read (src/xlsx/errors.ts ReadErrorCode, 'ole2' of the preview's sniffing). */
const unreadable: Record<string, string> = {
  xls: '这是旧版 Excel 97-2003 工作簿（.xls），无法直接读取：请在 Excel 或 WPS 中打开，另存为“Excel 工作簿（*.xlsx）”后再打开。',
  'xls-convert': '这是旧版 Excel 97-2003 工作簿（.xls），转换失败（可能设有打开密码或已损坏）：请在 Excel 或 WPS 中打开，另存为 .xlsx 后再打开。',
  ole2: '这是旧版 Excel 97-2003 工作簿（.xls）或设有打开密码的工作簿，无法读取：请在 Excel 或 WPS 中打开，删除打开密码并另存为“Excel 工作簿（*.xlsx）”后再打开。',
  encrypted: '该工作簿设有打开密码（已加密），无法读取：请在 Excel 或 WPS 中删除密码，另存为 .xlsx 后再打开。',
  xlsb: '这是 Excel 二进制工作簿（.xlsb），无法读取：请在 Excel 中另存为“Excel 工作簿（*.xlsx）”后再打开。',
  corrupt: '文件已损坏（压缩包结构不完整，可能下载或传输未完成）：请重新获取原文件，或在 Excel/WPS 中打开修复后另存为 .xlsx。',
  'not-workbook': '该文件不是 Excel 工作簿（可能是文本、网页或其他格式改了扩展名）：请在 Excel 或 WPS 中打开，另存为 .xlsx 后再打开。',
  empty: '工作簿中没有任何数据（没有工作表或所有工作表均为空）：请确认选的是填写好的汇总表。',
  'too-large': '文件解压后的内容超出了可处理的上限，已拒绝读取：请确认这是推荐汇总表，必要时拆分后再打开。',
};

const errors: Record<HostErrorCode, (params: HostErrorParams) => string> = {
  'not-found': (x) =>
    x.sheet ? `找不到工作表“${p(x, 'sheet')}”，可能已被重命名或删除。请重新检查后再试。` : '找不到要处理的工作表或单元格，可能已被重命名或删除。请重新检查后再试。',
  protected: () => '工作表受保护或工作簿为只读，Excel 拒绝了修改。请撤销工作表保护或另存一份后再试。',
  'cell-editing': () => 'Excel 正在编辑单元格。请先按 Enter 或 Esc 结束编辑，再重试。',
  'too-large': () => '数据量超出了 Excel 单次请求的上限，已拆分仍未成功。请缩小范围（例如只检查当前工作表）后再试。',
  unsupported: (x) =>
    `此版本的 Excel 不支持该操作${x.version ? `（需要 ${p(x, 'set') || 'ExcelApi'} ${p(x, 'version')} 或更高版本）` : ''}。请更新 Office，或使用浏览器版、命令行 award-tally。`,
  'template-unsupported': (x) =>
    `此版本的 Excel 不支持插入工作表，请使用浏览器版或命令行 award-tally template ${p(x, 'kind') || 'annex3'} 生成。`,
  busy: () => 'Excel 正忙（可能正在计算或有对话框打开），请稍后重试。',
  excel: () => 'Excel 报告了一个错误，操作未完成，工作表中未写入的部分保持原样。请重试；如仍失败，请把“详细信息”发给维护人员。',
  host: () => '操作未完成，工作簿中未写入的部分保持原样。请重试；如仍失败，请把“详细信息”发给维护人员。',
  'no-workbook': () => '尚未打开工作簿。请先选择一个 .xlsx 文件。',
  'file-unreadable': (x) =>
    `无法读取“${p(x, 'file')}”，未打开任何工作簿。${unreadable[p(x, 'reason')] ?? '请在 Excel 或 WPS 中打开它，另存为 .xlsx 后再试。'}`,
  'fetch-failed': (x) => `无法载入示例文件“${p(x, 'file')}”，请确认文件名正确。`,
};

const steps: Record<StepKey, string> = {
  read: '正在读取工作表',
  check: '正在检查',
  mark: '正在标注',
  clear: '正在清除标注',
  apply: '正在写入修改',
  template: '正在插入模板',
  tally: '正在统计名额',
  insertSheet: '正在插入名额核对表',
  readFiles: '正在读取各县工作簿',
  consolidate: '正在核查并汇总',
  writeSheets: '正在写入汇总工作表',
  notice: '正在生成公示名单',
};

const units: Record<ProgressUnit, string> = { cells: '个单元格', rows: '行', sheets: '张工作表', changes: '处修改', steps: '步', files: '个文件' };

const templates: Record<TemplateKind, { title: string; intro: string }> = {
  annex3: {
    title: '附件3 推荐对象汇总表',
    intro: '先进集体与先进个人两部分，含标题、推荐单位与填表日期行、备注与联系人行。',
  },
  'qc-stats': { title: '附件7 质量管理小组活动统计表', intro: '统计项目、单位、数量；普及率、成果率、活动率为实时公式。' },
  'team-stats': { title: '附件12 质量信得过班组活动统计表', intro: '统计项目、单位、数量，与附件7 同样的版式。' },
  quota: { title: '附件2 推荐名额表', intro: '各地区、部门的名额，两行表头，“总计”行为求和公式。' },
  register: { title: '申报登记表', intro: '秘书处登记收到的申报：推荐地区或部门、类别下拉、名称、企业名称等。' },
};

export const zh = {
  title: '评优汇总核查',
  subtitle: '推荐汇总表与 QC 统计表核查',
  logoAlt: '评优汇总核查图标',
  untitledWorkbook: '未命名工作簿',

  tabs: { check: '检查', fill: '填充', template: '模板', quota: '名额', consolidate: '汇总' },
  tabListLabel: '功能',
  loadingPanel: '正在加载…',

  severity: { error: '错误', warning: '警告', info: '提示' },
  severityAll: '全部级别',

  // The award (profile) of 检查 and 名额, kept in the workbook.
  award: {
    label: '评选项目',
    hint: '各项功能都按此项目的规则与名额进行；选择随工作簿保存。',
    option: (name: string) => name,
    saveFailed: '未能把所选项目保存到工作簿中（本次仍按所选项目检查）。',
  },

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
  ruleCount: (n: number) => `${n} 条`,
  ruleIdLabel: (id: string) => `规则 ${id}`,
  showMore: (n: number) => `再显示 ${n} 条`,
  findingsLabel: '问题列表',
  goToCell: (where: string) => `定位到 ${where}`,
  valueLabel: '内容：',
  fixLabel: '建议：',
  mark: '标注',
  markHint: (n: number) => `在工作表中为列出的 ${n} 条问题所在单元格着色并附上说明`,
  clearMarks: '清除标注',
  clearMarksHint: '恢复被标注单元格原来的填充色，删除加载项添加的批注',
  mergedNotRead:
    '此版本 Excel（低于 ExcelApi 1.13）无法读取合并单元格：合并在几行上的工作单位、地区等只算在首行，其下各行可能提示「必填项缺失」。可取消合并并逐行填写，或用网页版 / 命令行检查 .xlsx 文件。',
  marked: (n: number) => `已标注 ${n} 个单元格。`,
  cleared: (n: number) => `已清除 ${n} 个单元格的标注。`,
  checkedAt: (time: string, award: string) => `检查时间 ${time} · ${award}`,

  // Fill panel
  fillIntro:
    '填充根据检查结果给出可以确定的修改（序号、由身份证号得出的性别、清理后的身份证号与电话、规范的单位性质、统计表的比率公式等）。先列出清单，确认后才写入；与推算结果不一致的原有内容只报告，不会被覆盖。',
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
  conflictsNoteGender: '这些性别与身份证号第 17 位推算的结果不一致。请人工核实后自行修改。',
  conflictsNoteRates: '这些比率的填写值与由输入行计算的结果不一致，或单元格中已有其他公式。',
  conflictsNoteOther: '这些单元格已有内容，与填充推算的结果不一致。请人工核实后自行修改。',
  replaceRates: (n: number) => `用公式替换这 ${n} 个不一致的比率…`,
  replaceRatesTitle: '替换不一致的比率',
  replaceRatesBody: (n: number) =>
    `${n} 个比率的填写值与由输入行计算的结果不一致。替换后这些单元格改为实时公式，原填写值不再保留（可用 Excel 的撤销恢复）。确认后重新计算填充清单，替换项将列入待写入的修改，仍需再次确认才写入。`,
  replaceRatesOk: '列入替换',
  replaceRatesOn: '已选择替换不一致的比率：替换项已列入下方清单。',
  replaceRatesUndo: '不替换',
  apply: (n: number) => `应用 ${n} 处修改…`,
  confirmTitle: '确认写入修改',
  confirmBody: (n: number, sheets: string[], inserts: number) =>
    `将向${sheets.map((x) => `“${x}”`).join('、')}写入 ${n} 个单元格${inserts ? `，并先插入 ${inserts} 行输入行` : ''}。写入时会再次核对每个单元格：自计算清单以来被改动过的单元格将跳过，不会覆盖。冲突项不会改动。`,
  confirmOk: '确认写入',
  cancel: '取消',
  applied: (n: number) => `已写入 ${n} 处修改。`,
  appliedRows: (n: number) => `已插入 ${n} 行。`,
  skippedHeading: (n: number) => `${n} 处未写入：这些单元格在计算清单后已被修改，请重新读取后再确认。`,
  skippedLine: (where: string, before: string) => `${where}（计算时为“${before}”）`,
  insertsHeading: (n: number) => `插入输入行（${n} 处，自上而下）：确认后先插入整行，下方内容随之下移`,
  insertLine: (where: string, n: number) => `在 ${where} 之上插入 ${n} 行`,
  insertsUnsupported: '此主机不支持插入行，统计表的比率公式暂不能写入。',

  // Template panel
  templateIntro: '插入一张空白的表格模板。身份证号与电话列为文本格式，带 Excel 数据验证（下拉列表、长度与校验码检查），在未安装加载项的 Excel 或 WPS 中也能自行检查。',
  templateKindLabel: '模板',
  templateKinds: templates,
  templateAwardNote: (award: string) => `标题、单位性质与类别取自所选评选项目：${award}。`,
  insertTemplate: (kind: TemplateKind) => `插入${templates[kind].title}`,
  templateUnsupported: (kind: TemplateKind) =>
    `此版本的 Excel 不支持插入工作表，请使用浏览器版或命令行 award-tally template ${kind} 生成。`,
  templateInserted: (name: string) => `已插入工作表“${name}”。`,

  quota: {
    intro: '按地区 × 名额类别统计推荐数，与名额表比对；按类别 × 子类与评选名额比对。',
    sourceLabel: '名额来源',
    sourceAuto: '自动（工作簿中的名额表，否则按所选项目）',
    sourceProfile: (name: string) => `所选项目：${name}`,
    sourceTable: (where: string) => `工作簿中的名额表（${where}）`,
    run: '读取并统计',
    rerun: '重新统计',
    needsRun: '尚未统计。',
    problemsHeading: (n: number) => `需要处理（${n}）`,
    noProblems: '没有超出名额或写法不在名额表中的地区。',
    regionHeading: (n: number) => `按地区（${n}）`,
    categoryHeading: (n: number) => `按类别（${n}）`,
    colCount: '推荐数',
    colPlaces: '评选名额',
    over: (n: number) => `超出 ${n}`,
    unknown: '不在名额表中',
    variants: (v: string) => `含写法：${v}`,
    noTally: '没有找到推荐登记表或附件3 推荐表，无法统计。',
    findingsHeading: (n: number) => `名额问题（${n}）`,
    summary: (over: number, unknown: number) => `${over} 项超出名额，${unknown} 个地区写法不在名额表中。`,
    emptyRegions: (n: number) => `其余 ${n} 个地区没有推荐`,
    emptyRegionsList: (list: string) => `未推荐：${list}`,
    insertSheet: '插入名额核对表',
    insertUnsupported: '此版本的 Excel 不支持插入工作表。',
    inserted: (name: string) => `已插入工作表“${name}”，推荐数为 COUNTIFS 公式，随登记表的修改自动重算。`,
    side: { collective: '集体', individual: '个人', total: '合计' },
  },

  // 汇总 panel (consolidation and the 公示 list)
  consolidate: {
    intro: '选择各县（市）、各部门报来的工作簿：在本机读取、核查，把推荐表汇总到当前工作簿（每类一张汇总表，另加核查结果、未报送和名额核对）。文件不会上传。',
    pick: '选择工作簿…',
    pickLabel: '各县（市）工作簿',
    picked: (n: number) => `已选择 ${n} 个文件`,
    nonePicked: '尚未选择文件。可一次选择多个 .xlsx 文件。',
    clear: '清空',
    run: (n: number) => `汇总 ${n} 个工作簿`,
    done: (files: number, rows: string) => `已汇总 ${files} 个工作簿：${rows}。`,
    rowsOf: (name: string, n: number) => `${name} ${n} 行`,
    findingsSummary: (e: number, w: number, i: number) => `核查发现 ${e} 个错误、${w} 个警告、${i} 条提示，详见“核查结果”工作表。`,
    nothingToMerge: '所选文件中没有找到附件3 推荐表或申报登记表，未写入汇总表。',
    sheetsHeading: '已写入的工作表',
    unreadableHeading: (n: number) => `无法读取的文件（${n}）：其余文件已汇总`,
    duplicatesHeading: (n: number) => `跨文件重复（${n}）`,
    duplicatesNone: '未发现跨文件重复推荐。',
    why: { uscc: '统一社会信用代码相同', id: '身份证号相同', name: '单位名称相同', person: '姓名与工作单位相同' },
    goToMaster: (where: string) => `定位到 ${where}`,
    from: (file: string) => `（${file}）`,
    missingHeading: (n: number) => `未报送（${n}）`,
    missingUnreadable: (file: string) => `来件“${file}”无法读取`,
    renamed: (wanted: string) => `“${wanted}”已被占用，已另起名称`,
    noticeHeading: '公示名单',
    noticeIntro: '由当前工作表中的推荐表（或汇总表）生成公示名单：只保留公示所需的列，身份证号、电话按评选项目的脱敏规则处理（默认身份证号保留前 6 位和后 4 位，手机号保留前 3 位和后 4 位）。',
    dropId: '不含身份证号列',
    dropPhone: '不含联系电话列',
    noticeRun: '生成公示名单（当前工作表）',
    noticeDone: (sheets: string) => `已写入${sheets}。`,
    noticeSheet: (name: string, rows: number) => `工作表“${name}”（${rows} 行）`,
    noticeNothing: '当前工作表中没有找到推荐表。请切换到推荐表或汇总表所在的工作表后再试。',
    noticeLeakNote: '请先删除原表中的完整号码（例如写在工作单位或备注中的号码），再重新生成。',
    unsupported: '此主机不支持插入工作表，无法写入汇总结果。',
  },

  steps,
  progressCount: (done: number, total: number, unit?: ProgressUnit) => `${num(done)} / ${num(total)}${unit ? ` ${units[unit]}` : ''}`,

  errors,
  errorFallback: (message: string) => `操作未完成：${message}`,
  errorUnknown: '操作未完成：发生了未知错误，请重试。',
  errorChunk: '操作未完成：组件加载失败，请检查网络连接后重新打开任务窗格。',
  errorDetails: '详细信息',
  dismiss: '关闭',
  colon: '：',
  listSep: '、',
};

/** The shape every language's catalogue has. */
export type Strings = typeof zh;
