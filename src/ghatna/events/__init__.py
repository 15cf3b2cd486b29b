"""Events: the ``quotes`` and ``events`` stages (clauses, patterns, modality, coreference,
dates and the coder), coding free text, the record exports, report keys and evaluation."""
