/**
 * Sheets laid out as the seeds print the vertical forms, for the locator, rule and fill tests.
 * `qcActivitySheet` is 附件7 (xinjiang-2019, seed lines 501–552), `qcTeamSheet` 附件12 (seed lines 748–800),
 * both as a county would type them into Excel: A 统计项目, B 单位, C 数量, the side-by-side pairs in A–D.
 */
import type { CellValue } from '../../src/core/grid';

export type Values = Partial<Record<string, CellValue>>;

/** 附件7 as printed, rows from sheet row 1 (index 0). Values by item role; the rate cells typed as given. */
export function qcActivitySheet(v: Values = {}): CellValue[][] {
  const g = (k: string, d: CellValue = null) => (k in v ? (v[k] as CellValue) : d);
  return [
    ['附件7'],
    ['质 量 管 理 小 组 活 动 统 计 表'],
    ['（2018年6月至2019年6月）'],
    ['推荐地区、部门（盖章）：伊犁州市场监督管理局', null, '单位盖章：'],
    ['统  计  项  目', '单位', '数量'],
    ['历年来已登记注册QC小组累计数', '个', g('cumulativeGroups', 320)],
    ['本年度已登记注册QC小组数', '个', g('registeredGroups', 40)],
    ['本年度QC小组普及率=参加QC小组人数/职工总数x100%', '百分数', g('popularityRate')],
    ['本年度坚持活动的QC小组数', '个', g('activeGroups', 36)],
    ['本年度QC小组创可计算的经济效益', '元', g('economicBenefit', 1250000)],
    ['本年度QC小组成果率=取得成果小组数/QC小组注册数x100%', '百分数', g('achievementRate')],
    ['本年度企业对QC小组活动经费投入（培训、交流、书籍等费用）', '元', g('funding', 80000)],
    ['本年度企业对QC小组活动奖励费用', '元', g('rewards', 30000)],
    ['具备QC小组活动诊断师资格人数（国家级／自治区级）', '人', g('diagnosticians', '2/5')],
    ['本年度QC小组活动主要特点与建议：', g('features', '以现场型课题为主')],
    ['是否组织发表会', g('conferenceHeld', '☑是   □否'), '发表小组数', g('presentedGroups', 12)],
    ['发表会时间、地点', g('conferenceTimePlace', '2019年5月，伊宁市'), '参会人数', g('attendees', 150)],
    ['QC小组/质量信得过班组工作归口部门及负责人：质量科 王某'],
    ['联 系 人：张三                            手机：13899990000             邮箱：qc@example.cn'],
    ['通信地址：伊宁市解放路1号                                               邮编：835000'],
  ];
}

/** 附件12 as printed. */
export function qcTeamSheet(v: Values = {}): CellValue[][] {
  const g = (k: string, d: CellValue = null) => (k in v ? (v[k] as CellValue) : d);
  return [
    ['附件12'],
    ['质量信得过班组活动统计表'],
    ['（2018年6月至2019年6月）'],
    ['推荐地区、部门（盖章）：伊犁州市场监督管理局', null, '单位盖章：'],
    ['统  计  项  目', '单位', '数量'],
    ['本年度开展质量信得过班组数', '个', g('teamsThisYear', 25)],
    ['历年质量信得过班组累计数', '个', g('teamsCumulative', 140)],
    ['本年度参与质量信得过班组活动员工数', '个', g('teamEmployees', 300)],
    ['本年度推荐自治区质量信得过班组数', '个', g('teamsRecommended', 5)],
    ['本年度对质量信得过班组活动投入费用（培训、交流、规范化等）', '  元', g('teamFunding', 50000)],
    ['本年度对质量信得过班组活动奖励费用', '  元', g('teamRewards', 20000)],
    ['本年度开展质量信得过班组主要特点与问题：'],
    ['质量信得过班组评审及交流形式', g('reviewForm', '发表评审☑ 现场评审□ 与QC小组合开□ 单独举办□')],
    ['是否组织发表会', g('conferenceHeld', '□是   ■否'), '发表班组数', g('presentedTeams', 0)],
    ['发表会时间、地点', null, '参会人数', g('attendees', null)],
    ['质量信得过班组工作归口部门及负责人：'],
    ['联 系 人：                    手机：                    邮箱：                '],
    ['通信地址：                                              邮编：'],
    [],
    ['注：本统计表来自企业统计数据资料。应准确、无误，加盖公章原件及电子版一份。'],
  ];
}

