"""Errors that cost a file its record, each one clear line: `path: cause`."""

from __future__ import annotations


class InputError(Exception):
    """A file that cannot be turned into a record. `stage` says where it failed."""

    def __init__(self, path: str, cause: str, stage: str = "ingest") -> None:
        super().__init__(f"{path}: {cause}")
        self.path = path
        self.cause = cause
        self.stage = stage

    def __reduce__(self):
        # rebuilt from its parts when it crosses from a worker process to the batch
        return (type(self), (self.path, self.cause, self.stage))

    def to_dict(self) -> dict[str, str]:
        return {"path": self.path, "stage": self.stage, "cause": self.cause}
