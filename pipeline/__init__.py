"""vanban: Vietnamese official dispatches in, records, child plans and audits out.

The stages, each a module with one job, data flowing one way:
read (ingest/) → normalise → extract → record → derive / audit → export.
"""

from .ingest import read_document
from .record import Record
from .rules import Rules
from .rules import load as load_rules

__all__ = ["Record", "Rules", "load_rules", "read_document"]
