SELECT count(*) FROM (SELECT amount FROM main.sales.transactions ) s
