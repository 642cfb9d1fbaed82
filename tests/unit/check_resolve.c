/*
 * check_resolve.c - name resolution (src/resolve.c): one table row per
 * case (SQL, declared columns or none, the reference to look at, the
 * exact binding resolve_describe() prints), then the columns of FROM
 * items and blocks, and the rules keys that declare columns.
 *
 * A reference is named by its dotted text, with "#k" for the k-th such
 * reference in the statement's text (1 when omitted).  "none" expects
 * no binding (a name UNPIVOT declares, the GROUP BY ALL marker).
 */
#include "check_main.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "ast.h"
#include "parse.h"
#include "resolve.h"
#include "rules.h"
#include "sbuf.h"

/* Declared columns: t(a, b, s, d, k), u(a, c, k), v(k, e); w is not
 * declared, nor is any other table. */
#define RD "{\"sluice\": 1, \"defaults\": {\"catalog\": \"main\", \"schema\": \"sales\"}, \"tables\": [" \
    "{\"match\": \"main.sales.t\", \"columns\": [{\"name\": \"a\", \"type\": \"int\"}, " \
    "{\"name\": \"b\", \"type\": \"string\"}, {\"name\": \"s\", \"type\": \"struct<f:int>\"}, " \
    "{\"name\": \"d\", \"type\": \"date\"}, {\"name\": \"k\", \"type\": \"int\"}]}, " \
    "{\"match\": \"main.sales.u\", \"columns\": [{\"name\": \"a\"}, {\"name\": \"c\"}, {\"name\": \"k\"}]}, " \
    "{\"match\": \"main.sales.v\", \"columns\": [{\"name\": \"k\"}, {\"name\": \"e\"}]}]}"
#define R0 NULL

typedef struct rcase {
    const char *rules;
    const char *sql;
    const char *ref;
    const char *expect;
} rcase;

