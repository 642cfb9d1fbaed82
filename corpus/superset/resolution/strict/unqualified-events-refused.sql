SELECT page FROM page_events
