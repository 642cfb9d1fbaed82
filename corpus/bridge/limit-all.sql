SELECT * FROM main.ref.regions LIMIT ALL
