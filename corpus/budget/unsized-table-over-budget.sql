-- main.sales.returns has no size in the rules: the estimate is unknown, and under
-- budget.unsized "over_budget" (the default) the statement is judged over the limit
SELECT r.id FROM main.sales.returns r
JOIN main.sales.customers c ON r.customer_id = c.id
