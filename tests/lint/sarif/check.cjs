// Validates SARIF logs against the SARIF 2.1.0 schema shipped in
// @microsoft/sarif-multitool-linux (draft 2020-12, so Ajv2020), formats
// included.  Each log is also broken in three ways that the schema must
// reject, so a validator that accepts everything fails this check.
//
// usage: node check.cjs LOG.sarif...
'use strict';
const fs = require('fs');
const path = require('path');
const Ajv2020 = require('ajv/dist/2020');
const addFormats = require('ajv-formats');

const schemaPath = path.join(path.dirname(require.resolve('@microsoft/sarif-multitool-linux/package.json')),
                             'sarif-2.1.0.json');
const schema = JSON.parse(fs.readFileSync(schemaPath, 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

const breakers = {
  'a result level outside the enumeration': (log) => { log.runs[0].results[0].level = 'fatal'; },
  'a run without a tool': (log) => { delete log.runs[0].tool; },
  'a start line of 0': (log) => {
    log.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
  },
};

let failed = 0, results = 0;
for (const file of process.argv.slice(2)) {
  const log = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!validate(log)) {
    failed++;
    console.log(`FAIL ${file}: ${ajv.errorsText(validate.errors, { separator: '\n  ' })}`);
    continue;
  }
  const n = log.runs[0].results.length;
  results += n;
  console.log(`PASS ${file}: valid SARIF 2.1.0 (${n} results)`);
  if (n === 0)
    continue;
  for (const [what, breakIt] of Object.entries(breakers)) {
    const bad = JSON.parse(JSON.stringify(log));
    breakIt(bad);
    if (validate(bad)) {
      failed++;
      console.log(`FAIL ${file}: the schema accepted ${what}`);
    }
  }
}
console.log(`sarif-schema: ${process.argv.length - 2} logs, ${results} results; ${failed} failed`);
process.exit(failed ? 1 : 0);
