/**
 * The quota side of the xinjiang-2019 QC notice:
 *
 * - `qc.quota` — 附件2 推荐名额表: 序号, 地区或部门, 质量管理活动 {小组数, 发表小组数} (a merged parent over two
 *   sub-columns, i.e. a two-row header), 质量信得过班组数, and a last row `总  计`. The total row is part of the
 *   located table's rows; `quotaRows` tells it apart from the regions.
 * - `qc.register` — the secretariat's list of received applications (not in the seeds; the product's own
 *   template): one row per application with its region and 类别. Optional columns carry what the quota, roster
 *   and share rules of the other profiles need (成员名单, 贡献率, 职务, 企业规模 …).
 *
 * Labels are the seed's; synonyms are the variants people type.
 */
import { cellText, compactText } from '../normalize';
import type { CellValue, Sheet } from '../grid';
import type { LocatedTable } from '../table';
import { formDefSchema, type FormDef } from './form';

export const qcQuota: FormDef = formDefSchema.parse({
  kind: 'qc.quota',
  title: { zh: '推荐名额表', en: 'Quota table' },
  source: 'xinjiang-2019 附件2',
  columns: [
    { role: 'seq', label: '序号', labelEn: 'No.', synonyms: ['编号'], required: false },
    {
      role: 'region',
      label: '地区或部门',
      labelEn: 'Region or department',
      synonyms: ['地区、部门', '地区/部门', '地区(部门)', '推荐地区或部门', '推荐地区、部门', '地区', '部门', '地区名称'],
      required: true,
    },
    // Under the merged 质量管理活动; `locate` joins parent + child labels, so both spellings are listed.
    {
      role: 'groups',
      label: '小组数',
      labelEn: 'QC groups',
      synonyms: ['质量管理活动小组数', '质量管理小组数', 'QC小组数', '推荐小组数'],
      required: true,
    },
    {
      role: 'presenting',
      label: '发表小组数',
      labelEn: 'Groups presenting',
      synonyms: ['质量管理活动发表小组数', '发表数', '与会发表小组数'],
      required: true,
    },
    {
      role: 'teams',
      label: '质量信得过班组数',
      labelEn: 'Trusted teams',
      synonyms: ['质量信得过班组', '信得过班组数', '班组数'],
      required: true,
    },
  ],
  identifying: ['region', 'groups'],
  totalRows: 'keep',
  minMatches: 3,
});

/** 类别 of an application (xinjiang-2019 附件1 一–六). */
export const QC_CATEGORIES = [
  '优秀质量管理小组',
  '质量信得过班组',
  '质量管理小组活动优秀企业',
  '质量管理小组活动推进者',
  '质量信得过班组建设优秀企业',
  '质量信得过班组建设先进个人',
] as const;

