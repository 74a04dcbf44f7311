import type { CellChange } from '../../src/core/fill';
import { parseA1 } from '../../src/core/grid';
import { OBJECT_COST, actionBytes } from '../../src/excel/batch';
import { createExcelHost } from '../../src/excel/host';
import { FakeWorkbook, fillAnnex3 } from '../fakes/excel-fake';
import { ClientExcel } from '../fakes/office-client';

function setup() {
  const wb = new FakeWorkbook();
  const fake = new ClientExcel(wb);
  const host = createExcelHost(fake, { supports: fake.supports });
  return { wb, fake, host };
}

function change(sheet: string, cell: string, before: string, after: string | number, numberFormat?: string): CellChange {
  const { row, col } = parseA1(cell);
  return { sheet, cell, row, col, before, after, numberFormat, reason: 'test', message: 'test' };
}

describe('applyChanges', () => {
  test('writes the values; an ID keeps all 18 digits as text; other formats are set after the value', async () => {
    const { wb, fake, host } = setup();
    const s = wb.addSheet('附件3');
    s.set('A4', { value: 3 }).set('C4', { value: '' }).set('J4', { value: '６５４００２１９９００１０１１２３４' }).set('J5', { value: 65400219900101 }).set('E9', { value: 0.5 });
    const plan = [
      change('附件3', 'A4', '3', 1),
      change('附件3', 'C4', '', '男'),
      change('附件3', 'J4', '６５４００２１９９００１０１１２３４', '654002199001011234', '@'),
      change('附件3', 'J5', '65400219900101', '654002199001011234', '@'),
      change('附件3', 'E9', '0.5', '=IF(C9=0,"",C7/C9)', '0.00%'),
    ];
    fake.resetStats();
    const result = await host.applyChanges(plan);
    expect(result).toEqual({ written: 5, skipped: [] });
    expect(s.value('A4')).toBe(1);
    expect(s.value('C4')).toBe('男');
    expect(s.value('J4')).toBe('654002199001011234');
    expect(s.numberFormat('J4')).toBe('@');
    expect(s.value('J5')).toBe('654002199001011234');
    expect(s.numberFormat('E9')).toBe('0.00%');
    expect(fake.stats.syncs).toBe(2); // one re-read, one write

    // Order on the wire: '@' formats, then values, then the other formats.
    const writes = fake.trace.filter((t) => t.name === 'Values' || t.name === 'NumberFormat');
    const firstValue = writes.findIndex((t) => t.name === 'Values');
    const textFormat = writes.findIndex((t) => t.name === 'NumberFormat' && JSON.stringify(t.args).includes('"@"'));
    const percent = writes.findIndex((t) => t.name === 'NumberFormat' && JSON.stringify(t.args).includes('0.00%'));
    expect(textFormat).toBeLessThan(firstValue);
    expect(percent).toBeGreaterThan(firstValue);
  });

  test('planned text stays text in a General cell: a cleaned phone, a date-like string, a leading apostrophe', async () => {
    const { wb, host } = setup();
    const s = wb.addSheet('S');
    s.set('K4', { value: '138 0013 8000' }).set('K5', { value: '0991-1234567 ' }).set('B2', { value: 'x' }).set('C2', { value: 'y' }).set('D2', { value: 5 });
    s.set('K6', { value: '139 0013 8000', numberFormat: '@' });
    const r = await host.applyChanges([
      change('S', 'K4', '138 0013 8000', '13800138000'),
      change('S', 'K5', '0991-1234567 ', '0991-1234567'),
      change('S', 'K6', '139 0013 8000', '13900138000'),
      change('S', 'B2', 'x', "'引号开头"),
      change('S', 'C2', 'y', '2024-03-18'),
      change('S', 'D2', '5', 6),
    ]);
    expect(r.written).toBe(6);
    expect(s.value('K4')).toBe('13800138000');
    expect(s.value('K5')).toBe('0991-1234567');
    expect(s.value('K6')).toBe('13900138000');
    expect(s.value('B2')).toBe("'引号开头");
    expect(s.value('C2')).toBe('2024-03-18');
    expect(s.value('D2')).toBe(6);
  });

  test('a cell edited since the plan was made is skipped, never overwritten', async () => {
    const { wb, host } = setup();
    const s = wb.addSheet('S');
    s.set('C4', { value: '' }).set('C5', { value: '女' }).set('A4', { value: 9 });
    const plan = [change('S', 'C4', '', '男'), change('S', 'C5', '', '男'), change('S', 'A4', '7', 1)];
    const result = await host.applyChanges(plan);
    expect(result.written).toBe(1);
    expect(result.skipped.map((c) => c.cell)).toEqual(['C5', 'A4']);
    expect(s.value('C5')).toBe('女');
    expect(s.value('A4')).toBe(9);
    expect(s.value('C4')).toBe('男');
  });

  test('dates compare by the text the engine saw', async () => {
    const { wb, host } = setup();
    const s = wb.addSheet('S');
    s.set('B2', { value: 45369, numberFormat: 'yyyy/m/d' });
    const result = await host.applyChanges([change('S', 'B2', '2024-03-18', '2024年3月18日')]);
    expect(result.written).toBe(1);
  });

  test('a whole column of renumbering is one range per run and stays within the payload budget', async () => {
    const { wb, fake, host } = setup();
    const s = wb.addSheet('附件3');
    const layout = fillAnnex3(s, 20_000);
    // Everyone is out of order by one: 序号 is rewritten for all rows.
    for (let i = 0; i < 20_000; i++) s.set(`A${layout.firstDataRow + 1 + i}`, { value: i + 2 });
    const plan = Array.from({ length: 20_000 }, (_, i) => change('附件3', `A${layout.firstDataRow + 1 + i}`, String(i + 2), i + 1));
    fake.tracing = false;
    fake.resetStats();
    const result = await host.applyChanges(plan);
    expect(result.written).toBe(20_000);
    expect(s.value(`A${layout.firstDataRow + 20_000}`)).toBe(20_000);
    expect(fake.stats.syncs).toBe(2);
    expect(fake.maxRequestBytes).toBeLessThanOrEqual(4 * 1024 * 1024);
    expect(fake.maxResponseBytes).toBeLessThanOrEqual(4 * 1024 * 1024);
  });

  test('a missing sheet is a plain-language error', async () => {
    const { wb, host } = setup();
    wb.addSheet('S');
    await expect(host.applyChanges([change('不存在', 'A1', '', 'x')])).rejects.toMatchObject({ name: 'ExcelHostError', code: 'not-found' });
  });
});

