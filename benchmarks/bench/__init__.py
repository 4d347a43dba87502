"""The benchmark harness behind ``make bench``: corpus, measurements, report."""