static const rcase cases[] = {
    /* ---- base tables, qualified and not ---- */
    {R0, "SELECT a FROM t", "a", "column t.a@?"},
    {RD, "SELECT a FROM t", "a", "column t.a@0"},
    {RD, "SELECT t.b FROM t", "t.b", "column t.b@1"},
    {RD, "SELECT x.b FROM t AS x", "x.b", "column x.b@1"},
    {R0, "SELECT x.b FROM t x", "x.b", "column x.b@?"},
    {RD, "SELECT sales.t.a FROM t", "sales.t.a", "column t.a@0"},
    {RD, "SELECT main.sales.t.a FROM t", "main.sales.t.a", "column t.a@0"},
    {RD, "SELECT t.a FROM sales.t", "t.a", "column t.a@0"},
    {RD, "SELECT other.t.a FROM t", "other.t.a",
     "unresolved: no FROM item, select-list alias or enclosing query has a column other.t.a"},
    {RD, "SELECT t.a FROM t AS x", "t.a",
     "unresolved: no FROM item, select-list alias or enclosing query has a column t.a"},
    {R0, "SELECT a FROM t, u", "a",
     "ambiguous: a could be a column of t (columns not declared) or u (columns not declared)"},
    {RD, "SELECT a FROM t, u", "a", "ambiguous: a could be a column of t or u"},
    {RD, "SELECT c FROM t, u", "c", "column u.c@1"},
    {RD, "SELECT b FROM t, w", "b",
     "ambiguous: b could be a column of t or w (columns not declared)"},
    {RD, "SELECT zz FROM w, t", "zz", "column w.zz@?"},
    {RD, "SELECT zz FROM t", "zz",
     "unresolved: no FROM item, select-list alias or enclosing query has a column zz"},
    {RD, "SELECT A FROM t", "A", "column t.a@0"},
    {RD, "SELECT T.A FROM t", "T.A", "column t.a@0"},
    {R0, "SELECT t.a, u.a FROM t JOIN u ON t.a = u.a", "u.a", "column u.a@?"},
    {R0, "SELECT t.a, u.a FROM t JOIN u ON t.a = u.a", "u.a#2", "column u.a@?"},
    {RD, "SELECT t.a FROM t, t", "t.a", "ambiguous: a could be a column of t or t"},
    {RD, "SELECT x.a FROM t x, u x", "x.a", "ambiguous: a could be a column of x or x"},
    {RD, "SELECT b FROM t x, t y", "b", "ambiguous: b could be a column of x or y"},
    {RD, "SELECT y.b FROM t x, t y", "y.b", "column y.b@1"},
    {R0, "SELECT w.q FROM sales.w", "w.q", "column w.q@?"},
    {R0, "SELECT q FROM main.sales.w", "q", "column w.q@?"},
    {RD, "SELECT b FROM t WHERE d > '2024-01-01'", "d", "column t.d@3"},
    {RD, "SELECT 1 FROM t WHERE zz = 1", "zz",
     "unresolved: no FROM item, select-list alias or enclosing query has a column zz"},
    {R0, "SELECT 1 WHERE zz = 1", "zz",
     "unresolved: no FROM item, select-list alias or enclosing query has a column zz"},
    {RD, "SELECT count(b) FROM t", "b", "column t.b@1"},
    {RD, "SELECT b FROM t TABLESAMPLE (10 PERCENT)", "b", "column t.b@1"},
    {RD, "SELECT b FROM t LIMIT 5", "b", "column t.b@1"},

    /* ---- ON conditions see their join's two sides ---- */
    {RD, "SELECT 1 FROM t JOIN u ON a = c", "a", "ambiguous: a could be a column of t or u"},
    {RD, "SELECT 1 FROM t JOIN u ON a = c", "c", "column u.c@1"},
    {RD, "SELECT 1 FROM t JOIN u ON t.a = u.a JOIN v ON c = e", "c", "column u.c@1"},
    {RD, "SELECT 1 FROM t JOIN u ON t.a = u.a JOIN v ON c = e", "e", "column v.e@1"},
    {RD, "SELECT 1 FROM v, t JOIN u ON e = u.a", "e",
     "unresolved: no FROM item, select-list alias or enclosing query has a column e"},
    {RD, "SELECT 1 FROM t JOIN u ON t.a = u.a JOIN v ON v.k = u.k", "v.k", "column v.k@0"},
    {RD, "SELECT 1 FROM t JOIN (u JOIN v ON c = e) ON t.a = u.a", "c", "column u.c@1"},
    {RD, "SELECT 1 FROM t JOIN (u JOIN v ON b = e) ON t.a = u.a", "b",
     "unresolved: no FROM item, select-list alias or enclosing query has a column b"},

    /* ---- struct fields ---- */
    {RD, "SELECT s.f FROM t", "s.f", "field t.s@2 .f"},
    {RD, "SELECT t.s.f FROM t", "t.s.f", "column t.s@2 .f"},
    {RD, "SELECT s.f.g FROM t", "s.f.g", "field t.s@2 .f.g"},
    {R0, "SELECT s.f FROM t", "s.f", "field t.s@? .f"},
    {RD, "SELECT s.s.f FROM t AS s", "s.s.f", "column s.s@2 .f"},
    {RD, "SELECT main.sales.t.s.f FROM t", "main.sales.t.s.f", "column t.s@2 .f"},
    {RD, "SELECT s.f FROM t AS s", "s.f", "field s.s@2 .f"},
    {RD, "SELECT s.zz FROM t AS s", "s.zz", "field s.s@2 .zz"},
    {RD, "SELECT x.f FROM t AS s", "x.f",
     "unresolved: no FROM item, select-list alias or enclosing query has a column x.f"},
    {RD, "SELECT s.f FROM t, u", "s.f", "field t.s@2 .f"},
    {RD, "SELECT 1 FROM t WHERE s.f = 1", "s.f", "field t.s@2 .f"},
    {R0, "SELECT s.f FROM t, u", "s.f",
     "ambiguous: s could be a column of t (columns not declared) or u (columns not declared)"},

    /* ---- USING / NATURAL ---- */
    {RD, "SELECT k FROM t JOIN u USING (k)", "k", "column t.k@4 merged u"},
    {RD, "SELECT k FROM t RIGHT JOIN u USING (k)", "k", "column u.k@2 merged t"},
    {RD, "SELECT k FROM t LEFT JOIN u USING (k)", "k", "column t.k@4 merged u"},
    {RD, "SELECT k FROM t FULL JOIN u USING (k)", "k", "column t.k@4 merged u"},
    {R0, "SELECT k FROM t JOIN u USING (k)", "k", "column t.k@? merged u"},
    {RD, "SELECT k FROM t NATURAL JOIN u", "k", "column t.k@4 merged u"},
    {RD, "SELECT a FROM t NATURAL JOIN u", "a", "column t.a@0 merged u"},
    {RD, "SELECT c FROM t NATURAL JOIN u", "c", "column u.c@1"},
    {R0, "SELECT k FROM t NATURAL JOIN u", "k",
     "ambiguous: k could be a column of t (columns not declared) or u (columns not declared)"},
    {RD, "SELECT u.k FROM t JOIN u USING (k)", "u.k", "column u.k@2"},
    {RD, "SELECT t.k FROM t JOIN u USING (k)", "t.k", "column t.k@4"},
    {RD, "SELECT k FROM t JOIN u USING (k) JOIN v USING (k)", "k", "column t.k@4 merged v"},
    {RD, "SELECT a FROM t JOIN u USING (k)", "a", "ambiguous: a could be a column of t or u"},
    {RD, "SELECT k FROM t JOIN u USING (a)", "k", "ambiguous: k could be a column of t or u"},
    {RD, "SELECT k FROM t JOIN u USING (k), v", "k",
     "ambiguous: k could be a column of t or v"},

    /* ---- LEFT SEMI / LEFT ANTI: the right side is seen in ON only ---- */
    {RD, "SELECT c FROM t LEFT SEMI JOIN u ON t.a = u.a", "c",
     "unresolved: no FROM item, select-list alias or enclosing query has a column c"},
    {RD, "SELECT a FROM t LEFT SEMI JOIN u ON t.a = u.a", "a", "column t.a@0"},
    {RD, "SELECT 1 FROM t LEFT ANTI JOIN u ON c = t.a", "c", "column u.c@1"},
    {RD, "SELECT 1 FROM t LEFT SEMI JOIN (u JOIN v ON c = e) ON t.a = u.a", "c", "column u.c@1"},
    {RD, "SELECT 1 FROM t LEFT SEMI JOIN (u JOIN v ON c = e) ON t.a = u.a", "u.a",
     "column u.a@0"},
    {RD, "SELECT 1 FROM t JOIN (u LEFT SEMI JOIN v ON v.k = u.k) ON e = t.a", "e",
     "unresolved: no FROM item, select-list alias or enclosing query has a column e"},
    {RD, "SELECT u.c FROM t LEFT ANTI JOIN u ON c = t.a", "u.c",
     "unresolved: no FROM item, select-list alias or enclosing query has a column u.c"},

    /* ---- derived tables ---- */
    {R0, "SELECT x FROM (SELECT a AS x FROM t) d", "x", "column sub:d.x@0"},
    {R0, "SELECT d.x FROM (SELECT a AS x, b FROM t) d", "d.x", "column sub:d.x@0"},
    {R0, "SELECT b FROM (SELECT a AS x, b FROM t) d", "b", "column sub:d.b@1"},
    {R0, "SELECT b FROM (SELECT a AS x, b FROM t) d", "b#2", "column t.b@?"},
    {R0, "SELECT y FROM (SELECT a AS x FROM t) d", "y",
     "unresolved: no FROM item, select-list alias or enclosing query has a column y"},
    {R0, "SELECT y FROM (SELECT * FROM t) d", "y", "column sub:d.y@?"},
    {RD, "SELECT y FROM (SELECT * FROM t) d", "y",
     "unresolved: no FROM item, select-list alias or enclosing query has a column y"},
    {RD, "SELECT b FROM (SELECT * FROM t) d", "b", "column sub:d.b@1"},
    {R0, "SELECT p FROM (SELECT a, b FROM t) AS d (p, q)", "p", "column sub:d.p@0"},
    {R0, "SELECT a FROM (SELECT a, b FROM t) AS d (p, q)", "a",
     "unresolved: no FROM item, select-list alias or enclosing query has a column a"},
    {R0, "SELECT a FROM (SELECT a FROM t) d, (SELECT a FROM u) e", "a",
     "ambiguous: a could be a column of d or e"},
    {R0, "SELECT a FROM (SELECT a FROM t) d, (SELECT c FROM u) e", "a", "column sub:d.a@0"},
    {R0, "SELECT z FROM (SELECT y AS z FROM (SELECT a AS y FROM t) i) o", "z", "column sub:o.z@0"},
    {R0, "SELECT z FROM (SELECT y AS z FROM (SELECT a AS y FROM t) i) o", "y", "column sub:i.y@0"},
    {R0, "SELECT z FROM (SELECT y AS z FROM (SELECT a AS y FROM t) i) o", "a", "column t.a@?"},
    {R0, "SELECT n FROM (SELECT a AS n FROM t UNION ALL SELECT c FROM u) d", "n",
     "column sub:d.n@0"},
    {R0, "SELECT n FROM (SELECT a AS n FROM t UNION ALL SELECT c FROM u) d", "c", "column u.c@?"},
    {R0, "SELECT c FROM (SELECT a AS n FROM t UNION ALL SELECT c FROM u) d", "c",
     "unresolved: no FROM item, select-list alias or enclosing query has a column c"},
    {RD, "SELECT a1 FROM (SELECT *, a + 1 AS a1 FROM t) d", "a1", "column sub:d.a1@5"},
    {R0, "SELECT a1 FROM (SELECT *, a + 1 AS a1 FROM t) d", "a1", "column sub:d.a1@?"},
    {R0, "SELECT a FROM (SELECT a, a FROM t) d", "a",
     "ambiguous: d has more than one column named a"},
    {RD, "SELECT b FROM (SELECT * EXCEPT (b) FROM t) x", "b",
     "unresolved: no FROM item, select-list alias or enclosing query has a column b"},
    {RD, "SELECT d FROM (SELECT * EXCEPT (b) FROM t) x", "d", "column sub:x.d@2"},
    {RD, "SELECT k FROM (SELECT t.* FROM t JOIN u ON t.a = u.a) x", "k", "column sub:x.k@4"},
    {RD, "SELECT c FROM (SELECT t.* FROM t JOIN u ON t.a = u.a) x", "c",
     "unresolved: no FROM item, select-list alias or enclosing query has a column c"},
    {RD, "SELECT c FROM (SELECT * FROM t JOIN u USING (k)) x", "c", "column sub:x.c@6"},
    {RD, "SELECT k FROM (SELECT * FROM t JOIN u USING (k)) x", "k", "column sub:x.k@0"},
    {RD, "SELECT a FROM (SELECT * FROM t JOIN u USING (k)) x", "a",
     "ambiguous: x has more than one column named a"},
    {RD, "SELECT c FROM (SELECT * FROM t LEFT SEMI JOIN u ON t.a = u.a) x", "c",
     "unresolved: no FROM item, select-list alias or enclosing query has a column c"},
    {R0, "SELECT x FROM (SELECT a AS x FROM t) AS d WHERE x > 1", "x#2", "column sub:d.x@0"},
    {R0, "SELECT d.x.f FROM (SELECT s AS x FROM t) d", "d.x.f", "column sub:d.x@0 .f"},
    {R0, "SELECT cnt FROM (SELECT count(*) AS cnt FROM t) d", "cnt", "column sub:d.cnt@0"},

    /* ---- CTEs ---- */
    {R0, "WITH c AS (SELECT a AS x FROM t) SELECT x FROM c", "x", "column cte:c.x@0"},
    {RD, "WITH t AS (SELECT a AS x FROM t) SELECT x FROM t", "x", "column cte:t.x@0"},
    {RD, "WITH t AS (SELECT a AS x FROM t) SELECT a FROM t", "a#2",
     "unresolved: no FROM item, select-list alias or enclosing query has a column a"},
    {RD, "WITH t AS (SELECT a AS x FROM t) SELECT x FROM t", "a", "column t.a@0"},
    {RD, "WITH t AS (SELECT a FROM t) SELECT a FROM t", "a#2", "column cte:t.a@0"},
    {RD, "WITH t AS (SELECT a FROM t) SELECT b FROM t", "b",
     "unresolved: no FROM item, select-list alias or enclosing query has a column b"},
    {R0, "WITH c (p, q) AS (SELECT a, b FROM t) SELECT p FROM c", "p", "column cte:c.p@0"},
    {R0, "WITH c AS (SELECT a FROM t) SELECT c.a FROM c AS c2", "c.a",
     "unresolved: no FROM item, select-list alias or enclosing query has a column c.a"},
    {R0, "WITH c AS (SELECT a FROM t) SELECT z.a FROM c z", "z.a", "column cte:z.a@0"},
    {R0, "WITH c AS (SELECT a FROM t) SELECT c.a FROM c", "c.a", "column cte:c.a@0"},
    {R0, "WITH RECURSIVE r AS (SELECT 1 AS n UNION ALL SELECT n + 1 FROM r WHERE n < 5) "
         "SELECT n FROM r", "n#3", "column cte:r.n@0"},
    {R0, "WITH RECURSIVE r AS (SELECT 1 AS n UNION ALL SELECT n + 1 FROM r WHERE n < 5) "
         "SELECT n FROM r", "n#2", "column cte:r.n@0"},
    {R0, "WITH RECURSIVE r AS (SELECT 1 AS n UNION ALL SELECT n + 1 FROM r WHERE n < 5) "
         "SELECT n FROM r", "n#1", "column cte:r.n@0"},
    {R0, "WITH c AS (SELECT a FROM t) SELECT x.a FROM c x JOIN c y ON x.a = y.a", "y.a",
     "column cte:y.a@0"},
    {RD, "WITH c AS (SELECT * FROM u) SELECT k FROM c", "k", "column cte:c.k@2"},
    {R0, "WITH c AS (SELECT * FROM u) SELECT k FROM c", "k", "column cte:c.k@?"},
    {R0, "WITH c AS (SELECT a FROM t), d AS (SELECT a AS b FROM c) SELECT b FROM d", "b",
     "column cte:d.b@0"},
    {R0, "WITH c AS (SELECT a FROM t), d AS (SELECT a AS b FROM c) SELECT b FROM d", "a#2",
     "column cte:c.a@0"},
    {R0, "WITH c AS (SELECT a FROM t) SELECT a FROM (WITH c AS (SELECT b AS a FROM u) "
         "SELECT a FROM c) x", "b", "column u.b@?"},
    {RD, "WITH c AS (SELECT a FROM t UNION ALL SELECT c FROM u) SELECT a FROM c", "a#2",
     "column cte:c.a@0"},

    /* ---- subqueries in every clause; correlation ---- */
    {RD, "SELECT a FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.c = t.b)", "t.b",
     "outer(1) t.b@1"},
    {RD, "SELECT a FROM t WHERE EXISTS (SELECT 1 FROM u WHERE c = b)", "b", "outer(1) t.b@1"},
    {RD, "SELECT a FROM t WHERE EXISTS (SELECT 1 FROM u WHERE c = b)", "c", "column u.c@1"},
    /* u's b if u has one, else t's (resolveOuterRef): neither declared */
    {R0, "SELECT a FROM t WHERE EXISTS (SELECT 1 FROM u WHERE c = b)", "b",
     "ambiguous: b could be a column of u (columns not declared) or of an enclosing query"},
    {RD, "SELECT a FROM t WHERE EXISTS (SELECT 1 FROM w WHERE b = 1)", "b",
     "ambiguous: b could be a column of w (columns not declared) or of an enclosing query"},
    {RD, "SELECT a FROM t WHERE EXISTS (SELECT 1 FROM w WHERE zz = 1)", "zz", "column w.zz@?"},
    /* the same table inside and out: the inner one has it if either does */
    {R0, "SELECT a FROM t WHERE a > (SELECT avg(a) FROM t)", "a#3", "column t.a@?"},
    {R0, "SELECT a FROM t x WHERE a > (SELECT avg(a) FROM main.sales.t y)", "a#3",
     "column y.a@?"},
    {R0, "WITH c AS (SELECT 1 AS q) SELECT 1 FROM c WHERE EXISTS (SELECT 1 FROM w WHERE q = 1)",
     "q", "ambiguous: q could be a column of w (columns not declared) or of an enclosing query"},
    {R0, "SELECT a FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.c = t.b)", "t.b",
     "ambiguous: t.b could be field b of a column t of u (columns not declared) or a column "
     "of an enclosing query"},
    {R0, "SELECT a FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.c = zz.b)", "zz.b",
     "ambiguous: zz.b could be field b of a column zz of u (columns not declared) or a column "
     "of an enclosing query"},
    {RD, "SELECT a FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.c = zz.b)", "zz.b",
     "unresolved: no FROM item, select-list alias or enclosing query has a column zz.b"},
    {RD, "SELECT a FROM t WHERE a IN (SELECT a FROM u)", "a#3", "column u.a@0"},
    {RD, "SELECT a FROM t WHERE a IN (SELECT a FROM u)", "a#2", "column t.a@0"},
    {RD, "SELECT (SELECT max(c) FROM u WHERE u.a = t.a) AS m FROM t", "t.a", "outer(1) t.a@0"},
    {RD, "SELECT a FROM t GROUP BY a HAVING count(*) > (SELECT count(*) FROM u WHERE u.k = t.a)",
     "t.a", "outer(1) t.a@0"},
    {RD, "SELECT a FROM t WHERE EXISTS (SELECT 1 FROM u WHERE EXISTS "
         "(SELECT 1 FROM v WHERE v.e = t.b))", "t.b", "outer(2) t.b@1"},
    {RD, "SELECT a FROM t WHERE EXISTS (SELECT 1 FROM u WHERE EXISTS "
         "(SELECT 1 FROM v WHERE e = c))", "c", "outer(1) u.c@1"},
    {RD, "SELECT a FROM t ORDER BY (SELECT max(e) FROM v WHERE v.k = t.k)", "t.k",
     "outer(1) t.k@4"},
    {RD, "SELECT (SELECT a FROM u) FROM t", "a", "column u.a@0"},
    {RD, "SELECT a FROM t WHERE EXISTS (SELECT 1 FROM (SELECT c FROM u WHERE u.a = t.a) d)",
     "t.a", "outer(2) t.a@0"},
    {RD, "SELECT x.m FROM t, LATERAL (SELECT max(c) AS m FROM u WHERE u.a = t.a) x", "t.a",
     "outer(1) t.a@0"},
    {RD, "SELECT x.m FROM t, LATERAL (SELECT max(c) AS m FROM u WHERE u.a = t.a) x", "x.m",
     "column sub:x.m@0"},
    {RD, "SELECT 1 FROM t, (SELECT c FROM u WHERE u.a = t.a) x", "t.a",
     "unresolved: no FROM item, select-list alias or enclosing query has a column t.a"},
    {RD, "SELECT 1 FROM t, LATERAL (SELECT v.e FROM u WHERE u.a = t.a) x, v", "v.e",
     "unresolved: no FROM item, select-list alias or enclosing query has a column v.e"},
    {RD, "SELECT 1 FROM t, u WHERE EXISTS (SELECT 1 FROM v WHERE e = a)", "a",
     "ambiguous: a could be a column of t or u (an enclosing query)"},
    {RD, "SELECT 1 FROM t WHERE b IN (SELECT a FROM u UNION SELECT k FROM v WHERE v.e = t.k)",
     "t.k", "outer(1) t.k@4"},
    {RD, "SELECT 1 FROM t WHERE a = (SELECT max(zz) FROM u)", "zz",
     "unresolved: no FROM item, select-list alias or enclosing query has a column zz"},
    {RD, "SELECT a FROM t WHERE EXISTS (SELECT c AS b, b FROM u)", "b", "alias b#0"},
    {RD, "SELECT 1 FROM t JOIN u ON u.a IN (SELECT k FROM v WHERE v.e = t.b)", "t.b",
     "outer(1) t.b@1"},

    /* ---- table functions and LATERAL VIEW ---- */
    {RD, "SELECT x FROM t LATERAL VIEW explode(s) e AS x", "x", "column fn:e.x@0"},
    {RD, "SELECT x FROM t LATERAL VIEW explode(s) e AS x", "s", "column t.s@2"},
    {R0, "SELECT x FROM t LATERAL VIEW explode(arr) e AS x", "x",
     "ambiguous: x could be a column of t (columns not declared) or e"},
    {R0, "SELECT x FROM t LATERAL VIEW explode(arr) e AS x", "arr", "column t.arr@?"},
    {RD, "SELECT e.x FROM t LATERAL VIEW explode(s) e AS x", "e.x", "column fn:e.x@0"},
    {RD, "SELECT p FROM t LATERAL VIEW posexplode(s) AS p, q", "p",
     "column fn:sluice:anonymous.p@0"},
    {RD, "SELECT q FROM t LATERAL VIEW OUTER posexplode(s) AS p, q", "q",
     "column fn:sluice:anonymous.q@1"},
    {RD, "SELECT a FROM t LATERAL VIEW explode(s) e AS a", "a#1",
     "ambiguous: a could be a column of t or e"},
    {RD, "SELECT col FROM t LATERAL VIEW explode(s) e", "col", "column fn:e.col@?"},
    {RD, "SELECT y FROM t LATERAL VIEW explode(s) e AS x LATERAL VIEW explode(x) f AS y", "x",
     "column fn:e.x@0"},
    {RD, "SELECT y FROM t LATERAL VIEW explode(s) e AS x LATERAL VIEW explode(y) f AS y", "y#2",
     "unresolved: no FROM item, select-list alias or enclosing query has a column y"},
    {R0, "SELECT id FROM range(10)", "id", "column fn:?.id@0"},
    {R0, "SELECT r.id FROM range(10) AS r", "r.id", "column fn:r.id@0"},
    {R0, "SELECT zz FROM range(10)", "zz",
     "unresolved: no FROM item, select-list alias or enclosing query has a column zz"},

    /* ---- PIVOT / UNPIVOT ---- */
    {RD, "SELECT * FROM t PIVOT (sum(a) AS s FOR b IN ('x' AS xx, 'y'))", "a", "column t.a@0"},
    {RD, "SELECT * FROM t PIVOT (sum(a) AS s FOR b IN ('x' AS xx, 'y'))", "b", "column t.b@1"},
    {RD, "SELECT xx FROM t PIVOT (sum(a) FOR b IN ('x' AS xx, 'y'))", "xx", "column sub:?.xx@3"},
    {RD, "SELECT y FROM t PIVOT (sum(a) FOR b IN ('x' AS xx, 'y'))", "y", "column sub:?.y@4"},
    {RD, "SELECT d FROM t PIVOT (sum(a) FOR b IN ('x' AS xx, 'y'))", "d", "column sub:?.d@1"},
    {RD, "SELECT b FROM t PIVOT (sum(a) FOR b IN ('x' AS xx, 'y'))", "b#1",
     "unresolved: no FROM item, select-list alias or enclosing query has a column b"},
    {R0, "SELECT xx FROM t PIVOT (sum(a) FOR b IN ('x' AS xx))", "xx", "column sub:?.xx@?"},
    {RD, "SELECT x_s FROM t PIVOT (sum(a) AS s, max(a) AS m FOR b IN ('x', 'y'))", "x_s",
     "column sub:?.x_s@3"},
    {RD, "SELECT y_m FROM t PIVOT (sum(a) AS s, max(a) AS m FOR b IN ('x', 'y'))", "y_m",
     "column sub:?.y_m@6"},
    {RD, "SELECT val FROM u UNPIVOT (val FOR name IN (a, c))", "val", "column sub:?.val@2"},
    {RD, "SELECT name FROM u UNPIVOT (val FOR name IN (a, c))", "name", "column sub:?.name@1"},
    {RD, "SELECT k FROM u UNPIVOT (val FOR name IN (a, c))", "k", "column sub:?.k@0"},
    {RD, "SELECT k FROM u UNPIVOT (val FOR name IN (a, c))", "a", "column u.a@0"},
    {RD, "SELECT val FROM u UNPIVOT (val FOR name IN (a, c))", "val#2", "none"},
    {RD, "SELECT a FROM u UNPIVOT (val FOR name IN (a, c))", "a#1",
     "unresolved: no FROM item, select-list alias or enclosing query has a column a"},

    /* ---- VALUES ---- */
    {R0, "SELECT a FROM VALUES (1, 2), (3, 4) AS v(a, b)", "a", "column sub:v.a@0"},
    {R0, "SELECT b FROM VALUES (1, 2), (3, 4) AS v(a, b)", "b", "column sub:v.b@1"},
    {R0, "SELECT c FROM VALUES (1, 2) AS v(a, b)", "c",
     "unresolved: no FROM item, select-list alias or enclosing query has a column c"},
    {R0, "SELECT col2 FROM VALUES (1, 2) AS v", "col2", "column sub:v.col2@1"},
    {R0, "SELECT col1 FROM (VALUES (1, 2)) AS x", "col1", "column sub:x.col1@0"},

    /* ---- ORDER BY: the select list's output first ---- */
    {RD, "SELECT b AS x FROM t ORDER BY x", "x", "alias x#0"},
    {RD, "SELECT b AS a FROM t ORDER BY a", "a", "alias a#0"},
    {RD, "SELECT a FROM t ORDER BY a", "a#2", "column t.a@0"},
    {RD, "SELECT t.a FROM t JOIN u ON t.a = u.a ORDER BY a", "a", "column t.a@0"},
    {RD, "SELECT a FROM t ORDER BY b", "b", "column t.b@1"},
    {RD, "SELECT b AS x, a AS x FROM t ORDER BY x", "x",
     "ambiguous: x names more than one select-list entry"},
    {RD, "SELECT *, b AS a FROM t ORDER BY a", "a",
     "ambiguous: a names a select-list entry, and the * beside it brings a column of that name"},
    {R0, "SELECT *, b AS z FROM t ORDER BY z", "z",
     "ambiguous: z names a select-list entry, and the * beside it may bring a column of that name"},
    {RD, "SELECT *, b AS z FROM t ORDER BY z", "z", "alias z#1"},
    {RD, "SELECT a, sum(b) AS total FROM t GROUP BY a ORDER BY total", "total", "alias total#1"},
    {RD, "SELECT a FROM t ORDER BY t.a", "t.a", "column t.a@0"},
    {RD, "SELECT b AS x FROM t DISTRIBUTE BY x SORT BY x", "x#2", "alias x#0"},
    {RD, "SELECT b AS x FROM t DISTRIBUTE BY x SORT BY x", "x", "alias x#0"},
    {RD, "SELECT b AS x FROM t CLUSTER BY x", "x", "alias x#0"},
    {R0, "SELECT b AS x FROM t ORDER BY x", "x", "alias x#0"},
    {R0, "SELECT a FROM t ORDER BY zz", "zz", "column t.zz@?"},
    {RD, "SELECT a, a FROM t ORDER BY a", "a#3", "column t.a@0"},
    {RD, "SELECT a AS a FROM t ORDER BY a", "a#2", "column t.a@0"},
    {RD, "SELECT upper(b) AS x FROM t ORDER BY x DESC NULLS LAST", "x", "alias x#0"},

    /* ---- GROUP BY: a FROM column first, then an alias ---- */
    {RD, "SELECT b AS x, count(*) FROM t GROUP BY x", "x", "alias x#0"},
    {RD, "SELECT b AS a, count(*) FROM t GROUP BY a", "a", "column t.a@0"},
    {R0, "SELECT b AS x, count(*) FROM t GROUP BY x", "x",
     "ambiguous: x could be a column of t (columns not declared) or the select-list alias x"},
    {R0, "SELECT a AS a, count(*) FROM t GROUP BY a", "a#2", "column t.a@?"},
    {R0, "SELECT date_trunc('day', ts) AS ts, count(*) FROM t GROUP BY ts", "ts#2",
     "column t.ts@?"},
    {R0, "SELECT date_trunc('day', ts) AS ts, count(*) FROM t GROUP BY ts", "ts", "column t.ts@?"},
    {R0, "SELECT date_trunc('day', ts) AS day, count(*) FROM t GROUP BY day", "day",
     "ambiguous: day could be a column of t (columns not declared) or the select-list alias day"},
    {R0, "SELECT upper(b) AS b, b || 'x' FROM t", "b#2", "column t.b@?"},
    {R0, "SELECT date_trunc('day', ts) AS ts FROM t, u GROUP BY ts", "ts#2",
     "ambiguous: ts could be a column of t (columns not declared) or u (columns not declared)"},
    {RD, "SELECT a FROM t GROUP BY ALL", "a", "column t.a@0"},
    {RD, "SELECT b AS x FROM t GROUP BY ROLLUP (x)", "x", "alias x#0"},
    {RD, "SELECT b AS x, b AS x FROM t GROUP BY x", "x",
     "ambiguous: 2 select-list aliases are named x"},
    {RD, "SELECT b AS x FROM t GROUP BY zz", "zz",
     "unresolved: no FROM item, select-list alias or enclosing query has a column zz"},
    {RD, "SELECT date_trunc('month', d) AS m, count(*) FROM t GROUP BY m", "m", "alias m#0"},
    {RD, "SELECT d FROM t GROUP BY d", "d#2", "column t.d@3"},

    /* ---- HAVING: FROM columns, then the aggregate's output ---- */
    {RD, "SELECT a, count(*) AS n FROM t GROUP BY a HAVING n > 1", "n", "alias n#1"},
    {RD, "SELECT a, count(*) AS n FROM t GROUP BY a HAVING a > 1", "a#3", "column t.a@0"},
    {RD, "SELECT b AS a, count(*) FROM t GROUP BY b HAVING a > 1", "a",
     "ambiguous: a is both a column of t and a select-list alias; in HAVING Spark's choice "
     "depends on the grouping"},
    {R0, "SELECT a, count(*) AS n FROM t GROUP BY a HAVING n > 1", "n",
     "ambiguous: n could be a column of t (columns not declared) or the select-list alias n"},
    {RD, "SELECT a FROM t GROUP BY a HAVING sum(b) > 1", "b", "column t.b@1"},
    {RD, "SELECT a FROM t GROUP BY a HAVING max(zz) > 1", "zz",
     "unresolved: no FROM item, select-list alias or enclosing query has a column zz"},

    /* ---- QUALIFY ---- */
    {RD, "SELECT a, row_number() OVER (ORDER BY b) AS rn FROM t QUALIFY rn = 1", "rn",
     "alias rn#1"},
    {RD, "SELECT a FROM t QUALIFY row_number() OVER (PARTITION BY b ORDER BY d) = 1", "b",
     "column t.b@1"},
    {RD, "SELECT b AS a FROM t QUALIFY a = 1", "a",
     "ambiguous: a is both a column of t and a select-list alias; in QUALIFY Spark's choice "
     "depends on the grouping"},
    {R0, "SELECT a, row_number() OVER (ORDER BY b) AS rn FROM t QUALIFY rn = 1", "rn",
     "ambiguous: rn could be a column of t (columns not declared) or the select-list alias rn"},

    /* ---- named WINDOW and OVER ---- */
    {RD, "SELECT sum(a) OVER w FROM t WINDOW w AS (PARTITION BY b ORDER BY d)", "b",
     "column t.b@1"},
    {RD, "SELECT sum(a) OVER w FROM t WINDOW w AS (PARTITION BY b ORDER BY d)", "d",
     "column t.d@3"},
    {RD, "SELECT b AS x, sum(a) OVER w FROM t WINDOW w AS (PARTITION BY x)", "x",
     "unresolved: no FROM item, select-list alias or enclosing query has a column x"},
    {RD, "SELECT sum(a) OVER (PARTITION BY k ORDER BY d) FROM t JOIN v USING (k)", "k#1",
     "column t.k@4 merged v"},

    /* ---- lateral column aliases ---- */
    {RD, "SELECT a + 1 AS x, x * 2 AS y FROM t", "x", "alias x#0"},
    {RD, "SELECT x * 2 AS y, a + 1 AS x FROM t", "x",
     "unresolved: no FROM item, select-list alias or enclosing query has a column x"},
    {RD, "SELECT b AS a, a + 1 FROM t", "a", "column t.a@0"},
    {R0, "SELECT a + 1 AS x, x * 2 FROM t", "x",
     "ambiguous: x could be a column of t (columns not declared) or the select-list alias x"},
    {RD, "SELECT a AS x, sum(x) FROM t", "x",
     "unresolved: x names a lateral column alias inside an aggregate function, which Spark "
     "does not allow"},
    {RD, "SELECT a AS x, b AS x, x FROM t", "x", "ambiguous: 2 select-list aliases are named x"},
    {RD, "SELECT a AS x, sum(b) OVER (PARTITION BY x) FROM t", "x",
     "unresolved: x names a lateral column alias inside a window, which Spark does not allow"},
    {RD, "SELECT s AS z, z.f FROM t", "z.f", "alias z#0 .f"},
    {RD, "SELECT a AS x, (SELECT x FROM u) FROM t", "x",
     "unresolved: no FROM item, select-list alias or enclosing query has a column x"},

    /* ---- lambda variables ---- */
    {RD, "SELECT transform(b, x -> x + 1) FROM t", "x", "lambda x"},
    {RD, "SELECT transform(b, x -> x + 1) FROM t", "x#2", "lambda x"},
    {RD, "SELECT transform(b, a -> a + 1) FROM t", "a#2", "lambda a"},
    {RD, "SELECT transform(b, x -> x + a) FROM t", "a", "column t.a@0"},
    {RD, "SELECT transform(b, x -> x + a) FROM t", "b", "column t.b@1"},
    {RD, "SELECT zip_with(b, d, (x, y) -> x + y) FROM t", "y#2", "lambda y"},
    {RD, "SELECT transform(b, x -> x.f) FROM t", "x.f", "lambda x .f"},
    {R0, "SELECT transform(b, x -> transform(x, y -> y + x)) FROM t", "x#3", "lambda x"},
    {R0, "SELECT transform(b, x -> x) AS r, x FROM t", "x#3", "column t.x@?"},
    {RD, "SELECT 1 FROM t WHERE exists(b, x -> x = a)", "a", "column t.a@0"},
    {RD, "SELECT filter(b, x -> x > (SELECT max(c) FROM u)) FROM t", "c", "column u.c@1"},

    /* ---- * EXCEPT ---- */
    {RD, "SELECT * EXCEPT (b) FROM t", "b", "column t.b@1"},
    {RD, "SELECT * EXCEPT (zz) FROM t", "zz", "unresolved: no FROM item has a column zz"},
    {RD, "SELECT t.* EXCEPT (t.b) FROM t", "t.b", "column t.b@1"},

    /* ---- ORDER BY of a set operation names its output ---- */
    {RD, "SELECT a FROM t UNION SELECT c FROM u ORDER BY a", "a#2", "alias a#0"},
    {RD, "SELECT a AS n FROM t UNION ALL SELECT c FROM u ORDER BY n", "n", "alias n#0"},
    {RD, "SELECT a FROM t UNION SELECT c FROM u ORDER BY zz", "zz",
     "unresolved: the set operation's output has no column zz sluice knows"},
    {RD, "SELECT a FROM t UNION SELECT c FROM u ORDER BY c", "c#2",
     "unresolved: the set operation's output has no column c sluice knows"},
    {RD, "SELECT a FROM t UNION SELECT c FROM u", "c", "column u.c@1"},
    {RD, "SELECT a FROM t INTERSECT SELECT c FROM u EXCEPT SELECT e FROM v", "e", "column v.e@1"},
};

