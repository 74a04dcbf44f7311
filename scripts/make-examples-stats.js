#!/usr/bin/env node
/**
 * Writes the synthetic statistics samples in examples/ (all figures made up):
 *   qc-stats-clean.xlsx    附件7 from the qc-stats template, filled in consistently; rates are live formulas
 *   qc-stats-faulty.xlsx   附件7 as a county types the printed form: a typed 成果率 that disagrees with its input,
 *                          普及率 typed without its inputs, 坚持活动 and 发表小组数 above 本年度注册, a negative amount,
 *                          a diagnostician count without the slash, a count in words
 *   team-stats-clean.xlsx  附件12 from the team-stats template, filled in
 *   team-stats-faulty.xlsx 附件12 as printed: more teams recommended than active, both boxes ticked
 *   indicators.xlsx        ili-2025 附表1 二.2 and nantong-2020 表5 with typed ratios (one wrong, most without inputs)
 *   indicators-clean.xlsx  the same tables with only the ratios whose inputs the forms print, each typed right
 * Run after `npx tsc -p tsconfig.cli.json` (or `npm run prepare`):
 *   node scripts/make-examples-stats.js
 */
const path = require('path');
const ExcelJS = require('exceljs');
const { buildStatsWorkbook, statsLayout } = require('../lib/xlsx/template-stats');
const { checkWorkbook } = require('../lib/core/check');
const { workbookToGrid } = require('../lib/xlsx/from-exceljs');
const { computeTableRate, itemCell, periodCount } = require('../lib/core/stats-values');

const out = path.join(__dirname, '..', 'examples');

/** Store the engine's value of every rate formula as its cached result, so a reader without recalculation sees it. */
function cacheRates(wb) {
  const result = checkWorkbook(workbookToGrid(wb, 'x'), { file: 'x', rules: [] });
  for (const { sheet, table } of result.located) {
    const ws = wb.getWorksheet(sheet.name);
    for (const def of table.form.rates || []) {
      if (!table.items || !table.items[def.role]) continue;
      for (let k = 0; k < periodCount(table); k++) {
        const at = itemCell(table, def.role, k);
        const cell = ws.getCell(at.row + 1, at.col + 1);
        if (!cell.formula) continue;
        const v = computeTableRate(sheet, table, def, k);
        cell.value = v === null ? { formula: cell.formula } : { formula: cell.formula, result: v };
      }
    }
  }
  wb.calcProperties.fullCalcOnLoad = true;
}

function fillTemplate(kind, values, header) {
  const wb = buildStatsWorkbook(kind);
  const ws = wb.worksheets[0];
  const L = statsLayout(kind);
  for (const [role, v] of Object.entries(values)) {
    const row = L.rows[role];
    if (row === undefined) throw new Error(`no row ${role}`);
    ws.getCell(row + 1, 3).value = v;
  }
  ws.getCell('A3').value = '（2024年6月至2025年6月）';
  ws.getCell('A4').value = `推荐地区、部门（盖章）：${header}`;
  return wb;
}

const BORDER = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
function sheetOf(wb, name, rows, widths) {
  const ws = wb.addWorksheet(name);
  ws.columns = widths.map((width) => ({ width }));
  rows.forEach((r, i) =>
    r.forEach((v, j) => {
      if (v === null || v === undefined) return;
      const c = ws.getCell(i + 1, j + 1);
      c.value = v;
      c.alignment = { wrapText: true, vertical: 'middle' };
    }),
  );
  return ws;
}
function box(ws, from, to, cols) {
  for (let r = from; r <= to; r++) for (let c = 1; c <= cols; c++) ws.getCell(r, c).border = BORDER;
}

async function qcClean() {
  const wb = fillTemplate(
    'qc-stats',
    {
      cumulativeGroups: 326, registeredGroups: 48, participants: 412, employees: 1530, activeGroups: 44, economicBenefit: 1865000,
      achievedGroups: 31, funding: 126000, rewards: 48000, diagnosticians: '2/6', conferenceHeld: '是', presentedGroups: 18,
      conferenceTimePlace: '2025年5月20日，示例市会展中心', attendees: 160,
    },
    '示例州市场监督管理局',
  );
  const ws = wb.worksheets[0];
  const L = statsLayout('qc-stats');
  ws.getCell(L.rows.features + 1, 2).value = '以现场型、服务型课题为主，一线员工参与度提高。';
  ws.getCell(L.lastRow, 1).value = '联 系 人：示例甲          手机：13999990101          邮箱：qc@example.cn';
  cacheRates(wb);
  await wb.xlsx.writeFile(path.join(out, 'qc-stats-clean.xlsx'));
}

