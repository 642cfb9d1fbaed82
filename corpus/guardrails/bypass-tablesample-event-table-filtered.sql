-- An event table (enforce: inject) sampled with a date filter: the filter
-- does not reach, and an added one would not either.
SELECT user_id FROM main.web.page_events TABLESAMPLE (5 PERCENT) WHERE event_date >= current_date() - INTERVAL 7 DAYS LIMIT 100
