"""Events: the ``quotes`` and ``events`` stages, coding free text, the record exports,
report keys and evaluation.

The ``events`` stage (``coder``) runs, per sentence: ``clauses`` (clauses and postposition
arguments), ``triggers`` (which pattern matches are events), ``build`` (one event from a
trigger, in order: ``modality``, ``roles`` for actor and recipient, ``resolve`` for who a
phrase names with the article's ``coref`` memory, ``where_when`` for place and ``dates``).
"""
