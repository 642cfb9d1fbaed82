CREATE TABLE tmp.shape AS SELECT * FROM transactions WHERE 1 = 0
