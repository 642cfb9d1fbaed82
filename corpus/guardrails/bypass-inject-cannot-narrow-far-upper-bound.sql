-- The window runs 300 years ahead: adding the default start would not
-- bound it, so the scan is refused rather than rewritten into one that
-- is still too wide.
SELECT count(*) AS n FROM main.web.page_events
WHERE event_date >= DATE '2026-11-01' AND event_date < DATE '2326-11-15'
