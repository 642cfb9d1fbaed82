-- TABLESAMPLE (n ROWS) before NATURAL JOIN, on a qualified name, and a quoted alias.
SELECT * FROM main.web.page_events TABLESAMPLE(5 ROWS) NATURAL JOIN users TABLESAMPLE (0.5 PERCENT) `Sampled Users`
