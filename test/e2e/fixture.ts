/**
 * A stand-in for examples/annex3-mistakes.xlsx when the examples have not been generated: a realistic 附件3
 * sheet (title, 推荐单位/填表日期 line, header, rows) with a wrong check digit, a missing gender and a unit-type
 * synonym. ID numbers are made up and completed with the project's own check-character code.
 */
import ExcelJS from 'exceljs';
import { personId } from '../helpers/ids';

export async function writeFixture(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('附件3');
  ws.columns = [6, 12, 6, 8, 10, 10, 24, 10, 10, 22, 15, 8].map((width) => ({ width }));
  ws.mergeCells('A1:L1');
  ws.getCell('A1').value = '伊犁州经济高质量发展贡献奖先进个人推荐对象汇总表';
  ws.getCell('A2').value = '推荐单位（盖章）：示例县人民政府';
  ws.getCell('H2').value = '填表日期：2025年11月3日';
  ws.addRow(['序号', '姓名', '性别', '民族', '政治面貌', '学历学位', '工作单位', '单位性质', '职务', '身份证号', '联系电话', '备注']);
  const good = personId('19800101', '123');
  const bad = (() => {
    const id = personId('19880808', '017');
    return id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
  })();
  ws.addRow([1, '甲示例', '男', '汉族', '中共党员', '大学本科', '示例县甲公司', '企业', '经理', good, '13999990041', null]);
  ws.addRow([2, '乙示例', '', '汉族', '群众', '大学本科', '示例县乙公司', '事业单位', '会计', personId('19850101', '124'), '13999990042', null]);
  ws.addRow([3, '丁示例', '男', '汉族', '群众', '大学本科', '示例县丁医院', '事业', '医生', bad, '13999990044', null]);
  for (let r = 4; r <= 6; r++) ws.getCell(r, 10).numFmt = '@';
  await wb.xlsx.writeFile(file);
}
