SELECT x == y OR z != w AS p1, (x == y) OR (z != w) AS p2, x = y AND z <> w OR v == 1 AS p3 FROM cmp
