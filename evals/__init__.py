"""The eval suite: datasets, metrics, runner. Not part of the unit tests."""
