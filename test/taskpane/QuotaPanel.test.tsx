/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 *
 * (Node export conditions: ExcelJS's dependency uuid would otherwise resolve to its browser ESM build.)
 */
import './jsdom-setup';
import * as path from 'path';
import * as React from 'react';
import ExcelJS from 'exceljs';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import type { PlanApplyResult, PlanToApply, SheetPayload } from '../../src/taskpane/host-port';
import type { WorkbookGrid } from '../../src/core/grid';
import { readWorkbookFile } from '../../src/xlsx/read';
import { qcActivitySheet } from '../helpers/stats-sheets';
import { FakeHost } from './fake-host';
import { renderFluent } from './render';

/** The fake host with the optional members of the port: insertSheet and applyPlan recorded. */
class QuotaHost extends FakeHost {
  sheets: SheetPayload[] = [];
  plans: PlanToApply[] = [];
  async insertSheet(sheet: SheetPayload): Promise<string> {
    this.sheets.push(sheet);
    return '名额核对';
  }
  async applyPlan(plan: PlanToApply): Promise<PlanApplyResult> {
    this.plans.push(plan);
    return { written: plan.changes.length, skipped: [], insertedRows: (plan.inserts ?? []).reduce((n, i) => n + i.count, 0) };
  }
}

const tab = (label: string) => screen.getByRole('tab', { name: new RegExp(`^${label}`) });

let register: WorkbookGrid;
beforeAll(async () => {
  register = (await readWorkbookFile(path.join(__dirname, '..', '..', 'examples', 'register-faulty.xlsx'))).grid;
});

jest.setTimeout(30_000);

describe('名额 panel', () => {
  test('tallies the register against xj-qc-2019, problems first, empty regions folded, findings select their cell, inserts the sheet', async () => {
    const host = new QuotaHost(register);
    renderFluent(<App host={host} lang="zh" logoSrc="" />);
    fireEvent.click(tab('名额'));
    fireEvent.click(await screen.findByRole('button', { name: '读取并统计' }));
    const problems = await screen.findByTestId('quota-problems');
    expect(host.callsOf('readWorkbook')).toEqual([['all']]);
    // No award chosen in this workbook, a register found: the award with quotas (xj-qc-2019) is used and shown.
    expect(screen.getByTestId('quota-source').textContent).toMatch(/2019年自治区优秀质量管理小组/);
    expect((screen.getByTestId('award-picker') as HTMLSelectElement).value).toBe('xj-qc-2019');

    // 奎屯市工信局: 5 groups for a quota of 4 (examples/register-faulty.xlsx) — the first thing listed.
    const items = within(problems).getAllByRole('listitem');
    expect(items[0].getAttribute('data-region')).toMatch(/^奎屯市/);
    const over = items[0].querySelectorAll('[data-over="true"]');
    expect(over.length).toBeGreaterThan(0);
    expect(over[0].textContent).toMatch(/超出 1/);
    expect(within(problems).getAllByText(/不在名额表中/).length).toBeGreaterThan(0);
    // The problems come before the regions within quota, which come before the folded empty ones.
    const counted = screen.queryByTestId('quota-counted');
    const empty = screen.getByTestId('quota-empty');
    for (const [a, b] of [[problems, counted], [counted, empty], [problems, empty]]) {
      if (a && b) expect(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    }
    expect(empty.tagName).toBe('DETAILS');
    expect((empty as HTMLDetailsElement).open).toBe(false);
    expect(empty.textContent).toMatch(/其余 \d+ 个地区没有推荐/);
    // Every region of the quota table is somewhere: 41 regions + the names not in the table.
    const shown = problems.querySelectorAll('li').length + (counted?.querySelectorAll('li').length ?? 0);
    const folded = Number(/其余 (\d+) 个/.exec(empty.textContent ?? '')![1]);
    expect(shown + folded).toBeGreaterThanOrEqual(41);

    // Findings: each is a link to its cell.
    const findings = screen.getByTestId('quota-findings');
    expect(findings.querySelector('[data-rule="quota.exceeded"]')).not.toBeNull();
    expect(findings.querySelector('[data-rule="quota.unknown-region"]')).not.toBeNull();
    const link = within(findings.querySelector('[data-rule="quota.exceeded"]') as HTMLElement).getByRole('button');
    fireEvent.click(link);
    await waitFor(() => expect(host.callsOf('selectCell').length).toBe(1));
    const [sheet, cell] = host.callsOf('selectCell')[0] as [string, string];
    expect(register.sheets.map((s) => s.name)).toContain(sheet);
    expect(link.textContent).toContain(cell);

    // 检查 now runs with the same award: its quota findings are the same as 名额's.
    fireEvent.click(tab('检查'));
    fireEvent.click(screen.getByRole('button', { name: '运行检查' }));
    const list = await screen.findByRole('region', { name: '问题列表' });
    const quotaInCheck = list.querySelectorAll('[data-finding-rule^="quota."]').length;
    expect(quotaInCheck).toBe(findings.querySelectorAll('li').length);
    fireEvent.click(tab('名额'));

    // 插入名额核对表: the payload is the ExcelJS sheet; its live COUNTIFS over the register sheet travel beside the
    // .xlsx (SheetPayload.formulas), never inside it: no formula of the .xlsx refers to a sheet it does not hold.
    fireEvent.click(screen.getByRole('button', { name: '插入名额核对表' }));
    await screen.findByTestId('quota-inserted', undefined, { timeout: 15_000 });
    expect(host.sheets).toHaveLength(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await host.sheets[0].base64!(), 'base64') as never);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('名额核对');
    const formulas: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => typeof c.value === 'object' && c.value && 'formula' in c.value && formulas.push(String(c.value.formula))));
    // No formula in the .xlsx payload refers to a sheet outside it; the COUNTIFS over the register come beside it.
    const registerRef = `'${register.sheets.find((s) => s.name === sheet)?.name ?? sheet}'!`;
    expect(formulas.filter((f) => f.includes(registerRef))).toEqual([]);
    expect(host.sheets[0].formulas?.some((f) => f.formula.includes('COUNTIFS') && f.formula.includes(registerRef))).toBe(true);
    const spec = await host.sheets[0].spec!();
    expect(spec.values.flat().some((v) => typeof v === 'string' && v.startsWith('=') && v.includes('COUNTIFS'))).toBe(true);
  });

  test('the award chosen is kept in the workbook and read back by a new pane', async () => {
    const host = new QuotaHost(register);
    const first = renderFluent(<App host={host} lang="zh" logoSrc="" />);
    await waitFor(() => expect(screen.getByTestId('award-picker')).toBeEnabled());
    fireEvent.change(screen.getByTestId('award-picker'), { target: { value: 'nantong-2020-mayor' } });
    await waitFor(() => expect(host.stored.get('awardTally.profile')).toBe('nantong-2020-mayor'));
    first.unmount();
    // The workbook reopened: the pane starts with its award, and a register does not switch it.
    renderFluent(<App host={host} lang="zh" logoSrc="" />);
    await waitFor(() => expect((screen.getByTestId('award-picker') as HTMLSelectElement).value).toBe('nantong-2020-mayor'));
    fireEvent.click(screen.getByRole('button', { name: '运行检查' }));
    await screen.findByText(/检查时间 .* · 2020年南通市市长质量奖/);
    expect((screen.getByTestId('award-picker') as HTMLSelectElement).value).toBe('nantong-2020-mayor');
  });

  test('English labels', async () => {
    const host = new QuotaHost(register);
    renderFluent(<App host={host} lang="en" logoSrc="" />);
    fireEvent.click(tab('Quotas'));
    fireEvent.click(await screen.findByRole('button', { name: 'Read and tally' }));
    expect(await screen.findByTestId('quota-problems')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: /^To deal with \(\d+\)$/ })).toBeInTheDocument();
    expect(screen.getByTestId('quota-empty').textContent).toMatch(/\d+ other regions with no nomination/);
    expect(screen.getByRole('button', { name: 'Insert the quota check sheet' })).toBeEnabled();
  });
});

