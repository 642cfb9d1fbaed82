SELECT page
FROM main.web.page_events
WHERE page RLIKE '^/product/[0-9]+$' OR referrer REGEXP 'utm_source=(ads|mail)'
