SELECT region <=> 'EU' = is_default AS matches_default
FROM main.sales.regions
