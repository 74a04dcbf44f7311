import { Sheet, type CellValue } from '../../src/core/grid';
import { ALL_FORMS } from '../../src/core/forms';
import { categoryFrom, locateTables, parseChineseDate } from '../../src/core/locate';

function sheetOf(values: CellValue[][], name = '附件3'): Sheet {
  return new Sheet({ name, values });
}

/** The 附件3 sheet as the seed prints it, with two nominees and two collectives filled in. */
const seedLike: CellValue[][] = [
  ['伊犁州经济高质量发展贡献奖先进集体和先进个人推荐对象汇总表'],
  ['推荐单位（盖章）：霍城县人民政府', null, null, null, null, '填表日期：2025 年 11 月 3 日'],
  ['一、伊犁州经济高质量发展贡献奖先进集体推荐对象汇总表（商务经济方面）'],
  ['序号', '先进集体名称', '单位性质', '负责人姓名', '负责人职务', '联系人姓名', '联系人电话', '备注'],
  [1, '霍城县示例农业公司', '企业', '甲', '董事长', '乙', '13900000000', null],
  [2, '霍城县示例合作社', '其他社会组织', '丙', '理事长', '丁', '0999-3012345', null],
  [3, null, null, null, null, null, null, null],
  [null],
  ['二、伊犁州经济高质量发展贡献奖先进个人推荐对象汇总表'],
  ['序号', '姓  名', '性别', '民族', '政治\n面貌', '学历\n学位', '工作单位', '单位\n性质', '职务', '身份证号', '联系电话', '备注'],
  [1, '赵一', '女', '汉族', '中共党员', '本科', '某公司', '企业', '经理', '11010519491231002X', '13800138000', null],
  [2, '钱二', '男', '维吾尔族', '群众', '硕士', '某局', '机关', '科长', '440524188001010014', '13800138001', null],
  ['备注：1．单位性质选填机关、参公、事业、企业、社会团体、村（居）民委员会及其他社会组织等。'],
  ['2．表格可加页，每页均需加盖单位公章。'],
  ['联系人：张三', null, '职务：科员', null, '联系电话：13800138000'],
];

describe('locateTables', () => {
  const tables = locateTables(sheetOf(seedLike), ALL_FORMS);

  test('finds both tables of the 附件3 sheet, collective first', () => {
    expect(tables.map((t) => t.kind)).toEqual(['annex3.collective', 'annex3.individual']);
  });

  test('data rows exclude the pre-numbered empty row, footnotes and the signature line', () => {
    expect(tables[0].rows).toEqual([4, 5]);
    expect(tables[1].rows).toEqual([10, 11]);
    expect(tables[1].bottom).toBe(11);
  });

  test('two-line header labels are matched (政治\\n面貌, 单位\\n性质, 姓  名)', () => {
    const c = tables[1].columns;
    expect(c.politicalStatus).toBe(4);
    expect(c.education).toBe(5);
    expect(c.unitType).toBe(7);
    expect(c.name).toBe(1);
    expect(c.residentId).toBe(9);
    expect(tables[1].missing).toEqual([]);
  });

  test('title line: 推荐单位 and 填表日期 parsed and shared by both tables', () => {
    expect(tables[0].title).toMatchObject({ recommender: '霍城县人民政府', formDate: { y: 2025, m: 11, d: 3 } });
    expect(tables[1].title).toBe(tables[0].title);
  });

  test('category comes from the section title', () => {
    expect(tables[0].category).toBe('商务经济方面');
    expect(tables[1].category).toBeNull();
  });

  test('a blank title line gives null recommender and date', () => {
    const t = locateTables(
      sheetOf([['推荐单位（盖章）：                                     填表日期：     年   月   日'], ...seedLike.slice(9, 12)]),
      ALL_FORMS,
    );
    expect(t[0].title).toMatchObject({ recommender: null, formDate: null });
  });

  test('header split over two rows with merged-style blanks', () => {
    const t = locateTables(
      sheetOf([
        ['序号', '姓名', '性别', '民族', '政治', '学历', '工作单位', '单位性质', '职务', '身份证号', '联系电话'],
        [null, null, null, null, '面貌', '学位', null, null, null, null, null],
        [1, '赵一', '女', '汉族', '群众', '本科', '某公司', '企业', '经理', '11010519491231002X', '13800138000'],
      ]),
      ALL_FORMS,
    );
    expect(t).toHaveLength(1);
    expect(t[0].headerRows).toBe(2);
    expect(t[0].columns.politicalStatus).toBe(4);
    expect(t[0].rows).toEqual([2]);
  });

  test('full-width and bracketed header variants, optional columns, offset origin', () => {
    const sheet = new Sheet({
      name: 'S',
      origin: { row: 4, col: 2 },
      values: [
        ['序号', '先进集体名称', '统一社会信用代码', '单位性质', '负责人姓名', '负责人职务', '联系人姓名', '联系人电话', '推荐方面'],
        [1, 'A', '91650000000000000X', '企业', 'x', 'y', 'z', '13800138000', '质量提升方面'],
      ],
    });
    const [t] = locateTables(sheet, ALL_FORMS);
    expect(t.kind).toBe('annex3.collective');
    expect(t.columns.uscc).toBe(4);
    expect(t.columns.category).toBe(10);
    expect(t.headerRow).toBe(4);
    expect(t.rows).toEqual([5]);
  });

  test('missing required column is reported in `missing`', () => {
    const [t] = locateTables(
      sheetOf([
        ['序号', '姓名', '性别', '民族', '工作单位', '身份证号'],
        [1, 'a', '男', '汉族', 'b', '440524188001010014'],
      ]),
      ALL_FORMS,
    );
    expect(t.missing).toEqual(['politicalStatus', 'education', 'unitType', 'position', 'phone']);
  });

  test('a sheet without a recognisable table gives none', () => {
    expect(locateTables(sheetOf([['姓名', '年龄'], ['a', 3]]), ALL_FORMS)).toEqual([]);
    expect(locateTables(sheetOf([]), ALL_FORMS)).toEqual([]);
  });

  test('序号 typed as text: the same tables, rows, footnotes and signature line', () => {
    const asText = seedLike.map((r) => r.map((v, c) => (c === 0 && typeof v === 'number' ? String(v) : v)));
    const t = locateTables(sheetOf(asText), ALL_FORMS);
    expect(t.map((x) => [x.kind, x.rows, x.bottom])).toEqual(tables.map((x) => [x.kind, x.rows, x.bottom]));
  });

  test('a table ends where the next header begins, with no empty row between', () => {
    const joined = [seedLike[3], ['1', '甲公司', '企业', '甲', '董事长', '乙', '13900000000'], ...seedLike.slice(9, 12)];
    const t = locateTables(sheetOf(joined), ALL_FORMS);
    expect(t.map((x) => [x.kind, x.rows])).toEqual([
      ['annex3.collective', [1]],
      ['annex3.individual', [3, 4]],
    ]);
  });

  test('table ends at a fully empty row', () => {
    const [t] = locateTables(sheetOf([...seedLike.slice(9, 11), [], seedLike[11]]), ALL_FORMS);
    expect(t.rows).toEqual([1]);
  });
});

