/**
 * The two vertical statistics forms of the xinjiang-2019 notice: 附件7 质量管理小组活动统计表 and 附件12 质量信得过
 * 班组活动统计表. Both have the header 统计项目 / 单位 / 数量 and one item per row; the locator
 * (src/core/locate-vertical.ts) finds the header, matches each row's label to an item and tells the two forms apart
 * by their items and the title above.
 *
 * Labels are the seed's, character for character (spacing aside). `synonyms` are other wordings compared after the
 * same normalisation; `keywords` catch rewordings the synonyms do not list (see `itemKey` / `matchItem` in
 * locate-vertical.ts for the rule).
 *
 * Rates (SPEC §4). The seed prints 普及率 and 成果率 with their formulas in the label:
 *   本年度QC小组普及率=参加QC小组人数/职工总数x100%        (附件7, seed line 518)
 *   本年度QC小组成果率=取得成果小组数/QC小组注册数x100%    (附件7, seed line 530)
 * and the award criteria also name 活动率 = 本年度坚持活动的QC小组数 / 本年度已登记注册QC小组数. The inputs
 * 参加QC小组人数, 职工总数 and 取得成果小组数 are not rows of the printed form: they are items with origin 'input',
 * inserted by fill directly under the rate they feed.
 */
import { formDefSchema, type FormDef } from './form';

/** The header cells of both forms (and of reworded copies: 项目 / 指标, 数值 / 填报数). */
const header = [
  { role: 'label', label: '统计项目', labelEn: 'Item', synonyms: ['项目', '指标', '统计指标', '项目名称', '指标名称', '统计内容'], required: true },
  { role: 'unit', label: '单位', labelEn: 'Unit', synonyms: ['计量单位', '单位名称'], required: false },
  { role: 'value', label: '数量', labelEn: 'Value', synonyms: ['数值', '填报数', '填报数值', '数据', '本年度数', '本年数', '统计数', '数'], required: true },
];

/** Items present on both forms: they do not tell the forms apart. */
const conferenceHeld = {
  role: 'conferenceHeld', label: '是否组织发表会', labelEn: 'Presentation meeting held', unit: '', type: 'checkbox',
  synonyms: ['是否召开发表会', '是否举办发表会', '组织发表会', '是否组织成果发表会'], keywords: [['是否', '发表会']], shared: true,
} as const;
const conferenceTimePlace = {
  role: 'conferenceTimePlace', label: '发表会时间、地点', labelEn: 'Meeting date and place', unit: '', type: 'text',
  synonyms: ['发表会时间地点', '发表会时间及地点', '发表会的时间、地点', '时间、地点'], keywords: [['时间', '地点']], shared: true,
} as const;
const attendees = {
  role: 'attendees', label: '参会人数', labelEn: 'Attendees', unit: '人', type: 'count',
  synonyms: ['参加发表会人数', '参会人员数', '与会人数', '参会人员'], keywords: [['参会'], ['与会']], shared: true,
} as const;
const department = {
  role: 'department', label: 'QC小组/质量信得过班组工作归口部门及负责人', labelEn: 'Responsible department and head', unit: '', type: 'text',
  synonyms: ['归口部门及负责人', '工作归口部门及负责人'], keywords: [['归口部门']], shared: true,
} as const;
/** The contact line `联 系 人：… 手机：… 邮箱：…` and `通信地址：… 邮编：…`: label：value pairs inside one cell. */
const contacts = [
  { role: 'contactName', label: '联系人', labelEn: 'Contact', unit: '', type: 'text', shared: true },
  { role: 'contactMobile', label: '手机', labelEn: 'Mobile', unit: '', type: 'text', synonyms: ['手机号', '联系电话', '电话'], shared: true },
  { role: 'contactEmail', label: '邮箱', labelEn: 'E-mail', unit: '', type: 'text', synonyms: ['电子邮箱', 'E-mail', 'Email'], shared: true },
  { role: 'address', label: '通信地址', labelEn: 'Postal address', unit: '', type: 'text', synonyms: ['通讯地址', '地址'], shared: true },
  { role: 'postcode', label: '邮编', labelEn: 'Postcode', unit: '', type: 'text', synonyms: ['邮政编码'], shared: true },
] as const;

/** Roles of the contact fields, read as `label：value` pairs (locate-vertical.ts). */
export const CONTACT_ROLES: readonly string[] = contacts.map((c) => c.role);

