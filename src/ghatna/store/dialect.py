"""The SQL that differs between SQLite and PostgreSQL, in one place.

Queries are written once with ``?`` placeholders and SQL both databases accept
(``INSERT ... ON CONFLICT DO NOTHING``, ``"end"`` quoted, ``CASE`` rather than summing
booleans, ``NULLS LAST`` or ``FIRST`` wherever an order meets a column that may be null,
since the two databases' defaults differ); what cannot be written once is a method here:
placeholders, string aggregation, "no limit", reading JSON text, and full-text search
(SQLite's FTS5 tables, PostgreSQL's ``tsvector`` columns). Both search the same words:
:func:`~ghatna.store.search.search_words` decides what a word is for the stored text and
for the query alike.
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

    # the full-text index of each searchable table: its alias in queries and FTS5 table
    SEARCH = {"articles": ("a", "article_fts"), "events": ("e", "event_fts")}

    def search_condition(self, table: str) -> str:
        """Rows of ``table`` (``articles a`` or ``events e``) that match the query
        parameter (:meth:`article_search_query`, :meth:`event_text_query`)."""
        alias, fts = self.SEARCH[table]
        return f"{alias}.rowid IN (SELECT rowid FROM {fts} WHERE {fts} MATCH ?)"

    @staticmethod
    def ranked_articles() -> str:
        """A subquery of (rowid, rank) of the articles matching the query parameter of
        :meth:`article_search_query`, the best with the lowest rank (BM25, a headline
        word counting four times a word of the body)."""
        return "SELECT rowid, bm25(article_fts, 4.0, 1.0, 1.0) AS rank FROM article_fts WHERE article_fts MATCH ?"

    @staticmethod
    def json_field(expr: str, *path: str) -> str:
        """The value at ``path`` in the JSON text ``expr`` (text or number, or null)."""
        return f"json_extract({expr}, '$.{'.'.join(path)}')"

    def json_number(self, expr: str, *path: str) -> str:
        """The number at ``path`` in the JSON text ``expr``, as a float (or null)."""
        return f"CAST({self.json_field(expr, *path)} AS REAL)"

    @staticmethod
    def json_array_has(expr: str, *path: str) -> str:
        """Whether the array at ``path`` in the JSON text ``expr`` holds the string parameter."""
        return f"EXISTS (SELECT 1 FROM json_each({expr}, '$.{'.'.join(path)}') c WHERE c.value = ?)"

    @staticmethod
    def event_text_query(words: list[str]) -> str:
        return " AND ".join(f'"{w}"*' for w in words)

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

    # the tsvector column of each searchable table, with the table's alias in queries
    SEARCH = {"articles": ("a", "search"), "events": ("e", "sentence_search")}

    def search_condition(self, table: str) -> str:
        alias, column = self.SEARCH[table]
        return f"{alias}.{column} @@ ?::tsquery"

    @staticmethod
    def ranked_articles() -> str:
        # a word of the headline (weight A) counts four times one of the body (B) or a Latin
        # key (C), as in SQLite's ranking; ts_rank is not BM25, so equally good matches may
        # come in another order than there
        return ("SELECT rowid, -ts_rank('{0.1, 0.25, 0.25, 1.0}', search, q) AS rank "
                "FROM articles, CAST(? AS tsquery) AS q WHERE search @@ q")

    @staticmethod
    def json_field(expr: str, *path: str) -> str:
        return f"({expr}::jsonb #>> '{{{','.join(path)}}}')"

    def json_number(self, expr: str, *path: str) -> str:
        return f"CAST({self.json_field(expr, *path)} AS DOUBLE PRECISION)"

    @staticmethod
    def json_array_has(expr: str, *path: str) -> str:
        return f"({expr}::jsonb #> '{{{','.join(path)}}}') @> jsonb_build_array(?::text)"

    @staticmethod
    def event_text_query(words: list[str]) -> str:
        return " & ".join(_prefix(w) for w in words)

    @staticmethod
    def article_search_query(terms: list[tuple[str, str | None]]) -> str:
        # the words of the headline (weight A) and body (B), or their Latin search keys (C)
        parts = []
        for word, latin in terms:
            options = [_prefix(word, "AB")] + ([_prefix(latin, "C")] if latin else [])
            parts.append("(" + " | ".join(options) + ")")
        return " & ".join(parts)


def _quoted(lexeme: str) -> str:
    """A lexeme quoted for a tsquery or tsvector literal (no parser runs on it)."""
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


def _prefix(word: str, weights: str = "") -> str:
    """A tsquery prefix term for a word, restricted to ``weights`` when given."""
    return f"{_quoted(fold(word))}:*{weights}"


def lexemes(text: str) -> list[str]:
    """The distinct folded words of ``text``: a PostgreSQL search column holds
    ``array_to_tsvector`` of them, so the stored words are those of :func:`search_words`."""
    return sorted({fold(w) for _s, _e, w in search_words(text)})


def article_vector(title: str, text: str, latin: str) -> str:
    """The ``tsvector`` literal of an article's search column: each word of its headline
    at its position with weight A, of its body with weight B, and its Latin search keys
    with weight C, so that a rank counts where and how often a word occurs. PostgreSQL
    keeps at most 256 positions of a word, none above 16383 (the words beyond keep one)."""
    where: dict[str, list[str]] = {}
    position = 0
    for weight, part in (("A", title), ("B", text), ("C", latin)):
        for _s, _e, word in search_words(part):
            position = min(position + 1, _LAST_POSITION)
            marks = where.setdefault(fold(word), [])
            if not marks or (position < _LAST_POSITION and len(marks) < 256):
                marks.append(f"{position}{weight}")
    return " ".join(f"{_quoted(lexeme)}:{','.join(marks)}" for lexeme, marks in sorted(where.items()))


_LAST_POSITION = 16383


SQLITE = SQLiteDialect()
POSTGRES = PostgresDialect()
