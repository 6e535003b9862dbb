"""`rne-match review` and `rne-match export`: settle the review queue in a local web page, keep
the decisions in the DuckDB base, and write the final list."""
