SELECT name LIKE 'a!%' ESCAPE '!' = true AS bad
FROM t
