SELECT Region FROM Main.Sales.ORDERS WHERE Amount > 10
