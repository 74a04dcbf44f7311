/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 *
 * (Node export conditions: ExcelJS's dependency uuid would otherwise resolve to its browser ESM build.)
 */
import './jsdom-setup';
import * as path from 'path';
import * as React from 'react';
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
  test('tallies the register against xj-qc-2019, marks over-quota regions, lists findings that select their cell, inserts the sheet', async () => {
    const host = new QuotaHost(register);
    renderFluent(<App host={host} lang="zh" logoSrc="" />);
    fireEvent.click(tab('名额'));
    fireEvent.click(await screen.findByRole('button', { name: '读取并统计' }));
    const table = await screen.findByRole('table', { name: /按地区/ });
    expect(host.callsOf('readWorkbook')).toEqual([['all']]);
    expect(screen.getByTestId('quota-source').textContent).toMatch(/内置/);

    // 奎屯市工信局: 5 groups for a quota of 4 (examples/register-faulty.xlsx).
    const kuitun = within(table)
      .getAllByRole('row')
      .find((r) => r.getAttribute('data-region')?.startsWith('奎屯市'))!;
    expect(kuitun).toBeDefined();
    const over = kuitun.querySelectorAll('[data-over="true"]');
    expect(over.length).toBeGreaterThan(0);
    expect(over[0].textContent).toMatch(/超出 1/);
    expect(within(table).getAllByText(/不在名额表中/).length).toBeGreaterThan(0);

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

    // 插入名额核对表: the payload is the ExcelJS sheet with live COUNTIFS over the register sheet.
    fireEvent.click(screen.getByRole('button', { name: '插入名额核对表' }));
    await screen.findByTestId('quota-inserted');
    expect(host.sheets).toHaveLength(1);
    const wb = await host.sheets[0].workbook!();
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('名额核对');
    const formulas: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => typeof c.value === 'object' && c.value && 'formula' in c.value && formulas.push(String(c.value.formula))));
    expect(formulas.some((f) => f.includes('COUNTIFS') && f.includes(`'${register.sheets.find((s) => s.name === sheet)?.name ?? sheet}'!`))).toBe(true);
    const spec = await host.sheets[0].spec!();
    expect(spec.values.flat().some((v) => typeof v === 'string' && v.startsWith('=') && v.includes('COUNTIFS'))).toBe(true);
  });

  test('English labels', async () => {
    const host = new QuotaHost(register);
    renderFluent(<App host={host} lang="en" logoSrc="" />);
    fireEvent.click(tab('Quotas'));
    fireEvent.click(await screen.findByRole('button', { name: 'Read and tally' }));
    expect(await screen.findByRole('table', { name: /By region/ })).toBeInTheDocument();
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
});
