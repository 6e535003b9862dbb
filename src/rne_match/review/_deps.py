"""Everything the review package takes from the rest of rne_match, in one place."""

from __future__ import annotations

from ..domain.mandates import ELIGIBLE_DEFAULT, parse_mandate
from ..domain.territories import current_commune
from ..domain.text import fold, fold_expr
from ..errors import BaseBusy, RneMatchError
from ..inputs import detect_roles, read_workbook
from ..locks import wait_for_lock
from ..matching.explain import KIND_LABELS
from ..matching.pipeline import RESULT_COLUMNS
from ..matching.pipeline import REVIEW_ORDER as _REVIEW_ORDER
from ..matching.places import COMMUNE_FAMILY, RESOLVED_COLUMNS
from ..paths import missing_base
from ..reports.outputs import check_output, read_table, write_table

# Statuses as plain text (they are StrEnum members in the matcher), easiest to settle first.
REVIEW_ORDER = [str(s) for s in _REVIEW_ORDER]
# Columns `verify` adds after the input columns: decision, normalised party, resolved stated place.
ADDED_COLUMNS = [*RESULT_COLUMNS, "parti_normalise", *RESOLVED_COLUMNS]

__all__ = [
    "ADDED_COLUMNS", "COMMUNE_FAMILY", "ELIGIBLE_DEFAULT", "KIND_LABELS", "RESULT_COLUMNS", "REVIEW_ORDER", "BaseBusy",
    "RneMatchError", "check_output", "current_commune", "detect_roles", "fold", "fold_expr", "missing_base", "parse_mandate", "read_table",
    "read_workbook", "wait_for_lock", "write_table",
]