describe('locateTables with each table handed over for its rows to be read', () => {
  test('rows read a few at a time give the tables located at once, template rows and footnotes aside', () => {
    const sheet = sheetOf(seedLike);
    const seen: { kind: string; before: number; blocks: number[]; rows: number[] }[] = [];
    const tables = locateTables(sheet, ALL_FORMS, (table, scanner) => {
      const block: (readonly (CellValue | undefined)[])[] = [];
      const blocks: number[] = [];
      const before = table.rows.length;
      for (let n = scanner.next(block, 1); n > 0; n = scanner.next(block, 1)) {
        expect(block[0]).toBe(sheet.grid.values[table.rows[table.rows.length - 1] - sheet.top]);
        blocks.push(n);
      }
      seen.push({ kind: table.kind, before, blocks, rows: [...table.rows] });
    });
    expect(seen).toEqual([
      { kind: 'annex3.collective', before: 0, blocks: [1, 1], rows: [4, 5] },
      { kind: 'annex3.individual', before: 0, blocks: [1, 1], rows: [10, 11] },
    ]);
    expect(tables).toEqual(locateTables(sheetOf(seedLike), ALL_FORMS));
  });

  test('a table whose rows are left unread is read to its end before the next table is looked for', () => {
    const kinds: string[] = [];
    const tables = locateTables(sheetOf(seedLike), ALL_FORMS, (table) => kinds.push(table.kind));
    expect(kinds).toEqual(['annex3.collective', 'annex3.individual']);
    expect(tables.map((t) => [t.rows, t.bottom])).toEqual([
      [[4, 5], 6],
      [[10, 11], 11],
    ]);
  });
});

describe('parseChineseDate / categoryFrom', () => {
  test.each([
    ['2025年11月3日', { y: 2025, m: 11, d: 3 }],
    ['２０２５年１１月３日', { y: 2025, m: 11, d: 3 }],
    ['2025 年 1 月 30 日', { y: 2025, m: 1, d: 30 }],
    ['2025-11-03', { y: 2025, m: 11, d: 3 }],
    ['2025.2.28', { y: 2025, m: 2, d: 28 }],
    ['2025年2月29日', null],
    ['年 月 日', null],
  ])('%s', (text, want) => expect(parseChineseDate(text)).toEqual(want));

  test.each([
    ['…先进集体推荐对象汇总表（商务经济方面）', '商务经济方面'],
    ['民生保障方面', '民生保障方面'],
    ['Sheet1', null],
  ])('%s', (text, want) => expect(categoryFrom(text)).toBe(want));
});

test('an individuals table without its 身份证号 column is still found, with the column missing', () => {
  const [t] = locateTables(
    new Sheet({ name: 'S', values: [['序号', '姓名', '性别', '民族', '工作单位', '联系电话'], [1, 'a', '男', '汉族', 'b', '13800138000']] }),
    ALL_FORMS,
  );
  expect(t.kind).toBe('annex3.individual');
  expect(t.missing).toContain('residentId');
});
