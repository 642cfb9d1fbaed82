SELECT NOT a = b AS n1, !a <=> b AS n2, NOT a = b = c AS n3
FROM t
