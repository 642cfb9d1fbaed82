-- PostgreSQL only has SUBSTRING(s FROM a FOR b); the output column's name would change.
SELECT SUBSTR(region FROM 1 FOR 2) FROM main.sales.transactions