async function qcFaulty() {
  const wb = new ExcelJS.Workbook();
  const rows = [
    ['附件7'],
    ['质 量 管 理 小 组 活 动 统 计 表'],
    ['（2024年6月至2025年6月）'],
    ['推荐地区、部门（盖章）：示例县市场监督管理局', null, '单位盖章：'],
    ['统  计  项  目', '单位', '数量'],
    ['历年来已登记注册QC小组累计数', '个', 320],
    ['本年度已登记注册QC小组数', '个', 40],
    ['本年度QC小组普及率=参加QC小组人数/职工总数x100%', '百分数', '35%'],
    ['本年度坚持活动的QC小组数', '个', 50],
    ['本年度QC小组创可计算的经济效益', '元', 1250000],
    ['本年度QC小组成果率=取得成果小组数/QC小组注册数x100%', '百分数', '60%'],
    ['取得成果小组数', '个', 23],
    ['本年度企业对QC小组活动经费投入（培训、交流、书籍等费用）', '元', 80000],
    ['本年度企业对QC小组活动奖励费用', '元', -3000],
    ['具备QC小组活动诊断师资格人数（国家级／自治区级）', '人', '7'],
    ['本年度QC小组活动主要特点与建议：', '以问题解决型课题为主'],
    ['是否组织发表会', '☑是   □否', '发表小组数', 45],
    ['发表会时间、地点', '2025年5月，示例县', '参会人数', '约150人'],
    ['QC小组/质量信得过班组工作归口部门及负责人：质量科 示例乙'],
    ['联 系 人：示例丙                   手机：13999990102             邮箱：'],
    ['通信地址：示例县解放路1号                                      邮编：835000'],
  ];
  const ws = sheetOf(wb, '附件7', rows, [58, 14, 14, 12]);
  ws.mergeCells('A2:D2');
  box(ws, 5, 18, 4);
  await wb.xlsx.writeFile(path.join(out, 'qc-stats-faulty.xlsx'));
}

async function teamClean() {
  const wb = fillTemplate(
    'team-stats',
    { teamsThisYear: 26, teamsCumulative: 142, teamEmployees: 318, teamsRecommended: 6, teamFunding: 52000, teamRewards: 21000, conferenceHeld: '否', presentedTeams: 0 },
    '示例州市场监督管理局',
  );
  await wb.xlsx.writeFile(path.join(out, 'team-stats-clean.xlsx'));
}

async function teamFaulty() {
  const wb = new ExcelJS.Workbook();
  const rows = [
    ['附件12'],
    ['质量信得过班组活动统计表'],
    ['（2024年6月至2025年6月）'],
    ['推荐地区、部门（盖章）：示例县市场监督管理局', null, '单位盖章：'],
    ['统  计  项  目', '单位', '数量'],
    ['本年度开展质量信得过班组数', '个', 25],
    ['历年质量信得过班组累计数', '个', 140],
    ['本年度参与质量信得过班组活动员工数', '个', 300],
    ['本年度推荐自治区质量信得过班组数', '个', 30],
    ['本年度对质量信得过班组活动投入费用（培训、交流、规范化等）', '元', 50000],
    ['本年度对质量信得过班组活动奖励费用', '元', 20000],
    ['本年度开展质量信得过班组主要特点与问题：'],
    ['质量信得过班组评审及交流形式', '发表评审☑ 现场评审□ 与QC小组合开□ 单独举办□'],
    ['是否组织发表会', '☑是   ☑否', '发表班组数', 8],
    ['发表会时间、地点', null, '参会人数', 60],
    ['质量信得过班组工作归口部门及负责人：'],
    ['联 系 人：                    手机：                    邮箱：'],
    ['通信地址：                                              邮编：'],
    [],
    ['注：本统计表来自企业统计数据资料。应准确、无误，加盖公章原件及电子版一份。'],
  ];
  const ws = sheetOf(wb, '附件12', rows, [58, 14, 14, 12]);
  box(ws, 5, 18, 4);
  await wb.xlsx.writeFile(path.join(out, 'team-stats-faulty.xlsx'));
}