static json_t *tree;
static analysis an;
static rules ru;
static int have_rules;
static resolution res;

static void build(const char *rules_text, const char *sql)
{
    have_rules = 0;
    if (rules_text) {
        char *err = NULL;
        ck_assert_msg(rules_compile(rules_text, strlen(rules_text), "test", &ru, &err) == 0,
                      "rules: %s", err ? err : "");
        have_rules = 1;
    }
    dialect_error derr;
    json_t *nodes = parse_text(sql, strlen(sql), &derr);
    ck_assert_msg(nodes != NULL, "does not parse: %s (%s)", sql, derr.message);
    tree = json_incref(json_array_get(nodes, 0));
    json_decref(nodes);
    analysis_build(&an, tree, "main", "sales");
    ck_assert_int_eq(resolve_build(&res, &an, have_rules ? &ru : NULL), 0);
}

static void done(void)
{
    resolve_free(&res);
    analysis_free(&an);
    if (have_rules)
        rules_free(&ru);
    json_decref(tree);
    tree = NULL;
}

/* The dotted text of a ColumnRef. */
static void dotted_name(json_t *f, char *buf, size_t size)
{
    json_t *fields = ast_get(f, "fields");
    buf[0] = '\0';
    for (size_t i = 0; i < json_array_size(fields); i++) {
        const char *p = ast_string_value(json_array_get(fields, i));
        size_t len = strlen(buf);
        snprintf(buf + len, size - len, "%s%s", i ? "." : "", p ? p : "*");
    }
}

