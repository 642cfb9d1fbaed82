"""The rule table is the one place that names the rules.

Reads src/rule_table.c: the rows whose stage is a rule's (JUDGE or
REWRITE), their ids (RULE_...) and entry points.  Then checks that
  - src/engine.c names none of them (the driver runs the rules), and
  - no file under src/check/ or src/rewrite/ includes another file of
    those folders than check.h, rewrite.h and route_reasons.h, or names another rule's
    entry point (no rule calls or reads another).
Prints one line per finding and exits 1 if any.
"""
import os
import re
import sys

root = sys.argv[1] if len(sys.argv) > 1 else "."
table = open(os.path.join(root, "src/rule_table.c"), encoding="utf-8").read()
body = table[table.index("const rule_def rule_rows[] = {"):]
body = body[:body.index("\n};")]

ROW = re.compile(r"\{(RULE_[A-Z_]+), \"[^\"]+\", RULE_STAGE_(JUDGE|REWRITE)(.*?)\},\s*(?=\{|/\*|$)",
                 re.S)
ENTRY = re.compile(r"\b((?:check|rewrite)_[a-z_]+)\b")
rules = {}
for m in ROW.finditer(body):
    rules[m.group(1)] = set(ENTRY.findall(m.group(3)))
if len(rules) < 2:
    print("rule_table.c: could not read the rule rows")
    sys.exit(1)

findings = []
engine = open(os.path.join(root, "src/engine.c"), encoding="utf-8").read()
for rid, entries in sorted(rules.items()):
    for name in [rid] + sorted(entries):
        if re.search(r"\b%s\b" % name, engine):
            findings.append("src/engine.c names rule %s (%s)" % (rid, name))

owner = {}
for rid, entries in rules.items():
    for e in entries:
        owner[e] = rid
# route_reasons.h is no rule: the table of routing's reason codes, which
# every file that refuses a route shares.
SHARED = {"check.h", "rewrite.h", "check/check.h", "rewrite/rewrite.h", "route_reasons.h"}
for folder in ("src/check", "src/rewrite"):
    for fn in sorted(os.listdir(os.path.join(root, folder))):
        if not fn.endswith(".c"):
            continue
        path = os.path.join(folder, fn)
        text = open(os.path.join(root, path), encoding="utf-8").read()
        for inc in re.findall(r'#include "([^"]+)"', text):
            base = inc.split("/")[-1]
            here = os.path.exists(os.path.join(root, "src/check", base)) or \
                os.path.exists(os.path.join(root, "src/rewrite", base))
            if here and inc not in SHARED and base not in SHARED:
                findings.append("%s includes %s, another rule's file" % (path, inc))
        defined = set(re.findall(r"^(?:void|int)\s+((?:check|rewrite)_[a-z_]+)\(", text, re.M))
        for name in sorted(set(ENTRY.findall(text))):
            if name in owner and name not in defined:
                findings.append("%s names %s, the entry point of %s" % (path, name, owner[name]))

for f in findings:
    print(f)
print("layering: %d rule(s), %d finding(s)" % (len(rules), len(findings)))
sys.exit(1 if findings else 0)