async function indicators() {
  const wb = new ExcelJS.Workbook();
  const ili = [
    ['2.主要经济、效益、质量及安全指标'],
    ['序号', '项  目', '单位', '2022年', '2023年', '2024年', '州内行业排名', '区内行业排名'],
    [1, '资产总额', '万元', 12000, 13500, 15100],
    [2, '主营业务收入', '万元', 9800, 10400, 12750],
    [3, '投资收益', '万元', 120, 80, 150],
    [4, '营业外收入', '万元', 30, 25, 40],
    [5, '利润总额', '万元', 860, 940, 1304],
    [6, '纳税总额', '万元', 420, 395, 530],
    [7, '销售额', '万元', 9750, 10350, 12600],
    [8, '创汇总额', '万美元', 0, 0, 35],
    [9, '总资产贡献率', '%', '11.9%', '11.8%', '13.1%'],
    [10, '资本保值增值率', '%', '108%', '104%', '109%'],
    [11, '资产负债率', '%', '55%', '58%', '60%'],
    [null, '负债总额', '万元', 6600, 7900, 9010],
    [12, '流动资产周转率', '次', 2.39, 2.42, 2.74],
    [13, '成本费用利润率', '%', '10.0%', '9.5%', '12.1%'],
    [14, '全员劳动生产率', '万元/人', 7.07, 7.18, 7.87],
    [15, '产品销售率', '%', '95%', '94.3%', '94.9%'],
    [16, '万元总产值综合能耗', '吨/万元', 0.21, 0.2, 0.19],
    [17, '安全指标', null, '无事故', '无事故', '无事故'],
    [18, '主要社会效益'],
    [19, '其他'],
    ['注：1.9-15项指标填写参见原国家经贸委《关于改进工业经济效益评价考核指标体系的内容及实施方案》的要求。'],
  ];
  const a = sheetOf(wb, '附表1', ili, [6, 22, 10, 12, 12, 12, 12, 12]);
  box(a, 2, 23, 8);
  table5(wb, [
    ['等级品率（服务业主要考核项目）', '优等品产值（鲁班或国优工程）', 3000, 3200, 3300],
    [null, '一等品产值（省优工程）', 5000, 5100, 5500],
    [null, '合格品产值', 2000, 1500, 1200],
    [null, '工业总产值', 10000, 9800, 10000],
    [null, '等级品率%', '82.00%', '85.10%', '84.60%'],
    ['质量损失率', '内部质量损失额', 120, 98, 80],
    [null, '外部质量损失额', 30, 25, 41],
    [null, '质量损失率', '1.50%', '1.26%', '1.21%'],
    ['新产品产值率', '新产品产值', 1500, 1800, 2100],
    [null, '新产品产值率', '15%', '18.37%', '21%'],
    ['产品质量合格率', '产品出厂（工程验收）合格率', '99.2%', '99.4%', '99.5%'],
    [null, '产品出口合格率', '100%', '100%', '100%'],
  ]);
  await wb.xlsx.writeFile(path.join(out, 'indicators.xlsx'));
}

/** nantong-2020 表5 as printed (merged first column), with the given value rows under its header. */
function table5(wb, rows) {
  const head = [['表 5 主要产品（工程、服务）质量指标'], ['主要技术指标', null, '2017 年', '2018 年', '2019 年', '国内先进 水平', '国际先进 水平']];
  const b = sheetOf(wb, '表5', [...head, ...rows], [16, 30, 12, 12, 12, 12, 12]);
  b.mergeCells('A2:B2');
  b.mergeCells('A3:A7');
  b.mergeCells('A8:A10');
  b.mergeCells('A11:A12');
  if (rows.length >= 12) b.mergeCells('A13:A14');
  box(b, 2, rows.length + 2, 7);
  return b;
}

/** The same two tables with only the ratios whose inputs the forms print, each typed as its inputs give it. */
async function indicatorsClean() {
  const wb = new ExcelJS.Workbook();
  const ili = [
    ['2.主要经济、效益、质量及安全指标'],
    ['序号', '项  目', '单位', '2022年', '2023年', '2024年', '州内行业排名', '区内行业排名'],
    [1, '资产总额', '万元', 12000, 13500, 15100],
    [2, '主营业务收入', '万元', 9800, 10400, 12750],
    [3, '利润总额', '万元', 860, 940, 1304],
    [4, '资产负债率', '%', '55.00%', '58.52%', '59.67%'],
    [null, '负债总额', '万元', 6600, 7900, 9010],
    [5, '安全指标', null, '无事故', '无事故', '无事故'],
  ];
  const a = sheetOf(wb, '附表1', ili, [6, 22, 10, 12, 12, 12, 12, 12]);
  box(a, 2, 8, 8);
  table5(wb, [
    ['等级品率（服务业主要考核项目）', '优等品产值（鲁班或国优工程）', 3000, 3200, 3300],
    [null, '一等品产值（省优工程）', 5000, 5100, 5500],
    [null, '合格品产值', 2000, 1500, 1200],
    [null, '工业总产值', 10000, 9800, 10000],
    [null, '等级品率%', '82.00%', '83.47%', '84.20%'],
    ['质量损失率', '内部质量损失额', 120, 98, 80],
    [null, '外部质量损失额', 30, 25, 41],
    [null, '质量损失率', '1.50%', '1.26%', '1.21%'],
    ['新产品产值率', '新产品产值', 1500, 1800, 2100],
    [null, '新产品产值率', '15%', '18.37%', '21%'],
  ]);
  await wb.xlsx.writeFile(path.join(out, 'indicators-clean.xlsx'));
}

(async () => {
  await indicatorsClean();
  await qcClean();
  await qcFaulty();
  await teamClean();
  await teamFaulty();
  await indicators();
  console.log('examples/indicators-clean.xlsx, qc-stats-clean.xlsx, qc-stats-faulty.xlsx, team-stats-clean.xlsx, team-stats-faulty.xlsx, indicators.xlsx written');
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