typedef struct ref_hunt {
    const char *name;
    json_t *found[64];
    long long loc[64];
    size_t n;
} ref_hunt;

static ast_walk_rc hunt(ast_walker *w, json_t *node, ast_kind kind, json_t *obj)
{
    (void)node;
    ref_hunt *h = w->ctx;
    char buf[256];
    if (kind != AST_ColumnRef || h->n >= 64)
        return AST_WALK_CONTINUE;
    dotted_name(obj, buf, sizeof buf);
    if (strcmp(buf, h->name) != 0)
        return AST_WALK_CONTINUE;
    h->found[h->n] = obj;
    h->loc[h->n++] = json_integer_value(ast_get(obj, "location"));
    return AST_WALK_CONTINUE;
}

/* The k-th ColumnRef (in text order) whose dotted text is spec's name. */
static json_t *find_ref(const char *spec)
{
    char name[256];
    snprintf(name, sizeof name, "%s", spec);
    int k = 1;
    char *hash = strchr(name, '#');
    if (hash) {
        k = atoi(hash + 1);
        *hash = '\0';
    }
    ref_hunt h = {name, {0}, {0}, 0};
    ast_walker w = {0};
    w.fn = hunt;
    w.ctx = &h;
    ast_walk(&w, tree);
    /* Sort by location (a stable insertion sort: few refs). */
    for (size_t i = 1; i < h.n; i++)
        for (size_t j = i; j > 0 && h.loc[j - 1] > h.loc[j]; j--) {
            long long l = h.loc[j];
            h.loc[j] = h.loc[j - 1];
            h.loc[j - 1] = l;
            json_t *t = h.found[j];
            h.found[j] = h.found[j - 1];
            h.found[j - 1] = t;
        }
    ck_assert_msg(k >= 1 && (size_t)k <= h.n, "no reference %s (found %zu)", spec, h.n);
    return h.found[k - 1];
}

