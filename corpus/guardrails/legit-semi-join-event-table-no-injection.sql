-- An event table bounded in the ON of a SEMI JOIN needs no added filter.
SELECT e.user_id FROM main.web.page_events e LEFT SEMI JOIN main.sales.products p ON e.product_id = p.product_id AND e.event_date >= current_date() - INTERVAL 7 DAYS LIMIT 100