export const qcActivityStats: FormDef = formDefSchema.parse({
  kind: 'qc.activity-stats',
  title: { zh: '质量管理小组活动统计表', en: 'QC group activity statistics' },
  source: 'xinjiang-2019 附件7',
  layout: 'vertical',
  columns: header,
  identifying: ['label', 'value'],
  minMatches: 2,
  titles: ['附件7', '质量管理小组活动统计表', 'QC小组活动统计表'],
  items: [
    {
      role: 'cumulativeGroups', label: '历年来已登记注册QC小组累计数', labelEn: 'QC groups registered to date (cumulative)', unit: '个', type: 'count',
      synonyms: ['历年已登记注册QC小组累计数', 'QC小组累计数', '累计注册QC小组数', '历年累计注册QC小组数', '已登记注册QC小组累计数'],
      keywords: [['累计', '小组']], exclude: ['班组'],
    },
    {
      role: 'registeredGroups', label: '本年度已登记注册QC小组数', labelEn: 'QC groups registered this year', unit: '个', type: 'count',
      synonyms: ['已注册QC小组数', '注册QC小组数', 'QC小组注册数', '登记注册QC小组数', '已登记QC小组数'],
      keywords: [['注册', '小组'], ['登记', '小组']], exclude: ['累计', '历年', '班组', '率'],
    },
    {
      role: 'popularityRate', label: '本年度QC小组普及率', labelEn: 'QC group participation rate', unit: '百分数', type: 'rate',
      synonyms: ['QC小组普及率', '普及率'], keywords: [['普及率']],
    },
    {
      role: 'participants', label: '参加QC小组人数', labelEn: 'Employees in QC groups', unit: '人', type: 'count', origin: 'input',
      synonyms: ['参加QC小组活动人数', 'QC小组成员人数', '参与QC小组人数', '参加QC小组活动的人数', 'QC小组成员数'],
      keywords: [['参加', '人数'], ['参与', '人数'], ['成员', '人']], exclude: ['参会', '发表会', '班组', '员工'],
    },
    {
      role: 'employees', label: '职工总数', labelEn: 'Total employees', unit: '人', type: 'count', origin: 'input',
      synonyms: ['职工人数', '职工总人数', '全体职工人数', '员工总数', '企业职工总数', '从业人员数'],
      keywords: [['职工'], ['员工总数']], exclude: ['平均', '参加', '参与', '班组'],
    },
    {
      role: 'activeGroups', label: '本年度坚持活动的QC小组数', labelEn: 'QC groups active all year', unit: '个', type: 'count',
      synonyms: ['坚持活动的QC小组数', '坚持活动QC小组数', '正常活动的QC小组数', '坚持活动的小组数'],
      keywords: [['坚持活动'], ['正常活动']], exclude: ['率'],
    },
    {
      role: 'activityRate', label: '本年度QC小组活动率', labelEn: 'QC group activity rate', unit: '百分数', type: 'rate', origin: 'extra',
      synonyms: ['QC小组活动率', '活动率'], keywords: [['活动率']],
    },
    {
      role: 'economicBenefit', label: '本年度QC小组创可计算的经济效益', labelEn: 'Quantifiable economic benefit', unit: '元', type: 'money',
      synonyms: ['QC小组创可计算的经济效益', '可计算的经济效益', '创可计算经济效益', '经济效益'], keywords: [['经济效益']],
    },
    {
      role: 'achievementRate', label: '本年度QC小组成果率', labelEn: 'QC group achievement rate', unit: '百分数', type: 'rate',
      synonyms: ['QC小组成果率', '成果率'], keywords: [['成果率']],
    },
    {
      role: 'achievedGroups', label: '取得成果小组数', labelEn: 'Groups with results', unit: '个', type: 'count', origin: 'input',
      synonyms: ['取得成果的QC小组数', '取得成果的小组数', '取得成果QC小组数', '有成果的小组数', '成果小组数'],
      keywords: [['取得成果'], ['成果', '小组数']], exclude: ['率', '发表'],
    },
    {
      role: 'funding', label: '本年度企业对QC小组活动经费投入', labelEn: 'Company funding of QC activities', unit: '元', type: 'money',
      synonyms: ['企业对QC小组活动经费投入', 'QC小组活动经费投入', '活动经费投入', '经费投入'], keywords: [['经费'], ['投入']], exclude: ['奖励'],
    },
    {
      role: 'rewards', label: '本年度企业对QC小组活动奖励费用', labelEn: 'Company rewards for QC activities', unit: '元', type: 'money',
      synonyms: ['企业对QC小组活动奖励费用', 'QC小组活动奖励费用', '奖励费用'], keywords: [['奖励']],
    },
    {
      role: 'diagnosticians', label: '具备QC小组活动诊断师资格人数', labelEn: 'Certified QC diagnosticians (national/regional)', unit: '人', type: 'pair',
      synonyms: ['QC小组活动诊断师人数', '诊断师资格人数', '诊断师人数'], keywords: [['诊断师']],
    },
    {
      role: 'features', label: '本年度QC小组活动主要特点与建议', labelEn: 'Main features and suggestions', unit: '', type: 'text',
      synonyms: ['QC小组活动主要特点与建议', '主要特点与建议', '主要特点和建议'], keywords: [['特点']],
    },
    conferenceHeld,
    {
      role: 'presentedGroups', label: '发表小组数', labelEn: 'Groups presenting', unit: '个', type: 'count',
      synonyms: ['发表QC小组数', '发表的小组数', '发表的QC小组数'], keywords: [['发表', '小组数']], exclude: ['班组', '是否'],
    },
    conferenceTimePlace,
    attendees,
    department,
    ...contacts,
  ],
  rates: [
    { role: 'popularityRate', numerator: [{ role: 'participants' }], denominator: ['employees'], percent: true, range: '0-100', source: 'xinjiang-2019 附件7: 普及率=参加QC小组人数/职工总数x100%' },
    { role: 'activityRate', numerator: [{ role: 'activeGroups' }], denominator: ['registeredGroups'], percent: true, range: '0-100', source: 'SPEC §4: 活动率 = 本年度坚持活动的QC小组数 / 本年度已登记注册QC小组数' },
    { role: 'achievementRate', numerator: [{ role: 'achievedGroups' }], denominator: ['registeredGroups'], percent: true, range: '0-100', source: 'xinjiang-2019 附件7: 成果率=取得成果小组数/QC小组注册数x100%' },
  ],
  limits: [
    { part: 'registeredGroups', whole: 'cumulativeGroups' },
    { part: 'activeGroups', whole: 'registeredGroups' },
    { part: 'achievedGroups', whole: 'registeredGroups' },
    { part: 'presentedGroups', whole: 'registeredGroups' },
    { part: 'participants', whole: 'employees' },
  ],
});

