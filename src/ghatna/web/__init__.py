"""The web interface and REST API (``ghatna serve``); needs the ``web`` extra.

:func:`ghatna.web.app.create_app` builds the application. The package itself imports
nothing, so that importing it never needs FastAPI.
"""
