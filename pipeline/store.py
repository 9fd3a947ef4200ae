"""The batch's embedded store: OUT/vanban.sqlite.

Two parts. The cache holds each file's record and clean text keyed by the file's content
hash and the rules' version, so an unchanged file is never read again. Files that failed
for a lasting reason are kept the same way with their cause, and the child plans by what
they were derived from. The tables hold the batch as it stands (documents, citations,
tasks, recipients, findings, and a full-text index of the documents, FTS5 with diacritics
folded so 'ke hoach' finds 'kế hoạch'), brought to the batch in one transaction at the end
of every run (a document as it was keeps its rows): a reader sees the previous batch or the
new one, never half of either. The ledger's tables (`ledger_*`, pipeline/ledger.py) hold what people
record and are never rebuilt: they have their own version and migrate themselves.
"""

from __future__ import annotations

import functools
import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .normalise import bare
from .record import Finding, Record

if TYPE_CHECKING:
    from .ledger import Ledger

SCHEMA_VERSION = 2  # raise it when SCHEMA changes: older stores are rebuilt
SCHEMA = """
CREATE TABLE IF NOT EXISTS cache (
    sha256 TEXT NOT NULL, rules TEXT NOT NULL, record TEXT NOT NULL, pages TEXT NOT NULL,
    PRIMARY KEY (sha256, rules));
CREATE TABLE IF NOT EXISTS failures (
    sha256 TEXT NOT NULL, rules TEXT NOT NULL, stage TEXT NOT NULL, cause TEXT NOT NULL,
    PRIMARY KEY (sha256, rules));
CREATE TABLE IF NOT EXISTS plans (key TEXT PRIMARY KEY, plans TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY, path TEXT UNIQUE NOT NULL, sha256 TEXT NOT NULL, number TEXT, doc_type TEXT,
    issuer TEXT, issuer_code TEXT, place TEXT, date TEXT, title TEXT, signer TEXT, pages INTEGER,
    record TEXT NOT NULL, digest TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS citations (
    document_id INTEGER NOT NULL REFERENCES documents(id), position INTEGER NOT NULL, doc_type TEXT,
    number TEXT, date TEXT, issuer TEXT, title TEXT, cited_id INTEGER REFERENCES documents(id));
CREATE TABLE IF NOT EXISTS tasks (
    document_id INTEGER NOT NULL REFERENCES documents(id), position INTEGER NOT NULL, owner TEXT NOT NULL,
    action TEXT NOT NULL, deadline_text TEXT, deadline_start TEXT, deadline_end TEXT, recurrence TEXT,
    quantity TEXT, section TEXT);
CREATE TABLE IF NOT EXISTS recipients (
    document_id INTEGER NOT NULL REFERENCES documents(id), name TEXT NOT NULL, role TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS findings (
    id INTEGER PRIMARY KEY, kind TEXT NOT NULL, severity TEXT NOT NULL, message TEXT NOT NULL,
    document TEXT NOT NULL, documents TEXT NOT NULL, evidence TEXT NOT NULL, suggestion TEXT);
CREATE INDEX IF NOT EXISTS tasks_owner ON tasks(owner);
CREATE INDEX IF NOT EXISTS tasks_deadline ON tasks(deadline_end);
CREATE INDEX IF NOT EXISTS citations_number ON citations(number);
CREATE INDEX IF NOT EXISTS citations_cited ON citations(cited_id);
CREATE INDEX IF NOT EXISTS findings_document ON findings(document);
CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(
    path UNINDEXED, number, title, text, folded, tokenize = 'unicode61 remove_diacritics 2');
"""


@dataclass(frozen=True)
class Cached:
    record: Record
    pages: tuple[str, ...]
    encoded: str  # the record's JSON as stored, which is json.dumps(record.to_dict(), ensure_ascii=False)


def encode(record: Record) -> str:
    """A record as the store and records.jsonl hold it."""
    return json.dumps(record.to_dict(), ensure_ascii=False)


