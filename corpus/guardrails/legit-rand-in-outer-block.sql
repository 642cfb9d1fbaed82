-- rand() in the block that scans: its own WHERE still reaches the scan.
SELECT *, rand() AS r FROM main.sales.transactions WHERE transaction_date >= DATE '2026-11-01' LIMIT 100
