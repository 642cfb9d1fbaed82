-- A streaming read (Delta Live Tables): PostgreSQL would read `stream t` as
-- the table stream with the alias t, so the rules would never see t.
SELECT * FROM STREAM main.sales.transactions
