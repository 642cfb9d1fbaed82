CREATE TABLE tmp.empty (id INT)
