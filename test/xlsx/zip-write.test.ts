/**
 * repackZip (src/xlsx/zip-write.ts): entries replaced or added, every other entry copied byte for byte; the result
 * opens in fflate's own reader, in ExcelJS and in the project's reader. markOutput rides on it.
 */
import { unzipSync, zipSync, strToU8, strFromU8 } from 'fflate';
import ExcelJS from 'exceljs';
import { repackZip } from '../../src/xlsx/zip-write';
import { readCentralDirectory } from '../../src/xlsx/zip';
import { markOutput, outputMark } from '../../src/xlsx/output-mark';
import { readWorkbookBytes } from '../../src/xlsx/read-xlsx';

async function workbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('附件3');
  ws.addRow(['序号', '姓名', '身份证号']);
  for (let i = 1; i <= 300; i++) ws.addRow([i, `人员${i}`, '11010519491231002X']);
  ws.getCell('C2').numFmt = '@';
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('repackZip', () => {
  it('replaces and adds entries, copies the rest as they are', async () => {
    const src = await workbook();
    const before = unzipSync(src);
    const out = repackZip(src, { 'docProps/app.xml': strToU8('<Properties/>'), 'x/新.txt': strToU8('内容') });
    const after = unzipSync(out);
    expect(Object.keys(after)).toEqual([...Object.keys(before), 'x/新.txt']);
    for (const name of Object.keys(before)) {
      if (name === 'docProps/app.xml') expect(strFromU8(after[name])).toBe('<Properties/>');
      else expect(Buffer.from(after[name]).equals(Buffer.from(before[name]))).toBe(true);
    }
    expect(strFromU8(after['x/新.txt'])).toBe('内容');
    // The untouched entries' compressed bytes are the source's own.
    const a = readCentralDirectory(src).find((e) => e.name === 'xl/worksheets/sheet1.xml');
    const b = readCentralDirectory(out).find((e) => e.name === 'xl/worksheets/sheet1.xml');
    expect(b && { crc: b.crc, compressedSize: b.compressedSize, method: b.method }).toEqual(a && { crc: a.crc, compressedSize: a.compressedSize, method: a.method });
  });

  it('gives a workbook ExcelJS and the project reader open with the same cells', async () => {
    const out = repackZip(await workbook(), { 'docProps/core.xml': strToU8('<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"/>') });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out) as unknown as ArrayBuffer);
    expect(wb.getWorksheet('附件3')?.getCell('B301').value).toBe('人员300');
    const grid = await readWorkbookBytes(out, { name: 'x' });
    expect(grid.sheets[0].values[300]).toEqual([300, '人员300', '11010519491231002X']);
  });

  it('a stored (uncompressed) source entry stays stored', () => {
    const src = zipSync({ 'a.txt': [strToU8('aaa'), { level: 0 }], 'b.txt': strToU8('bbb') });
    const out = repackZip(src, { 'b.txt': strToU8('BBB') });
    expect(readCentralDirectory(out).map((e) => [e.name, e.method])).toEqual([
      ['a.txt', 0],
      ['b.txt', 8],
    ]);
    expect(strFromU8(unzipSync(out)['a.txt'])).toBe('aaa');
    expect(strFromU8(unzipSync(out)['b.txt'])).toBe('BBB');
  });
});

describe('markOutput', () => {
  it('marks once, however often it runs, and leaves the sheets as they were', async () => {
    const src = await workbook();
    const once = markOutput(src, 'merge');
    const twice = markOutput(once, 'fill');
    expect(outputMark(src)).toBeNull();
    expect(outputMark(once)).toBe('merge');
    expect(outputMark(twice)).toBe('fill');
    const custom = strFromU8(unzipSync(twice)['docProps/custom.xml']);
    expect(custom.match(/AwardTallyOutput/g)).toHaveLength(1);
    expect(strFromU8(unzipSync(twice)['[Content_Types].xml']).match(/custom\.xml/g)).toHaveLength(1);
    expect(strFromU8(unzipSync(twice)['_rels/.rels']).match(/custom-properties/g)).toHaveLength(1);
    expect(Buffer.from(unzipSync(twice)['xl/worksheets/sheet1.xml']).equals(Buffer.from(unzipSync(src)['xl/worksheets/sheet1.xml']))).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(twice) as unknown as ArrayBuffer);
    expect(wb.getWorksheet('附件3')?.rowCount).toBe(301);
  });
});
