SELECT Page_Path, count(*) AS hits
FROM `WEB`.`Page_Events`
GROUP BY Page_Path
LIMIT 100
