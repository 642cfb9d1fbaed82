#!/usr/bin/env node
'use strict';
// Spark SQL grammar check: validates NDJSON statements with dt-sql-parser's
// SparkSQL grammar (bundled into build/spark-sql.cjs by `npm run build`).
//
// Usage: node check.cjs [--allow FILE | --no-allow] [FILE | -]
//   Input lines: {"id": "...", "sql": "..."}  (other keys are ignored)
//   Exit: 0 no failures (allow-listed ones excepted), 1 failures, 2 usage/IO error.

const fs = require('fs');
const path = require('path');

const USAGE = 'usage: node check.cjs [--allow FILE | --no-allow] [FILE | -]';
const DEFAULT_ALLOW = path.join(__dirname, 'allow.txt');
const BUNDLE = path.join(__dirname, 'build', 'spark-sql.cjs');

function die(msg) {
  process.stderr.write(`spark-grammar: ${msg}\n`);
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { input: null, allow: DEFAULT_ALLOW };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h' || a === '--help') {
      process.stdout.write(USAGE + '\n');
      process.exit(0);
    } else if (a === '--no-allow') {
      opts.allow = null;
    } else if (a === '--allow') {
      if (i + 1 >= argv.length) die(`--allow needs a file\n${USAGE}`);
      opts.allow = argv[++i];
    } else if (a.startsWith('--allow=')) {
      opts.allow = a.slice('--allow='.length);
    } else if (a !== '-' && a.startsWith('-')) {
      die(`unknown option ${a}\n${USAGE}`);
    } else if (opts.input !== null) {
      die(`only one input file may be given\n${USAGE}`);
    } else {
      opts.input = a;
    }
  }
  return opts;
}

// One JavaScript regular expression per line, matched case-insensitively
// against the statement's SQL. Blank lines and lines starting with # are
// skipped. Returns [{ re, line }] with line = 1-based line in the file.
function loadAllowList(file) {
  if (file === null) return [];
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    die(`cannot read allow-list ${file}: ${e.message}`);
  }
  const patterns = [];
  text.split(/\r?\n/).forEach((raw, idx) => {
    const src = raw.trim();
    if (src === '' || src.startsWith('#')) return;
    try {
      patterns.push({ re: new RegExp(src, 'i'), line: idx + 1 });
    } catch (e) {
      die(`${file}:${idx + 1}: bad regular expression: ${e.message}`);
    }
  });
  return patterns;
}

function readInput(input) {
  const fromStdin = input === null || input === '-';
  try {
    return fs.readFileSync(fromStdin ? 0 : input, 'utf8');
  } catch (e) {
    die(`cannot read ${fromStdin ? 'stdin' : input}: ${e.message}`);
  }
}

function parseRecords(text, label) {
  const records = [];
  text.split('\n').forEach((raw, idx) => {
    const line = raw.trim();
    if (line === '') return;
    let obj;
    try {
      obj = JSON.parse(line);
    } catch (e) {
      die(`${label}:${idx + 1}: not valid JSON: ${e.message}`);
    }
    if (obj === null || typeof obj !== 'object' || typeof obj.sql !== 'string') {
      die(`${label}:${idx + 1}: expected an object with a string "sql" field`);
    }
    const id = obj.id === undefined || obj.id === null ? `line ${idx + 1}` : String(obj.id);
    records.push({ id, sql: obj.sql });
  });
  return records;
}

function loadParser() {
  if (!fs.existsSync(BUNDLE)) {
    die(`${BUNDLE} is missing; run "npm ci && npm run build" in ${__dirname}`);
  }
  const { SparkSQL } = require(BUNDLE);
  return new SparkSQL();
}

// Returns null when the grammar accepts sql, else { message, line, col }.
function firstError(parser, sql) {
  let errors;
  // While building its "expecting ..." messages dt-sql-parser re-parses with
  // antlr4ng's default ConsoleErrorListener, which prints raw ANTLR errors via
  // console.error. They duplicate the returned errors, so mute them here.
  const consoleError = console.error;
  console.error = () => {};
  try {
    errors = parser.validate(sql);
  } catch (e) {
    return { message: `parser threw: ${e && e.message ? e.message : e}`, line: 0, col: 0 };
  } finally {
    console.error = consoleError;
  }
  if (!errors || errors.length === 0) return null;
  const e = errors[0];
  return { message: e.message, line: e.startLine, col: e.startColumn };
}

function indent(sql) {
  return sql.split(/\r?\n/).map((l) => '    ' + l).join('\n');
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const allow = loadAllowList(opts.allow);
  const label = opts.input === null || opts.input === '-' ? '<stdin>' : opts.input;
  const records = parseRecords(readInput(opts.input), label);
  const parser = loadParser();

  let passed = 0;
  let failed = 0;
  let allowed = 0;
  const out = [];
  const t0 = process.hrtime.bigint();
  for (const { id, sql } of records) {
    const err = firstError(parser, sql);
    if (err === null) {
      passed++;
    } else if (allow.some((p) => p.re.test(sql))) {
      allowed++;
    } else {
      failed++;
      out.push(`FAIL ${id}: ${err.message} (line ${err.line}, col ${err.col})`);
      out.push(indent(sql));
    }
  }
  if (process.env.SPARK_GRAMMAR_TIMING) {
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const rate = seconds > 0 ? (records.length / seconds).toFixed(1) : 'inf';
    process.stderr.write(
      `spark-grammar: validated ${records.length} statements in ${seconds.toFixed(3)} s (${rate}/s)\n`
    );
  }
  let summary = `spark-grammar: ${passed} passed, ${failed} failed`;
  if (allowed > 0) summary += `, ${allowed} allowed`;
  out.push(summary);
  process.exitCode = failed > 0 ? 1 : 0;
  process.stdout.write(out.join('\n') + '\n');
}

module.exports = { loadAllowList, parseRecords, loadParser, firstError, DEFAULT_ALLOW };

if (require.main === module) main();
