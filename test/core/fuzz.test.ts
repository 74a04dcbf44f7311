/**
 * Fuzz: thousands of random grids — random strings, numbers, empties, header fragments, merged-looking layouts —
 * through the whole engine. It must never throw, and every finding must point at a cell inside the grid.
 */
import { checkWorkbook } from '../../src/core/check';
import { a1, type CellValue, type SheetGrid } from '../../src/core/grid';

/** Small deterministic PRNG (mulberry32) so a failure is reproducible from its seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LABELS = [
  '序号', '姓名', '姓  名', '性别', '民族', '政治\n面貌', '学历\n学位', '工作单位', '单位\n性质', '单位性质', '职务',
  '身份证号', '身份证号码', '联系电话', '备注', '先进集体名称', '负责人姓名', '负责人职务', '联系人姓名', '联系人电话',
  '统一社会信用代码', '推荐方面', '子类', '政治', '面貌',
];
const TEXTS = [
  '', ' ', '\u200b', '男', '女', '汉族', '群众', '事业单位', '企业', 'x', '11010519491231002X', '440524188001010014',
  '１１０１０５１９４９１２３１００２Ｘ', '11010519491231002x', '110105491231002', '99999999999999999X', '19990229',
  '备注：1．单位性质选填', '联系人：张三', '二、先进个人推荐对象汇总表', '推荐单位（盖章）：某县 填表日期：2025年13月40日',
  '推荐单位（盖章）： 填表日期：2025年11月3日', '13800138000', '0999-8012345', '91350100M000100Y43', '（商务经济方面）',
];

function randomValue(r: () => number): CellValue {
  const p = r();
  if (p < 0.3) return null;
  if (p < 0.45) return LABELS[Math.floor(r() * LABELS.length)];
  if (p < 0.7) return TEXTS[Math.floor(r() * TEXTS.length)];
  if (p < 0.8) return Math.floor(r() * 1e18);
  if (p < 0.85) return r() * 100 - 50;
  if (p < 0.88) return new Date(Date.UTC(1900 + Math.floor(r() * 150), Math.floor(r() * 12), 1 + Math.floor(r() * 28)));
  if (p < 0.9) return r() < 0.5;
  let s = '';
  const n = Math.floor(r() * 20);
  for (let i = 0; i < n; i++) s += String.fromCharCode(r() < 0.5 ? 0x20 + Math.floor(r() * 95) : 0x4e00 + Math.floor(r() * 200));
  return s;
}

function randomGrid(r: () => number, name: string): SheetGrid {
  const rows = Math.floor(r() * 30);
  const cols = 1 + Math.floor(r() * 14);
  const values: CellValue[][] = [];
  // Sometimes plant a real header so the rules run on random data below it.
  const headerAt = r() < 0.6 ? Math.floor(r() * Math.max(1, rows)) : -1;
  for (let i = 0; i < rows; i++) {
    const width = r() < 0.2 ? Math.floor(r() * cols) : cols; // ragged rows, as from merged-looking layouts
    const row: CellValue[] = [];
    for (let j = 0; j < width; j++) row.push(randomValue(r));
    if (i === headerAt) {
      const labels = r() < 0.5
        ? ['序号', '姓名', '性别', '民族', '政治\n面貌', '学历\n学位', '工作单位', '单位\n性质', '职务', '身份证号', '联系电话', '备注']
        : ['序号', '先进集体名称', '统一社会信用代码', '单位性质', '负责人姓名', '负责人职务', '联系人姓名', '联系人电话'];
      values.push(labels.filter(() => r() < 0.9));
    } else values.push(row);
  }
  const origin = r() < 0.3 ? { row: Math.floor(r() * 5), col: Math.floor(r() * 5) } : undefined;
  return { name, values, origin };
}

test('4,000 random grids: the engine never throws and every finding is inside its grid', () => {
  let findings = 0;
  for (let seed = 1; seed <= 4000; seed++) {
    const r = rng(seed);
    const sheets = [randomGrid(r, 'A'), ...(r() < 0.3 ? [randomGrid(r, 'B')] : [])];
    let result;
    try {
      result = checkWorkbook({ name: 'fuzz', sheets }, { file: 'fuzz.xlsx', today: { y: 2025, m: 11, d: 20 } });
    } catch (e) {
      throw new Error(`seed ${seed}: ${(e as Error).stack}`);
    }
    for (const f of result.findings) {
      const g = sheets.find((s) => s.name === f.sheet)!;
      const top = g.origin?.row ?? 0;
      const left = g.origin?.col ?? 0;
      const width = Math.max(0, ...g.values.map((row) => row.length));
      const inside = f.row >= top && f.row < top + g.values.length && f.col >= left && f.col < left + width;
      if (!inside) throw new Error(`seed ${seed}: ${f.rule} at ${f.cell} outside ${g.name}`);
      expect(f.cell).toBe(a1(f.row, f.col));
      findings++;
    }
  }
  expect(findings).toBeGreaterThan(1000);
});

test('1,000 random grids: reading the rows during the row pass gives what locating them first gives', () => {
  for (let seed = 1; seed <= 1000; seed++) {
    const r = rng(seed);
    const sheets = [randomGrid(r, 'A'), ...(r() < 0.3 ? [randomGrid(r, 'B')] : [])];
    const run = (streamRows: boolean) => checkWorkbook({ name: 'fuzz', sheets }, { file: 'fuzz.xlsx', today: { y: 2025, m: 11, d: 20 }, streamRows });
    const streamed = run(true);
    const located = run(false);
    if (JSON.stringify(streamed.findings) !== JSON.stringify(located.findings) || JSON.stringify(streamed.tables) !== JSON.stringify(located.tables)) {
      expect({ seed, findings: streamed.findings, tables: streamed.tables }).toEqual({ seed, findings: located.findings, tables: located.tables });
    }
  }
});
