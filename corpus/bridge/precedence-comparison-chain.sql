SELECT a = b = c AS eq_chain, a < b = true AS lt_then_eq, x >= y <> z AS ge_then_ne
FROM t
