SELECT x * 2 AS doubled FROM VALUES 1, 2, 3 AS t(x)
