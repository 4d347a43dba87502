"""Turn typed records into RDF; the only stage that mints IRIs."""
