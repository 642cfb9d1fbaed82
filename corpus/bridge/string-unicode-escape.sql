SELECT '\u0041\u0042C' AS abc, 'caf\u00e9' AS cafe, length('\u00e9') AS one
