"""The web interface and REST API (``ghatna serve``); needs the ``web`` extra.

:func:`ghatna.web.app.create_app` builds the application. The package itself imports
nothing heavy, so that the store can use :mod:`ghatna.web.romanise` without FastAPI.
"""