/** ili-2025 附表1 二.2 主要经济、效益、质量及安全指标 (seed lines 599–780), three year columns. */
export function iliIndicatorsSheet(rows: Record<string, CellValue[]> = {}): CellValue[][] {
  const y = (k: string): CellValue[] => rows[k] ?? [null, null, null];
  return [
    ['2.主要经济、效益、质量及安全指标'],
    ['序号', '项  目', '单位', '2022年', '2023年', '2024年', '州内行业排名', '区内行业排名'],
    [1, '资产总额', '万元', ...y('totalAssets')],
    [2, '主营业务收入', '万元', ...y('revenue')],
    [3, '投资收益', '万元', ...y('investment')],
    [4, '营业外收入', '万元', ...y('other')],
    [5, '利润总额', '万元', ...y('totalProfit')],
    [6, '纳税总额', '万元', ...y('taxPaid')],
    [7, '销售额', '万元', ...y('sales')],
    [8, '创汇总额', '万美元', ...y('forex')],
    [9, '总资产贡献率', '%', ...y('totalAssetContribution')],
    [10, '资本保值增值率', '%', ...y('capitalPreservation')],
    [11, '资产负债率', '%', ...y('debtRatio')],
    [12, '流动资产周转率', '次', ...y('currentAssetTurnover')],
    [13, '成本费用利润率', '%', ...y('costProfitMargin')],
    [14, '全员劳动生产率', '万元/人', ...y('laborProductivity')],
    [15, '产品销售率', '%', ...y('salesRate')],
    [16, '万元总产值综合能耗', '吨/万元', ...y('energy')],
    [17, '安全指标'],
    [18, '主要社会效益'],
    [19, '其他'],
    ['注：1.9-15项指标填写参见原国家经贸委《关于改进工业经济效益评价考核指标体系的内容及实施方案》的要求。'],
  ];
}

/** nantong-2020 附件1 表5 主要产品（工程、服务）质量指标 (seed lines 330–347): group labels in A, items in B. */
export function nantongQualitySheet(rows: Record<string, CellValue[]> = {}): CellValue[][] {
  const y = (k: string): CellValue[] => rows[k] ?? [null, null, null];
  return [
    ['表 5 主要产品（工程、服务）质量指标'],
    ['主要技术指标', null, '2017 年', '2018 年', '2019 年', '国内先进 水平', '国际先进 水平'],
    ['等级 品率 （服 务业 主要 考核 项目）', '优等品产值（鲁班或国优工程）', ...y('p1')],
    [null, '一等品产值（省优工程）', ...y('p2')],
    [null, '合格品产值', ...y('p3')],
    [null, '工业总产值', ...y('grossOutput')],
    [null, '等级品率%', ...y('gradeRate')],
    ['质量 损失 率', '内部质量损失额', ...y('internalLoss')],
    [null, '外部质量损失额', ...y('externalLoss')],
    [null, '质量损失率', ...y('qualityLossRate')],
    ['新产 品产 值率', '新产品产值', ...y('newProductOutput')],
    [null, '新产品产值率', ...y('newProductRate')],
    ['产品 质量 合格 率', '产品出厂（工程验收）合格率'],
    [null, '产品出口合格率'],
  ];
}

/**
 * 附件7 as printed with the rates' inputs typed in a block below the table (SPEC §4 "a clearly marked input
 * block"): an empty row (sheet row 21), the marking line (row 22, unless `mark` is null), then 参加QC小组人数,
 * 职工总数, 取得成果小组数 in rows 23–25 (C23, C24, C25).
 */
export function qcActivityWithInputBlock(v: Values = {}, inputs: { participants?: CellValue; employees?: CellValue; achieved?: CellValue } = {}, mark: string | null = '计算所需数据（输入行）'): CellValue[][] {
  const rows = qcActivitySheet(v);
  rows.push([]);
  if (mark !== null) rows.push([mark]);
  rows.push(['参加QC小组人数', '人', inputs.participants ?? 350], ['职工总数', '人', inputs.employees ?? 1000], ['取得成果小组数', '个', inputs.achieved ?? 20]);
  return rows;
}
