SELECT `select`, `from`, `where`, `group`, `order`, `table`.`limit`
FROM main.ref.`table`
WHERE `from` < `to` AND `case` IS NOT NULL
