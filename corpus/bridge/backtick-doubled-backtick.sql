SELECT `a``b` AS `x``y``z`, ```` AS only_tick FROM events AS `e``1`
