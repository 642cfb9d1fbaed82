CREATE TABLE tmp.clicks AS SELECT * FROM web.click_events
