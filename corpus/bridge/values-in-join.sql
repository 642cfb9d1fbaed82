SELECT t.region, m.label
FROM main.sales.transactions t
JOIN (VALUES ('EMEA', 'Europe'), ('NA', 'North America')) AS m(code, label) ON m.code = t.region
