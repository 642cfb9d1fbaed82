INSERT INTO tmp.notes VALUES (1, 'checked')
