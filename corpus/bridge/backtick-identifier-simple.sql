SELECT `region`, `amount` FROM `transactions` WHERE `amount` > 0
