import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { htmlLang, pickLang, strings } from './i18n';

/** Office.context is only usable after onReady; outside Office (a plain browser) displayLanguage is absent. */
function displayLanguage(): string | undefined {
  try {
    return Office.context?.displayLanguage;
  } catch {
    return undefined;
  }
}

// The Office.js host is its own chunk, fetched at once and in parallel with Office.js starting up, so the
// first download holds only the pane and the engine.
const excelHost = import(/* webpackChunkName: "excel-host" */ '../excel/host');
excelHost.catch(() => undefined); // reported in onReady

Office.onReady(async () => {
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
  const host = createExcelHost(Excel, {
    supports: (set, version) => Office.context.requirements.isSetSupported(set, version),
    // ExcelJS and the template writer are fetched only when a template is inserted.
    templateBase64: (kind) => import(/* webpackChunkName: "template" */ './template-base64').then((m) => m.templateBase64(kind)),
    // Excel without ExcelApi 1.13: the same template rebuilt cell by cell.
    templateSpec: (kind) => import(/* webpackChunkName: "template" */ './template-spec').then((m) => m.templateSpec(kind)),
    lang,
  });
  createRoot(container).render(<App host={host} lang={lang} />);
});
