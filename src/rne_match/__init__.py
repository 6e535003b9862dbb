"""rne-match: check petition signers against the Répertoire national des élus.

The public names are those of `rne_match.api` (the use cases), re-exported here on first use: a
process that needs only a part of the package (the mail worker of `rne_match.workers`) does not
import all of it.
"""

from importlib import import_module

__version__ = "0.1.0"


def __getattr__(name: str):
    api = import_module("rne_match.api")
    if name == "__all__":
        return ["__version__", "api", *api.__all__]
    if name == "api":
        return api
    if name in api.__all__:
        return getattr(api, name)
    raise AttributeError(f"module 'rne_match' has no attribute {name!r}")


def __dir__() -> list[str]:
    return __getattr__("__all__")
