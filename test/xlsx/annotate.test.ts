import { createHash } from 'crypto';
import { promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { AnnotateError, MARK_FILL, isSameFile, noteText, writeAnnotatedCopy, type AnnotatableFinding } from '../../src/xlsx/annotate';

let dir: string;
beforeAll(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'at-annotate-'));
});
afterAll(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

async function input(): Promise<{ p: string; bytes: Buffer }> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('附件3');
  for (let r = 1; r <= 3; r++) {
    for (let c = 1; c <= 3; c++) {
      const cell = ws.getCell(r, c);
      cell.value = `${r}-${c}`;
      cell.font = { bold: true };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } };
    }
  }
  ws.getCell('B2').note = '原有批注';
  const p = path.join(dir, `in-${Math.random().toString(36).slice(2)}.xlsx`);
  await wb.xlsx.writeFile(p);
  return { p, bytes: await fsp.readFile(p) };
}

const f = (row: number, col: number, severity: AnnotatableFinding['severity'], rule = 'id.checksum'): AnnotatableFinding => ({
  sheet: '附件3',
  row,
  col,
  rule,
  severity,
  message: `问题 ${rule}`,
  fix: severity === 'info' ? '事业' : null,
});

const hash = async (p: string) => createHash('sha256').update(await fsp.readFile(p)).digest('hex');

test('fills by the worst severity of the cell, keeps other cells and existing notes, leaves the input alone', async () => {
  const { p, bytes } = await input();
  const before = await hash(p);
  const out = path.join(dir, 'out.xlsx');
  const { cells } = await writeAnnotatedCopy(bytes, [f(1, 1, 'info', 'unit-type.synonym'), f(1, 1, 'error'), f(0, 2, 'warning', 'seq.gap'), f(2, 0, 'info', 'unit-type.synonym')], out, { input: p });
  expect(cells).toBe(3);
  expect(await hash(p)).toBe(before);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const ws = wb.getWorksheet('附件3')!;
  const argb = (a: string) => (ws.getCell(a).fill as ExcelJS.FillPattern).fgColor?.argb;
  expect(argb('B2')).toBe(MARK_FILL.error);
  expect(argb('C1')).toBe(MARK_FILL.warning);
  expect(argb('A3')).toBe(MARK_FILL.info);
  expect(argb('A1')).toBe('FFEEEEEE'); // shared style untouched
  expect(argb('C3')).toBe('FFEEEEEE');
  expect(ws.getCell('B2').font?.bold).toBe(true);
  const note = ws.getCell('B2').note as ExcelJS.Comment | string;
  const text = typeof note === 'string' ? note : (note.texts ?? []).map((t) => t.text).join('');
  expect(text).toMatch(/^原有批注/);
  expect(text).toMatch(/\[错误\] id\.checksum：问题 id\.checksum/);
  expect(text).toMatch(/\[提示\] unit-type\.synonym：问题 unit-type\.synonym（建议：事业）/);
  expect(ws.getCell('A1').note).toBeUndefined();
});

test('refuses the input itself, also through a symlink', async () => {
  const { p, bytes } = await input();
  const before = await hash(p);
  await expect(writeAnnotatedCopy(bytes, [f(0, 0, 'error')], p, { input: p })).rejects.toBeInstanceOf(AnnotateError);
  const link = path.join(dir, 'link.xlsx');
  await fsp.symlink(p, link);
  expect(await isSameFile(p, link)).toBe(true);
  await expect(writeAnnotatedCopy(bytes, [f(0, 0, 'error')], link, { input: p })).rejects.toMatchObject({ code: 'same-file' });
  expect(await hash(p)).toBe(before);
  expect(await isSameFile(p, path.join(dir, 'other.xlsx'))).toBe(false);
});

test('an unwritable output gives a clear message', async () => {
  const { p, bytes } = await input();
  const e = await writeAnnotatedCopy(bytes, [f(0, 0, 'error')], path.join(dir, 'missing', 'x.xlsx'), { input: p, lang: 'en' }).catch((x) => x);
  expect(e).toBeInstanceOf(AnnotateError);
  expect(e.code).toBe('write');
  expect(e.text('en')).toMatch(/Cannot write the annotated copy/);
});

test('note text in English', () => {
  expect(noteText([f(0, 0, 'warning', 'seq.gap')], 'en')).toBe('award-tally check\n[Warning] seq.gap: 问题 seq.gap');
});
