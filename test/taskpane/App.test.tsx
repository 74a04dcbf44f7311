/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 *
 * (Node export conditions: the template chunk's ExcelJS needs uuid's Node build.)
 */
import './jsdom-setup';
import * as React from 'react';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import type { Lang } from '../../src/taskpane/i18n';
import type { LocatedFinding } from '../../src/core/check';
import type { CellChange, FillPlan } from '../../src/core/fill';
import { ExcelHostError } from '../../src/excel/errors';
import { FakeHost } from './fake-host';
import * as path from 'path';
import { readWorkbookFile } from '../../src/xlsx/read';
import { getProfile } from '../../src/core/profiles';
import { CheckSession, type FillPlanOptions, type SessionCheckView } from '../../src/worker/check-session';
import type { HostCheckRequest, OnProgress } from '../../src/taskpane/host-port';

/**
 * A host that checks where its workbook is, as the browser version's worker does: the pane must ask it for the
 * check and the fill plan and never read the grid itself.
 */
class CheckingHost extends FakeHost {
  session = new CheckSession();
  checks: HostCheckRequest[] = [];
  plans: number[] = [];
  async check(req: HostCheckRequest, onProgress?: OnProgress) {
    this.checks.push(req);
    onProgress?.({ done: 0, total: 1, step: 'read', unit: 'sheets' });
    const grid = req.scope === 'active' ? { ...this.grid, sheets: this.grid.sheets.slice(0, 1) } : this.grid;
    // Plain data only, as it crosses postMessage (jsdom has no structuredClone; JSON is stricter still).
    return JSON.parse(JSON.stringify(this.session.check(grid, { file: req.file, lang: req.lang, profile: getProfile(req.profile.id) }))) as SessionCheckView;
  }
  async fillPlan(checkId: number, opts: FillPlanOptions) {
    this.plans.push(checkId);
    return JSON.parse(JSON.stringify(this.session.plan(checkId, opts))) as FillPlan | null;
  }
}
import { renderFluent } from './render';

function setup(host = new FakeHost(), lang: Lang = 'zh') {
  renderFluent(<App host={host} lang={lang} logoSrc="" />);
  return host;
}

async function runCheck(name = '运行检查', list = '问题列表') {
  fireEvent.click(screen.getByRole('button', { name }));
  return screen.findByRole('region', { name: list });
}

/**
 * A tab by its label. Fluent renders each unselected label twice (the second, bold copy reserves the width and is
 * hidden by a style rule kept out of the page in these tests; see render.tsx), so the name starts with the label.
 */
const tab = (label: string) => screen.getByRole('tab', { name: new RegExp(`^${label}`) });

const countOf = (sev: string) => screen.getByTestId(`count-${sev}`).textContent;

