import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { htmlLang, pickLang } from './i18n';

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
  createRoot(container).render(<App lang={lang} />);
});
