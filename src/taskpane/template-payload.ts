/**
 * Blank templates as the host inserts them (SheetPayload: base64 .xlsx for insertWorksheetsFromBase64, and the
 * same sheet as a SheetSpec for an Excel without ExcelApi 1.13), built by the CLI's writer (src/xlsx/template.ts)
 * for the chosen award. Imported only through a dynamic import(): it pulls in ExcelJS, which stays out of the task
 * pane's first download.
 */
import type { Profile } from '../core/profiles/schema';
import { buildTemplateWorkbook, type TemplateKind } from '../xlsx/template';
import { sheetSpecFromWorksheet } from '../xlsx/template-spec';
import type { SheetPayload } from './host-port';

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode.apply(null, Array.from(bytes.subarray(i, i + CHUNK)));
  return btoa(binary);
}

/** Template `kind` for `profile` (its name in the title, its unit types and categories in the dropdowns). */
export function templatePayload(kind: TemplateKind, profile: Profile): SheetPayload {
  const wb = buildTemplateWorkbook(kind, { profile });
  const sheet = wb.worksheets.find((w) => !w.state || w.state === 'visible') ?? wb.worksheets[0];
  return {
    name: sheet.name,
    base64: async () => toBase64(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer)),
    spec: async () => sheetSpecFromWorksheet(sheet),
  };
}
