SELECT * EXCEPT (ssn) FROM (SELECT *, upper(name) AS display FROM sales.customers) AS v
