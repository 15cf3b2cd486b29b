"""The SQL that differs between SQLite and PostgreSQL, in one place.

Queries are written once with ``?`` placeholders and SQL both databases accept
(``INSERT ... ON CONFLICT DO NOTHING``, ``"end"`` quoted, ``CASE`` rather than summing
booleans, ``NULLS LAST`` or ``FIRST`` wherever an order meets a column that may be null,
since the two databases' defaults differ); what cannot be written once is a template or a
method here: placeholders, string aggregation, "no limit", reading JSON text, and full-text
search (SQLite's FTS5 tables, PostgreSQL's ``tsvector`` columns). Both search the same
words: :func:`~ghatna.store.search.search_words` decides what a word is for the stored
text and for the query alike.
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
    """SQLite's SQL; :class:`PostgresDialect` gives other templates to the same methods."""

    name = "sqlite"
    no_limit = -1
    STRING_AGG = "group_concat({expr}, '{sep}')"
    # the full-text index of each searchable table (with the table's alias in queries),
    # and the condition that a row matches the query parameter
    SEARCH_INDEX = {"articles": ("a", "article_fts"), "events": ("e", "event_fts")}
    SEARCH_CONDITION = "{alias}.rowid IN (SELECT rowid FROM {index} WHERE {index} MATCH ?)"
    # (rowid, rank) of the articles matching the query parameter, the best with the lowest
    # rank: BM25, a headline word counting four times a word of the body or a Latin key
    RANKED_ARTICLES = ("SELECT rowid, bm25(article_fts, 4.0, 1.0, 1.0) AS rank FROM article_fts "
                       "WHERE article_fts MATCH ?")
    # JSON text: the value at a path (text or number), and whether an array holds the parameter
    JSON_FIELD = "json_extract({expr}, '$.{dotted}')"
    JSON_ARRAY_HAS = "EXISTS (SELECT 1 FROM json_each({expr}, '$.{dotted}') c WHERE c.value = ?)"
    # search queries: "and" and "or" between terms, and where a term's word is looked for
    AND, OR = " AND ", " OR "
    TERM_IN = {"words": "{title text} : ", "latin": "search_latin : ", "sentence": ""}

    def sql(self, sql: str) -> str:
        return sql

    def string_agg(self, expr: str, sep: str) -> str:
        return self.STRING_AGG.format(expr=expr, sep=sep)

    def search_condition(self, table: str) -> str:
        """Rows of ``table`` (``articles a`` or ``events e``) that match the query
        parameter (:meth:`article_search_query`, :meth:`event_text_query`)."""
        alias, index = self.SEARCH_INDEX[table]
        return self.SEARCH_CONDITION.format(alias=alias, index=index)

    def ranked_articles(self) -> str:
        """A subquery of (rowid, rank) of the articles matching the query parameter of
        :meth:`article_search_query`, the best with the lowest rank."""
        return self.RANKED_ARTICLES

    def json_field(self, expr: str, *path: str) -> str:
        """The value at ``path`` in the JSON text ``expr`` (text or number, or null)."""
        return self.JSON_FIELD.format(expr=expr, dotted=".".join(path), listed=",".join(path))

    def json_object(self, expr: str, key: str, fields: dict[str, str]) -> tuple[str, dict[str, str]]:
        """The object under ``key`` in the JSON text ``expr``, read once a row: what to add
        after the table in FROM, and the SQL of each of its ``fields`` (name: ``text``, or
        ``number`` for a float), null where there is none."""
        def value(name: str, kind: str) -> str:
            sql = self.json_field(expr, key, name)
            return f"CAST({sql} AS REAL)" if kind == "number" else sql

        return "", {name: value(name, kind) for name, kind in fields.items()}

    def json_array_has(self, expr: str, *path: str) -> str:
        """Whether the array at ``path`` in the JSON text ``expr`` holds the string parameter."""
        return self.JSON_ARRAY_HAS.format(expr=expr, dotted=".".join(path), listed=",".join(path))

    def term(self, word: str, where: str) -> str:
        """A search term: ``word`` as a prefix of a word in ``where`` (:data:`TERM_IN`)."""
        return f'{self.TERM_IN[where]}"{word}"*'

    def event_text_query(self, words: list[str]) -> str:
        """Every word (as a prefix) in the event's sentence."""
        return self.AND.join(self.term(w, "sentence") for w in words)

    def article_search_query(self, terms: list[tuple[str, str | None]]) -> str:
        """Each (word, Latin key) as a prefix in the headline or body, or its key as the
        prefix of a Latin search key; every term must match."""
        options = ([self.term(word, "words")] + ([self.term(latin, "latin")] if latin else [])
                   for word, latin in terms)
        return self.AND.join("(" + self.OR.join(o) + ")" for o in options)


class PostgresDialect(SQLiteDialect):
    name = "postgresql"
    no_limit = None  # LIMIT NULL: no limit
    STRING_AGG = "string_agg({expr}, '{sep}')"
    SEARCH_INDEX = {"articles": ("a", "search"), "events": ("e", "sentence_search")}
    SEARCH_CONDITION = "{alias}.{index} @@ ?::tsquery"
    # a word of the headline (weight A) counts four times one of the body (B) or a Latin key
    # (C), as in SQLite's ranking; ts_rank is not BM25, so equally good matches may come in
    # another order than there
    RANKED_ARTICLES = ("SELECT rowid, -ts_rank('{0.1, 0.25, 0.25, 1.0}', search, q) AS rank "
                       "FROM articles, CAST(? AS tsquery) AS q WHERE search @@ q")
    JSON_FIELD = "({expr}::json #>> '{{{listed}}}')"  # json: parsed, not converted as jsonb is
    JSON_ARRAY_HAS = "({expr}::jsonb #> '{{{listed}}}') @> jsonb_build_array(?::text)"
    AND, OR = " & ", " | "
    # the weights of the words of the headline (A) and body (B), and of the Latin keys (C)
    TERM_IN = {"words": "AB", "latin": "C", "sentence": ""}

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

    def json_object(self, expr: str, key: str, fields: dict[str, str]) -> tuple[str, dict[str, str]]:
        # parsed once a row (json_field would parse the whole record for each field); an
        # object only, as json_to_record refuses anything else
        types = ", ".join(f"{name} {'double precision' if kind == 'number' else 'text'}"
                          for name, kind in fields.items())
        return (f" CROSS JOIN LATERAL json_to_record({expr}::json) AS {key}_of({key} json)"
                f" CROSS JOIN LATERAL json_to_record(CASE WHEN json_typeof({key}_of.{key}) = 'object'"
                f" THEN {key}_of.{key} END) AS {key}({types})",
                {name: f"{key}.{name}" for name in fields})

    def term(self, word: str, where: str) -> str:
        """A tsquery prefix term, quoted as a lexeme (no parser runs on it), of the weights
        of ``where``."""
        return f"{_quoted(fold(word))}:*{self.TERM_IN[where]}"


def _quoted(lexeme: str) -> str:
    """A lexeme quoted for a tsquery or tsvector literal (no parser runs on it)."""
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


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
