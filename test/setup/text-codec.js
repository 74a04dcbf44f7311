// jsdom (jest-environment-jsdom 29) has no TextDecoder/TextEncoder, which every browser and Node have: the package
// reader (src/xlsx/zip.ts) decodes with them. Node's own implementations fill the gap in jsdom test files.
const util = require('util');
if (typeof globalThis.TextDecoder === 'undefined') globalThis.TextDecoder = util.TextDecoder;
if (typeof globalThis.TextEncoder === 'undefined') globalThis.TextEncoder = util.TextEncoder;
