"""Views: one module per view, each building a document (``document.py``) from records.
The words around the content (headings, labels, notices) live here; the content comes
from the knowledge files, and how a document looks is the renderers' business.

Modules here import ``acuinfo.base``, ``acuinfo.knowledge.loading``, ``acuinfo.finding`` and
each other.
"""