static void dump_all(void)
{
    char d[512], nm[256];
    for (size_t i = 0; i < res.nbindings; i++) {
        dotted_name(res.bindings[i].ref, nm, sizeof nm);
        fprintf(stderr, "    %s @%lld -> %s\n", nm,
                (long long)json_integer_value(ast_get(res.bindings[i].ref, "location")),
                resolve_describe(&res.bindings[i], d, sizeof d));
    }
}

START_TEST(binding_table)
{
    const rcase *c = &cases[_i];
    build(c->rules, c->sql);
    json_t *ref = find_ref(c->ref);
    const rs_binding *b = resolve_lookup(&res, ref);
    char got[512];
    if (b)
        resolve_describe(b, got, sizeof got);
    else
        snprintf(got, sizeof got, "none");
    if (strcmp(got, c->expect) != 0) {
        fprintf(stderr, "case %d: %s [%s]\n", _i, c->sql, c->rules ? "declared" : "none");
        dump_all();
    }
    ck_assert_msg(strcmp(got, c->expect) == 0, "case %d: %s: %s\n  got      %s\n  expected %s",
                  _i, c->sql, c->ref, got, c->expect);
    done();
}
END_TEST

/* ---- columns of FROM items and block outputs ---- */

static const char *cols_text(const rs_columns *c, char *buf, size_t size)
{
    buf[0] = '\0';
    for (size_t i = 0; i < c->n; i++) {
        size_t len = strlen(buf);
        char pos[24];
        if (c->v[i].position == RS_NO_POSITION)
            snprintf(pos, sizeof pos, "?");
        else
            snprintf(pos, sizeof pos, "%zu", c->v[i].position);
        snprintf(buf + len, size - len, "%s%s@%s%s%s", i ? "," : "",
                 c->v[i].name ? c->v[i].name : "?", pos, c->v[i].from_item ? "<" : "",
                 c->v[i].from_item ? c->v[i].from_item->alias : "");
    }
    size_t len = strlen(buf);
    snprintf(buf + len, size - len, "%s", c->complete ? "" : " ...");
    return buf;
}

