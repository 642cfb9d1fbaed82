"""Every relative link in README.md and docs/*.md resolves.

A link is [text](target) outside code spans and fenced code blocks.
Targets with a scheme (https:, mailto:) are not fetched.  A target's
file must exist in the repository; a #fragment must name a heading of
that file (GitHub's anchor rule: lower case, punctuation dropped, spaces
to hyphens).  Prints one line per broken link and exits 1 if any.
"""
import os
import re
import sys

LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")


def anchors(path):
    out = set()
    fenced = False
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("```"):
                fenced = not fenced
            elif not fenced and line.startswith("#"):
                title = line.lstrip("#").strip().lower()
                title = re.sub(r"[^\w\- ]", "", title)
                out.add(title.replace(" ", "-"))
    return out


def links(path):
    fenced = False
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.startswith("```"):
                fenced = not fenced
                continue
            if fenced:
                continue
            for m in LINK.finditer(re.sub(r"`[^`]*`", "", line)):
                yield n, m.group(1)


def main():
    root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".")
    pages = [os.path.join(root, "README.md")]
    docs = os.path.join(root, "docs")
    pages += sorted(os.path.join(docs, p) for p in os.listdir(docs) if p.endswith(".md"))
    bad = checked = 0
    for page in pages:
        for line, target in links(page):
            if re.match(r"^[a-z][a-z0-9+.-]*:", target):
                continue
            checked += 1
            file, _, frag = target.partition("#")
            dest = os.path.normpath(os.path.join(os.path.dirname(page), file)) if file else page
            rel = os.path.relpath(page, root)
            if not os.path.exists(dest):
                print("%s:%d: broken link: %s (no such file)" % (rel, line, target))
                bad += 1
            elif frag and dest.endswith(".md") and frag not in anchors(dest):
                print("%s:%d: broken link: %s (no such heading)" % (rel, line, target))
                bad += 1
    print("docs-links: %d link(s) checked in %d page(s), %d broken" % (checked, len(pages), bad))
    return 1 if bad or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
