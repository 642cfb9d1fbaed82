SELECT page FROM main.web.page_events WHERE page RLIKE ANY ('^/cart', '^/checkout')
