SELECT -amount AS neg, - -amount AS pos, -(amount - discount) AS neg_net, abs(-5) AS five, +quantity AS plus, 3 - -2 AS five_again
FROM main.sales.transactions
