WITH enriched AS (
  SELECT r.name, t.amount FROM main.sales.transactions t JOIN main.sales.regions r ON r.region_id = t.region_id
)
SELECT name, sum(amount) AS revenue FROM enriched GROUP BY name