describe('what applyChanges types into a cell (through the Office.js client)', () => {
  test.each([
    ['=HYPERLINK("http://x.example","点我")'],
    ['+A1'],
    ['-张三'],
    ['@王五'],
    ['=1+1'],
    ['-'],
  ])('county text %s is written as text, never as a formula', async (text) => {
    const { wb, host } = setup();
    const s = wb.addSheet('附件3');
    s.set('C4', { value: '旧' });
    s.set('D4', { value: '旧', numberFormat: '@' });
    await host.applyChanges([change('附件3', 'C4', '旧', text), change('附件3', 'D4', '旧', text)]);
    for (const cell of ['C4', 'D4']) {
      expect(s.value(cell)).toBe(text);
      expect(s.get(cell).formula).toBeFalsy();
    }
  });

  test('a planned formula (CellChange.formula) is still a formula', async () => {
    const { wb, host } = setup();
    const s = wb.addSheet('S');
    s.set('E9', { value: 0.5 });
    await host.applyChanges([{ ...change('S', 'E9', '0.5', '=IF(C9=0,"",C7/C9)', '0.00%'), formula: '=IF(C9=0,"",C7/C9)' }]);
    expect(s.get('E9').formula).toBe(true);
  });

  test.each([
    // [cell holds, its format, planned text, written value]
    [12, undefined, '14', 14],
    [446, undefined, '445.5', 445.5],
    [12, '@', '14', '14'],
    ['12', '@', '14', '14'],
    [12, undefined, '014', '014'],
    [12, undefined, '14人', '14人'],
    ['', undefined, '14', '14'],
  ])('a cell holding %p (format %p) corrected to %p holds %p', async (held, fmt, after, expected) => {
    const { wb, host } = setup();
    const s = wb.addSheet('S');
    s.set('B5', { value: held === '' ? null : held, numberFormat: fmt });
    await host.applyChanges([change('S', 'B5', String(held), after)]);
    expect(s.value('B5')).toStrictEqual(expected);
  });
});

describe('request bytes: the estimate against what Microsoft\'s client really sends', () => {
  test('1,000 scattered single-cell writes: estimated ≥ sent, and not far above', async () => {
    const { wb, fake, host } = setup();
    const s = wb.addSheet('附件3');
    const plan: CellChange[] = [];
    for (let i = 0; i < 1000; i++) {
      const cell = `${'ABCDEFGHIJKL'[i % 12]}${3 * i + 1}`;
      s.set(cell, { value: `旧${i}` });
      plan.push(change('附件3', cell, `旧${i}`, `新值${i}`));
    }
    fake.resetStats();
    await host.applyChanges(plan);
    const sent = fake.stats.requestBytes[fake.stats.requestBytes.length - 1]; // the write request
    const estimated = plan.reduce((n, c) => n + OBJECT_COST + actionBytes([[c.after]]), 0);
    expect(estimated).toBeGreaterThanOrEqual(sent);
    expect(estimated).toBeLessThanOrEqual(sent * 1.3);
  });
});
