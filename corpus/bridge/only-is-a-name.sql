SELECT only, t.only FROM main.sales.only AS t, only
