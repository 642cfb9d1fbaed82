DELETE FROM tmp.notes WHERE id = 1
