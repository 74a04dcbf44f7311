/**
 * @jest-environment jsdom
 *
 * manifest.xml: XSD validation with xmllint (as `npm run validate:offline` does), plus the checks XSD cannot make.
 * jsdom only supplies DOMParser for reading the XML; nothing here renders.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..');
const MANIFEST = path.join(ROOT, 'manifest.xml');
const SCRIPT = path.join(ROOT, 'scripts', 'validate-manifest.js');
const SCHEMA_DIR = process.env.OFFICE_MANIFEST_SCHEMAS
  ? path.resolve(process.env.OFFICE_MANIFEST_SCHEMAS)
  : path.resolve(__dirname, '..', '..', 'shared', 'office-manifest-schemas');
const MAIN_SCHEMA = path.join(SCHEMA_DIR, 'OfficeAppManifestV1_1.xsd');

const NS = {
  app: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  ov: 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
};

const haveSchemas = fs.existsSync(MAIN_SCHEMA);
if (!haveSchemas) {
  console.warn(
    `manifest.test.ts: XSD validation skipped: schema folder not found (${MAIN_SCHEMA} is missing). ` +
      'The XSDs are Microsoft\'s [MS-OWEMXML] schemas (section 5, "Appendix A: Full XML Schema", ' +
      'https://learn.microsoft.com/openspecs/office_file_formats/ms-owemxml/); they are kept beside the work tree in ' +
      '../shared/office-manifest-schemas. To run the check, put OfficeAppManifestV1_1.xsd and the files it includes ' +
      'into a folder and set OFFICE_MANIFEST_SCHEMAS to it; xmllint comes from the package libxml2-utils.',
  );
}

/** Runs the offline validator script with the given environment changes. */
function runValidator(args: string[], env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
}

function requireXmllint(): void {
  const probe = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  if (probe.error) {
    throw new Error(
      `xmllint is not installed, but the schema folder ${SCHEMA_DIR} is present, so the manifest must be validated. ` +
        'Install libxml2-utils (apt-get install -y --no-install-recommends libxml2-utils).',
    );
  }
}

describe('manifest.xml against the [MS-OWEMXML] XSDs (xmllint)', () => {
  (haveSchemas ? test : test.skip)('validates', () => {
    requireXmllint();
    const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', MAIN_SCHEMA, MANIFEST], { encoding: 'utf8' });
    expect(`${run.stderr}`.trim()).toBe(`${MANIFEST} validates`);
    expect(run.status).toBe(0);
  });

  (haveSchemas ? test : test.skip)('scripts/validate-manifest.js passes it and rejects a broken copy', () => {
    requireXmllint();
    const ok = runValidator([]);
    expect(ok.stdout).toMatch(/is valid/);
    expect(ok.status).toBe(0);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'manifest-test-'));
    try {
      const broken = path.join(dir, 'manifest.xml');
      const xml = fs.readFileSync(MANIFEST, 'utf8');
      fs.writeFileSync(broken, xml.replace('<Permissions>ReadWriteDocument<', '<Permissions>Everything<'));
      const bad = runValidator([broken]);
      expect(bad.stderr).toMatch(/does NOT validate/);
      expect(bad.stderr).toMatch(/Permissions/);
      expect(bad.status).toBe(1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('scripts/validate-manifest.js says so when the schema folder is missing', () => {
    const run = runValidator([], { OFFICE_MANIFEST_SCHEMAS: path.join(os.tmpdir(), 'no-such-schema-folder') });
    expect(run.stderr).toMatch(/schema folder is missing/);
    expect(run.status).toBe(2);
  });

  (haveSchemas ? test : test.skip)('scripts/validate-manifest.js says so when xmllint is missing', () => {
    const emptyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'no-xmllint-'));
    try {
      const run = runValidator([], { PATH: emptyDir });
      expect(run.stderr).toMatch(/xmllint is not installed/);
      expect(run.stderr).toMatch(/libxml2-utils/);
      expect(run.status).toBe(2);
    } finally {
      fs.rmSync(emptyDir, { recursive: true, force: true });
    }
  });
});

