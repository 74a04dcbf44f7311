import { escapeHtml, renderHtmlReport, REPORT_CSP } from '../../src/xlsx/html-report';
import { buildReport } from '../../src/core/report';
import { reportSchema } from '../../src/core/report';

test('values are masked with maskText: IDs however typed, phones too', () => {
  const html = renderHtmlReport(
    buildReport(
      [{ path: 'a.xlsx', error: null, tables: [] }],
      [
        { file: 'a.xlsx', sheet: 'S', cell: 'J5', rule: 'id.normalized', severity: 'info', message: '身份证号 110105 19491231 002X 含空格', value: '110105-19491231-002x', fix: '11010519491231002X' },
        { file: 'a.xlsx', sheet: 'S', cell: 'K5', rule: 'phone.invalid', severity: 'warning', message: 'm', value: '138 9999 0001', fix: null },
        { file: 'a.xlsx', sheet: 'S', cell: 'J6', rule: 'id.format', severity: 'error', message: 'm', value: '1101051949123100', fix: null },
      ],
    ),
  );
  expect(html).not.toMatch(/19491231/);
  expect(html).toContain('110105********002X');
  expect(html).toContain('138****0001');
  expect(html).toContain('110105******3100');
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

test('a Content-Security-Policy that allows no script and no network request comes first in the head', () => {
  const html = renderHtmlReport(buildReport([{ path: 'a.xlsx', error: null, tables: [] }], []));
  const head = html.slice(html.indexOf('<head>'), html.indexOf('</head>'));
  const metas = head.match(/<meta[^>]*>/g) ?? [];
  expect(metas[0]).toBe('<meta charset="utf-8">');
  expect(metas[1]).toBe(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`);
  const directives = new Map(REPORT_CSP.split(';').map((d) => { const [k, ...v] = d.trim().split(/\s+/); return [k, v.join(' ')]; }));
  expect(directives.get('default-src')).toBe("'none'");
  expect(directives.get('style-src')).toBe("'unsafe-inline'");
  for (const k of ['script-src', 'connect-src', 'img-src', 'font-src', 'frame-src']) expect(directives.has(k)).toBe(false); // default 'none' applies
  expect(directives.get('base-uri')).toBe("'none'");
  expect(directives.get('form-action')).toBe("'none'");
});

test('long rule lists are cut with a note', () => {
  const findings = Array.from({ length: 12 }, (_, i) => ({ file: 'a.xlsx', sheet: 'S', cell: `A${i + 1}`, rule: 'seq.gap', severity: 'warning' as const, message: 'm', value: null, fix: null }));
  const html = renderHtmlReport(buildReport([{ path: 'a.xlsx', error: null, tables: [] }], findings), { maxPerRule: 10 });
  expect(html).toContain('另有 2 条未列出');
});
