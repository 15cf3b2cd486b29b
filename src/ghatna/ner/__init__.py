"""Named entities: the ``ner`` stage and its shipped spaCy model, the corpus readers,
the gazetteer feature, training, augmentation, vectors and evaluation."""
