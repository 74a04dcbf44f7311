/**
 * What the 模板 panel hands to host.insertSheet: for each of the CLI's five kinds, a real .xlsx (base64) and the same
 * sheet as a SheetSpec, titled with the chosen award's name.
 */
import ExcelJS from 'exceljs';
import { templatePayload } from '../../src/taskpane/template-payload';
import { PANE_TEMPLATE_KINDS } from '../../src/taskpane/template-kinds';
import { TEMPLATE_KINDS, annex3Layout, ANNEX3_SHEET_NAME } from '../../src/xlsx/template';
import { getProfile } from '../../src/core/profiles';
import { readWorkbookBuffer } from '../../src/xlsx/read';
import { checkWorkbook } from '../../src/core/check';

async function load(b64: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(b64, 'base64') as never);
  return wb;
}

function texts(ws: ExcelJS.Worksheet, rows = 4): string[] {
  const out: string[] = [];
  for (let r = 1; r <= rows; r++) ws.getRow(r).eachCell((c) => typeof c.value === 'string' && out.push(c.value));
  return out;
}

test('the pane offers exactly the CLI’s five kinds', () => {
  expect([...PANE_TEMPLATE_KINDS].sort()).toEqual([...TEMPLATE_KINDS].sort());
});

test('annex3 → base64 of an .xlsx whose ID column is text, titled for the default award as the seed is', async () => {
  const p = templatePayload('annex3', getProfile('ili-2025-contribution'));
  const b64 = await p.base64!();
  expect(b64).toMatch(/^[A-Za-z0-9+/]+=*$/);
  const wb = await load(b64);
  const ws = wb.getWorksheet(ANNEX3_SHEET_NAME)!;
  const L = annex3Layout();
  expect(ws.getCell(L.individualFirstRow + 1, L.individualColumns.residentId + 1).numFmt).toBe('@');
  expect(ws.getCell(L.titleRow + 1, 1).value).toBe('伊犁州经济高质量发展贡献奖先进集体和先进个人推荐对象汇总表');
  expect(p.name).toBe('附件3');
});

const AWARDS = [
  ['jilin-2025-quality', '吉林省质量奖'],
  ['nantong-2020-mayor', '2020年南通市市长质量奖'],
  ['xj-qc-2019', '2019年自治区优秀质量管理小组、质量信得过班组等推荐'],
] as const;

describe.each(PANE_TEMPLATE_KINDS)('%s', (kind) => {
  test.each(AWARDS)('for %s: the title names the award; the spec carries the same title; the engine recognises the table', async (id, name) => {
    const p = templatePayload(kind, getProfile(id));
    const wb = await load(await p.base64!());
    const ws = wb.worksheets.find((w) => !w.state || w.state === 'visible')!;
    const head = texts(ws).join('\n');
    if (kind !== 'quota') expect(head).toContain(name);
    const spec = await p.spec!();
    expect(spec.values.flat().some((v) => typeof v === 'string' && v.includes(kind === 'quota' ? '名额' : name))).toBe(true);
    // The blank form is still a form the engine finds (its header row), whatever the award.
    const { grid } = await readWorkbookBuffer(Buffer.from(await p.base64!(), 'base64'), { name: 't.xlsx' });
    const result = checkWorkbook(grid, { file: 't.xlsx', lang: 'zh', profile: getProfile(id) });
    expect(result.tables.length).toBeGreaterThan(0);
  });
});
