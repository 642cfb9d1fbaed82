-- no filter: the default 14 days are injected; 108,500,000,000 > 100 GB: a warning
SELECT count(*) FROM main.sales.transactions