static const struct {
    const char *rules, *sql, *expect;
} outputs[] = {
    {RD, "SELECT * FROM t", "a@0<t,b@1<t,s@2<t,d@3<t,k@4<t"},
    {R0, "SELECT * FROM t", " ..."},
    {RD, "SELECT *, 1 AS one FROM t", "a@0<t,b@1<t,s@2<t,d@3<t,k@4<t,one@5"},
    {R0, "SELECT a, *, b AS bb FROM t", "a@0,bb@? ..."},
    {RD, "SELECT * FROM t JOIN u USING (k)",
     "k@0<t,a@1<t,b@2<t,s@3<t,d@4<t,a@5<u,c@6<u"},
    {RD, "SELECT * FROM t RIGHT JOIN u USING (k)",
     "k@0<u,a@1<t,b@2<t,s@3<t,d@4<t,a@5<u,c@6<u"},
    {RD, "SELECT * FROM u NATURAL JOIN v", "k@0<u,a@1<u,c@2<u,e@3<v"},
    {RD, "SELECT * FROM t LEFT SEMI JOIN u ON t.a = u.a", "a@0<t,b@1<t,s@2<t,d@3<t,k@4<t"},
    {RD, "SELECT u.*, t.a FROM t JOIN u ON t.a = u.a", "a@0<u,c@1<u,k@2<u,a@3"},
    {RD, "SELECT * EXCEPT (s, k) FROM t", "a@0<t,b@1<t,d@2<t"},
    {RD, "SELECT * FROM t, w", "a@0<t,b@1<t,s@2<t,d@3<t,k@4<t ..."},
    {R0, "SELECT sum(a), count(*) AS n FROM t", "?@0,n@1"},
    {R0, "VALUES (1, 'x')", "col1@0,col2@1"},
    {RD, "SELECT * FROM (SELECT a AS x, b FROM t) AS d (p, q)", "p@0<d,q@1<d"},
    {RD, "SELECT * FROM t PIVOT (sum(a) FOR b IN ('x' AS xx, 'y'))", "s@0<,d@1<,k@2<,xx@3<,y@4<"},
    {R0, "SELECT s.f, t.b FROM t", "f@0,b@1"},
};

START_TEST(block_output_table)
{
    build(outputs[_i].rules, outputs[_i].sql);
    char buf[1024];
    /* The statement's own block; for the PIVOT row, the pivot block. */
    an_block *blk = an.top;
    if (ast_get(blk->select, "fromClause") && an.nblocks > 1 &&
        ast_get(an.blocks[1]->select, "sl_pivot"))
        blk = an.blocks[1];
    cols_text(resolve_block_outputs(&res, an.top), buf, sizeof buf);
    ck_assert_msg(strcmp(buf, outputs[_i].expect) == 0, "%s\n  got      %s\n  expected %s",
                  outputs[_i].sql, buf, outputs[_i].expect);
    if (blk != an.top) {
        cols_text(resolve_block_outputs(&res, blk), buf, sizeof buf);
        ck_assert_str_eq(buf, "s@0<t,d@1<t,k@2<t,xx@3,y@4");
    }
    done();
}
END_TEST

static an_item *item_named(const char *alias)
{
    for (size_t i = 0; i < an.nitems; i++)
        if (an.items[i]->alias && strcmp(an.items[i]->alias, alias) == 0)
            return an.items[i];
    ck_abort_msg("no item %s", alias);
    return NULL;
}

/* A derived table's column leads to the expression that computes it in
 * every branch (what lineage walks). */
START_TEST(derived_lineage_path)
{
    build(RD, "SELECT n FROM (SELECT a + 1 AS n FROM t UNION ALL SELECT c FROM u) d");
    an_item *d = item_named("d");
    const rs_columns *dc = resolve_item_columns(&res, d);
    ck_assert_int_eq(dc->complete, 1);
    ck_assert_uint_eq(dc->n, 1);
    ck_assert_str_eq(dc->v[0].name, "n");
    ck_assert_ptr_nonnull(dc->v[0].expr);
    an_block *bodies[4];
    ck_assert_uint_eq(resolve_item_bodies(&res, d, bodies, 4), 2);
    const rs_columns *o1 = resolve_block_outputs(&res, bodies[1]);
    ck_assert_uint_eq(o1->n, 1);
    ck_assert_str_eq(o1->v[0].name, "n");      /* the leftmost branch's name */
    json_t *cf;
    ck_assert_int_eq(ast_unwrap(o1->v[0].expr, &cf, NULL), AST_ColumnRef);
    const rs_binding *b = resolve_lookup(&res, cf);
    ck_assert_ptr_nonnull(b);
    ck_assert_int_eq(b->kind, RS_COLUMN);
    ck_assert_str_eq(b->item->qualified, "main.sales.u");
    ck_assert_str_eq(b->column, "c");
    ck_assert_uint_eq(b->position, 1);
    ck_assert_int_eq(b->clause, RS_IN_SELECT);
    ck_assert_uint_eq(resolve_item_bodies(&res, item_named("t"), bodies, 4), 0);
    ck_assert_uint_eq(res.nunresolved, 0);
    ck_assert_uint_eq(res.nambiguous, 0);
    done();
}
END_TEST

/* Declared types and the alias of an ORDER BY entry reach the binding. */
START_TEST(binding_fields)
{
    build(RD, "SELECT b AS x FROM t WHERE d > '2024-01-01' ORDER BY x");
    const rs_columns *tc = resolve_item_columns(&res, item_named("t"));
    ck_assert_str_eq(tc->v[3].type, "date");
    ck_assert_ptr_null(tc->v[3].expr);
    const rs_binding *b = resolve_lookup(&res, find_ref("x"));
    ck_assert_int_eq(b->kind, RS_ALIAS);
    ck_assert_ptr_eq(b->output, &an.top->outputs[0]);
    ck_assert_int_eq(b->clause, RS_IN_ORDER);
    b = resolve_lookup(&res, find_ref("d"));
    ck_assert_int_eq(b->clause, RS_IN_WHERE);
    ck_assert_ptr_eq(b->block, an.top);
    done();
}
END_TEST

