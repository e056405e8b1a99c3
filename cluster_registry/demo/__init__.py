"""A demo province for demonstrations and benchmarks (`bench --site … load-demo`)."""
