#!/usr/bin/env python3
"""Positions into YAML and JSON files point at what the finding names.

usage: yaml_positions.py SLUICE RULES [N]

Writes N random dataset exports with PyYAML (the library Superset's
exporter uses) in every scalar style it can produce - plain, single- and
double-quoted, literal and folded blocks - at several line widths and
indentations, with LF and CRLF line ends, plus chart data JSON with
json.dumps; the SQL is random layout (blank lines, tabs, leading and
trailing spaces, quotes, backslashes, non-ASCII) around one scan of a
partitioned table without a date filter.  The partition-filter finding
must point at the table name in the file: the text at the reported line
and column starts with that name.  A map that fails falls back to the
start of the value, so this also proves no style falls back.
"""
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

import yaml

TABLE = "main.sales.transactions"
WORDS = ["SELECT", "region", "amount", "'it\\'s'", "'a\\b'", "'Zürich'", "'€ 10'", "1",
         "-- note", "\"q\"", "x.y", "1 /* c */", "'{'", "'%'", "'#'", "':'", "'- a'"]


def random_sql(rng):
    def ws():
        return rng.choice([" ", "  ", "\n", "\n\n", "\n  ", "\t", " \n", "\n\n\n    "])
    head = "SELECT" + ws() + rng.choice(WORDS[1:3])
    for _ in range(rng.randint(0, 4)):
        w = rng.choice(WORDS[1:])
        head += "," + ws() + (w if not w.startswith("--") else "1 " + w + "\n")
    sql = head + ws() + "FROM" + ws() + TABLE + ws() + "WHERE" + ws() + "region <> 'x'"
    if rng.random() < 0.3:
        sql = rng.choice(["  ", "\n", "-- lead\n"]) + sql
    if rng.random() < 0.3:
        sql += rng.choice(["\n", "  ", "\n\n", ";"])
    return sql


def dump(rng, sql, style):
    doc = {"table_name": "t", "catalog": "main", "schema": "sales", "sql": sql,
           "params": None}
    kwargs = dict(sort_keys=False, allow_unicode=rng.random() < 0.7,
                  width=rng.choice([20, 40, 80, 1000]), indent=rng.choice([2, 4]))
    if style is None:
        return yaml.safe_dump(doc, **kwargs)

    class Dumper(yaml.SafeDumper):
        pass

    def rep(dumper, data):
        s = style if data == sql else None
        return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=s)
    Dumper.add_representer(str, rep)
    return yaml.dump(doc, Dumper=Dumper, **kwargs)


def main():
    sluice, rules = sys.argv[1:3]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 400
    rng = random.Random(20261130)
    tmp = tempfile.mkdtemp(prefix="sluice-yaml-")
    files = {}
    try:
        for i in range(n):
            sql = random_sql(rng)
            kind = i % 7
            if kind < 6:
                style = [None, "'", '"', "|", ">", None][kind]
                text = dump(rng, sql, style)
                if kind == 5:
                    text = text.replace("\n", "\r\n")
                name = "case%04d.yaml" % i
                if yaml.safe_load(text)["sql"] != sql:
                    continue    # PyYAML cannot write this one in this style
            else:
                text = json.dumps({"result": [{"query": sql, "language": "sql"}]},
                                  indent=rng.choice([None, 2]), ensure_ascii=rng.random() < 0.5)
                name = "case%04d.json" % i
            with open(os.path.join(tmp, name), "w", encoding="utf-8", newline="") as f:
                f.write(text)
            files[name] = text
        r = subprocess.run([sluice, "lint", "--rules", rules, "--now", "2026-11-30 12:00:00",
                            "--format", "json", tmp], capture_output=True, text=True)
        found = {}
        for line in r.stdout.splitlines():
            f = json.loads(line)
            if f["rule"] == "partition-filter":
                found[os.path.basename(f["file"])] = (f["line"], f["column"])
        bad = []
        for name, text in sorted(files.items()):
            if name not in found:
                bad.append("%s: no partition-filter finding" % name)
                continue
            line, col = found[name]
            lines = text.replace("\r\n", "\n").split("\n")
            at = lines[line - 1][col - 1:] if line <= len(lines) else ""
            if not at.startswith(TABLE):
                bad.append("%s: %d:%d points at %r" % (name, line, col, at[:30]))
        for b in bad[:20]:
            print("FAIL " + b)
        print("yaml-positions: %d files (5 YAML styles, CRLF, JSON); %d pointed at the table, "
              "%d failed" % (len(files), len(files) - len(bad), len(bad)))
        sys.exit(1 if bad or r.returncode not in (0, 1) else 0)
    finally:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
