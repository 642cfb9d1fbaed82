-- A query that is VALUES with an alias is an inline table.
VALUES (1, 'a'), (2, 'b') AS t(id, name)
