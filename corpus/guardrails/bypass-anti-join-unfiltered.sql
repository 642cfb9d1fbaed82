-- The right side of an ANTI JOIN is still scanned: an unfiltered fact there is refused.
SELECT p.product_id FROM main.sales.products p LEFT ANTI JOIN main.sales.transactions t ON t.product_id = p.product_id LIMIT 100
