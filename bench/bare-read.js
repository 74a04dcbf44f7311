// The baseline of the CLI benchmark: ExcelJS reading the workbook into memory, nothing else.
const ExcelJS = require('exceljs');
new ExcelJS.Workbook().xlsx.readFile(process.argv[2]).then((wb) => {
  let cells = 0;
  wb.eachSheet((ws) => ws.eachRow((row) => (cells += row.cellCount)));
  process.stdout.write(String(cells));
});
