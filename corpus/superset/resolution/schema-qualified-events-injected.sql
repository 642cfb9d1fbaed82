SELECT page FROM web.click_events
