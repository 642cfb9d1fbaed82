SELECT page FROM sales.page_events
