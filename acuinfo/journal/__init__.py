"""The progress journal: a person's PEG scores over a course of acupuncture, kept in
an SQLite file of their own. What an entry is and what makes it valid
(``entries.py``), the file and its layout versions (``store.py``), the change from
the starting point (``progress.py``), and the CSV and JSON files it is exported to and
imported from (``exchange.py``).

Modules here import only ``acuinfo.base`` and each other; the journal's page is
``acuinfo.views.journal``, and its commands ``acuinfo.cli.journal``.
"""
