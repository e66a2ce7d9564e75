"""Reading survey data: FileGDB, GeoPackage and shapefiles (with their Chinese text encodings)."""
