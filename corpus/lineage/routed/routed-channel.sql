SELECT channel, count(*) AS orders FROM transactions GROUP BY channel
