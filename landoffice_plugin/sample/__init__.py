"""Sample-county generator: a fictional county with every layer role, for demos and tests."""
