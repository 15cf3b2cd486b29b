"""Actors: the knowledge base with dated roles, transliteration and search keys, the
``link`` stage, PETRARCH dictionary import and linking evaluation."""
