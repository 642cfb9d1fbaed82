-- LIKE / ILIKE with ANY, SOME and ALL, also negated.
SELECT page
FROM main.web.page_events
WHERE page LIKE ANY ('/cart%', '/checkout%')
  AND page NOT LIKE SOME ('%?debug%')
  AND referrer ILIKE ALL ('%google%', '%.com%')
  AND country NOT ILIKE ANY ('x%')
