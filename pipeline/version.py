"""Which code produced an output: a digest of the package's own sources.

Kept apart so every stage that caches (the store, the derived files) can ask without
importing the batch runner.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path


@functools.lru_cache(maxsize=1)
def code_version() -> str:
    """A digest of the pipeline's own code: results of older code are not reused."""
    digest = hashlib.sha256()
    for source in sorted(Path(__file__).parent.rglob("*.py")):
        digest.update(source.read_bytes())
    return digest.hexdigest()[:16]
