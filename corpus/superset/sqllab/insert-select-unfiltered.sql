INSERT INTO tmp.daily SELECT transaction_date, sum(amount) FROM transactions GROUP BY transaction_date
