'use strict';
/**
 * The address a production build is hosted at (`npm run build -- --env url=https://…/` or ADDIN_PUBLIC_URL):
 * every URL of manifest.xml points below it. Office loads add-ins only over https, and the manifest's URLs are
 * compared as text, so the address is checked and normalised here, before anything is built.
 */

/**
 * @param {string | undefined} raw
 * @returns {string | null} the address with one trailing slash, or null when none was given
 * @throws {Error} with a message saying what to change
 */
function publicUrl(raw) {
  if (raw === undefined || raw === null || String(raw).trim() === '') return null;
  const text = String(raw).trim();
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`公开地址无效（invalid public URL）: "${text}". Give an absolute https address, e.g. https://addin.example.gov.cn/award-tally/`);
  }
  if (url.protocol !== 'https:') {
    throw new Error(`公开地址必须使用 https（Office loads add-ins over https only）: "${text}"`);
  }
  if (url.username || url.password) throw new Error(`公开地址不能包含用户名或密码（no credentials in the public URL）: "${text}"`);
  if (url.search || url.hash) throw new Error(`公开地址不能包含 ? 或 # 部分（no query or fragment）: "${text}"`);
  if (/[<>"'&\s]/.test(url.href)) throw new Error(`公开地址含有不允许的字符（characters not allowed in a manifest URL）: "${text}"`);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

module.exports = { publicUrl };
