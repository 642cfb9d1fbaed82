// check.cjs - rules files against rules/sluice-rules.schema.json.
//
// usage: node check.cjs SLUICE SCHEMA CASES RULES-FILE...
//   1. every RULES-FILE (the shipped rules and the corpus's) is valid by
//      the schema and loads in sluice;
//   2. every case in CASES (one JSON object a line: {"name", "text",
//      "schema": valid?, "loader": valid?}) gets the verdicts it states
//      from the schema and from sluice's loader; in particular every
//      document the schema rejects, the loader rejects too, with an
//      error naming the file, line and column.
// Prints "rules-schema: N passed, M failed" and exits non-zero on failure.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const Ajv2020 = require('ajv/dist/2020').default;

const [sluice, schemaPath, casesPath, ...rulesFiles] = process.argv.slice(2);
if (!sluice || !schemaPath || !casesPath) {
  console.error('usage: node check.cjs SLUICE SCHEMA CASES RULES-FILE...');
  process.exit(2);
}
const ajv = new Ajv2020({ allErrors: true, strict: true });
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, 'utf8')));
let passed = 0, failed = 0;
const fail = (msg) => { failed++; console.log('FAIL ' + msg); };

// The loader's verdict: sluice exits 2 with "FILE:LINE:COL: ..." on a
// rules error; 0 or 1 (findings) when the rules load.
function loads(file) {
  const r = spawnSync(sluice, ['lint', '--rules', file, '-'], { input: 'SELECT 1', encoding: 'utf8' });
  if (r.status === 2) {
    const positioned = new RegExp(file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + ':\\d+:\\d+: ');
    return { ok: false, positioned: positioned.test(r.stderr), stderr: r.stderr.trim() };
  }
  return { ok: r.status === 0 || r.status === 1, stderr: r.stderr.trim() };
}

for (const f of rulesFiles) {
  const doc = JSON.parse(fs.readFileSync(f, 'utf8'));
  if (!validate(doc)) fail(`${f}: not valid by the schema: ${ajv.errorsText(validate.errors)}`);
  else passed++;
  const l = loads(f);
  if (!l.ok) fail(`${f}: sluice does not load it: ${l.stderr}`);
  else passed++;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sluice-rules-'));
const lines = fs.readFileSync(casesPath, 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('//'));
for (const line of lines) {
  const c = JSON.parse(line);
  const file = path.join(dir, c.name + '.json');
  fs.writeFileSync(file, c.text);
  let doc;
  try { doc = JSON.parse(c.text); } catch (e) { doc = undefined; }
  const schemaOk = doc !== undefined && validate(doc);
  if (schemaOk !== c.schema) fail(`${c.name}: the schema says ${schemaOk ? 'valid' : 'invalid'}, the case says ${c.schema ? 'valid' : 'invalid'}`);
  else passed++;
  const l = loads(file);
  if (l.ok !== c.loader) fail(`${c.name}: the loader says ${l.ok ? 'valid' : 'invalid'} (${l.stderr}), the case says ${c.loader ? 'valid' : 'invalid'}`);
  else passed++;
  if (!l.ok && !l.positioned) fail(`${c.name}: the loader's error has no file:line:col: ${l.stderr}`);
  if (!schemaOk && l.ok) fail(`${c.name}: the schema rejects it but the loader accepts it`);
}
fs.rmSync(dir, { recursive: true, force: true });
console.log(`rules-schema: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