describe('statistics tables in 检查 and 填充', () => {
  const stats: WorkbookGrid = { name: '统计.xlsx', sheets: [{ name: '附件7', values: qcActivitySheet() }] };

  test('the check panel shows the stats.* findings of a qc.activity-stats sheet', async () => {
    const host = new QuotaHost(stats);
    renderFluent(<App host={host} lang="zh" logoSrc="" />);
    fireEvent.click(screen.getByRole('button', { name: '运行检查' }));
    const list = await screen.findByRole('region', { name: '问题列表' });
    expect(list.querySelector('[data-rule="stats.rate-inputs-missing"]')).not.toBeNull();
  });

  test('the fill panel lists the row inserts and rate formulas and applies them through applyPlan after confirmation', async () => {
    const host = new QuotaHost(stats);
    renderFluent(<App host={host} lang="zh" logoSrc="" />);
    fireEvent.click(tab('填充'));
    fireEvent.click(await screen.findByRole('button', { name: '读取并计算填充清单' }));
    const inserts = await screen.findByTestId('fill-inserts');
    expect(inserts.textContent).toMatch(/参加QC小组人数/);
    expect(screen.getAllByText(/=IF\(C10=0,"",C9\/C10\)/).length).toBeGreaterThan(0);
    fireEvent.click(screen.getByRole('button', { name: /^应用 \d+ 处修改/ }));
    fireEvent.click(await screen.findByRole('button', { name: '确认写入' }));
    await waitFor(() => expect(host.plans).toHaveLength(1));
    expect(host.plans[0].inserts!.length).toBeGreaterThan(0);
    expect(host.plans[0].changes.some((c) => c.formula === '=IF(C10=0,"",C9/C10)' && c.numberFormat === '0.00%')).toBe(true);
    expect(host.callsOf('applyChanges')).toEqual([]);
  });

  test('a typed rate that disagrees: a rate conflict (worded for rates), replaced only after its own confirmation, then the usual one', async () => {
    // 附件7 with its input rows present: 普及率 typed 40% where 350 / 1000 = 35% (test/core/fill-stats.test.ts).
    const values = qcActivitySheet({ popularityRate: '40%', achievementRate: 0.5 });
    values.splice(8, 0, ['参加QC小组人数', '人', 350], ['职工总数', '人', 1000]);
    values.splice(13, 0, ['取得成果小组数', '个', 20]);
    const host = new QuotaHost({ name: '统计.xlsx', sheets: [{ name: '附件7', values }] });
    renderFluent(<App host={host} lang="zh" logoSrc="" />);
    fireEvent.click(tab('填充'));
    fireEvent.click(await screen.findByRole('button', { name: '读取并计算填充清单' }));
    const conflicts = await screen.findByTestId('fill-conflicts');
    expect(conflicts.querySelector('[data-conflict-kind="rate"]')).not.toBeNull();
    expect(conflicts).toHaveTextContent('这些比率的填写值与由输入行计算的结果不一致');
    // Never the gender wording for a rate.
    expect(conflicts).not.toHaveTextContent('身份证号');
    const rows = () => screen.getAllByRole('row').filter((r) => r.getAttribute('data-change-cell'));
    expect(rows().some((r) => r.getAttribute('data-change-cell') === 'C8')).toBe(false);

    // Cancelling the replacement changes nothing.
    fireEvent.click(within(conflicts).getByRole('button', { name: '用公式替换这 1 个不一致的比率…' }));
    let dialog = await screen.findByRole('alertdialog', { hidden: true });
    expect(dialog).toHaveTextContent('原填写值不再保留');
    fireEvent.click(within(dialog).getByRole('button', { name: '取消', hidden: true }));
    await waitFor(() => expect(screen.queryByRole('alertdialog', { hidden: true })).toBeNull());
    expect(rows().some((r) => r.getAttribute('data-change-cell') === 'C8')).toBe(false);

    // Confirmed: the replacement joins the list; nothing is written before the list's own confirmation.
    fireEvent.click(within(screen.getByTestId('fill-conflicts')).getByRole('button', { name: /用公式替换/ }));
    dialog = await screen.findByRole('alertdialog', { hidden: true });
    fireEvent.click(within(dialog).getByRole('button', { name: '列入替换', hidden: true }));
    await screen.findByTestId('replace-rates-on');
    const c8 = rows().find((r) => r.getAttribute('data-change-cell') === 'C8')!;
    expect(c8).toHaveTextContent('40%');
    expect(c8).toHaveTextContent('=IF(C10=0,"",C9/C10)');
    expect(screen.queryByTestId('fill-conflicts')).toBeNull();
    expect(host.plans).toHaveLength(0);
    expect(host.callsOf('applyChanges')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: /^应用 \d+ 处修改/ }));
    fireEvent.click(within(await screen.findByRole('alertdialog', { hidden: true })).getByRole('button', { name: '确认写入', hidden: true }));
    await waitFor(() => expect(host.plans.length + host.callsOf('applyChanges').length).toBe(1));
    const written = (host.plans[0]?.changes ?? (host.callsOf('applyChanges')[0][0] as PlanToApply['changes'])) as PlanToApply['changes'];
    expect(written.find((c) => c.cell === 'C8')).toMatchObject({ before: '40%', reason: 'fill.rate-replace', formula: '=IF(C10=0,"",C9/C10)' });
  });
});
