SELECT 'It\'s here' AS a, "say \"yes\"" AS b, 'mixed "double" inside single' AS c, "it's fine" AS d
