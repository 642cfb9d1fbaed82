SELECT a <=> b IS NULL AS never_null, a = b IS NOT TRUE AS not_true
FROM t
