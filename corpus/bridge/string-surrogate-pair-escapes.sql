SELECT '\uD83D\uDE00' AS pair, '\uD83D' '\uDE00' AS pair_across_literals, '\uD83D\U0000DE00' AS mixed_forms
