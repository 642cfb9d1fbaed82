-- A closed window on the left side in the ON of a SEMI JOIN.
SELECT t.order_id FROM main.sales.transactions t LEFT SEMI JOIN main.sales.products p ON p.product_id = t.product_id AND t.transaction_date BETWEEN DATE '2026-10-01' AND DATE '2026-10-31' LIMIT 100
