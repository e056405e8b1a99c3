"""Bulk import of the official layouts (the four 库, the enterprise library with honours, the name
lists, honour lists and yearly figures) as plain Python: layouts as data, a reader that refuses
hostile workbooks before openpyxl opens them, and row checks that report sheet, row and column.
Nothing here imports Frappe; cluster_registry.cluster_registry.data_import is the site's side."""
