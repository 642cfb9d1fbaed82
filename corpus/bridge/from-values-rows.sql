SELECT id, name
FROM VALUES (1, 'a'), (2, 'b'), (3, 'c') AS t(id, name)
WHERE id > 1
