GRANT SELECT ON TABLE sales.transactions TO `analysts`
