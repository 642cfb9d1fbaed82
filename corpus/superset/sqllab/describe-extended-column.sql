DESC EXTENDED main.sales.transactions amount
