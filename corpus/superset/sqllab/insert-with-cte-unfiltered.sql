WITH src AS (SELECT * FROM transactions)
INSERT INTO tmp.copy SELECT * FROM src
