WITH t AS (VALUES ('foo_val') AS t(foo1))
SELECT foo1 FROM t
