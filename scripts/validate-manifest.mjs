// Validates a Teams app manifest and its localisation files offline, against the JSON schemas bundled in the
// npm package @microsoft/app-manifest (the version the manifest's $schema names), with the validator that package
// uses (Ajv, draft-04, as the Teams schemas are written).
//   node scripts/validate-manifest.mjs manifest/              (the folder: placeholders such as ${{BOT_ID}} are filled with samples)
//   node scripts/validate-manifest.mjs build/appPackage/aicoachbot.zip
// Prints one problem per line and exits 1 when there is any; exits 0 and prints "valid" otherwise.
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { inflateRawSync } from 'node:zlib';

const require = createRequire(import.meta.url);
const Ajv = require('ajv-draft-04');
const addFormats = require('ajv-formats');
const schemasRoot = join(dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams');

const target = process.argv[2] ?? 'manifest';
const isFolder = statSync(target).isDirectory();
const files = isFolder ? readFolder(target) : readZip(target);
const problems = [];

const manifestText = files.get('manifest.json');
if (!manifestText) fail('manifest.json is missing');
// A folder is the template: its Toolkit placeholders get sample values. A package must have them filled already.
if (!isFolder && /\$\{\{[A-Z_]+\}\}/.test(manifestText)) problems.push('manifest.json still holds ${{…}} placeholders: build the package with the bot id and domain');
const manifest = JSON.parse(isFolder ? fillSamples(manifestText) : manifestText);
const version = /\/teams\/(v[\d.]+)\//.exec(manifest.$schema ?? '')?.[1];
if (!version) fail(`$schema must name a released version (…/teams/v1.x/MicrosoftTeams.schema.json); got ${manifest.$schema}`);
for (const error of validate(manifest, schema(version, 'MicrosoftTeams.schema.json'))) problems.push(`manifest.json: ${error}`);

for (const icon of [manifest.icons?.color, manifest.icons?.outline]) if (icon && !files.has(icon)) problems.push(`${icon} is named by the manifest but missing`);
for (const language of manifest.localizationInfo?.additionalLanguages ?? []) {
  const text = files.get(language.file);
  if (!text) { problems.push(`${language.file} (${language.languageTag}) is named by the manifest but missing`); continue; }
  for (const error of validate(JSON.parse(text), schema(version, 'MicrosoftTeams.Localization.schema.json')))
    problems.push(`${language.file}: ${error}`);
}

if (problems.length > 0) { console.log(problems.join('\n')); process.exit(1); }
console.log(`valid (${version})`);

function validate(document, schema) {
  // unicodeRegExp off: some of the published patterns (localisation keys) are not valid with the u flag.
  const ajv = new Ajv({ allErrors: true, strictTypes: false, strict: false, unicodeRegExp: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  const check = ajv.compile(schema);
  return check(document) ? [] : check.errors.map(e => `${e.instancePath || '/'} ${e.message}${e.params ? ' ' + JSON.stringify(e.params) : ''}`);
}

function schema(version, name) {
  // The same repair the package applies to the published schemas: "\a" is not a valid regular expression escape.
  return JSON.parse(readFileSync(join(schemasRoot, version, name), 'utf8').replace(/\\a/g, '\\x07'));
}

function fillSamples(text) {
  return text.replaceAll('${{BOT_ID}}', '00000000-0000-0000-0000-000000000001')
    .replaceAll('${{TEAMS_APP_ID}}', '00000000-0000-0000-0000-000000000002')
    .replaceAll('${{BOT_DOMAIN}}', 'aicoachbot.example.com');
}

function readFolder(folder) {
  const result = new Map();
  for (const name of ['manifest.json', 'fr.json', 'color.png', 'outline.png']) {
    try { result.set(name, name.endsWith('.json') ? readFileSync(join(folder, name), 'utf8') : readFileSync(join(folder, name))); } catch { /* reported as missing */ }
  }
  return result;
}

/** The entries of a zip (stored or deflated), read from its central directory; an app package is a few small files. */
function readZip(path) {
  const maxEntryBytes = 4 * 1024 * 1024;
  const zip = readFileSync(path);
  if (zip.length > maxEntryBytes) fail(`${path} is larger than an app package can be`);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || end + 22 > zip.length) fail(`${path} is not a zip file`);
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const result = new Map();
  for (let i = 0; i < count; i++) {
    if (offset + 46 > zip.length || zip.readUInt32LE(offset) !== 0x02014b50) fail(`${path}: its central directory is damaged`);
    const method = zip.readUInt16LE(offset + 10);
    if (method !== 0 && method !== 8) fail(`${path}: an entry uses compression method ${method}; Teams packages use deflate`);
    const size = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const local = zip.readUInt32LE(offset + 42);
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(dataStart, dataStart + size);
    const bytes = method === 8 ? inflateRawSync(raw, { maxOutputLength: maxEntryBytes }) : raw;
    if (name.includes('/')) problems.push(`${name}: the package must be flat (no folders)`);
    result.set(name, name.endsWith('.json') ? bytes.toString('utf8') : bytes);
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return result;
}

function fail(message) { console.log(message); process.exit(1); }
