SELECT count(*) AS n FROM main.web.page_events;
