"""Reading knowledge files and validating them into typed records: the folders and their
order, the YAML reader, the schema and the records, the parse cache, ``validate`` and
the templates of ``acuinfo new``.

Modules here import only ``acuinfo.base`` and each other.
"""
