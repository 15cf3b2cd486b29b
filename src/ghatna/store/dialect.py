"""The SQL that differs between SQLite and PostgreSQL, in one place.

Queries are written once with ``?`` placeholders and SQL both databases accept
(``INSERT ... ON CONFLICT DO NOTHING``, ``"end"`` quoted, ``CASE`` rather than summing
booleans); what cannot be written once is a method here: placeholders, string
aggregation, "no limit", and full-text search (SQLite's FTS5 tables, PostgreSQL's
``tsvector`` columns). Both search the same words: :func:`~ghatna.store.search.search_words`
decides what a word is for the stored text and for the query alike.
"""

from __future__ import annotations

import unicodedata

from .search import search_words


def fold(word: str) -> str:
    """A word as PostgreSQL search stores and looks it up: lower case, and Latin letters
    without diacritics (as FTS5's ``remove_diacritics`` does); Devanagari keeps its marks."""
    word = word.lower()
    if all(ord(c) < 0x0900 for c in word):
        word = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
    return word


class SQLiteDialect:
    name = "sqlite"
    no_limit = -1

    def sql(self, sql: str) -> str:
        return sql

    @staticmethod
    def string_agg(expr: str, sep: str) -> str:
        return f"group_concat({expr}, '{sep}')"

    @staticmethod
    def event_text_condition() -> str:
        """Events whose sentence holds every word of the query parameter (as prefixes)."""
        return "e.rowid IN (SELECT rowid FROM event_fts WHERE event_fts MATCH ?)"

    @staticmethod
    def event_text_query(words: list[str]) -> str:
        return " AND ".join(f'"{w}"*' for w in words)

    @staticmethod
    def article_search_condition() -> str:
        """Articles matching the query parameter of :meth:`article_search_query`."""
        return "a.rowid IN (SELECT rowid FROM article_fts WHERE article_fts MATCH ?)"

    @staticmethod
    def article_search_query(terms: list[tuple[str, str | None]]) -> str:
        """Each (word, Latin key) as a prefix in the headline or body, or its key as the
        prefix of a Latin search key; every term must match."""
        parts = []
        for word, latin in terms:
            options = [f'{{title text}} : "{word}"*']
            if latin:
                options.append(f'search_latin : "{latin}"*')
            parts.append("(" + " OR ".join(options) + ")")
        return " AND ".join(parts)


class PostgresDialect(SQLiteDialect):
    name = "postgresql"
    no_limit = None  # LIMIT NULL: no limit

    def sql(self, sql: str) -> str:
        """``?`` placeholders as psycopg's ``%s`` (and a literal ``%`` doubled), outside
        quoted strings and identifiers."""
        out, quote = [], None
        for ch in sql:
            if quote:
                if ch == quote:
                    quote = None
            elif ch in "'\"":
                quote = ch
            elif ch == "?":
                out.append("%s")
                continue
            if ch == "%":
                out.append("%%")
                continue
            out.append(ch)
        return "".join(out)

    @staticmethod
    def string_agg(expr: str, sep: str) -> str:
        return f"string_agg({expr}, '{sep}')"

    @staticmethod
    def event_text_condition() -> str:
        return "e.sentence_search @@ ?::tsquery"

    @staticmethod
    def event_text_query(words: list[str]) -> str:
        return " & ".join(_prefix(w) for w in words)

    @staticmethod
    def article_search_condition() -> str:
        return "a.search @@ ?::tsquery"

    @staticmethod
    def article_search_query(terms: list[tuple[str, str | None]]) -> str:
        # weight A: words of the headline and body; weight B: their Latin search keys
        parts = []
        for word, latin in terms:
            options = [_prefix(word, "A")] + ([_prefix(latin, "B")] if latin else [])
            parts.append("(" + " | ".join(options) + ")")
        return " & ".join(parts)


def _prefix(word: str, weight: str = "") -> str:
    """A tsquery prefix term for a word, quoted as a lexeme (no parser runs on it)."""
    lexeme = fold(word).replace("\\", "\\\\").replace("'", "''")
    return f"'{lexeme}':*{weight}"


def lexemes(text: str) -> list[str]:
    """The distinct folded words of ``text``: a PostgreSQL search column holds
    ``array_to_tsvector`` of them, so the stored words are those of :func:`search_words`."""
    return sorted({fold(w) for _s, _e, w in search_words(text)})


SQLITE = SQLiteDialect()
POSTGRES = PostgresDialect()
