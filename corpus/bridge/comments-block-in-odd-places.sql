SELECT /* cols */ region /* mid */ , /* before fn */ sum(/* in parens */ amount) AS /* alias */ total
FROM main.sales.transactions /* table */ t
WHERE t.amount /* op */ > /* rhs */ 0
GROUP BY /* g */ region