describe('检查 panel', () => {
  test('reads the active sheet, runs the engine and shows counts and findings grouped by severity then rule', async () => {
    const host = setup();
    const list = await runCheck();
    expect(host.callsOf('readWorkbook')).toEqual([['active']]);
    expect(countOf('error')).toBe('3错误');
    expect(countOf('warning')).toBe('1警告');
    expect(countOf('info')).toBe('2提示');

    const errors = within(list).getByRole('region', { name: '错误 3' });
    const warnings = within(list).getByRole('region', { name: '警告 1' });
    const infos = within(list).getByRole('region', { name: '提示 2' });
    // Severity order: errors first.
    expect(errors.compareDocumentPosition(warnings) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(warnings.compareDocumentPosition(infos) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    // One group per rule, with its count; in catalogue order (required.missing before id.checksum).
    const ruleHeaders = within(errors)
      .getAllByRole('button')
      .filter((b) => b.closest('[data-rule]') && b.getAttribute('aria-expanded') !== null);
    expect(ruleHeaders.map((b) => b.closest('[data-rule]')?.getAttribute('data-rule'))).toEqual([
      'required.missing',
      'id.checksum',
      'id.gender-mismatch',
    ]);
    const checksum = errors.querySelector('[data-rule="id.checksum"]') as HTMLElement;
    expect(within(checksum).getByText('1')).toBeInTheDocument();
    expect(within(checksum).getByText(/身份证号校验码错误/)).toBeInTheDocument();
    expect(screen.getByText(/已识别 1 个表格/)).toBeInTheDocument();
    expect(screen.getByText(/附件3!A3:L8（先进个人推荐对象汇总表，5 行）/)).toBeInTheDocument();
  });

  test('an Excel that cannot read merged cells (below ExcelApi 1.13) says so with the results', async () => {
    const old = new FakeHost();
    old.caps = { ...old.caps, mergedCells: false };
    setup(old);
    await runCheck();
    expect(screen.getByText(/无法读取合并单元格/)).toBeInTheDocument();
  });

  test('no merged-cells note where merged cells are read', async () => {
    const host = new FakeHost();
    host.caps = { ...host.caps, mergedCells: true };
    setup(host);
    await runCheck();
    expect(screen.queryByText(/无法读取合并单元格/)).toBeNull();
  });

  test('全部工作表 reads every sheet', async () => {
    const host = setup();
    fireEvent.click(screen.getByLabelText('全部工作表'));
    await runCheck();
    expect(host.callsOf('readWorkbook')).toEqual([['all']]);
  });

  test('clicking a finding selects its cell', async () => {
    const host = setup();
    await runCheck();
    const row = screen.getByRole('button', { name: /附件3!J7 身份证号校验码错误/ });
    fireEvent.click(row);
    await waitFor(() => expect(host.callsOf('selectCell')).toEqual([['附件3', 'J7']]));
    expect(row).toHaveAttribute('aria-current', 'true');
  });

  test('the filter narrows the list by text and by severity', async () => {
    setup();
    const list = await runCheck();
    const findingButtons = () => list.querySelectorAll('button[data-finding-cell]');
    expect(findingButtons()).toHaveLength(6);

    fireEvent.change(screen.getByLabelText('筛选'), { target: { value: 'j8' } });
    expect([...findingButtons()].map((b) => b.getAttribute('data-finding-cell'))).toEqual(['J8']);
    expect(screen.getByText('显示 1 / 6 条')).toBeInTheDocument();

    fireEvent.change(screen.getByLabelText('筛选'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('级别'), { target: { value: 'warning' } });
    expect([...findingButtons()].map((b) => b.getAttribute('data-finding-rule'))).toEqual(['ethnicity.invalid']);
    expect(within(list).queryByRole('region', { name: /^错误/ })).toBeNull();

    fireEvent.change(screen.getByLabelText('筛选'), { target: { value: '没有这个' } });
    expect(screen.getByText('没有符合筛选条件的问题。')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '标注' })).toBeDisabled();
  });

  test('标注 marks the listed findings and 清除标注 clears the marks', async () => {
    const host = setup();
    await runCheck();
    fireEvent.change(screen.getByLabelText('级别'), { target: { value: 'error' } });
    fireEvent.click(screen.getByRole('button', { name: '标注' }));
    await screen.findByText('已标注 3 个单元格。');
    const marked = host.callsOf('mark')[0][0] as LocatedFinding[];
    expect(marked.map((f) => f.cell)).toEqual(['C5', 'C6', 'J7']);

    fireEvent.click(screen.getByRole('button', { name: '清除标注' }));
    await screen.findByText('已清除 3 个单元格的标注。');
    expect(host.callsOf('clearMarks')).toHaveLength(1);
  });

  test('shows progress while reading', async () => {
    const host = new FakeHost();
    let open!: () => void;
    host.gate = new Promise((resolve) => (open = resolve));
    setup(host);
    fireEvent.click(screen.getByRole('button', { name: '运行检查' }));
    const bar = await screen.findByRole('progressbar');
    expect(bar).toHaveAttribute('aria-valuenow', '0.25');
    expect(screen.getByText('正在读取工作表… 1 / 4')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '运行检查' })).toBeDisabled();
    await act(async () => open());
    await screen.findByRole('region', { name: '问题列表' });
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  test('a sheet without a recognisable table says so', async () => {
    setup(new FakeHost({ name: 'x.xlsx', sheets: [{ name: 'Sheet1', values: [['hello']] }] }));
    fireEvent.click(screen.getByRole('button', { name: '运行检查' }));
    await screen.findByText(/没有找到可识别的表格/);
  });
});

describe('errors', () => {
  test('a host error is shown with its own Chinese text', async () => {
    const host = new FakeHost();
    host.fail.readWorkbook = new ExcelHostError('protected', { officeCode: 'AccessDenied', detail: 'AccessDenied: The request is denied.' });
    setup(host);
    fireEvent.click(screen.getByRole('button', { name: '运行检查' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('工作表受保护或工作簿为只读，Excel 拒绝了修改。');
    // The Office text is there for support, behind 详细信息, never alone.
    expect(within(alert).getByText('详细信息')).toBeInTheDocument();
    fireEvent.click(within(alert).getByRole('button', { name: '关闭' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  test('an unknown exception gets a Chinese sentence around its message', async () => {
    const host = new FakeHost();
    host.fail.mark = new TypeError('Cannot read properties of undefined');
    setup(host);
    await runCheck();
    fireEvent.click(screen.getByRole('button', { name: '标注' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('操作未完成：Cannot read properties of undefined');
  });

  test('a selectCell failure is reported', async () => {
    const host = new FakeHost();
    host.fail.selectCell = new ExcelHostError('not-found');
    // (ExcelHostError is the port's HostError: the pane words its code.)
    setup(host);
    await runCheck();
    fireEvent.click(screen.getByRole('button', { name: /附件3!J7/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent('找不到要处理的工作表或单元格');
  });

  test('a thrown non-error still reads as Chinese', async () => {
    const host = new FakeHost();
    host.fail.clearMarks = undefined;
    setup(host);
    fireEvent.click(screen.getByRole('button', { name: '清除标注' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('操作未完成：发生了未知错误，请重试。');
  });
});

/**
 * The confirmation dialog. In jsdom every element has a zero-size box, so tabster (Fluent's focus manager) finds
 * nothing focusable inside the modal and, a moment later, hides the whole page including the dialog with
 * aria-hidden; `hidden: true` looks past that. The e2e test confirms the same dialog in Chromium.
 */
const findDialog = () => screen.findByRole('alertdialog', { hidden: true });

describe('a host that checks where the workbook is (the browser version)', () => {
  test('the pane asks it for the check and the fill plan, shows its findings and never reads the grid', async () => {
    const host = new CheckingHost();
    setup(host);
    const list = await runCheck();
    expect(host.checks).toEqual([{ scope: 'active', file: '县汇总.xlsx', lang: 'zh', profile: { id: 'ili-2025-contribution' } }]);
    expect(host.callsOf('readWorkbook')).toEqual([]);
    expect(countOf('error')).toBe('3错误');
    expect(within(list).getAllByRole('button').some((b) => b.getAttribute('data-finding-rule') === 'id.checksum')).toBe(true);
    fireEvent.click(tab('填充'));
    expect(await screen.findByRole('table', { name: '待写入的修改（4）' })).toBeInTheDocument();
    expect(host.plans).toEqual([1]);
    expect(host.callsOf('readWorkbook')).toEqual([]);
  });

  test('a register with no award chosen is checked again with the award that has quotas', async () => {
    const host = new CheckingHost((await readWorkbookFile(path.join(__dirname, '..', '..', 'examples', 'register-faulty.xlsx'))).grid);
    setup(host);
    await runCheck();
    expect(host.checks.map((c) => c.profile.id)).toEqual(['ili-2025-contribution', 'xj-qc-2019']);
    await waitFor(() => expect(screen.getByTestId('award-picker')).toHaveValue('xj-qc-2019'));
  });
});

describe('填充 panel', () => {
  async function openFill(host: FakeHost) {
    setup(host);
    fireEvent.click(tab('填充'));
    fireEvent.click(await screen.findByRole('button', { name: '读取并计算填充清单' }));
    return screen.findByRole('table', { name: /待写入的修改/ });
  }

  test('lists the changes and the conflicts; applies only after confirmation', async () => {
    const host = new FakeHost();
    const table = await openFill(host);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.getAttribute('data-change-cell'))).toEqual(['C5', 'H8', 'J8', 'K8']); // K8: a phone typed loosely, cleaned
    expect(rows[0]).toHaveTextContent('（空） → 女');
    expect(rows[0]).toHaveTextContent('性别由身份证号第17位得出：女');
    expect(rows[1]).toHaveTextContent('事业单位 → 事业');

    const conflicts = screen.getByTestId('fill-conflicts');
    expect(conflicts).toHaveTextContent('冲突（1）：仅报告，不会改动');
    expect(conflicts).toHaveTextContent('附件3!C6');
    expect(conflicts).toHaveTextContent('性别“男”与身份证号（女）不符，未改动，请核实');

    // Nothing is written by opening the dialog, nor by cancelling it.
    fireEvent.click(screen.getByRole('button', { name: '应用 4 处修改…' }));
    const dialog = await findDialog();
    expect(dialog).toHaveTextContent('确认写入修改');
    expect(dialog).toHaveTextContent('将向“附件3”写入 4 个单元格');
    expect(host.callsOf('applyChanges')).toHaveLength(0);
    fireEvent.click(within(dialog).getByRole('button', { name: '取消', hidden: true }));
    await waitFor(() => expect(screen.queryByRole('alertdialog', { hidden: true })).toBeNull());
    expect(host.callsOf('applyChanges')).toHaveLength(0);

    // Deselect one change, then confirm.
    fireEvent.click(screen.getByRole('checkbox', { name: '选择 附件3!H8' }));
    fireEvent.click(screen.getByRole('button', { name: '应用 3 处修改…' }));
    fireEvent.click(within(await findDialog()).getByRole('button', { name: '确认写入', hidden: true }));
    await waitFor(() => expect(host.callsOf('applyChanges')).toHaveLength(1));
    const written = host.callsOf('applyChanges')[0][0] as CellChange[];
    expect(written.map((c) => c.cell)).toEqual(['C5', 'J8', 'K8']);
    // The conflict is never among the writes.
    expect(written.some((c) => c.cell === 'C6')).toBe(false);
    expect(await screen.findByTestId('apply-report')).toHaveTextContent('已写入 3 处修改。');
    // The sheet is read again afterwards.
    await waitFor(() => expect(host.callsOf('readWorkbook')).toHaveLength(2));
  });

  test('reports the cells skipped because they changed since', async () => {
    const host = new FakeHost();
    host.skip = (c) => c.cell === 'J8';
    await openFill(host);
    fireEvent.click(screen.getByRole('button', { name: '应用 4 处修改…' }));
    fireEvent.click(within(await findDialog()).getByRole('button', { name: '确认写入', hidden: true }));
    const report = await screen.findByTestId('apply-report');
    expect(report).toHaveTextContent('已写入 3 处修改。');
    expect(report).toHaveTextContent('1 处未写入：这些单元格在计算清单后已被修改');
    expect(report).toHaveTextContent('附件3!J8（计算时为“６５４００２');
  });

  test('a long list of changes mounts in slices of 25 rows, one task each, up to its first page of 100', async () => {
    const host = new FakeHost();
    const sheet = host.grid.sheets[0];
    // 130 more nominees whose 单位性质 is the synonym 事业单位: one change each.
    const template = sheet.values[7];
    const more = Array.from({ length: 130 }, (_, i) => [9 + i, `${i}号`, ...template.slice(2, 7), '事业单位', ...template.slice(8, 9), template[9], '13999990045', null]);
    host.grid = { ...host.grid, sheets: [{ ...sheet, values: [...sheet.values, ...more], numberFormats: undefined }] };
    setup(host);
    fireEvent.click(tab('填充'));
    fireEvent.click(await screen.findByRole('button', { name: '读取并计算填充清单' }));
    const table = await screen.findByRole('table', { name: /待写入的修改（\d+）/ });
    const total = Number(/（(\d+)）/.exec(table.getAttribute('aria-label') ?? '')![1]);
    expect(total).toBeGreaterThan(130);
    const rows = () => table.querySelectorAll('tr[data-change-cell]').length;
    const seen = new Set<number>([rows()]);
    expect(rows()).toBeLessThanOrEqual(25);
    await waitFor(() => {
      seen.add(rows());
      expect(rows()).toBe(100);
    });
    // It grew through slices, and stops at the page: the rest behind 再显示.
    expect([...seen].every((n) => n % 25 === 0 || n === 100)).toBe(true);
    expect(within(screen.getByRole('tabpanel', { name: '填充' })).getByText(/^再显示 \d+ 条$/)).toBeInTheDocument();
  });

  test('uses the latest check when there is one', async () => {
    const host = new FakeHost();
    setup(host);
    await runCheck();
    fireEvent.click(tab('填充'));
    expect(await screen.findByRole('table', { name: '待写入的修改（4）' })).toBeInTheDocument();
    expect(host.callsOf('readWorkbook')).toHaveLength(1);
  });
});

describe('模板 panel', () => {
  test('offers the five kinds, titles the sheet with the chosen award and inserts it through insertSheet', async () => {
    const host = setup();
    fireEvent.click(tab('模板'));
    const kinds = await screen.findByTestId('template-kinds');
    expect(within(kinds).getAllByRole('radio').map((r) => (r as HTMLInputElement).value)).toEqual(['annex3', 'qc-stats', 'team-stats', 'quota', 'register']);
    expect(screen.getByText(/数据验证/)).toBeInTheDocument();
    // The award picker is shared: choose 吉林省质量奖 and the template follows.
    await waitFor(() => expect(screen.getByTestId('award-picker')).toBeEnabled());
    fireEvent.change(screen.getByTestId('award-picker'), { target: { value: 'jilin-2025-quality' } });
    expect(await screen.findByTestId('template-award')).toHaveTextContent('吉林省质量奖（2025）');
    fireEvent.click(within(kinds).getByRole('radio', { name: /申报登记表/ }));
    fireEvent.click(screen.getByRole('button', { name: '插入申报登记表' }));
    await screen.findByText('已插入工作表“登记表 (2)”。', undefined, { timeout: 15_000 });
    const [payload] = host.callsOf('insertSheet')[0] as [import('../../src/taskpane/host-port').SheetPayload];
    expect(payload.name).toBe('登记表');
    const spec = await payload.spec!();
    expect(spec.values.flat().some((v) => typeof v === 'string' && v.includes('吉林省质量奖'))).toBe(true);
  });

  test('says so when the host cannot insert sheets, naming the CLI command of the chosen kind', async () => {
    const host = new FakeHost();
    host.caps = { ...host.caps, insertWorksheets: false };
    setup(host);
    fireEvent.click(tab('模板'));
    fireEvent.click(within(await screen.findByTestId('template-kinds')).getByRole('radio', { name: /附件2 推荐名额表/ }));
    expect(await screen.findByText(/不支持插入工作表.*award-tally template quota/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^插入/ })).toBeNull();
  });
});

describe('English', () => {
  test('lang=en shows the English UI and English messages', async () => {
    const host = new FakeHost();
    host.fail.clearMarks = new Error('disk on fire');
    setup(host, 'en');
    expect(tab('Check')).toBeInTheDocument();
    expect(tab('Fill')).toBeInTheDocument();
    expect(tab('Template')).toBeInTheDocument();
    expect(screen.getByLabelText('All sheets')).toBeInTheDocument();
    const list = await runCheck('Run check', 'Findings');
    expect(within(list).getByRole('region', { name: 'Errors 3' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /附件3!J7 Wrong check character/ })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Clear marks' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The operation did not complete: disk on fire');
  });
});
