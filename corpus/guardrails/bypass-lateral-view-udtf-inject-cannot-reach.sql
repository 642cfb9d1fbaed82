-- An event table (enforce: inject) under a LATERAL VIEW of a function
-- sluice does not know: an added WHERE would stay above the Generate, so
-- the query is refused instead of rewritten.
SELECT e.user_id, k, v FROM main.web.page_events e LATERAL VIEW props_udtf(properties) p AS k, v WHERE k LIKE 'utm_%' LIMIT 100
