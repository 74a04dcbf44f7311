/**
 * @jest-environment jsdom
 *
 * The task pane as Excel starts it: src/taskpane/index.tsx under Office.onReady, with the real Office.js host
 * (src/excel/host.ts) over the in-memory fake of Excel (test/fakes/excel-fake.ts). Checks the wiring end to end:
 * display language → UI language, run the check, click a finding → Excel selects the cell, mark and clear.
 * Queries by text rather than by role here: the App runs with its real style renderer (see render.tsx).
 */
import './jsdom-setup';
import { screen, waitFor } from '@testing-library/react';
import { FakeExcel, NO_FILL, fillAnnex3 } from '../fakes/excel-fake';

// index.tsx renders with createRoot outside act(), as in Office; events are plain DOM clicks (RTL's fireEvent
// would wrap them in act() of the React instance loaded before jest.resetModules()).
// (Testing Library turns the act environment on in its own beforeAll, hence a beforeEach.)
beforeEach(() => {
  (globalThis as unknown as { IS_REACT_ACT_ENVIRONMENT: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
});

function bootOffice(displayLanguage: string): FakeExcel {
  const excel = new FakeExcel();
  const sheet = excel.workbook.addSheet('附件3');
  const layout = fillAnnex3(sheet, 5);
  // Second data row: a wrong check character.
  const row = layout.firstDataRow + 1;
  const id = String(sheet.cellAt(row, layout.idCol)!.value);
  const wrong = id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
  sheet.ensure(row, layout.idCol).value = wrong;
  const g = globalThis as unknown as Record<string, unknown>;
  g.Excel = excel;
  g.Office = {
    context: { displayLanguage, requirements: { isSetSupported: excel.supports } },
    onReady: (cb: () => void) => {
      void Promise.resolve().then(cb);
      return Promise.resolve({ host: 'Excel', platform: 'PC' });
    },
  };
  document.body.innerHTML = '<div id="container"></div>';
  return excel;
}

/** Run index.tsx afresh (a new React and module registry per test; lazy chunks load into the same registry). */
function start(): void {
  jest.resetModules();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('../../src/taskpane/index');
}

const button = (text: string) => screen.getByText(text, { selector: 'button, button *' }).closest('button') as HTMLButtonElement;

test('in Excel: Chinese UI, check, select the cell, mark and clear', async () => {
  const excel = bootOffice('zh-CN');
  start();
  await screen.findByText('运行检查');
  expect(document.documentElement.lang).toBe('zh-CN');
  button('运行检查').click();
  const finding = await screen.findByText((_, el) => el?.getAttribute('data-finding-rule') === 'id.checksum');
  const cell = finding.getAttribute('data-finding-cell')!;
  expect(cell).toBe('J5');
  finding.click();
  await waitFor(() => expect(excel.workbook.selection).toMatchObject({ address: expect.stringMatching(/J5$/) }));

  button('标注').click();
  await screen.findByText(/已标注 \d+ 个单元格。/);
  const sheet = excel.workbook.sheet('附件3');
  expect(sheet.cellAt(4, 9)!.fill?.color).not.toBe(NO_FILL.color);

  button('清除标注').click();
  await screen.findByText(/已清除 \d+ 个单元格的标注。/);
  expect(sheet.cellAt(4, 9)!.fill ?? NO_FILL).toMatchObject({ color: NO_FILL.color, pattern: NO_FILL.pattern });
});

test('in English Excel the pane is English', async () => {
  bootOffice('en-US');
  start();
  await screen.findByText('Run check');
  expect(document.documentElement.lang).toBe('en');
  expect(screen.getByText('All sheets')).toBeInTheDocument();
});
