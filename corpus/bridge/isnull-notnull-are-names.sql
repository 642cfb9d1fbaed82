SELECT a isnull, b notnull, isnull(c) AS c_missing, d IS NULL AS d_missing FROM t
