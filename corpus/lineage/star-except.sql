SELECT * EXCEPT (ssn) FROM sales.customers
