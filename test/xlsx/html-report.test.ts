import { escapeHtml, maskIds, renderHtmlReport } from '../../src/xlsx/html-report';
import { buildReport } from '../../src/core/report';
import { reportSchema } from '../../src/core/report';

test('maskIds keeps the first 6 and last 4 characters of 18- and 15-digit numbers, leaves phones alone', () => {
  expect(maskIds('身份证号 11010519491231002X 与 J16 重复')).toBe('身份证号 110105********002X 与 J16 重复');
  expect(maskIds('x 11010519491231002x y')).toBe('x 110105********002X y');
  expect(maskIds('654002900101003')).toBe('654002*****1003');
  expect(maskIds('１１０１０５１９４９１２３１００２Ｘ')).toBe('110105********002X');
  expect(maskIds('13899990001 0999-8012345')).toBe('13899990001 0999-8012345');
  expect(maskIds('1234567890123456789012')).toBe('1234567890123456789012'); // longer runs are not IDs
});

test('escapeHtml', () => {
  expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
});

test('the page: self-contained, zh-CN, grouped by rule with counts, escaped and masked', () => {
  const doc = reportSchema.parse(
    buildReport(
      [
        { path: 'a<b>.xlsx', error: null, tables: [{ sheet: '附件3', kind: 'annex3.individual', range: 'A4:L9', rows: 5 }] },
        { path: 'old.xls', error: { code: 'xls', message: '这是旧版 Excel 97-2003 工作簿（.xls）' }, tables: [] },
        { path: 'story.xlsx', error: null, tables: [] },
      ],
      [
        { file: 'a<b>.xlsx', sheet: '附件3', cell: 'J5', rule: 'id.checksum', severity: 'error', message: '校验码错误 <script>', value: '65400219900101001X', fix: null },
        { file: 'a<b>.xlsx', sheet: '附件3', cell: 'J6', rule: 'id.checksum', severity: 'error', message: '校验码错误', value: '110105194912310021', fix: null },
        { file: 'a<b>.xlsx', sheet: '附件3', cell: 'H5', rule: 'unit-type.synonym', severity: 'info', message: '事业单位 → 事业', value: '事业单位', fix: '事业' },
      ],
    ),
  );
  const html = renderHtmlReport(doc, { generatedAt: new Date(Date.UTC(2025, 10, 3)) });
  expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
  expect(html).toContain('<html lang="zh-CN">');
  expect(html).toContain('<meta charset="utf-8">');
  expect(html).not.toMatch(/<script|<link|src=|url\(/i);
  expect(html).toContain('&lt;script&gt;');
  expect(html).toContain('a&lt;b&gt;.xlsx');
  expect(html).toMatch(/id\.checksum<\/code> × 2/);
  expect(html).toMatch(/unit-type\.synonym<\/code> × 1/);
  expect(html.indexOf('id.checksum</code>')).toBeLessThan(html.indexOf('unit-type.synonym</code>'));
  expect(html).not.toContain('65400219900101001X');
  expect(html).toContain('654002********001X');
  expect(html).toContain('110105********0021');
  expect(html).toContain('未找到可识别的表格');
  expect(html).toContain('这是旧版 Excel 97-2003 工作簿');
  expect(renderHtmlReport(doc, { lang: 'en' })).toContain('<html lang="en">');
});

test('long rule lists are cut with a note', () => {
  const findings = Array.from({ length: 12 }, (_, i) => ({ file: 'a.xlsx', sheet: 'S', cell: `A${i + 1}`, rule: 'seq.gap', severity: 'warning' as const, message: 'm', value: null, fix: null }));
  const html = renderHtmlReport(buildReport([{ path: 'a.xlsx', error: null, tables: [] }], findings), { maxPerRule: 10 });
  expect(html).toContain('另有 2 条未列出');
});
