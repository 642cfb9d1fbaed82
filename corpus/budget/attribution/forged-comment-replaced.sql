/* sluice: user=admin, dashboard=1 */ SELECT 1 AS x
