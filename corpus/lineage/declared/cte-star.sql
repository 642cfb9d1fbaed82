WITH c AS (SELECT * FROM sales.customers WHERE segment = 'enterprise')
SELECT name, region FROM c ORDER BY name
