"""rne-match: check petition signers against the Répertoire national des élus.

The public names are those of `rne_match.api` (the use cases), re-exported here.
"""

__version__ = "0.1.0"

from . import api
from .api import *  # noqa: F403 - the public API, listed in api.__all__

__all__ = ["__version__", "api", *api.__all__]
