SELECT '-- not a comment' AS a, '/* nor this */' AS b, "it's -- fine" AS c, `col--name` AS d
FROM comment_like
