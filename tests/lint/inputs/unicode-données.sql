-- données par région (Spark reads a name with é only in back quotes)
SELECT `région`, COUNT(*) FROM main.sales.transactions GROUP BY `région`
