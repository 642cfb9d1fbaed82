-- events' policy is warn: nothing is injected, the scan has no lower bound:
-- the whole table, 1,000,000,000,000 bytes (1.0 TB) > 200 GB
SELECT count(*) FROM main.sales.events
