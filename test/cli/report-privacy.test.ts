/**
 * The HTML report of a real run never shows an identity number in full, however the county typed it: the whole
 * page is scanned for any run of 15 or more ID digits (separators and zero-width characters ignored).
 */
import { promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import type { CliIO } from '../../src/cli/io';
import { personId } from '../helpers/ids';

let dir: string;
beforeAll(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'at-privacy-'));
});
afterAll(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

const HEADER = ['序号', '姓名', '性别', '民族', '政治面貌', '学历学位', '工作单位', '单位性质', '职务', '身份证号', '联系电话', '备注'];
const FW = (s: string) => s.replace(/[0-9X]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

async function book(name: string, ids: (string | number)[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('附件3');
  ws.addRow(['推荐单位（盖章）：伊宁市', null, null, null, null, null, null, '填表日期：2025年11月3日']);
  ws.addRow(HEADER);
  ids.forEach((id, i) => ws.addRow([i + 1, `人员${i}`, '男', '汉族', '群众', '大学本科', '伊宁市财政局', '机关', '科员', id, '13899990001', `备注 ${typeof id === 'string' ? id : ''}`]));
  const p = path.join(dir, name);
  await wb.xlsx.writeFile(p);
  return p;
}

test('no run of 15+ ID digits anywhere in the page', async () => {
  const ids = Array.from({ length: 9 }, (_, i) => personId(`198${i}0${i + 1}15`, String(101 + i * 2)));
  const typed: (string | number)[] = [
    ids[0],
    `${ids[1].slice(0, 6)} ${ids[1].slice(6, 14)} ${ids[1].slice(14)}`,
    ids[2].split('').join('\u200b'),
    `${ids[3].slice(0, 6)}-${ids[3].slice(6)}`,
    FW(ids[4]),
    ids[5].slice(0, 17), // 17-digit typo
    ids[6] + '7', // 19-digit typo
    ids[0], // id.duplicate
    ids[7].slice(0, 17) + (ids[7].endsWith('1') ? '2' : '1'), // wrong check character
  ];
  const a = await book('a.xlsx', typed);
  const b = await book('b.xlsx', [ids[0], ids[8], `${ids[1].slice(0, 6)} ${ids[1].slice(6)}`]); // dup.cross-file
  const report = path.join(dir, 'r.html');
  let err = '';
  const io: CliIO = { stdout: { write: () => true }, stderr: { write: (s: string) => (err += s) }, env: {}, cwd: dir };
  const code = await main(['check', a, b, '--report', report], io);
  expect([0, 1]).toContain(code);
  const html = await fsp.readFile(report, 'utf8');
  for (const rule of ['id.normalized', 'id.duplicate', 'dup.cross-file', 'id.checksum']) expect(html).toContain(rule);
  const flat = html
    .replace(/[\s\u200b-\u200d\u2060\ufeff\-\u2010-\u2015\u2212\uff0d]/g, '')
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  expect(flat.match(/\d{15,}/g)).toBeNull();
  // Nor the birth-date part of any of them (what masking must hide).
  for (const id of ids) expect(flat).not.toContain(id.slice(6, 14));
}, 60_000);

test('an ID typed with wide gaps and a mobile written with dots are masked in the page too', async () => {
  const id = personId('19750312', '123');
  const wide = `${id.slice(0, 6)}   ${id.slice(6, 14)}    ${id.slice(14)}`;
  const a = await book('wide.xlsx', [wide]);
  // The same person's mobile typed with dots in 备注, where the report quotes it in a finding's value.
  const ws = new ExcelJS.Workbook();
  await ws.xlsx.readFile(a);
  ws.getWorksheet('附件3')!.getCell('L3').value = '手机 138.1234.5678';
  ws.getWorksheet('附件3')!.getCell('K3').value = '138.1234.5678';
  await ws.xlsx.writeFile(a);
  const report = path.join(dir, 'wide.html');
  const io: CliIO = { stdout: { write: () => true }, stderr: { write: () => true }, env: {}, cwd: dir };
  await main(['check', a, '--report', report], io);
  const html = await fsp.readFile(report, 'utf8');
  const flat = html.replace(/[\s.\-]/g, '');
  expect(flat).not.toContain(id.slice(6, 14));
  expect(flat).not.toContain('13812345678');
}, 60_000);
