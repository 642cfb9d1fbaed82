SELECT page FROM web.page_events
