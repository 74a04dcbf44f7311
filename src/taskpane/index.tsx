import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { htmlLang, pickLang, strings } from './i18n';
import { officeSettings, type OfficeSettingsLike } from './office-settings';

/** Office.context is only usable after onReady; outside Office (a plain browser) displayLanguage is absent. */
function displayLanguage(): string | undefined {
  try {
    return Office.context?.displayLanguage;
  } catch {
    return undefined;
  }
}

/** Set by taskpane.html's ES5 check in Internet Explorer / EdgeHTML webviews: the page shows its plain notice. */
const oldWebview = (window as unknown as { awardTallyOldWebview?: boolean }).awardTallyOldWebview === true;

// The Office.js host is its own chunk, fetched at once and in parallel with Office.js starting up, so the
// first download holds only the pane and the engine.
const excelHost = oldWebview ? new Promise<never>(() => undefined) : import(/* webpackChunkName: "excel-host" */ '../excel/host');
excelHost.catch(() => undefined); // reported in onReady

if (!oldWebview) Office.onReady(async () => {
  const container = document.getElementById('container');
  if (!container) return;
  const lang = pickLang(displayLanguage());
  document.documentElement.lang = htmlLang(lang);
  let createExcelHost: typeof import('../excel/host').createExcelHost;
  try {
    ({ createExcelHost } = await excelHost);
  } catch {
    // No React yet: say it in plain text, in the pane's language.
    container.textContent = strings(lang).errorChunk;
    return;
  }
  // Templates and the 名额核对 sheet reach the host as SheetPayloads built by the panels (ExcelJS in a lazy chunk).
  const host = Object.assign(
    createExcelHost(Excel, {
      supports: (set, version) => Office.context.requirements.isSetSupported(set, version),
      // Excel without ExcelApi 1.13 rebuilds sheets cell by cell from a SheetSpec (payloads carry one).
      templateSpec: (kind) => import(/* webpackChunkName: "template" */ '../xlsx/template-spec').then((m) => m.templateSpec(kind)),
      lang,
    }),
    // The chosen award is kept in the workbook's own add-in settings.
    { settings: officeSettings(Office.context.document?.settings as unknown as OfficeSettingsLike | undefined) },
  );
  createRoot(container).render(<App host={host} lang={lang} />);
});
