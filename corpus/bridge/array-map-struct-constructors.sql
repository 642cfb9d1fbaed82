SELECT array(1, 2, 3) AS a, array() AS empty_arr, map('a', 1, 'b', 2) AS m, struct(region, amount) AS s, struct(region AS r, amount AS amt) AS named
FROM main.sales.transactions
