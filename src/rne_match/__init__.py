"""rne-match: check petition signers against the Répertoire national des élus."""

__version__ = "0.1.0"
