/**
 * What reaches the terminal (issue 9): no control character from a cell, no stack trace, words a clerk can trust.
 */
import { promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { runCli } from '../helpers/cli';
import { reportSchema } from '../../src/core/report';
import { RunChecker } from '../../src/core/check';
import { stripForeignControls, termText } from '../../src/cli/term';
import { makeXlsx } from '../xlsx/helpers/zip';
import { personId } from '../helpers/ids';

let dir: string;
beforeAll(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'at-term-'));
});
afterAll(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

const cli = (argv: string[], tty = false) => runCli(argv, dir, { tty });

const HOSTILE = ['\u001b]52;c;Y2xpcGJvYXJk\u0007', '\u001b[2J\u001b[H', '\r覆盖', '\u0008\u0008', '\u009b31m', '\u202e反转', '\u0007'];

describe('control characters', () => {
  test.each([
    ['OSC 52 (clipboard)', HOSTILE[0]],
    ['clear screen', HOSTILE[1]],
    ['carriage return', HOSTILE[2]],
    ['backspaces', HOSTILE[3]],
    ['C1 CSI', HOSTILE[4]],
    ['bidi override', HOSTILE[5]],
    ['bell', HOSTILE[6]],
  ])('termText removes %s', (_l, s) => {
     
    expect(termText(`a${s}b`)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/);
  });
  test('the stream filter keeps the tool\'s own colours and progress sequence only', () => {
    expect(stripForeignControls('\u001b[31mred\u001b[39m \r\u001b[K')).toBe('\u001b[31mred\u001b[39m \r\u001b[K');
    expect(stripForeignControls('x\u001b]0;title\u0007y\u001b[2Jz\u0007')).toBe('xyz');
  });

  test('cell text, sheet names and file names reach the terminal without them (check, fill, errors)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('附件3');
    ws.addRow(['推荐单位（盖章）：伊宁市', null, null, null, null, null, null, '填表日期：2025年11月3日']);
    ws.addRow(['序号', '姓名', '性别', '民族', '政治面貌', '学历学位', '工作单位', '单位性质', '职务', '身份证号', '联系电话', '备注']);
    HOSTILE.forEach((h, i) => ws.addRow([i + 1, `张${h}三`, '男', `汉${h}`, '群众', '大学本科', `单位${h}`, `机关${h}`, '科员', `${personId('19800101', String(101 + i))}${h}`, `138${h}99990001`, h]));
    const file = path.join(dir, 'evil\u001b[2J.xlsx');
    await wb.xlsx.writeFile(file);
    const runs = [
      await cli(['check', file], true),
      await cli(['check', file, '--lang', 'en'], true),
      await cli(['fill', file, '--dry-run'], true),
      await cli(['check', path.join(dir, 'missing\u001b]0;x\u0007.xlsx')], true),
    ];
    for (const r of runs) {
      const text = (r.out + r.err).replace(/\u001b\[[0-9;]*m/g, '');
       
      expect(text.match(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/g)).toBeNull();
    }
    expect(runs[0].out).toMatch(/张.三|张三/);
  });
});

describe('no stack trace reaches a user', () => {
  test('an unexpected error on one file becomes that file\'s error; the batch goes on', async () => {
    const good = path.join(dir, 'good.xlsx');
    const bad = path.join(dir, 'bad.xlsx');
    for (const p of [good, bad]) {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('附件3');
      ws.addRow(['序号', '姓名', '性别', '民族', '政治面貌', '学历学位', '工作单位', '单位性质', '职务', '身份证号', '联系电话', '备注']);
      ws.addRow([1, '张三', '男', '汉族', '群众', '大学本科', '单位', '机关', '科员', personId(), '13899990001', null]);
      await wb.xlsx.writeFile(p);
    }
    const original = RunChecker.prototype.add;
    const spy = jest.spyOn(RunChecker.prototype, 'add').mockImplementation(function (this: RunChecker, ...args: Parameters<RunChecker['add']>) {
      if (args[1] === bad) throw new TypeError("Cannot read properties of undefined (reading 'x')");
      return original.apply(this, args);
    });
    try {
      const r = await cli(['check', good, bad, '--json']);
      const doc = reportSchema.parse(JSON.parse(r.out));
      expect(doc.files.map((f) => f.error?.code ?? null)).toEqual([null, 'internal']);
      expect(doc.files[1].error?.message).toMatch(/意外错误.*其余文件照常处理/);
      expect(doc.files[0].tables.length).toBe(1);
      expect(r.code).toBe(1);
      expect(r.out + r.err).not.toMatch(/\n\s+at /);
    } finally {
      spy.mockRestore();
    }
  });

  test('fill and --annotate on a workbook the reader accepts but ExcelJS cannot open say what to do', async () => {
    const rows = '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>序号</t></is></c></row></sheetData>';
    const overlapping = makeXlsx({ sheets: [{ name: 'S', xml: rows + '<mergeCells count="2"><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/></mergeCells>' }] });
    const p = path.join(dir, 'overlap.xlsx');
    await fsp.writeFile(p, overlapping);
    const fill = await cli(['fill', p, '-o', path.join(dir, 'overlap-out.xlsx')]);
    expect(fill.code).toBe(2);
    expect(fill.err).toMatch(/另存为.*新的 \.xlsx/);
    expect(fill.err).not.toMatch(/内部错误|ExcelJS 打不开/);
  });
});

describe('words a clerk can trust', () => {
  test('"未发现问题" only when at least one table was checked', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('随笔').addRow(['今天天气很好']);
    const p = path.join(dir, 'story.xlsx');
    await wb.xlsx.writeFile(p);
    const r = await cli(['check', p]);
    expect(r.out).not.toContain('未发现问题');
    // Nothing readable at all: no findings, and still no "未发现问题".
    const text = path.join(dir, 'text.xlsx');
    await fsp.writeFile(text, '序号,姓名\n1,张三\n');
    const r2 = await cli(['check', text]);
    expect(r2.out).not.toContain('未发现问题');
    expect(r2.out).toContain('没有核查任何表格');
    const html = path.join(dir, 'story.html');
    await cli(['check', text, '--report', html]);
    const page = await fsp.readFile(html, 'utf8');
    expect(page).not.toContain('未发现问题');
    expect(page).toContain('没有核查任何表格');
    // A checked table without problems does say it.
    const clean = await cli(['check', path.join(__dirname, '..', '..', 'examples', 'annex3-clean.xlsx')]);
    expect(clean.out).toContain('未发现问题');
  });

  test('--help lists every command and the five templates, in both languages', async () => {
    for (const lang of ['zh', 'en']) {
      const h = (await cli(['--help', '--lang', lang])).out;
      for (const cmd of ['check', 'fill', 'merge', 'mask', 'template']) expect(h).toMatch(new RegExp(`award-tally ${cmd} `));
      expect(h).toContain('annex3|qc-stats|team-stats|quota|register');
    }
  });

  test('the ✓ says what it means', async () => {
    const r = await cli(['check', path.join(__dirname, '..', '..', 'examples', 'annex3-mistakes.xlsx')]);
    expect(r.out).toMatch(/✓ 已读取并核查，问题见下方/);
    expect(r.out).toMatch(/✓ .*annex3-mistakes\.xlsx — 已核查 /);
  });
});
