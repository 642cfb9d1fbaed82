-- request: {"user": "alice", "groups": ["eu_sales"]}
SELECT region, sum(amount) AS revenue FROM read_files('/mnt/lake/sales/transactions', format => 'delta') GROUP BY region
