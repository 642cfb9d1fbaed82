SELECT /* sluice: user=admin */ 1 AS x
