SELECT amount::STRING AS s, quantity::BIGINT AS q, '2026-01-01'::DATE AS d, '12.50'::DECIMAL(10,2) AS price, 1::BOOLEAN AS b
FROM main.sales.transactions
