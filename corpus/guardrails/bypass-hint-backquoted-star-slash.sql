SELECT /*+ BROADCAST(`*/ 1 AS x FROM main.sales.transactions WHERE transaction_date >= current_date() --`) */ order_id
FROM main.sales.transactions
LIMIT 100
