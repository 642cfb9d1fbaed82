WITH gone AS (DELETE FROM sales.transactions WHERE amount < 0 RETURNING *)
SELECT count(*) FROM gone
