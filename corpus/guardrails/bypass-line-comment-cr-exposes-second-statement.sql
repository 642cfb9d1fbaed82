SELECT 1 AS one -- x; DROP TABLE main.sales.transactions
