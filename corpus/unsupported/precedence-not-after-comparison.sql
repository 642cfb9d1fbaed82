SELECT a = NOT b AS bad
FROM t
