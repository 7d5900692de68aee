"""What reading or writing a damaged SQLite file (an index, a journal) can raise.

SQLite reports damage as an ``sqlite3.Error``, but its message may quote the damaged
bytes (a schema that is no longer text, say). Python then fails to decode the message
and raises a UnicodeDecodeError in its place, for the same damage. Code that treats a
failing file as damaged catches both.
"""

from __future__ import annotations

import sqlite3

SQLITE_ERRORS = (sqlite3.Error, UnicodeDecodeError)
