SELECT x BETWEEN 1 AND y = z AS between_cmp, x BETWEEN y = z AND true AS low_cmp
FROM t
