SELECT d.day, r.region FROM sales.days d CROSS JOIN sales.regions r
