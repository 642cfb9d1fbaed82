SELECT '\uD83Dx' AS lone_high
