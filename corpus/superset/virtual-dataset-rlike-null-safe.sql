SELECT referrer_host AS referrer_host,
       count(*) AS `count`
FROM
  (SELECT regexp_extract(referrer, '^https?://([^/]+)', 1) AS referrer_host, country, event_date
FROM main.web.page_events
WHERE referrer RLIKE '^https?://'
  AND NOT (country <=> 'ZZ')
) AS virtual_table
WHERE event_date >= CAST('2026-11-01' AS DATE)
  AND event_date < CAST('2026-12-01' AS DATE)
GROUP BY referrer_host
ORDER BY `count` DESC
LIMIT 25
