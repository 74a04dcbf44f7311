/**
 * `form.indicators`: the financial and quality indicator tables of the application forms —
 *   ili-2025 附表1 二.2 主要经济、效益、质量及安全指标 (序号 / 项目 / 单位 / 2022年 / 2023年 / 2024年 / 排名),
 *   nantong-2020 附件1 表3 企业主要经济指标 (项目名称 / 单位 / 2017年 … / 同行排名) and
 *   nantong-2020 附件1 表5 主要产品（工程、服务）质量指标 (主要技术指标 / 2017 年 … ; item labels in the second
 *   column under merged group labels 等级品率 / 质量损失率 / 新产品产值率).
 * One item per row, one value column per year ("period"). Every ratio is computed per year column.
 *
 * Formulas are the seeds' (nantong-2020 填写要求 3 and 4, lines 214–260; ili-2025 附表1 注 1, lines 781–834; the two
 * agree, both citing 原国家经贸委《关于改进工业经济效益评价考核指标体系的内容及实施方案》). The nantong notes say
 * "表2" and "表4" but the tables they describe are printed as 表3 and 表5. Where a seed gives no formula the standard
 * definition of China's statistical indicator practice is used and named on the rate.
 *
 * The inputs are not rows of the printed tables (except 资产总额 and 利润总额 in ili 附表1, 增加值 in nantong 表3 and
 * the 表5 rows): fill inserts each missing input as a labelled row under the first ratio that needs it.
 * Inputs are amounts in the table's own unit (万元 in all three seeds); ratios do not depend on it, except
 * 全员劳动生产率 which is in 万元/人 when 工业增加值 is in 万元. nantong 表3 prints the unit of 全员劳动生产率 as `%`;
 * the formula makes it 万元/人, so it is checked as a plain ratio.
 */
import { formDefSchema, type FormDef } from './form';

const money = (role: string, label: string, labelEn: string, synonyms: string[] = [], extra: Record<string, unknown> = {}) => ({
  role, label, labelEn, unit: '万元', type: 'money', origin: 'input', synonyms, ...extra,
});
const amount = (role: string, label: string, labelEn: string, synonyms: string[] = [], extra: Record<string, unknown> = {}) => ({
  role, label, labelEn, unit: '万元', type: 'amount', origin: 'input', synonyms, ...extra,
});
const ratio = (role: string, label: string, labelEn: string, unit: string, synonyms: string[] = []) => ({
  role, label, labelEn, unit, type: 'rate', origin: 'form', synonyms,
});