export const qcTeamStats: FormDef = formDefSchema.parse({
  kind: 'qc.team-stats',
  title: { zh: '质量信得过班组活动统计表', en: 'Trusted quality team statistics' },
  source: 'xinjiang-2019 附件12',
  layout: 'vertical',
  columns: header,
  identifying: ['label', 'value'],
  minMatches: 2,
  titles: ['附件12', '质量信得过班组活动统计表', '信得过班组活动统计表'],
  items: [
    {
      role: 'teamsThisYear', label: '本年度开展质量信得过班组数', labelEn: 'Trusted teams active this year', unit: '个', type: 'count',
      synonyms: ['开展质量信得过班组数', '本年度质量信得过班组数', '开展质量信得过班组活动的班组数'],
      keywords: [['开展', '班组数']], exclude: ['累计', '历年', '推荐', '发表', '员工'],
    },
    {
      role: 'teamsCumulative', label: '历年质量信得过班组累计数', labelEn: 'Trusted teams to date (cumulative)', unit: '个', type: 'count',
      synonyms: ['质量信得过班组累计数', '历年来质量信得过班组累计数', '累计质量信得过班组数'], keywords: [['累计', '班组']],
    },
    {
      role: 'teamEmployees', label: '本年度参与质量信得过班组活动员工数', labelEn: 'Employees in trusted-team activities', unit: '个', type: 'count',
      synonyms: ['参与质量信得过班组活动员工数', '参与班组活动员工数', '参与员工数', '参加质量信得过班组活动员工数', '参与质量信得过班组活动人数'],
      keywords: [['员工'], ['参与', '人数'], ['参加', '人数']], exclude: ['参会', '发表会'],
    },
    {
      role: 'teamsRecommended', label: '本年度推荐自治区质量信得过班组数', labelEn: 'Teams recommended to the region', unit: '个', type: 'count',
      synonyms: ['推荐自治区质量信得过班组数', '推荐质量信得过班组数'], keywords: [['推荐', '班组']],
    },
    {
      role: 'teamFunding', label: '本年度对质量信得过班组活动投入费用', labelEn: 'Funding of trusted-team activities', unit: '元', type: 'money',
      synonyms: ['对质量信得过班组活动投入费用', '质量信得过班组活动投入费用', '投入费用', '经费投入'], keywords: [['投入'], ['经费']], exclude: ['奖励'],
    },
    {
      role: 'teamRewards', label: '本年度对质量信得过班组活动奖励费用', labelEn: 'Rewards for trusted-team activities', unit: '元', type: 'money',
      synonyms: ['对质量信得过班组活动奖励费用', '质量信得过班组活动奖励费用', '奖励费用'], keywords: [['奖励']],
    },
    {
      role: 'teamFeatures', label: '本年度开展质量信得过班组主要特点与问题', labelEn: 'Main features and problems', unit: '', type: 'text',
      synonyms: ['开展质量信得过班组主要特点与问题', '主要特点与问题', '主要特点和问题'], keywords: [['特点']],
    },
    {
      role: 'reviewForm', label: '质量信得过班组评审及交流形式', labelEn: 'Review and exchange format', unit: '', type: 'text',
      synonyms: ['评审及交流形式', '评审和交流形式'], keywords: [['评审', '形式'], ['交流形式']],
    },
    conferenceHeld,
    {
      role: 'presentedTeams', label: '发表班组数', labelEn: 'Teams presenting', unit: '个', type: 'count',
      synonyms: ['发表的班组数', '发表质量信得过班组数'], keywords: [['发表', '班组数']], exclude: ['是否'],
    },
    conferenceTimePlace,
    attendees,
    department,
    ...contacts,
  ],
  rates: [],
  limits: [
    { part: 'teamsRecommended', whole: 'teamsThisYear' },
    // Not listed in SPEC §4 but of the same kind ("a count larger than the count that contains it"):
    { part: 'teamsThisYear', whole: 'teamsCumulative' },
    { part: 'presentedTeams', whole: 'teamsThisYear' },
  ],
});
