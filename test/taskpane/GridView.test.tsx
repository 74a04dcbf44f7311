/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 *
 * (Node export conditions: ExcelJS's dependency uuid would otherwise resolve to its browser ESM build.)
 */
import './jsdom-setup';
import * as React from 'react';
import { act, fireEvent, render, screen } from '@testing-library/react';
import ExcelJS from 'exceljs';
import { GridHost, type ExcelJSModule } from '../../src/preview/grid-host';
import { GridView, formatValue } from '../../src/preview/GridView';
import type { LocatedFinding } from '../../src/core/check';

function workbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('附件3');
  ws.mergeCells('A1:D1');
  ws.getCell('A1').value = '推荐对象汇总表';
  ws.getCell('A1').font = { bold: true };
  ws.getCell('A2').value = '序号';
  ws.getCell('B2').value = '身份证号';
  ws.getCell('B2').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
  ws.getCell('A3').value = 1;
  ws.getCell('B3').value = 654021198503120000;
  ws.getCell('C3').numFmt = '@';
  ws.getCell('C3').value = '654002198001011230';
  wb.addWorksheet('第二页').getCell('A1').value = 'x';
  return wb;
}

function setup() {
  const host = new GridHost({ lang: 'zh', excelJS: async () => ExcelJS as unknown as ExcelJSModule });
  host.setWorkbook(workbook(), 'x.xlsx');
  const view = render(<GridView host={host} lang="zh" />);
  return { host, view };
}

const td = (addr: string) => document.querySelector(`td[data-cell="${addr}"]`) as HTMLTableCellElement | null;

const finding = (cell: string, row: number, col: number, severity: LocatedFinding['severity'], message: string): LocatedFinding => ({
  file: 'x.xlsx', sheet: '附件3', cell, row, col, rule: 'id.checksum', severity, message, value: null, fix: null,
});

test('shows cells with A1 headers, merges, fills and Excel-like numbers', () => {
  setup();
  expect(screen.getByRole('columnheader', { name: 'A' })).toBeInTheDocument();
  expect(screen.getByRole('rowheader', { name: '3' })).toBeInTheDocument();
  expect(td('A1')).toHaveTextContent('推荐对象汇总表');
  expect(td('A1')).toHaveAttribute('colspan', '4');
  expect(td('B1')).toBeNull();
  expect(td('A1')!.style.fontWeight).toBe('600');
  expect(td('B2')!.style.background).toMatch(/242, 242, 242|f2f2f2/i);
  // An ID typed as a number shows as Excel shows it; a text cell shows every digit.
  expect(td('B3')).toHaveTextContent('6.54021E+17');
  expect(td('C3')).toHaveTextContent('654002198001011230');
  expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual(['附件3', '第二页']);
});

test('selectCell outlines the cell and switches sheets', async () => {
  const { host } = setup();
  await act(() => host.selectCell('附件3', 'B3'));
  expect(td('B3')).toHaveAttribute('data-selected', 'true');
  expect(document.querySelectorAll('[data-selected="true"]')).toHaveLength(1);
  expect(td('B3')!.className).toContain('sel');
  await act(() => host.selectCell('第二页', 'A1'));
  expect(screen.getByRole('table')).toHaveAttribute('data-sheet', '第二页');
  expect(td('A1')).toHaveAttribute('data-selected', 'true');
  fireEvent.click(screen.getByRole('tab', { name: '附件3' }));
  expect(screen.getByRole('table')).toHaveAttribute('data-sheet', '附件3');
});

test('mark colours cells with the messages as title; clearMarks restores the grid exactly', async () => {
  const { host } = setup();
  const table = screen.getByRole('table');
  const before = table.innerHTML;
  await act(() =>
    host.mark([finding('B3', 2, 1, 'warning', '身份证号以数字形式保存'), finding('B3', 2, 1, 'error', '校验码错误'), finding('A3', 2, 0, 'info', '提示')]),
  );
  expect(td('B3')).toHaveAttribute('data-mark', 'error');
  expect(td('B3')).toHaveAttribute('title', '身份证号以数字形式保存\n校验码错误');
  expect(td('B3')!.style.background).toMatch(/255, 199, 206|ffc7ce/i);
  expect(td('A3')).toHaveAttribute('data-mark', 'info');
  await act(() => host.clearMarks());
  expect(table.innerHTML).toBe(before);
});

test('applyChanges re-renders the written cells', async () => {
  const { host } = setup();
  await act(async () => {
    await host.applyChanges([{ sheet: '附件3', cell: 'A3', row: 2, col: 0, before: '1', after: 7, reason: 'fill.seq', message: '' }]);
  });
  expect(td('A3')).toHaveTextContent('7');
});

test('formatValue follows Excel for the common formats', () => {
  expect(formatValue(654021198503120000, undefined)).toBe('6.54021E+17');
  expect(formatValue(654021198503120000, '@')).toBe('654021198503120000');
  expect(formatValue(12345, undefined)).toBe('12345');
  // A date serial under a date format (the 填表日期 column of a master sheet) shows as the date.
  expect(formatValue(45958, 'yyyy-mm-dd')).toBe('2025-10-28');
  expect(formatValue(0.256, '0.0%')).toBe('25.6%');
  expect(formatValue(0.5, '0%')).toBe('50%');
  expect(formatValue(1 / 3, undefined)).toBe('0.3333333333');
  expect(formatValue(new Date(Date.UTC(2025, 10, 3)), undefined)).toBe('2025-11-03');
  expect(formatValue(true, undefined)).toBe('TRUE');
  expect(formatValue(null, undefined)).toBe('');
});

test('a long sheet mounts its window in slices of rows, one task each, until the window is full', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('长表');
  for (let r = 1; r <= 500; r++) ws.addRow([r, `姓名${r}`, '男', '汉族']);
  const host = new GridHost({ lang: 'zh', excelJS: async () => ExcelJS as unknown as ExcelJSModule });
  host.setWorkbook(wb, 'long.xlsx');
  jest.useFakeTimers();
  try {
    render(<GridView host={host} lang="zh" />);
    const rowsNow = () => document.querySelectorAll('tbody th[scope="row"]').length;
    // First task: the first rows only (the rest of the window is left to later tasks).
    expect(rowsNow()).toBe(30);
    expect(td('A1')).toHaveTextContent('1');
    expect(td('A31')).toBeNull();
    const seen = [rowsNow()];
    for (let i = 0; i < 10; i++) {
      act(() => {
        jest.advanceTimersToNextTimer();
      });
      seen.push(rowsNow());
    }
    // Grows by one slice a task, then stops at the window (rows in view plus the overscan), far short of 500.
    expect(seen.slice(0, 3)).toEqual([30, 60, 80]);
    expect(new Set(seen.slice(2))).toEqual(new Set([80]));
    expect(td('A80')).toHaveTextContent('80');
    expect(td('A81')).toBeNull();
  } finally {
    jest.useRealTimers();
  }
});
