#!/usr/bin/env node
'use strict';
// Self-test for allow.txt against allow-examples.ndjson.
// Each example line: {"id", "sql", "expect": "allowed" | "failed"}.
//  - "allowed": the grammar must reject the SQL and some allow entry must match it
//    (if the grammar starts accepting it, the entry may be stale).
//  - "failed": the grammar must reject it and no allow entry may match it
//    (guards against over-broad patterns).
// Every allow entry must match at least one "allowed" example.

const fs = require('fs');
const path = require('path');
const { loadAllowList, loadParser, firstError, DEFAULT_ALLOW } = require('./check.cjs');

const examplesFile = path.join(__dirname, 'allow-examples.ndjson');
const allow = loadAllowList(DEFAULT_ALLOW);
const parser = loadParser();

let passed = 0;
let failed = 0;
function report(ok, what) {
  if (ok) {
    passed++;
  } else {
    failed++;
    process.stdout.write(`FAIL ${what}\n`);
  }
}

const used = new Set();
const lines = fs.readFileSync(examplesFile, 'utf8').split('\n');
lines.forEach((raw, idx) => {
  if (raw.trim() === '') return;
  const ex = JSON.parse(raw);
  const rejected = firstError(parser, ex.sql) !== null;
  const hits = allow.filter((p) => p.re.test(ex.sql));
  if (ex.expect === 'allowed') {
    hits.forEach((p) => used.add(p.line));
    if (!rejected) report(false, `${ex.id}: grammar now accepts it; the allow entry may be stale`);
    else report(hits.length > 0, `${ex.id}: rejected but matched by no allow entry`);
  } else if (ex.expect === 'failed') {
    if (!rejected) report(false, `${ex.id}: expected the grammar to reject it`);
    else report(hits.length === 0, `${ex.id}: wrongly allowed by allow.txt line(s) ${hits.map((p) => p.line).join(', ')}`);
  } else {
    report(false, `allow-examples.ndjson:${idx + 1}: bad "expect" value`);
  }
});
for (const p of allow) {
  report(used.has(p.line), `allow.txt:${p.line}: entry matches no "allowed" example`);
}

process.stdout.write(`allow-list: ${passed} passed, ${failed} failed\n`);
process.exitCode = failed > 0 ? 1 : 0;
