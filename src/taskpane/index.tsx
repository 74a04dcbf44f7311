import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { htmlLang, pickLang } from './i18n';
import { createExcelHost } from '../excel/host';

/** Office.context is only usable after onReady; outside Office (a plain browser) displayLanguage is absent. */
function displayLanguage(): string | undefined {
  try {
    return Office.context?.displayLanguage;
  } catch {
    return undefined;
  }
}

Office.onReady(() => {
  const container = document.getElementById('container');
  if (!container) return;
  const lang = pickLang(displayLanguage());
  document.documentElement.lang = htmlLang(lang);
  const host = createExcelHost(Excel, {
    supports: (set, version) => Office.context.requirements.isSetSupported(set, version),
    // ExcelJS and the template writer are fetched only when a template is inserted.
    templateBase64: (kind) => import(/* webpackChunkName: "template" */ './template-base64').then((m) => m.templateBase64(kind)),
    lang,
  });
  createRoot(container).render(<App host={host} lang={lang} />);
});
