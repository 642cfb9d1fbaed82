ALTER TABLE sales.products ADD COLUMN note STRING