export const indicators: FormDef = formDefSchema.parse({
  kind: 'form.indicators',
  title: { zh: '主要经济、效益及质量指标', en: 'Economic, efficiency and quality indicators' },
  source: 'ili-2025 附表1 二.2; nantong-2020 附件1 表3, 表5',
  layout: 'vertical',
  periodColumns: true,
  columns: [
    { role: 'label', label: '项目', labelEn: 'Item', synonyms: ['项目名称', '主要技术指标', '指标', '指标名称', '经济指标', '统计项目'], required: true },
    { role: 'unit', label: '单位', labelEn: 'Unit', synonyms: ['计量单位'], required: false },
  ],
  identifying: ['label'],
  minMatches: 1,
  titles: ['主要经济、效益、质量及安全指标', '企业主要经济指标', '主要产品(工程、服务)质量指标', '主要经济指标', '质量指标'],
  items: [
    // Inputs (and the printed amount rows that serve as inputs).
    money('totalAssets', '资产总额', 'Total assets (end of period)', ['资产总计', '期末资产总额', '期末资产总计', '报告期期末资产总额'], { origin: 'form' }),
    money('openingAssets', '期初资产总计', 'Total assets (start of period)', ['期初资产总额', '年初资产总额', '年初资产总计']),
    amount('totalProfit', '利润总额', 'Total profit', [], { origin: 'form' }),
    // 税金总额 is 产品销售税金及附加 + 应交增值税 (seed); 纳税总额 / 纳税额 are other figures and are not taken for it.
    money('taxes', '税金总额', 'Taxes (sales taxes and surcharges + VAT payable)', ['税金总计'], { exclude: ['纳税'] }),
    money('interest', '利息支出', 'Interest expense'),
    {
      role: 'months', label: '累计月数', labelEn: 'Months in the period', unit: '月', type: 'months', origin: 'input',
      synonyms: ['报告期月数', '累计月份数'],
    },
    amount('equityEnd', '报告期期末所有者权益', "Owners' equity, end of period", ['期末所有者权益', '本期期末所有者权益']),
    amount('equityPrev', '上年同期期末所有者权益', "Owners' equity, end of the same period last year", ['上年同期所有者权益']),
    money('liabilities', '负债总额', 'Total liabilities (end of period)', ['负债总计', '期末负债总额']),
    money('salesRevenue', '销售收入', 'Sales revenue', ['产品销售收入']),
    money('avgCurrentAssets', '流动资产平均余额', 'Average current assets', ['平均流动资产余额', '流动资产平均占用额']),
    money('costTotal', '成本费用总额', 'Total costs and expenses', ['成本费用总计']),
    amount('valueAdded', '工业增加值', 'Industrial value added', ['增加值']),
    {
      role: 'avgEmployees', label: '全部职工平均人数', labelEn: 'Average number of employees', unit: '人', type: 'count', origin: 'input',
      synonyms: ['全部员工平均人数', '职工平均人数', '平均职工人数', '从业人员平均人数'],
    },
    money('salesOutput', '工业销售产值', 'Industrial sales output'),
    money('grossOutput', '工业总产值', 'Gross industrial output (current prices)', ['工业总产值(现价)', '报告期工业总产值', '总产值', '报告期总产值']),
    money('p1', '优等品产值', 'Output of superior-grade products', ['优等品产值(鲁班或国优工程)']),
    money('p2', '一等品产值', 'Output of first-grade products', ['一等品产值(省优工程)']),
    money('p3', '合格品产值', 'Output of conforming products'),
    money('internalLoss', '内部质量损失额', 'Internal quality losses', ['内部损失成本', '内部质量损失', '内部质量损失成本']),
    money('externalLoss', '外部质量损失额', 'External quality losses', ['外部损失成本', '外部质量损失', '外部质量损失成本']),
    money('newProductOutput', '新产品产值', 'Output of new products'),
    // Ratios.
    ratio('totalAssetContribution', '总资产贡献率', 'Total asset contribution rate', '%'),
    ratio('capitalPreservation', '资本保值增值率', 'Capital preservation and appreciation rate', '%'),
    ratio('debtRatio', '资产负债率', 'Debt-to-asset ratio', '%'),
    ratio('currentAssetTurnover', '流动资产周转率', 'Current asset turnover', '次'),
    ratio('costProfitMargin', '成本费用利润率', 'Profit on costs and expenses', '%'),
    ratio('laborProductivity', '全员劳动生产率', 'Overall labour productivity', '万元/人'),
    ratio('salesRate', '产品销售率', 'Product sales rate', '%'),
    ratio('gradeRate', '等级品率', 'Graded product rate', '%', ['产品质量等级品率']),
    ratio('qualityLossRate', '质量损失率', 'Quality loss rate', '%'),
    ratio('newProductRate', '新产品产值率', 'New product output rate', '%'),
  ],
  rates: [
    {
      role: 'totalAssetContribution',
      numerator: [{ role: 'totalProfit' }, { role: 'taxes' }, { role: 'interest' }],
      denominator: ['openingAssets', 'totalAssets'], average: true, annualize: 'months', percent: true,
      source: 'nantong-2020 填写要求 3① / ili-2025 附表1 注1: [(利润总额+税金总额+利息支出)÷平均资产总额]×(12÷累计月数)×100%; 平均资产总额 = 期初期末资产总计的算术平均值',
    },
    {
      role: 'capitalPreservation', numerator: [{ role: 'equityEnd' }], denominator: ['equityPrev'], percent: true,
      source: 'nantong-2020 填写要求 3② / ili-2025: 报告期期末所有者权益÷上年同期期末所有者权益×100%',
    },
    {
      role: 'debtRatio', numerator: [{ role: 'liabilities' }], denominator: ['totalAssets'], percent: true, range: 'non-negative',
      source: 'nantong-2020 填写要求 3③ / ili-2025: 负债总额÷资产总额×100% (both at the end of the period)',
    },
    {
      role: 'currentAssetTurnover', numerator: [{ role: 'salesRevenue' }], denominator: ['avgCurrentAssets'], annualize: 'months', percent: false, range: 'non-negative',
      source: 'nantong-2020 填写要求 3④ / ili-2025: (销售收入÷流动资产平均余额)×(12÷累计月数), 次',
    },
    {
      role: 'costProfitMargin', numerator: [{ role: 'totalProfit' }], denominator: ['costTotal'], percent: true,
      source: 'nantong-2020 填写要求 3⑤ / ili-2025: 利润总额÷成本费用总额×100%',
    },
    {
      role: 'laborProductivity', numerator: [{ role: 'valueAdded' }], denominator: ['avgEmployees'], annualize: 'months', percent: false,
      source: 'nantong-2020 填写要求 3⑥ / ili-2025: (工业增加值÷全部职工平均人数)×(12÷累计月数), 万元/人 (the seed asks for 工业增加值 at constant prices: type the deflated figure)',
    },
    {
      role: 'salesRate', numerator: [{ role: 'salesOutput' }], denominator: ['grossOutput'], percent: true, range: 'non-negative',
      source: 'nantong-2020 填写要求 3⑦ / ili-2025: 工业销售产值÷工业总产值(现价)×100%',
    },
    {
      role: 'gradeRate',
      numerator: [{ role: 'p1', weight: 1 }, { role: 'p2', weight: 0.8 }, { role: 'p3', weight: 0.6 }],
      denominator: ['grossOutput'], percent: true, range: '0-100',
      source: 'nantong-2020 填写要求 4①: (α1P1+α2P2+α3P3)÷P×100%, α = 1.0 / 0.8 / 0.6, P = 报告期工业总产值',
    },
    {
      role: 'qualityLossRate', numerator: [{ role: 'internalLoss' }, { role: 'externalLoss' }], denominator: ['grossOutput'], percent: true, range: 'non-negative',
      source: 'nantong-2020 填写要求 4②: (报告期内部损失成本+外部损失成本)÷报告期总产值×100%',
    },
    {
      role: 'newProductRate', numerator: [{ role: 'newProductOutput' }], denominator: ['grossOutput'], percent: true, range: '0-100',
      // No formula in the seeds (nantong 表5 prints the row only): 国家统计局 工业统计指标解释, 新产品产值率 =
      // 新产品产值 ÷ 工业总产值(现价) × 100%.
      source: '国家统计局工业统计指标解释: 新产品产值÷工业总产值×100% (nantong-2020 表5 prints the row without a formula)',
    },
  ],
  // No part ≤ whole pairs: liabilities may exceed assets, sales output may exceed output (stock sold).
  limits: [],
});
