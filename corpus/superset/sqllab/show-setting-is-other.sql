SHOW timezone
