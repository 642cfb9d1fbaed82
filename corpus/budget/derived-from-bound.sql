-- a bound on event_ts (event_date is generated from it) bounds the scan:
-- [2026-11-17 00:00, now) spans 2026-11-17 .. 2026-11-23, 7 days (a missing upper
-- bound is the start of today): 7 x 2,000,000,000 = 14,000,000,000 bytes
SELECT count(*) FROM main.sales.events WHERE event_ts >= TIMESTAMP'2026-11-17 00:00:00'