START_TEST(outer_and_lambda_fields)
{
    build(RD, "SELECT a FROM t WHERE EXISTS (SELECT 1 FROM u WHERE "
              "exists(transform(array(c), x -> x + 1), y -> y = t.b))");
    const rs_binding *b = resolve_lookup(&res, find_ref("t.b"));
    ck_assert_int_eq(b->kind, RS_OUTER);
    ck_assert_int_eq(b->level, 1);
    ck_assert_ptr_eq(b->item, item_named("t"));
    b = resolve_lookup(&res, find_ref("y#2"));
    ck_assert_int_eq(b->kind, RS_LAMBDA);
    ck_assert_ptr_nonnull(b->lambda);
    ck_assert_ptr_ne(b->block, an.top);
    done();
}
END_TEST

/* The analysis gave up: nothing is bound, nothing is guessed. */
START_TEST(incomplete_analysis_binds_nothing)
{
    build(RD, "SELECT a FROM IDENTIFIER(x)");
    ck_assert_int_eq(an.incomplete.set, 1);
    ck_assert_uint_eq(res.nbindings, 0);
    ck_assert_ptr_null(resolve_lookup(&res, find_ref("a")));
    done();
}
END_TEST

/* ---- what a rule that knows a column reads (resolve_given) ---- */

/* The binding of ref in sql, given that the item aliased item has a
 * column named column (resolve_describe() of what resolve_given answers). */
static const struct {
    const char *rules, *sql, *ref, *item, *column, *expect;
} given[] = {
    /* two tables neither declared: the one known to have d reads it */
    {R0, "SELECT 1 FROM t, u WHERE d > 1", "d", "t", "d", "column t.d@?"},
    {R0, "SELECT 1 FROM t, u WHERE d > 1", "d", "u", "D", "column u.d@?"},
    {R0, "SELECT 1 FROM t, u WHERE d > 1", "d", "t", "e",
     "ambiguous: d could be a column of t (columns not declared) or u (columns not declared)"},
    {R0, "SELECT 1 FROM t, u, w WHERE d > 1", "d", "w", "d", "column w.d@?"},
    /* another candidate surely has it: still ambiguous */
    {RD, "SELECT 1 FROM t, u WHERE a > 1", "a", "t", "a",
     "ambiguous: a could be a column of t or u"},
    {RD, "SELECT 1 FROM w, u WHERE c > 1", "c", "w", "c",
     "ambiguous: c could be a column of w (columns not declared) or u"},
    {RD, "SELECT 1 FROM w, u WHERE c > 1", "c", "u", "c", "column u.c@1"},
    /* the same table twice: both would have it */
    {R0, "SELECT 1 FROM t x, t y WHERE d > 1", "d", "x", "d",
     "ambiguous: d could be a column of x (columns not declared) or y (columns not declared)"},
    {R0, "SELECT 1 FROM t x, main.sales.t y WHERE d > 1", "d", "y", "d",
     "ambiguous: d could be a column of x (columns not declared) or y (columns not declared)"},
    {R0, "WITH c AS (SELECT * FROM w) SELECT 1 FROM c x, c y WHERE d > 1", "d", "x", "d",
     "ambiguous: d could be a column of x (columns not declared) or y (columns not declared)"},
    /* a derived table that may have it, a CTE that does not */
    {R0, "SELECT 1 FROM t, (SELECT * FROM w) s WHERE d > 1", "d", "t", "d", "column t.d@?"},
    {R0, "WITH c AS (SELECT 1 AS q) SELECT 1 FROM t, c WHERE d > 1", "d", "t", "d",
     "column t.d@?"},
    {R0, "SELECT 1 FROM t, (SELECT 1 AS d) s WHERE d > 1", "d", "t", "d",
     "ambiguous: d could be a column of t (columns not declared) or s"},
    /* inner query first (resolveOuterRef only when it has no such column) */
    {R0, "SELECT a FROM t WHERE EXISTS (SELECT 1 FROM u WHERE c = b)", "b", "u", "b",
     "column u.b@?"},
    {R0, "SELECT a FROM t WHERE EXISTS (SELECT 1 FROM u WHERE c = b)", "b", "t", "b",
     "ambiguous: b could be a column of u (columns not declared) or of an enclosing query"},
    /* a select-list alias of the name: the FROM column comes first in
     * GROUP BY and the select list, not so in HAVING */
    {R0, "SELECT x AS d FROM t GROUP BY d", "d", "t", "d", "column t.d@?"},
    {R0, "SELECT x AS d, d + 1 FROM t", "d", "t", "d", "column t.d@?"},
    {R0, "SELECT x AS d FROM t GROUP BY x HAVING d > 1", "d", "t", "d",
     "ambiguous: d could be a column of t (columns not declared) or the select-list alias d"},
    /* a USING column stays merged; NATURAL joins on it when the other
     * side has it too: merged with that side (the right one's value for
     * RIGHT JOIN) */
    {R0, "SELECT 1 FROM t JOIN u USING (d), w WHERE d > 1", "d", "u", "d",
     "column t.d@? merged u"},
    {R0, "SELECT 1 FROM t NATURAL FULL JOIN u WHERE d > 1", "d", "t", "d",
     "column t.d@? merged u"},
    {R0, "SELECT 1 FROM t NATURAL RIGHT JOIN u WHERE d > 1", "d", "t", "d",
     "column u.d@? merged t"},
    {R0, "SELECT 1 FROM t NATURAL JOIN u, w WHERE d > 1", "d", "t", "d",
     "column t.d@? merged u"},
    {R0, "SELECT 1 FROM t NATURAL JOIN u, w WHERE d > 1", "d", "w", "d", "column w.d@?"},
    {R0, "SELECT 1 FROM (t NATURAL JOIN u) NATURAL JOIN w WHERE d > 1", "d", "t", "d",
     "ambiguous: d could be a column of t (columns not declared), u (columns not declared) or w "
     "(columns not declared)"},
    /* bound already, a struct field, no candidate: unchanged */
    {R0, "SELECT 1 FROM t WHERE d > 1", "d", "t", "d", "column t.d@?"},
    {RD, "SELECT 1 FROM t, w WHERE zz > 1", "zz", "t", "zz", "column w.zz@?"},
    {R0, "SELECT s.f FROM t, u", "s.f", "t", "s",
     "ambiguous: s could be a column of t (columns not declared) or u (columns not declared)"},
    {RD, "SELECT 1 FROM t, u WHERE EXISTS (SELECT 1 FROM v WHERE e = a)", "a", "t", "a",
     "ambiguous: a could be a column of t or u (an enclosing query)"},
};

START_TEST(given_table)
{
    build(given[_i].rules, given[_i].sql);
    const rs_binding *b = resolve_lookup(&res, find_ref(given[_i].ref));
    ck_assert_ptr_nonnull(b);
    rs_binding out;
    const rs_binding *g = resolve_given(&res, b, item_named(given[_i].item), given[_i].column,
                                        &out);
    char got[512];
    resolve_describe(g, got, sizeof got);
    ck_assert_msg(strcmp(got, given[_i].expect) == 0, "%s (%s has %s)\n  got      %s\n"
                  "  expected %s", given[_i].sql, given[_i].item, given[_i].column, got,
                  given[_i].expect);
    ck_assert(g == b || g == &out);
    done();
}
END_TEST

/* The candidates of an ambiguity: alias, then .column@position when the
 * item surely has it, ? when it may; " merged x" for a USING column. */
static const struct {
    const char *rules, *sql, *ref, *expect;
} candidates[] = {
    {R0, "SELECT 1 FROM t, u WHERE d > 1", "d", "t?,u?"},
    {RD, "SELECT b FROM t, w", "b", "t.b@1,w?"},
    {RD, "SELECT 1 FROM t, u WHERE a > 1", "a", "t.a@0,u.a@0"},
    {RD, "SELECT k FROM t JOIN u USING (k), v", "k", "t.k@4 merged u,v.k@0"},
    {R0, "SELECT x AS d FROM t GROUP BY d", "d", "t?"},
    {R0, "SELECT a FROM t WHERE EXISTS (SELECT 1 FROM u WHERE c = b)", "b", "u?"},
    {RD, "SELECT 1 FROM t, u WHERE EXISTS (SELECT 1 FROM v WHERE e = a)", "a", ""},
    {RD, "SELECT a FROM t", "a", ""},
    {RD, "SELECT x FROM t ORDER BY x", "x", ""},
};

