import { checkWorkbook } from '../../src/core/check';
import { rule } from '../../src/core/rules/id.missing';
import { ruleCases } from '../helpers/rule-tester';

ruleCases(rule, {
  valid: [
    { name: 'the standard example', rows: [{}] },
    { name: 'a malformed ID is not missing', rows: [{ residentId: '12345' }] },
    { name: 'a number is not missing', rows: [{ residentId: 654002198001011200 }] },
    { name: 'zero is not missing', rows: [{ residentId: 0 }] },
  ],
  invalid: [
    { name: 'null', rows: [{ residentId: null }], errors: [{ cell: 'J3', message: '身份证号为空', value: null, fix: null }] },
    { name: 'empty string', rows: [{}, { residentId: '' }], errors: [{ cell: 'J4' }] },
    { name: 'spaces only', rows: [{ residentId: '   ' }], errors: [{ cell: 'J3' }] },
    { name: 'ideographic space and zero-width only', rows: [{ residentId: '\u3000\u200b' }], errors: [{ cell: 'J3' }] },
    { name: 'hyphen placeholder', rows: [{ residentId: '-' }], errors: [{ cell: 'J3' }] },
  ],
});

describe('a table without the 身份证号 column', () => {
  it('gets no id.* finding (header.missing-column names the column)', () => {
    const header = ['序号', '姓名', '性别', '民族', '政治\n面貌', '学历\n学位', '工作单位', '单位\n性质', '职务', '联系电话', '备注'];
    const rows = [1, 2, 3].map((n) => [n, `测试${n}`, '男', '汉族', '群众', '本科', '示例单位', '事业', '职员', '13800138000', null]);
    const r = checkWorkbook(
      { name: 'x', sheets: [{ name: '附件3', values: [['推荐单位（盖章）：某县 填表日期：2025年11月3日'], header, ...rows] }] },
      { file: 'x.xlsx', today: { y: 2025, m: 11, d: 20 } },
    );
    expect(r.tables.map((t) => t.kind)).toEqual(['annex3.individual']);
    expect(r.findings.map((f) => f.rule)).toEqual(['header.missing-column']);
  });
});
