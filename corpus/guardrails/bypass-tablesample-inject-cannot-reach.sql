-- An injected filter would stay above the Sample, so the sampled event
-- table cannot be bounded by a rewrite: refused.
SELECT user_id FROM main.web.page_events TABLESAMPLE (5 PERCENT) LIMIT 10
