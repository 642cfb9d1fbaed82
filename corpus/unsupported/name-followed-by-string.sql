-- PostgreSQL would read foo 'x' as a literal of type foo.
SELECT foo 'x' FROM t
