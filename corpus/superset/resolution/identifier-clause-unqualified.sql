SELECT count(*) FROM IDENTIFIER('transactions')
