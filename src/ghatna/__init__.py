"""ghatna: Hindi news to political event data, every fact traceable to its sentence."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("ghatna")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.1.0"

CODER = f"ghatna {__version__}"
