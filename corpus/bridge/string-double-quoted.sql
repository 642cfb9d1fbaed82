SELECT "hello" AS greeting, concat("a", 'b', "c") AS abc
FROM main.sales.customers
WHERE segment = "Enterprise"
