-- A table that happens to be named stream, without an alias, is a table.
SELECT id FROM stream WHERE id > 10
