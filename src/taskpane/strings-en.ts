/** The task pane's words in English (same shape as strings-zh.ts, the one catalogue of the pane's UI text). */
import { groupThousands } from './format';
import type { HostErrorCode, HostErrorParams, ProgressUnit, StepKey } from './host-port';
import type { Strings } from './strings-zh';
import type { TemplateKind } from './template-kinds';

const num = groupThousands;
const p = (params: HostErrorParams, k: string) => String(params[k] ?? '');
const s = (n: number, one: string, many = `${one}s`) => (n === 1 ? one : many);

const unreadable: Record<string, string> = {
  xls: 'It is a legacy Excel 97-2003 workbook (.xls): open it in Excel or WPS, save it as "Excel Workbook (*.xlsx)" and open that.',
  'xls-convert': 'It is a legacy Excel 97-2003 workbook (.xls) and could not be converted (an open password, or damage): open it in Excel or WPS and save it as .xlsx.',
  ole2: 'It is a legacy Excel 97-2003 workbook (.xls) or a password-protected one: open it in Excel or WPS, remove the password and save it as "Excel Workbook (*.xlsx)".',
  encrypted: 'The workbook has an open password (encrypted): remove the password in Excel or WPS and save it as .xlsx.',
  xlsb: 'It is an Excel binary workbook (.xlsb): save it in Excel as "Excel Workbook (*.xlsx)".',
  corrupt: 'The file is damaged (its zip structure is incomplete; a download or transfer may have been cut short): get it again, or repair it in Excel/WPS and save it as .xlsx.',
  'not-workbook': 'The file is not an Excel workbook (text, a web page or another format renamed): open it in Excel or WPS and save it as .xlsx.',
  empty: 'The workbook holds no data (no sheets, or all sheets empty): make sure this is the filled-in summary.',
  'too-large': 'The file expands beyond what can be processed and was refused: make sure it is a nomination summary, and split it if need be.',
};

const errors: Record<HostErrorCode, (params: HostErrorParams) => string> = {
  'not-found': (x) =>
    x.sheet
      ? `The sheet "${p(x, 'sheet')}" was not found; it may have been renamed or deleted. Run the check again and retry.`
      : 'The sheet or cell was not found; it may have been renamed or deleted. Run the check again and retry.',
  protected: () => 'The sheet is protected or the workbook is read-only, so Excel refused the change. Unprotect the sheet or save a copy and retry.',
  'cell-editing': () => 'Excel is in cell-edit mode. Press Enter or Esc to finish editing, then retry.',
  'too-large': () => 'The data exceeds what Excel accepts in one request, even after splitting. Narrow the scope (e.g. check the active sheet only) and retry.',
  unsupported: (x) =>
    `This version of Excel does not support the operation${x.version ? ` (${p(x, 'set') || 'ExcelApi'} ${p(x, 'version')} or later is needed)` : ''}. Update Office, or use the browser version or the award-tally command line.`,
  'template-unsupported': (x) =>
    `This version of Excel cannot insert sheets; use the browser version or the command line: award-tally template ${p(x, 'kind') || 'annex3'}`,
  busy: () => 'Excel is busy (calculating, or a dialog is open). Retry in a moment.',
  excel: () => 'Excel reported an error and the operation did not complete; what was not written is unchanged. Please retry; if it keeps failing, send the details to support.',
  host: () => 'The operation did not complete; what was not written is unchanged. Please retry; if it keeps failing, send the details to support.',
  'no-workbook': () => 'No workbook is open. Choose an .xlsx file first.',
  'file-unreadable': (x) =>
    `"${p(x, 'file')}" could not be read; no workbook is open. ${unreadable[p(x, 'reason')] ?? 'Open it in Excel or WPS, save it as .xlsx and retry.'}`,
  'fetch-failed': (x) => `The example file "${p(x, 'file')}" could not be loaded; check the name.`,
};

const steps: Record<StepKey, string> = {
  read: 'Reading sheets',
  check: 'Checking',
  mark: 'Marking',
  clear: 'Clearing marks',
  apply: 'Writing changes',
  template: 'Inserting the template',
  tally: 'Tallying',
  insertSheet: 'Inserting the quota check sheet',
  readFiles: 'Reading the county workbooks',
  consolidate: 'Checking and consolidating',
  writeSheets: 'Writing the master sheets',
  notice: 'Building the public notice',
};

