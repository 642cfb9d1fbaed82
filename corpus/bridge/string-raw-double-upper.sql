SELECT R"\d{4}-\d{2}" AS pattern, R'no\escape' AS raw_single
FROM main.web.page_events
WHERE page RLIKE R"^/[a-z]+$"
