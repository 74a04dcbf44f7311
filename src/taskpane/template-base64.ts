/**
 * The blank templates as base64 .xlsx, for Worksheet.insertWorksheetsFromBase64. Imported only through a
 * dynamic import(): it pulls in ExcelJS and the template writer, which stay out of the task pane's first download.
 */
import { buildAnnex3Workbook } from '../xlsx/template';

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode.apply(null, Array.from(bytes.subarray(i, i + CHUNK)));
  }
  return btoa(binary);
}

export async function templateBase64(kind: 'annex3'): Promise<string> {
  if (kind !== 'annex3') throw new Error(`unknown template ${String(kind)}`);
  const buf = await buildAnnex3Workbook().xlsx.writeBuffer();
  return toBase64(new Uint8Array(buf as ArrayBuffer));
}