class Store:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.db = sqlite3.connect(path, timeout=30)
        self.db.execute("PRAGMA journal_mode=WAL")
        # Vietnamese compared as people type it: 'phong gd' finds 'Phòng GDĐT'
        self.db.create_function("fold", 1, lambda s: bare(s).lower() if s else s, deterministic=True)
        if self.db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
            # an older layout: these tables hold only what the inbox and a run make again; the
            # ledger holds what people recorded, and is never dropped
            with self.transaction() as db:
                for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                          "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'ledger_%' "
                                          "AND name NOT LIKE 'documents_fts_%'").fetchall():
                    db.execute(f'DROP TABLE IF EXISTS "{name}"')
        self.db.executescript(SCHEMA)
        self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        self.db.execute("PRAGMA foreign_keys=ON")

    def close(self) -> None:
        self.db.close()

    @functools.cached_property
    def ledger(self) -> Ledger:
        """The ledger's tables in this store, migrated to the current version."""
        from .ledger import Ledger

        return Ledger(self.db)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        with self.db:  # commits, or rolls back on an exception
            yield self.db

    # --- the cache -------------------------------------------------------------------
    def cached(self, sha256: str, rules: str) -> Cached | None:
        row = self.db.execute("SELECT record, pages FROM cache WHERE sha256 = ? AND rules = ?",
                              (sha256, rules)).fetchone()
        if row is None:
            return None
        return Cached(Record.from_dict(json.loads(row[0])), tuple(json.loads(row[1])), row[0])

    def remember(self, record: Record, pages: tuple[str, ...], rules: str) -> str:
        """Keeps a file's record and text under its content hash; returns the record encoded."""
        encoded = encode(record)
        with self.transaction() as db:
            db.execute("INSERT OR REPLACE INTO cache VALUES (?, ?, ?, ?)",
                       (record.source.sha256, rules, encoded, json.dumps(list(pages), ensure_ascii=False)))
        return encoded

    def failed(self, sha256: str, rules: str) -> tuple[str, str] | None:
        """(stage, cause) of a file that failed for a lasting reason, by its content hash."""
        row = self.db.execute("SELECT stage, cause FROM failures WHERE sha256 = ? AND rules = ?",
                              (sha256, rules)).fetchone()
        return (row[0], row[1]) if row else None

    def remember_failure(self, sha256: str, rules: str, stage: str, cause: str) -> None:
        """A file that cannot be read, whatever the run, until its content, the rules or the
        code change: the next run says why without reading it again."""
        with self.transaction() as db:
            db.execute("INSERT OR REPLACE INTO failures VALUES (?, ?, ?, ?)", (sha256, rules, stage, cause))

    def forget_other_rules(self, rules: str, keep: Iterable[str]) -> None:
        """Drop cache entries (and failures) of other rules versions and of files no longer in
        the inbox."""
        keep = set(keep)
        with self.transaction() as db:
            for table in ("cache", "failures"):
                db.execute(f"DELETE FROM {table} WHERE rules != ?", (rules,))  # noqa: S608  (fixed names)
                for (sha,) in db.execute(f"SELECT sha256 FROM {table}").fetchall():  # noqa: S608
                    if sha not in keep:
                        db.execute(f"DELETE FROM {table} WHERE sha256 = ?", (sha,))  # noqa: S608

    # --- child plans -----------------------------------------------------------------
    def plans(self) -> dict[str, str]:
        """The child plans the last run derived, as JSON, by what they were derived from
        (pipeline/derive/stored.py)."""
        return dict(self.db.execute("SELECT key, plans FROM plans"))

    def keep_plans(self, plans: dict[str, str]) -> None:
        """The plans of this run kept for the next, those of documents gone dropped."""
        with self.transaction() as db:
            known = {key for (key,) in db.execute("SELECT key FROM plans")}
            db.executemany("DELETE FROM plans WHERE key = ?", [(k,) for k in known - plans.keys()])
            db.executemany("INSERT INTO plans VALUES (?, ?)", [(k, v) for k, v in plans.items() if k not in known])

    # --- the batch as it stands ------------------------------------------------------
    def replace_batch(self, records: list[Record], texts: dict[str, tuple[str, ...]], findings: list[Finding],
                      cited: dict[tuple[str, int], str], encoded: dict[int, str] | None = None,
                      version: str = "", digests: dict[str, str] | None = None) -> None:
        """Every table brought to the batch, in one transaction. A document whose record and
        text (and `version`, the rules' and the code's) are those of its row keeps the row, its
        tasks, recipients and full-text entry: folding and indexing a thousand texts again took
        a second and a half of a run that added one document (issue 17). The citations, whose
        targets any new document may change, and the findings are written again whole.
        `encoded` holds records already encoded, by id (the store's cache has them), `digests`
        each document's `document_digest` when already known."""
        encoded, digests = encoded or {}, digests or {}
        with self.transaction() as db:
            old = {path: (doc, digest) for doc, path, digest in db.execute("SELECT id, path, digest FROM documents")}
            db.execute("DELETE FROM findings")
            db.execute("DELETE FROM citations")
            ids: dict[str, int] = {}
            fresh: list[tuple[Record, str, str]] = []
            for record in records:
                data = encoded.get(id(record)) or encode(record)
                digest = digests.get(record.source.path) or document_digest(version, data,
                                                                             texts.get(record.source.path, ()))
                kept = old.pop(record.source.path, None)
                if kept is not None and kept[1] == digest:
                    ids[record.source.path] = kept[0]
                    continue
                if kept is not None:
                    _drop_document(db, kept[0])
                fresh.append((record, data, digest))
            for doc, _ in old.values():  # documents gone from the batch
                _drop_document(db, doc)
            for record, data, digest in fresh:
                ids[record.source.path] = _insert_document(db, record, data, digest,
                                                           texts.get(record.source.path, ()))
            for record in records:
                doc = ids[record.source.path]
                db.executemany("INSERT INTO citations VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [
                    (doc, i, c.doc_type, c.number, c.date, c.issuer, c.title,
                     ids.get(cited.get((record.source.path, i), ""))) for i, c in enumerate(record.citations)])
            db.executemany("INSERT INTO findings (kind, severity, message, document, documents, evidence, suggestion)"
                           " VALUES (?, ?, ?, ?, ?, ?, ?)", [
                               (f.kind, f.severity, f.message, f.documents[0],
                                json.dumps(f.documents, ensure_ascii=False),
                                json.dumps([q.to_dict() for q in f.evidence], ensure_ascii=False), f.suggestion)
                               for f in findings])

    # --- the queries users make -----------------------------------------------------
    def search(self, query: str, limit: int = 20) -> list[tuple[str, str, str, str]]:
        """(path, number, title, snippet) of the documents matching a full-text query; each
        word is required and searched as a word, diacritics optional ('duoi nuoc')."""
        words = [w.replace('"', '""') for w in query.split()]
        if not words:
            return []
        typed = " ".join(f'"{w}"' for w in words)
        folded = " ".join(f'"{w}"' for w in bare(" ".join(words)).lower().split())
        match = f"({typed}) OR ({folded})"
        return self.db.execute(
            "SELECT path, number, title, snippet(documents_fts, 3, '[', ']', ' … ', 12) FROM documents_fts "
            "WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?", (match, limit)).fetchall()

    def tasks(self, owner: str | None = None, due_before: str | None = None, due_after: str | None = None
              ) -> list[tuple[str, str | None, str, str, str | None, str | None]]:
        """(path, number, owner, action, deadline end, deadline text) of the tasks asked for,
        by deadline."""
        sql = ("SELECT d.path, d.number, t.owner, t.action, t.deadline_end, t.deadline_text FROM tasks t "
               "JOIN documents d ON d.id = t.document_id WHERE 1=1")
        args: list[str] = []
        if owner:
            sql += " AND fold(t.owner) LIKE ?"
            args.append(f"%{bare(owner).lower()}%")
        if due_before:
            sql += " AND t.deadline_end IS NOT NULL AND t.deadline_end < ?"
            args.append(due_before)
        if due_after:
            sql += " AND t.deadline_end IS NOT NULL AND t.deadline_end >= ?"
            args.append(due_after)
        sql += " ORDER BY t.deadline_end IS NULL, t.deadline_end, d.path, t.position"
        return self.db.execute(sql, args).fetchall()

    def records(self) -> dict[str, Record]:
        """The batch's documents as records, by source path."""
        return {path: Record.from_dict(json.loads(record))
                for path, record in self.db.execute("SELECT path, record FROM documents")}

    def citing(self, number: str) -> list[tuple[str, str | None]]:
        """(path, number) of the documents that cite `number`."""
        return self.db.execute(
            "SELECT DISTINCT d.path, d.number FROM citations c JOIN documents d ON d.id = c.document_id "
            "WHERE replace(c.number, ' ', '') = replace(?, ' ', '') ORDER BY d.path", (number,)).fetchall()