export const qcRegister: FormDef = formDefSchema.parse({
  kind: 'qc.register',
  title: { zh: '申报登记表', en: 'Register of applications' },
  source: 'SPEC §2 qc.register (the product’s template)',
  columns: [
    { role: 'seq', label: '序号', labelEn: 'No.', synonyms: ['编号'], required: false },
    {
      role: 'region',
      label: '推荐地区或部门',
      labelEn: 'Recommending region or department',
      synonyms: ['推荐地区、部门', '推荐地区/部门', '推荐地区(部门)', '地区或部门', '推荐单位', '推荐地区', '推荐部门'],
      required: true,
    },
    { role: 'category', label: '类别', labelEn: 'Category', synonyms: ['申报类别', '奖项类别', '推荐类别', '奖项'], required: true },
    { role: 'subcategory', label: '子类', labelEn: 'Sub-category', synonyms: ['等级', '奖项等级', '细分类别'], required: false },
    {
      role: 'name',
      label: '名称',
      labelEn: 'Name',
      synonyms: ['申报名称', '小组名称', '班组名称', 'QC小组名称', '小组或班组名称', '名称(姓名)', '名称/姓名', '项目名称'],
      required: true,
    },
    {
      role: 'enterprise',
      label: '企业名称',
      labelEn: 'Enterprise',
      synonyms: ['单位名称', '企业(单位)名称', '所在企业', '工作单位', '申报单位'],
      required: true,
    },
    { role: 'uscc', label: '统一社会信用代码', labelEn: 'Unified social credit code', synonyms: ['社会信用代码', '信用代码'], required: false },
    { role: 'residentId', label: '身份证号', labelEn: 'ID number', synonyms: ['身份证号码', '公民身份号码'], required: false },
    { role: 'position', label: '职务', labelEn: 'Position', synonyms: ['职务职称', '职务(职称)'], required: false },
    { role: 'scale', label: '企业规模', labelEn: 'Enterprise size', synonyms: ['规模'], required: false },
    {
      role: 'presenting',
      label: '是否与会发表',
      labelEn: 'Presenting',
      synonyms: ['是否发表', '与会发表', '是否参加发布会', '是否参加发表'],
      required: false,
    },
    { role: 'members', label: '成员人数', labelEn: 'Members', synonyms: ['小组人数', '班组人数', '人数', '起草人数'], required: false },
    {
      role: 'roster',
      label: '成员名单',
      labelEn: 'Roster',
      synonyms: ['小组成员名单', '班组成员名单', '主要起草人', '主要起草人员'],
      required: false,
    },
    { role: 'shares', label: '贡献率', labelEn: 'Contribution shares', synonyms: ['贡献率(%)', '贡献率%', '个人贡献率'], required: false },
    {
      role: 'lastAwardYear',
      label: '曾获质量奖年份',
      labelEn: 'Year of a previous quality award',
      synonyms: ['获奖年份', '上次获奖年份', '曾获奖年份'],
      required: false,
    },
    { role: 'remark', label: '备注', labelEn: 'Remarks', synonyms: ['说明'], required: false },
  ],
  identifying: ['region', 'category', 'name'],
  minMatches: 4,
});

const TOTAL_LABEL = /^(总计|合计|共计|总数|全部合计)[:：]?$/;

/** True when a cell reads 总计 / 合计 (after removing spaces: `总  计`). */
export function isTotalLabel(text: string): boolean {
  return TOTAL_LABEL.test(compactText(text));
}

/** 地州市小计, 行业部门小计, 小计, 小 计: a group's subtotal, neither a region nor the table's total (SPEC §2). */
export function isSubtotalLabel(text: string): boolean {
  const s = compactText(text);
  return s.length <= 16 && /小计[:：]?$/.test(s);
}

export interface QuotaRows {
  /** Region rows (0-based sheet rows), in order. */
  regions: number[];
  /** The 总计/合计 row, or null when the table has none. */
  total: number | null;
  /** 小计 rows (地州市小计, 行业部门小计 …): not regions, not part of the sum the total is compared with. */
  subtotals: number[];
}

/** Split a located qc.quota table into its region rows and its total row (总计 in 地区或部门 or in 序号). */
export function quotaRows(sheet: Sheet, table: LocatedTable): QuotaRows {
  const regions: number[] = [];
  const subtotals: number[] = [];
  let total: number | null = null;
  const regionCol = table.columns.region;
  const seqCol = table.columns.seq;
  for (const row of table.rows) {
    const labels = [regionCol, seqCol].filter((c) => c !== undefined).map((c) => cellText(sheet.value(row, c)));
    // A merged `合计` over 序号 and 地区或部门 may sit in the leftmost cell of the table.
    if (seqCol === undefined && table.left < (regionCol ?? 0)) labels.push(cellText(sheet.value(row, table.left)));
    if (labels.some(isSubtotalLabel)) subtotals.push(row);
    else if (labels.some(isTotalLabel)) total = row;
    else regions.push(row);
  }
  return { regions, total, subtotals };
}

/**
 * A count as typed in a quota cell: a number, or digits with stray spaces (`4 `, ` 247`, full-width digits) or with
 * their unit (`16人`, `4个`).
 * null for an empty cell, NaN for anything else.
 */
export function quotaNumber(v: CellValue): number | null {
  if (v === null) return null;
  if (typeof v === 'number') return v;
  const s = compactText(cellText(v));
  if (s === '') return null;
  // Counts typed with their unit (`16人`, `12个`, SPEC §4) are counts.
  const m = /^(\d+)(\.0+)?(人|个|名|位|家|项|组)?$/.exec(s);
  return m ? Number(m[1]) : NaN;
}
