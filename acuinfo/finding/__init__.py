"""Finding entries without reading every file: the cached index, whether it is still
fresh, ranking a search, and looking a condition up by any of its names.

Modules here import ``acuinfo.base``, ``acuinfo.knowledge.loading`` and each other.
"""
