SELECT * FROM main.sales.customers WHERE segment == 'SMB' AND is_active == true
