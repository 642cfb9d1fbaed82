-- STREAM(t): a streaming read, not a function in FROM.
SELECT region, count(*) FROM STREAM(main.sales.transactions) GROUP BY region
