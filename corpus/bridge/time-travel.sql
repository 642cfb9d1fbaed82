-- Delta time travel: VERSION / TIMESTAMP AS OF, with FOR SYSTEM_*, and @ suffixes.
SELECT a.id, b.id, c.id, d.id
FROM main.sales.transactions VERSION AS OF 5238 AS a
JOIN main.sales.transactions FOR SYSTEM_TIME AS OF date_sub(current_date(), 1) b ON a.id = b.id
JOIN delta.`/delta/people10m` TIMESTAMP AS OF '2019-01-01 01:30:00.000' c ON a.id = c.id
JOIN main.sales.products@v12 d ON a.id = d.id,
     main.sales.products@20190101000000000