def document_digest(version: str, encoded: str, pages: tuple[str, ...]) -> str:
    """What every output of one document is made from: its record (`encoded`), its text, and
    the rules and the code (`version`). Its rows here, its plans, its report page key on it."""
    digest = hashlib.sha256(version.encode("utf-8"))
    for part in (encoded, *pages):
        digest.update(b"\x00")
        digest.update(part.encode("utf-8"))
    return digest.hexdigest()


def _drop_document(db: sqlite3.Connection, doc: int) -> None:
    """A document's row and what hangs on it (its citations are gone already)."""
    db.execute("DELETE FROM tasks WHERE document_id = ?", (doc,))
    db.execute("DELETE FROM recipients WHERE document_id = ?", (doc,))
    db.execute("DELETE FROM documents_fts WHERE rowid = ?", (doc,))
    db.execute("DELETE FROM documents WHERE id = ?", (doc,))


def _insert_document(db: sqlite3.Connection, record: Record, encoded: str, digest: str,
                     pages: tuple[str, ...]) -> int:
    """A document's row, its full-text entry (under the row's id), tasks and recipients."""
    signer = record.signer
    cursor = db.execute(
        "INSERT INTO documents (path, sha256, number, doc_type, issuer, issuer_code, place, date, title,"
        " signer, pages, record, digest) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (record.source.path, record.source.sha256, record.number, record.doc_type,
         record.issuer.name if record.issuer else None, record.issuer.code if record.issuer else None,
         record.place, record.date, record.title,
         " ".join(filter(None, (signer.authority, signer.title, signer.name))) if signer else None,
         record.source.pages, encoded, digest))
    doc = cursor.lastrowid
    text = "\n".join(pages)
    # 'đ' is a letter of its own to the tokenizer, not a d with a mark: a folded copy lets
    # 'duoi nuoc' find 'đuối nước'
    db.execute("INSERT INTO documents_fts (rowid, path, number, title, text, folded) VALUES (?, ?, ?, ?, ?, ?)",
               (doc, record.source.path, record.number or "", record.title or "", text,
                bare(f"{record.title or ''} {text}").lower()))
    db.executemany("INSERT INTO tasks VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [
        (doc, i, t.owner, t.action, t.deadline.text if t.deadline else None,
         t.deadline.start if t.deadline else None, t.deadline.end if t.deadline else None,
         t.recurrence, t.quantity.text if t.quantity else None, t.section)
        for i, t in enumerate(record.tasks)])
    db.executemany("INSERT INTO recipients VALUES (?, ?, ?)", [(doc, r.name, r.role) for r in record.recipients])
    return doc
