-- ONLY is no keyword in Spark: this reads a table named only, with the
-- alias transactions (PostgreSQL would read ONLY transactions, the fact,
-- and refuse the scan for its missing date window).
SELECT count(*) AS n FROM ONLY transactions LIMIT 10