const units: Record<ProgressUnit, [string, string]> = {
  cells: ['cell', 'cells'],
  rows: ['row', 'rows'],
  sheets: ['sheet', 'sheets'],
  changes: ['change', 'changes'],
  steps: ['step', 'steps'],
  files: ['file', 'files'],
};

const templates: Record<TemplateKind, { title: string; intro: string }> = {
  annex3: { title: 'Annex 3 nomination summary', intro: 'Collectives and individuals, with the title, the recommender and form-date line, notes and contact line.' },
  'qc-stats': { title: 'Annex 7 QC-group activity statistics', intro: 'Item, unit, quantity; the participation, result and activity rates are live formulas.' },
  'team-stats': { title: 'Annex 12 trusted-team activity statistics', intro: 'Item, unit, quantity, in the layout of Annex 7.' },
  quota: { title: 'Annex 2 quota table', intro: "Each region's or department's quotas, two-row header, a 总计 row of SUM formulas." },
  register: { title: 'Application register', intro: "The secretariat's list of received applications: region, a category dropdown, name, enterprise …" },
};

export const en: Strings = {
  title: 'Award Tally',
  subtitle: 'Checks nomination summaries and QC statistics tables',
  logoAlt: 'Award Tally icon',
  untitledWorkbook: 'Untitled workbook',

  tabs: { check: 'Check', fill: 'Fill', template: 'Template', quota: 'Quotas', consolidate: 'Consolidate' },
  tabListLabel: 'Features',
  loadingPanel: 'Loading…',

  severity: { error: 'Errors', warning: 'Warnings', info: 'Notes' },
  severityAll: 'All levels',

  award: {
    label: 'Award',
    hint: "Every tab uses this award's rules and places; the choice is saved in the workbook.",
    option: (name: string) => name,
    saveFailed: 'The chosen award could not be saved in the workbook (this check still uses it).',
  },

  scopeLabel: 'Scope',
  scopeActive: 'This sheet',
  scopeAll: 'All sheets',
  runCheck: 'Run check',
  rerunCheck: 'Check again',
  summaryLabel: 'Summary of the check',
  tablesFound: (n: number) => `${n} ${s(n, 'table')} recognised:`,
  tableLine: (where: string, title: string, rows: number) => `${where} (${title}, ${rows} ${s(rows, 'row')})`,
  noTables:
    'No recognisable table was found. Make sure the sheet has the Annex 3 header (序号, 姓名, 性别, 民族, 政治面貌 … 身份证号, 联系电话), or switch to "All sheets" and retry.',
  noFindings: 'No problems found.',
  filterText: 'Filter',
  filterPlaceholder: 'Cell, value or message',
  filterSeverity: 'Level',
  shownOf: (shown: number, total: number) => `Showing ${shown} of ${total}`,
  noMatch: 'No finding matches the filter.',
  ruleCount: (n: number) => `${n}`,
  ruleIdLabel: (id: string) => `rule ${id}`,
  showMore: (n: number) => `Show ${n} more`,
  findingsLabel: 'Findings',
  goToCell: (where: string) => `Go to ${where}`,
  valueLabel: 'Value: ',
  fixLabel: 'Suggestion: ',
  mark: 'Mark',
  markHint: (n: number) => `Colour the cells of the ${n} listed ${s(n, 'finding')} and attach the messages`,
  clearMarks: 'Clear marks',
  clearMarksHint: "Restore the marked cells' original fills and remove the add-in's own notes",
  mergedNotRead:
    'This Excel (below ExcelApi 1.13) cannot read merged cells: a 工作单位 or region merged over several rows counts for its first row only, and the rows below may show "required field missing". Unmerge and fill each row, or check the .xlsx in the browser version or the command line.',
  marked: (n: number) => `Marked ${n} ${s(n, 'cell')}.`,
  cleared: (n: number) => `Cleared the marks of ${n} ${s(n, 'cell')}.`,
  checkedAt: (time: string, award: string) => `Checked at ${time} · ${award}`,

  fillIntro:
    'Fill proposes the changes the check is sure of (No., gender from the ID, cleaned IDs and phones, canonical unit types, the rate formulas of the statistics tables …). They are listed first and written only after you confirm; existing values that disagree are reported, never overwritten.',
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
  conflictsNoteGender: 'These genders disagree with digit 17 of the ID. Check them and edit by hand.',
  conflictsNoteRates: 'These typed rates disagree with the value computed from their input rows, or the cell holds another formula.',
  conflictsNoteOther: 'These cells already hold a value that disagrees with the one fill derives. Check them and edit by hand.',
  replaceRates: (n: number) => `Replace the ${n} disagreeing ${s(n, 'rate')} by formulas…`,
  replaceRatesTitle: 'Replace the disagreeing rates',
  replaceRatesBody: (n: number) =>
    `${n} typed ${s(n, 'rate disagrees', 'rates disagree')} with the value computed from the input rows. Replaced, the cells become live formulas and the typed values are not kept (Excel's Undo brings them back). The fill list is computed again with the replacements listed, and nothing is written before you confirm it.`,
  replaceRatesOk: 'List the replacements',
  replaceRatesOn: 'Replacing the disagreeing rates: the replacements are in the list below.',
  replaceRatesUndo: 'Do not replace',
  apply: (n: number) => `Apply ${n} ${s(n, 'change')}…`,
  confirmTitle: 'Confirm the changes',
  confirmBody: (n: number, sheets: string[], inserts: number) =>
    `${n} ${s(n, 'cell')} will be written in ${sheets.map((x) => `"${x}"`).join(', ')}${inserts ? `, after inserting ${inserts} input ${s(inserts, 'row')}` : ''}. Each cell is checked again first: a cell edited since the list was computed is skipped, not overwritten. Conflicts are not changed.`,
  confirmOk: 'Write changes',
  cancel: 'Cancel',
  applied: (n: number) => `Wrote ${n} ${s(n, 'change')}.`,
  appliedRows: (n: number) => `Inserted ${n} ${s(n, 'row')}.`,
  skippedHeading: (n: number) => `${n} not written: these cells were edited after the list was computed. Read again and confirm.`,
  skippedLine: (where: string, before: string) => `${where} (was "${before}")`,
  insertsHeading: (n: number) => `Input rows to insert (${n}, top to bottom): whole rows are inserted first, the rows below move down`,
  insertLine: (where: string, n: number) => `${n} ${s(n, 'row')} above ${where}`,
  insertsUnsupported: 'This host cannot insert rows; the rate formulas of the statistics tables cannot be written yet.',

  templateIntro:
    'Insert a blank form. ID and phone columns are text-formatted and carry Excel data validation (dropdowns, length and check-character tests), so the sheet checks itself in Excel or WPS without the add-in.',
  templateKindLabel: 'Template',
  templateKinds: templates,
  templateAwardNote: (award: string) => `Title, unit types and categories come from the chosen award: ${award}.`,
  insertTemplate: (kind: TemplateKind) => `Insert the ${templates[kind].title}`,
  templateUnsupported: (kind: TemplateKind) =>
    `This version of Excel cannot insert sheets; use the browser version or the command line: award-tally template ${kind}`,
  templateInserted: (name: string) => `Inserted the sheet "${name}".`,

  quota: {
    intro: 'Counts nominations per region × quota class against the quota table, and per category × sub-category against the places.',
    sourceLabel: 'Quota source',
    sourceAuto: 'Automatic (the workbook’s quota table, else the chosen award)',
    sourceProfile: (name: string) => `Chosen award: ${name}`,
    sourceTable: (where: string) => `Quota table in the workbook (${where})`,
    run: 'Read and tally',
    rerun: 'Tally again',
    needsRun: 'Not tallied yet.',
    problemsHeading: (n: number) => `To deal with (${n})`,
    noProblems: 'No region is over quota or spelled unlike the quota table.',
    regionHeading: (n: number) => `By region (${n})`,
    categoryHeading: (n: number) => `By category (${n})`,
    colCount: 'Count',
    colPlaces: 'Places',
    over: (n: number) => `${n} over`,
    unknown: 'Not in the quota table',
    variants: (v: string) => `Also written: ${v}`,
    noTally: 'No register or Annex 3 nomination table found; nothing to tally.',
    findingsHeading: (n: number) => `Quota findings (${n})`,
    summary: (over: number, unknown: number) => `${over} over quota, ${unknown} region ${s(unknown, 'spelling')} not in the quota table.`,
    emptyRegions: (n: number) => `${n} other ${s(n, 'region')} with no nomination`,
    emptyRegionsList: (list: string) => `None nominated: ${list}`,
    insertSheet: 'Insert the quota check sheet',
    insertUnsupported: 'This version of Excel cannot insert sheets.',
    inserted: (name: string) => `Inserted the sheet "${name}"; its counts are COUNTIFS formulas that recount when the register changes.`,
    side: { collective: 'Collective', individual: 'Individual', total: 'Total' },
  },

  consolidate: {
    intro: 'Pick the workbooks the counties and departments sent: they are read and checked on this computer and their nomination tables consolidated into this workbook (one master sheet per kind, plus the findings, the regions not yet sent and the quota check). Files are never uploaded.',
    pick: 'Choose workbooks…',
    pickLabel: 'County workbooks',
    picked: (n: number) => `${n} file${n === 1 ? '' : 's'} chosen`,
    nonePicked: 'No files chosen yet. You can choose many .xlsx files at once.',
    clear: 'Clear',
    run: (n: number) => `Consolidate ${n} workbook${n === 1 ? '' : 's'}`,
    done: (files: number, rows: string) => `${files} workbook${files === 1 ? '' : 's'} consolidated: ${rows}.`,
    rowsOf: (name: string, n: number) => `${name} ${n} rows`,
    findingsSummary: (e: number, w: number, i: number) => `The check found ${e} errors, ${w} warnings and ${i} notes; see the 核查结果 sheet.`,
    nothingToMerge: 'No 附件3 nomination table or register was found in the chosen files; no master sheet was written.',
    sheetsHeading: 'Sheets written',
    unreadableHeading: (n: number) => `Files that could not be read (${n}); the others were consolidated`,
    duplicatesHeading: (n: number) => `Duplicates across files (${n})`,
    duplicatesNone: 'Nobody is nominated in two files.',
    why: { uscc: 'same credit code', id: 'same ID number', name: 'same organisation name', person: 'same name and employer' },
    goToMaster: (where: string) => `Go to ${where}`,
    from: (file: string) => ` (${file})`,
    missingHeading: (n: number) => `Not sent yet (${n})`,
    missingUnreadable: (file: string) => `the file “${file}” could not be read`,
    renamed: (wanted: string) => `“${wanted}” was taken; written under another name`,
    noticeHeading: 'Public notice (公示)',
    noticeIntro: "Builds the public notice from the nomination table (or master sheet) on the active sheet: only the columns a notice shows; ID numbers and phones masked by the award's policy (by default ID first 6 and last 4, mobile first 3 and last 4).",
    dropId: 'Leave out the ID column',
    dropPhone: 'Leave out the phone column',
    noticeRun: 'Build the notice (active sheet)',
    noticeDone: (sheets: string) => `Written: ${sheets}.`,
    noticeSheet: (name: string, rows: number) => `sheet “${name}” (${rows} rows)`,
    noticeNothing: 'No nomination table on the active sheet. Switch to the sheet with the nominations or the master sheet and try again.',
    noticeLeakNote: 'Remove the full number from the source cell (e.g. typed into the employer or remarks) and build the notice again.',
    unsupported: 'This host cannot insert sheets; the consolidation cannot be written.',
  },

  steps,
  progressCount: (done: number, total: number, unit?: ProgressUnit) =>
    `${num(done)} / ${num(total)}${unit ? ` ${units[unit][total === 1 ? 0 : 1]}` : ''}`,

  errors,
  errorFallback: (message: string) => `The operation did not complete: ${message}`,
  errorUnknown: 'The operation did not complete: an unknown error occurred. Please retry.',
  errorChunk: 'The operation did not complete: a component failed to load. Check the network and reopen the task pane.',
  errorDetails: 'Details',
  dismiss: 'Dismiss',
  colon: ': ',
  listSep: ', ',
};
