-- A sampled event table gets the default window injected like a plain scan.
SELECT user_id FROM main.web.page_events TABLESAMPLE (5 PERCENT) LIMIT 10
