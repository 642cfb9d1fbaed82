SELECT a,
  b FROM u -- sluice: allow limit-capp