describe('manifest.xml: what XSD cannot check', () => {
  const doc = new DOMParser().parseFromString(fs.readFileSync(MANIFEST, 'utf8'), 'application/xml');
  const all = (ns: string, name: string): Element[] => Array.from(doc.getElementsByTagNameNS(ns, name));
  const child = (parent: Element, ns: string, name: string): Element | undefined =>
    Array.from(parent.children).find((c) => c.namespaceURI === ns && c.localName === name);
  const resourceIds = (group: string, item: string): string[] => {
    const groups = all(NS.bt, group);
    expect(groups).toHaveLength(1);
    return Array.from(groups[0].children)
      .filter((c) => c.namespaceURI === NS.bt && c.localName === item)
      .map((c) => c.getAttribute('id') ?? '');
  };

  test('is well-formed XML with an OfficeApp TaskPaneApp root', () => {
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(doc.documentElement.namespaceURI).toBe(NS.app);
    expect(doc.documentElement.localName).toBe('OfficeApp');
    expect(doc.documentElement.getAttribute('xsi:type')).toBe('TaskPaneApp');
  });

  test('every resid points to an existing resource of the right kind, and every resource is used', () => {
    const resources = {
      image: resourceIds('Images', 'Image'),
      url: resourceIds('Urls', 'Url'),
      short: resourceIds('ShortStrings', 'String'),
      long: resourceIds('LongStrings', 'String'),
    };
    const declared = [...resources.image, ...resources.url, ...resources.short, ...resources.long];
    expect(new Set(declared).size).toBe(declared.length); // ids are unique across all kinds

    // Which resource list each referencing element may point into (ShortResourceReference, LongResourceReference …).
    const kindOf: Record<string, keyof typeof resources> = {
      Image: 'image',
      SourceLocation: 'url',
      FunctionFile: 'url',
      LearnMoreUrl: 'url',
      Label: 'short',
      Title: 'short',
      Description: 'long',
    };
    const references = Array.from(doc.getElementsByTagName('*')).filter((e) => e.hasAttribute('resid'));
    expect(references.length).toBeGreaterThan(0);
    const problems: string[] = [];
    const used = new Set<string>();
    for (const ref of references) {
      const resid = ref.getAttribute('resid') ?? '';
      const kind = kindOf[ref.localName];
      used.add(resid);
      if (!kind) problems.push(`<${ref.tagName} resid="${resid}">: unknown referencing element`);
      else if (!resources[kind].includes(resid)) problems.push(`<${ref.tagName} resid="${resid}">: no such ${kind} resource`);
    }
    for (const id of declared) if (!used.has(id)) problems.push(`resource "${id}" is declared but never used`);
    expect(problems).toEqual([]);
  });

  test('every URL is absolute https, and files under /assets/ exist', () => {
    // Every attribute or text value that looks like a URL, except the namespace declarations.
    const values: string[] = [];
    for (const el of Array.from(doc.getElementsByTagName('*'))) {
      for (const attr of Array.from(el.attributes)) {
        if (attr.name !== 'xmlns' && attr.prefix !== 'xmlns') values.push(attr.value);
      }
      for (const node of Array.from(el.childNodes)) if (node.nodeType === node.TEXT_NODE) values.push(node.textContent ?? '');
    }
    const urls = values.map((v) => v.trim()).filter((v) => /^[a-z][a-z0-9+.-]*:/i.test(v) && !/^urn:/i.test(v));
    // The URL-typed elements must hold absolute URLs, not relative paths that the scan above would miss.
    const urlElements = [
      ...all(NS.app, 'IconUrl'),
      ...all(NS.app, 'HighResolutionIconUrl'),
      ...all(NS.app, 'SupportUrl'),
      ...all(NS.app, 'SourceLocation'),
      ...all(NS.bt, 'Image').filter((e) => e.hasAttribute('id')),
      ...all(NS.bt, 'Url'),
    ];
    const typed = urlElements.flatMap((e) => [
      e.getAttribute('DefaultValue') ?? '',
      ...Array.from(e.children).map((o) => o.getAttribute('Value') ?? ''),
    ]);
    expect(typed.length).toBeGreaterThan(5);
    for (const url of new Set([...urls, ...typed])) {
      expect({ url, protocol: new URL(url).protocol }).toEqual({ url, protocol: 'https:' });
    }
    const missing = [...new Set(typed)]
      .map((u) => new URL(u))
      .filter((u) => u.host === 'localhost:3000' && u.pathname.startsWith('/assets/'))
      .map((u) => u.pathname.slice(1))
      .filter((file) => !fs.existsSync(path.join(ROOT, file)));
    expect(missing).toEqual([]);
  });

  test('ribbon icons have the pixel size they are declared with', () => {
    const imageUrl = new Map(all(NS.bt, 'Image').filter((e) => e.hasAttribute('id')).map((e) => [e.getAttribute('id'), e.getAttribute('DefaultValue') ?? '']));
    const refs = all(NS.bt, 'Image').filter((e) => e.hasAttribute('resid'));
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      const url = new URL(imageUrl.get(ref.getAttribute('resid')) ?? '');
      const png = fs.readFileSync(path.join(ROOT, url.pathname));
      const size = Number(ref.getAttribute('size'));
      // PNG IHDR: width and height are the big-endian words at bytes 16 and 20.
      expect({ file: url.pathname, width: png.readUInt32BE(16), height: png.readUInt32BE(20) }).toEqual({
        file: url.pathname,
        width: size,
        height: size,
      });
    }
  });

  test('requires ExcelApi 1.1 in a Workbook host (check and fill; everything above detected at run time)', () => {
    const hosts = all(NS.app, 'Host').filter((h) => h.parentElement?.namespaceURI === NS.app);
    expect(hosts.map((h) => h.getAttribute('Name'))).toEqual(['Workbook']);
    const sets = all(NS.app, 'Set');
    const excelApi = sets.filter((s) => s.getAttribute('Name') === 'ExcelApi');
    expect(excelApi).toHaveLength(1);
    expect(excelApi[0].getAttribute('MinVersion')).toBe('1.1');
    expect(all(NS.app, 'Permissions')[0].textContent).toBe('ReadWriteDocument');
  });

  test('zh-CN is the default locale, and every localisable string has an en-US override', () => {
    expect(all(NS.app, 'DefaultLocale')[0].textContent).toBe('zh-CN');
    const displayName = all(NS.app, 'DisplayName')[0];
    expect(displayName.getAttribute('DefaultValue')).toBe('评优汇总核查');
    expect(child(displayName, NS.app, 'Override')?.getAttribute('Locale')).toBe('en-US');
    expect(child(displayName, NS.app, 'Override')?.getAttribute('Value')).toBe('Award Tally');

    const localisable = [
      displayName,
      all(NS.app, 'Description').find((d) => d.parentElement === doc.documentElement),
      ...all(NS.bt, 'String'),
    ];
    const withoutEnglish = localisable
      .filter((e): e is Element => e !== undefined)
      .filter((e) => !Array.from(e.children).some((o) => o.localName === 'Override' && o.getAttribute('Locale') === 'en-US'))
      .map((e) => e.getAttribute('id') ?? e.localName);
    expect(withoutEnglish).toEqual([]);
    expect(localisable.length).toBeGreaterThan(3);
  });

  test('has a Home-tab group 评优汇总 with a button that shows the task pane', () => {
    const tab = all(NS.ov, 'OfficeTab').find((t) => t.getAttribute('id') === 'TabHome');
    expect(tab).toBeDefined();
    const group = child(tab as Element, NS.ov, 'Group') as Element;
    const label = child(group, NS.ov, 'Label')?.getAttribute('resid');
    const labelText = all(NS.bt, 'String').find((s) => s.getAttribute('id') === label)?.getAttribute('DefaultValue');
    expect(labelText).toBe('评优汇总');
    const actions = all(NS.ov, 'Action').filter((a) => a.getAttribute('xsi:type') === 'ShowTaskpane');
    expect(actions).toHaveLength(1);
    expect(group.contains(actions[0])).toBe(true);
  });
});
