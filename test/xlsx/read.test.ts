import { promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { readWorkbookBuffer, readWorkbookFile, findSoffice, runSoffice } from '../../src/xlsx/read';
import { WorkbookReadError, type ReadErrorCode } from '../../src/xlsx/errors';
import { sniff } from '../../src/xlsx/sniff';
import { makeCfb, makeXlsx, makeZip } from './helpers/zip';

let dir: string;
beforeAll(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'at-read-'));
});
afterAll(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

async function fixture(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('附件3');
  ws.getCell('A1').value = '伊犁州经济高质量发展贡献奖先进集体和先进个人推荐对象汇总表';
  ws.mergeCells('A1:D1');
  ws.getCell('A2').value = 42;
  ws.getCell('B2').value = 654002199001010012; // an ID typed as a number: precision already lost
  ws.getCell('C2').value = '654002199001010012';
  ws.getCell('C2').numFmt = '@';
  ws.getCell('D2').value = new Date(Date.UTC(2025, 10, 3));
  ws.getCell('D2').numFmt = 'yyyy"年"m"月"d"日"';
  ws.getCell('A3').value = { richText: [{ text: '政治', font: { bold: true } }, { text: '\n面貌' }] };
  ws.getCell('B3').value = { formula: 'A2*2', result: 84 };
  ws.getCell('C3').value = { formula: '"a"&"b"', result: 'ab' };
  ws.getCell('D3').value = { formula: '1/0', result: { error: '#DIV/0!' } };
  ws.getCell('A4').value = true;
  ws.getCell('B4').value = { error: '#N/A' };
  ws.getCell('C4').value = { text: '链接', hyperlink: 'https://example.org' };
  ws.getCell('D4').value = 0.125;
  ws.getCell('D4').numFmt = '0.00%';
  ws.mergeCells('A6:B7');
  ws.getCell('A6').value = '合并';
  ws.getCell('F9').value = '远处';
  ws.getCell('A12').numFmt = '@'; // styled but empty: not part of the grid
  const ws2 = wb.addWorksheet('第二页');
  ws2.getCell('B2').value = '二';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('readWorkbook: values from an ExcelJS-written workbook', () => {
  let buf: Buffer;
  beforeAll(async () => {
    buf = await fixture();
  });

  test.each(['stream', 'full'] as const)('%s mode', async (mode) => {
    const { grid } = await readWorkbookBuffer(buf, { name: 'f.xlsx', mode });
    expect(grid.name).toBe('f.xlsx');
    expect(grid.sheets.map((s) => s.name)).toEqual(['附件3', '第二页']);
    const s = grid.sheets[0];
    const v = s.values;
    expect(s.origin).toEqual({ row: 0, col: 0 });
    expect(v[0]).toEqual(['伊犁州经济高质量发展贡献奖先进集体和先进个人推荐对象汇总表']); // merged B1:D1 are empty
    expect(v[1][0]).toBe(42);
    expect(typeof v[1][1]).toBe('number'); // detectable as a number (id.precision-lost)
    expect(v[1][1]).toBe(654002199001010012);
    expect(v[1][2]).toBe('654002199001010012');
    expect(v[1][3]).toEqual(new Date(Date.UTC(2025, 10, 3)));
    expect(v[2]).toEqual(['政治\n面貌', 84, 'ab', '#DIV/0!']);
    expect(v[3]).toEqual([true, '#N/A', '链接', 0.125]);
    expect(v[4]).toEqual([]);
    expect(v[5]).toEqual(['合并']);
    expect(v[6]).toEqual([]);
    expect(v[8]).toEqual([null, null, null, null, null, '远处']);
    expect(v.length).toBe(9); // the styled empty A12 does not extend the grid
    expect(s.numberFormats?.[1][2]).toBe('@');
    expect(s.numberFormats?.[1][3]).toBe('yyyy"年"m"月"d"日"');
    expect(s.numberFormats?.[3][3]).toBe('0.00%');
    expect(s.numberFormats?.[1][0] ?? null).toBeNull();
    expect(s.merges).toEqual(
      expect.arrayContaining([
        { top: 0, left: 0, bottom: 0, right: 3 },
        { top: 5, left: 0, bottom: 6, right: 1 },
      ]),
    );
    expect(s.merges).toHaveLength(2);
    expect(grid.sheets[1].values).toEqual([[], [null, '二']]);
  });

  test('stream and full modes give the same grid', async () => {
    const a = await readWorkbookBuffer(buf, { name: 'f', mode: 'stream' });
    const b = await readWorkbookBuffer(buf, { name: 'f', mode: 'full' });
    expect(a.grid).toEqual(b.grid);
  });

  test('readWorkbookFile uses the path as the grid name', async () => {
    const p = path.join(dir, 'fixture.xlsx');
    await fsp.writeFile(p, buf);
    const { grid, convertedFrom } = await readWorkbookFile(p);
    expect(grid.name).toBe(p);
    expect(convertedFrom).toBeUndefined();
  });
});

describe('readWorkbook: raw worksheet XML other writers produce', () => {
  const sheetXml = (rows: string, extra = '') => `<sheetData>${rows}</sheetData>${extra}`;

  test('cell types, inline rich strings, phonetic runs, escapes, rows and cells without r', async () => {
    const buf = makeXlsx({
      sharedStrings: ['共享', 'a_x000D_b'],
      sharedStringsXml: ['<si><r><t>富</t></r><r><rPr><b/></rPr><t>文本</t></r></si>', '<si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh></si>'],
      sheets: [
        {
          name: 'S',
          xml: sheetXml(
            '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>' +
              '<row r="2"><c r="A2" t="inlineStr"><is><r><t>内</t></r><r><t xml:space="preserve">联 </t></r></is></c>' +
              '<c r="B2" t="b"><v>1</v></c><c r="C2" t="e"><v>#REF!</v></c><c r="D2" t="str"><f>"x"&amp;"y"</f><v>x&amp;y</v></c></row>' +
              '<row r="3"><c r="A3" t="b"><f>1=1</f><v>1</v></c><c r="B3" t="e"><f>NA()</f><v>#N/A</v></c><c r="C3"><f>1+1</f></c><c r="D3" t="d"><v>2025-11-03T00:00:00Z</v></c></row>' +
              '<row><c><v>1</v></c><c><v>2.5</v></c><c r="E4"><v>-3</v></c></row>' +
              '<row r="6"><c r="A6" t="inlineStr"><is><t>单</t></is></c><c r="B6" t="str"><f>""</f><v></v></c></row>',
            '<mergeCells count="1"><mergeCell ref="A6:C6"/></mergeCells>',
          ),
        },
      ],
    });
    const { grid } = await readWorkbookBuffer(buf, { name: 'raw' });
    const v = grid.sheets[0].values;
    expect(v[0]).toEqual(['共享', 'a\rb', '富文本', '漢字']);
    expect(v[1]).toEqual(['内联 ', true, '#REF!', 'x&y']);
    expect(v[2]).toEqual([true, '#N/A', null, new Date('2025-11-03T00:00:00Z')]);
    expect(v[3]).toEqual([1, 2.5, null, null, -3]);
    expect(v[4]).toEqual([]);
    expect(v[5]).toEqual(['单']);
    expect(grid.sheets[0].merges).toEqual([{ top: 5, left: 0, bottom: 5, right: 2 }]);
  });

  test.each(['styles-first', 'styles-last', 'strings-first-styles-last'] as const)(
    'dates from built-in, East Asian and custom formats; 1904 system (%s)',
    async (order) => {
      const row = '<row r="1"><c r="A1" s="1"><v>45964</v></c><c r="B1" s="2"><v>45964</v></c><c r="C1" s="3"><v>45964</v></c><c r="D1" s="4"><v>45964</v></c><c r="E1" s="5"><v>654002199001010000</v></c></row>';
      const buf = makeXlsx({
        order,
        xfs: [0, 14, 31, 176, 10, 0],
        numFmts: [{ id: 176, code: 'yyyy"年"m"月"d"日";@' }],
        sheets: [{ name: 'D', xml: sheetXml(row) }],
      });
      const { grid } = await readWorkbookBuffer(buf, { name: 'd' });
      const v = grid.sheets[0].values[0];
      const nov3 = new Date(Date.UTC(2025, 10, 3));
      expect(v).toEqual([nov3, nov3, nov3, 45964, 654002199001010000]);
      expect(grid.sheets[0].numberFormats?.[0]).toEqual(['mm-dd-yy', 'yyyy"年"m"月"d"日"', 'yyyy"年"m"月"d"日";@', '0.00%']);

      const b1904 = makeXlsx({ order, date1904: true, xfs: [0, 14], sheets: [{ name: 'D', xml: sheetXml('<row r="1"><c r="A1" s="1"><v>44502</v></c></row>') }] });
      const g = await readWorkbookBuffer(b1904, { name: 'd' });
      expect(g.grid.sheets[0].values[0][0]).toEqual(nov3);
    },
  );

  test('Chinese text straddling chunk boundaries stays whole (shared and inline strings, 64 KB chunks)', async () => {
    const names = Array.from({ length: 6000 }, (_, i) => `伊犁哈萨克自治州第${i}号单位`);
    const rows = names.map((_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>${i}</v></c><c r="B${i + 1}" t="inlineStr"><is><t>${names[i]}·内联</t></is></c></row>`).join('');
    for (const store of [false, true]) {
      const buf = makeXlsx({ store, sharedStrings: names, sheets: [{ name: 'S', xml: sheetXml(rows) }] });
      const { grid } = await readWorkbookBuffer(buf, { name: 'zh' });
      const v = grid.sheets[0].values;
      expect(v).toHaveLength(names.length);
      const bad = v.filter((r, i) => r[0] !== names[i] || r[1] !== `${names[i]}·内联`);
      expect(bad).toEqual([]);
    }
  });

  test('tab order follows workbook.xml, not the order of the parts', async () => {
    const buf = makeXlsx({
      partNumbers: [2, 1],
      sheets: [
        { name: '第一', xml: sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>1</t></is></c></row>') },
        { name: '第二', xml: sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>2</t></is></c></row>') },
      ],
    });
    const { grid } = await readWorkbookBuffer(buf, { name: 'o' });
    expect(grid.sheets.map((s) => [s.name, s.values[0][0]])).toEqual([
      ['第一', '1'],
      ['第二', '2'],
    ]);
  });
});

describe('readWorkbook: bad input', () => {
  async function codeOf(p: string, opts: { convertXls?: boolean } = {}): Promise<{ code: ReadErrorCode; message: string; messageEn: string }> {
    try {
      await readWorkbookFile(p, opts);
    } catch (e) {
      expect(e).toBeInstanceOf(WorkbookReadError);
      const err = e as WorkbookReadError;
      return { code: err.code, message: err.message, messageEn: err.messageEn };
    }
    throw new Error('expected a WorkbookReadError');
  }
  const write = async (name: string, data: Buffer | string) => {
    const p = path.join(dir, name);
    await fsp.writeFile(p, data);
    return p;
  };

  test('missing file and a directory', async () => {
    expect((await codeOf(path.join(dir, 'nope.xlsx'))).code).toBe('not-found');
    const sub = path.join(dir, 'sub.xlsx');
    await fsp.mkdir(sub, { recursive: true });
    expect((await codeOf(sub)).code).toBe('io');
  });

  test('a text file named .xlsx', async () => {
    const r = await codeOf(await write('text.xlsx', '序号,姓名\n1,张三\n'));
    expect(r.code).toBe('not-workbook');
    expect(r.message).toMatch(/不是 Excel 工作簿/);
    expect(r.message).toMatch(/另存为/);
    expect(r.messageEn).toMatch(/not an Excel workbook/);
  });

  test('an HTML "xls" export', async () => {
    expect((await codeOf(await write('export.xls', '<html><body><table><tr><td>1</td></tr></table></body></html>'))).code).toBe('not-workbook');
  });

  test('zero bytes, truncated, and damaged zips', async () => {
    expect((await codeOf(await write('zero.xlsx', Buffer.alloc(0)))).code).toBe('corrupt');
    const good = await fixture();
    const truncated = await codeOf(await write('truncated.xlsx', good.subarray(0, Math.floor(good.length / 2))));
    expect(truncated.code).toBe('corrupt');
    expect(truncated.message).toMatch(/损坏/);
    // Central directory intact, compressed worksheet bytes scrambled.
    const xml = '<sheetData>' + Array.from({ length: 200 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('') + '</sheetData>';
    const pkg = makeXlsx({ sheets: [{ name: 'S', xml }] });
    const at = pkg.lastIndexOf(Buffer.from('xl/worksheets/sheet1.xml')) ; // central directory copy of the name
    const local = pkg.indexOf(Buffer.from('xl/worksheets/sheet1.xml'));
    expect(local).toBeLessThan(at);
    const damaged = Buffer.from(pkg);
    for (let i = local + 40; i < local + 120; i++) damaged[i] = (damaged[i] * 7 + 13) & 0xff;
    expect((await codeOf(await write('damaged.xlsx', damaged))).code).toBe('corrupt');
    // Well-formed zip, malformed XML inside.
    const badXml = makeXlsx({ sheets: [{ name: 'S', xml: '<sheetData><row r="1"><c r="A1"><v>1</v></row>' }] });
    expect((await codeOf(await write('badxml.xlsx', badXml))).code).toBe('corrupt');
  }, 20_000);

  test('a zip that is not a workbook (a Word document) and an .xlsb', async () => {
    const docx = makeZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'word/document.xml', data: '<w:document/>' },
    ]);
    expect((await codeOf(await write('doc.xlsx', docx))).code).toBe('not-workbook');
    const xlsb = makeZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'xl/workbook.bin', data: Buffer.from([1, 2, 3]) },
    ]);
    const r = await codeOf(await write('b.xlsx', xlsb));
    expect(r.code).toBe('xlsb');
    expect(r.message).toMatch(/另存为/);
  });

  test('password-protected workbook: OLE2 with EncryptionInfo, told apart from .xls', async () => {
    const enc = makeCfb(['EncryptionInfo', 'EncryptedPackage']);
    expect(sniff(enc).kind).toBe('encrypted');
    const r = await codeOf(await write('secret.xlsx', enc));
    expect(r.code).toBe('encrypted');
    expect(r.message).toMatch(/密码/);
    expect(r.messageEn).toMatch(/password/);
    expect(sniff(makeCfb(['Workbook'])).kind).toBe('xls');
    expect(sniff(makeCfb(['WordDocument'])).kind).toBe('ole2-other');
  });

  test('legacy .xls without conversion', async () => {
    const r = await codeOf(await write('old.xls', makeCfb(['Workbook'])), { convertXls: false });
    expect(r.code).toBe('xls');
    expect(r.message).toMatch(/请.*另存为.*\.xlsx/);
    expect(r.messageEn).toMatch(/Save As/);
  });

  test('legacy .xls with no soffice on the PATH', async () => {
    const saved = process.env.PATH;
    process.env.PATH = dir;
    try {
      expect(await findSoffice()).toBeNull();
      expect((await codeOf(await write('old2.xls', makeCfb(['Workbook'])))).code).toBe('xls');
    } finally {
      process.env.PATH = saved;
    }
  });

  test('empty workbooks', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1');
    wb.addWorksheet('Sheet2').getCell('C3').numFmt = '@';
    const r = await codeOf(await write('empty.xlsx', Buffer.from(await wb.xlsx.writeBuffer())));
    expect(r.code).toBe('empty');
    expect(r.message).toMatch(/没有任何数据/);
    const none = makeXlsx({ sheets: [] });
    expect((await codeOf(await write('nosheets.xlsx', none))).code).toBe('empty');
  });
});

describe('legacy .xls through LibreOffice', () => {
  let soffice: string | null = null;
  beforeAll(async () => {
    soffice = await findSoffice();
    if (!soffice) console.log('skipped: soffice (LibreOffice) is not installed; apt-get install libreoffice-calc to run it');
  });

  test('a real .xls is converted on a temporary copy and read', async () => {
    if (!soffice) return;
    const src = path.join(dir, 'lo-src');
    await fsp.mkdir(src, { recursive: true });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('附件3');
    ws.getCell('A1').value = '姓名';
    ws.getCell('B1').value = '身份证号';
    ws.getCell('A2').value = '张三';
    ws.getCell('B2').value = '11010519491231002X';
    ws.getCell('C2').value = 7;
    await wb.xlsx.writeFile(path.join(src, 'in.xlsx'));
    await runSoffice(soffice, src, ['--convert-to', 'xls', '--outdir', src, path.join(src, 'in.xlsx')]);
    const xls = path.join(src, 'in.xls');
    const before = await fsp.readFile(xls);
    expect(sniff(before).kind).toBe('xls');
    const { grid, convertedFrom } = await readWorkbookFile(xls);
    expect(convertedFrom).toBe('xls');
    expect(grid.sheets[0].name).toBe('附件3');
    expect(grid.sheets[0].values[1]).toEqual(['张三', '11010519491231002X', 7]);
    expect(await fsp.readFile(xls)).toEqual(before); // input untouched
  }, 120_000);
});