START_TEST(candidates_table)
{
    build(candidates[_i].rules, candidates[_i].sql);
    const rs_binding *b = resolve_lookup(&res, find_ref(candidates[_i].ref));
    char got[512] = "";
    rs_candidate v[4];
    size_t n = b ? resolve_candidates(&res, b, v, 4) : 0;
    ck_assert_uint_le(n, 4);
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(got);
        char pos[24] = "";
        if (v[i].certain)
            snprintf(pos, sizeof pos, ".%s@%zu", v[i].column, v[i].position);
        snprintf(got + len, sizeof got - len, "%s%s%s%s%s", i ? "," : "", v[i].item->alias,
                 v[i].certain ? pos : "?", v[i].merged ? " merged " : "",
                 v[i].merged ? v[i].merged->alias : "");
    }
    ck_assert_msg(strcmp(got, candidates[_i].expect) == 0, "%s\n  got      %s\n  expected %s",
                  candidates[_i].sql, got, candidates[_i].expect);
    /* fewer slots than candidates: the count is still all of them */
    if (n > 1)
        ck_assert_uint_eq(resolve_candidates(&res, b, v, 1), n);
    done();
}
END_TEST

/* The blocks of a SELECT: itself, or a set operation's branches. */
START_TEST(select_blocks)
{
    build(R0, "SELECT * FROM (SELECT a FROM t UNION ALL (SELECT c FROM u EXCEPT "
              "SELECT e FROM v)) d WHERE EXISTS (SELECT 1 FROM w)");
    json_t *sub = ast_get(ast_get(item_named("d")->node, "subquery"), "SelectStmt");
    an_block *out[4] = {NULL};
    ck_assert_uint_eq(resolve_select_blocks(&res, sub, out, 4), 3);
    ck_assert_str_eq(out[0]->items[0]->alias, "t");
    ck_assert_str_eq(out[1]->items[0]->alias, "u");
    ck_assert_str_eq(out[2]->items[0]->alias, "v");
    ck_assert_ptr_null(resolve_block_of_select(&res, sub));     /* a set operation */
    ck_assert_ptr_eq(resolve_block_of_select(&res, out[1]->select), out[1]);
    ck_assert_ptr_eq(resolve_block_of_select(&res, an.top->select), an.top);
    ck_assert_uint_eq(resolve_select_blocks(&res, an.top->select, out, 4), 1);
    ck_assert_ptr_eq(out[0], an.top);
    ck_assert_uint_eq(resolve_select_blocks(&res, sub, out, 1), 3);    /* counted, one stored */
    ck_assert_ptr_eq(out[0], item_named("t")->block);
    ck_assert_uint_eq(resolve_select_blocks(&res, NULL, out, 4), 0);
    ck_assert_uint_eq(resolve_select_blocks(&res, tree, out, 4), 0);   /* no block's node */
    done();
}
END_TEST

/* ---- the rules keys that declare columns ---- */

static const struct {
    const char *text, *error;
} bad_rules[] = {
    {"{\"sluice\": 1, \"tables\": [{\"match\": \"a.b.c\", \"columns\": {}}]}",
     "test:1:45: key 'columns': must be an array of {\"name\", \"type\"} objects"},
    {"{\"sluice\": 1, \"tables\": [{\"match\": \"a.b.c\", \"columns\": [\"x\"]}]}",
     "test:1:57: key '0': must be an object with \"name\" and \"type\""},
    {"{\"sluice\": 1, \"tables\": [{\"match\": \"a.b.c\",\n \"columns\": [{\"name\": \"x\"}, {\"name\": \"X\"}]}]}",
     "test:2:30: key 'name': column 'X' is declared twice"},
    {"{\"sluice\": 1, \"tables\": [{\"match\": \"a.b.c\", \"columns\": [{\"name\": \"x\", \"size\": 1}]}]}",
     NULL},
    {"{\"sluice\": 1, \"tables\": [{\"match\": \"a.b.c\", \"columns\": [{\"type\": \"int\"}]}]}",
     "test:1:57: key '0': needs a non-empty \"name\""},
    {"{\"sluice\": 1, \"tables\": [{\"match\": \"a.b.c\", \"columns\": [{\"name\": 3}]}]}", NULL},
    {"{\"sluice\": 1, \"tables\": [{\"match\": \"a.b.c\", \"unique\": [[\"x\"]]}]}",
     "test:1:45: key 'unique': needs the table's \"columns\""},
    {"{\"sluice\": 1, \"tables\": [{\"match\": \"a.b.c\", \"not_null\": [\"x\"]}]}",
     "test:1:45: key 'not_null': needs the table's \"columns\""},
    {"{\"sluice\": 1, \"tables\": [{\"match\": \"a.b.c\", \"columns\": [{\"name\": \"x\"}], "
     "\"unique\": [[\"x\", \"y\"]]}]}",
     "test:1:90: key '1': 'y' is not one of the table's declared columns"},
    {"{\"sluice\": 1, \"tables\": [{\"match\": \"a.b.c\", \"columns\": [{\"name\": \"x\"}], \"unique\": [[]]}]}",
     "test:1:84: key '0': must be a non-empty array of column names"},
    {"{\"sluice\": 1, \"tables\": [{\"match\": \"a.b.c\", \"columns\": [{\"name\": \"x\"}], \"not_null\": [1]}]}",
     "test:1:86: key '0': must be a column name (a string)"},
};

START_TEST(rules_column_errors)
{
    rules r;
    char *err = NULL;
    int rc = rules_compile(bad_rules[_i].text, strlen(bad_rules[_i].text), "test", &r, &err);
    ck_assert_int_eq(rc, -1);
    if (bad_rules[_i].error)
        ck_assert_str_eq(err, bad_rules[_i].error);
    else
        ck_assert_ptr_nonnull(err);
    free(err);
}
END_TEST

START_TEST(rules_columns_loaded)
{
    const char *text = "{\"sluice\": 1, \"tables\": [{\"match\": \"a.b.c\", \"columns\": [{\"name\": \"Id\", "
                       "\"type\": \"bigint\"}, {\"name\": \"day\", \"type\": \"date\"}, "
                       "{\"name\": \"v\"}], \"unique\": [[\"id\"], [\"day\", \"v\"]], "
                       "\"not_null\": [\"ID\", \"day\"]}]}";
    rules r;
    char *err = NULL;
    ck_assert_int_eq(rules_compile(text, strlen(text), "test", &r, &err), 0);
    const rules_table *t = rules_find_table(&r, "a.b.c");
    ck_assert_int_eq(t->has_columns, 1);
    ck_assert_uint_eq(t->ncolumns, 3);
    ck_assert_str_eq(t->columns[0].name, "Id");
    ck_assert_str_eq(t->columns[0].type, "bigint");
    ck_assert_ptr_null(t->columns[2].type);
    ck_assert_int_eq(t->columns[0].not_null, 1);
    ck_assert_int_eq(t->columns[1].not_null, 1);
    ck_assert_int_eq(t->columns[2].not_null, 0);
    ck_assert_uint_eq(t->nunique, 2);
    ck_assert_uint_eq(t->unique[0][0], 0);
    ck_assert_uint_eq(t->unique[0][1], (size_t)-1);
    ck_assert_uint_eq(t->unique[1][0], 1);
    ck_assert_uint_eq(t->unique[1][1], 2);
    ck_assert_uint_eq(t->unique[1][2], (size_t)-1);
    rules_free(&r);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("resolve");
    TCase *tc = tcase_create("resolve");
    tcase_add_loop_test(tc, binding_table, 0, (int)(sizeof cases / sizeof *cases));
    tcase_add_loop_test(tc, block_output_table, 0, (int)(sizeof outputs / sizeof *outputs));
    tcase_add_test(tc, derived_lineage_path);
    tcase_add_test(tc, binding_fields);
    tcase_add_test(tc, outer_and_lambda_fields);
    tcase_add_test(tc, incomplete_analysis_binds_nothing);
    tcase_add_loop_test(tc, given_table, 0, (int)(sizeof given / sizeof *given));
    tcase_add_loop_test(tc, candidates_table, 0, (int)(sizeof candidates / sizeof *candidates));
    tcase_add_test(tc, select_blocks);
    tcase_add_loop_test(tc, rules_column_errors, 0, (int)(sizeof bad_rules / sizeof *bad_rules));
    tcase_add_test(tc, rules_columns_loaded);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return check_run(suite(), CK_FORK);
}
