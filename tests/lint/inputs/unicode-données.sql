-- données par région
SELECT région, COUNT(*) FROM main.sales.transactions GROUP BY région
