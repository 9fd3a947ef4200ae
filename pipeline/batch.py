"""The batch: every file of an inbox folder through the stages, one failure never stopping it.

`discover` lists the input files (sub-folders included; links and hidden files are not
followed); `process_file` is a pure function of one file and the rules; `run_batch`
writes the outputs: `records.jsonl`, `records/<name>.json`, the clean text of each file in
`text/<name>.json`, `errors.jsonl` and the store (pipeline/store.py); then, unless only
ingest is asked for, the child plans and checklists of `derived/` (pipeline/derive), the
audit of the batch (`audit.csv`, `audit.xlsx`; pipeline/audit) and the report
(`report/index.html`; pipeline/report).
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import json
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .audit import Audit, audit
from .audit.files import write_audit
from .derive import Unit
from .derive.files import Derived, plans_for, write_derived
from .derive.stored import PlanMemo
from .errors import InputError
from .export import Writes, kept, safe_name, together, write_atomic, write_json, write_jsonl
from .extract import extract_record
from .identity import document_key, documents
from .ingest import read_document
from .ledger import Change, SyncResult, ledger_entries, status_lookup
from .record import Record
from .report import write_report
from .reports import Answer, answers
from .returned import ReturnedError, ReturnedRow, apply_returned, read_returned
from .roster import Roster
from .rules import Rules
from .store import Store, document_digest, encode
from .unit_checklists import write_unit_checklists
from .version import code_version
from .workers import process_all, process_all_dask


@dataclass
class BatchResult:
    records: list[Record] = field(default_factory=list)  # one per file read
    documents: list[Record] = field(default_factory=list)  # one per document: copies counted once
    errors: list[InputError] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    ledger: SyncResult | None = None  # what the run changed in the ledger
    warnings: list[InputError] = field(default_factory=list)  # what was read but not all applied
    returned: int = 0  # checklists the units sent back filled in (pipeline/returned.py)
    returned_changed: int = 0  # ledger rows they changed
    reports_marked: int = 0  # ledger rows done by an incoming report (pipeline/reports.py)
    written: int = 0  # output files written
    unchanged: int = 0  # output files that held what the run would write: left untouched
    reused: bool = False  # nothing the cross-document stages read had changed: their files kept

    @property
    def ok(self) -> bool:
        return not self.errors


def discover(inbox: Path, exclude: tuple[str, ...] = ()) -> tuple[list[tuple[Path, str]], list[str]]:
    """(file, path relative to the inbox) for every input file, sorted; and what was passed over.

    Symbolic links are not followed: a link could point outside the inbox. Hidden files
    and folders (names starting with '.') and Office lock files ('~$x.docx') are skipped,
    and so are the folders named in `exclude`.
    """
    found: list[tuple[Path, str]] = []
    passed: list[str] = []
    root = inbox.resolve()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        here = Path(dirpath)
        kept = []
        for d in sorted(dirnames):
            if d in exclude:
                continue
            if d.startswith(".") or (here / d).is_symlink():
                if (here / d).is_symlink():
                    passed.append(f"{(here / d).relative_to(root).as_posix()}: symbolic link, not followed")
                continue
            kept.append(d)
        dirnames[:] = kept
        for name in sorted(filenames):
            path = here / name
            rel = path.relative_to(root).as_posix()
            if name.startswith(".") or name.startswith("~$"):
                continue
            if path.is_symlink():
                passed.append(f"{rel}: symbolic link, not followed")
                continue
            found.append((path, rel))
    found.sort(key=lambda item: item[1])
    return found, passed


@dataclass(frozen=True)
class Processed:
    """One file through read and extract: its record, and the clean text of its pages (the
    report shows the text beside the record)."""

    record: Record
    pages: tuple[str, ...]


def process_file(path: Path, display: str, rules: Rules) -> Processed:
    """Read and extract one file; raises InputError when it cannot be read."""
    document = read_document(path, rules, display=display)
    try:
        record = extract_record(document, rules)
    except Exception as exc:  # a bug in one extractor must cost this file only
        raise InputError(display, f"extraction failed: {type(exc).__name__}: {exc}", stage="extract") from exc
    return Processed(record, tuple(page.text for page in document.pages))


def run_batch(inbox: Path, out: Path, rules: Rules, report=None, exclude: tuple[str, ...] = (),
              unit: Unit | None = None, workers: int = 1, scheduler: str | object | None = None,
              on: dt.date | None = None, roster: Roster | None = None, who: str = "vanban",
              ingest_only: bool = False, timings: dict[str, float] | None = None) -> BatchResult:
    """Process every file of `inbox` and write the outputs under `out`.

    `report(path, error_or_None)` is called after each file (the CLI prints from it).
    Files run in `workers` processes, or on the Dask cluster at `scheduler` (pipeline/workers.py);
    the cross-document stages run here on the gathered records. A file whose content and rules are unchanged since
    the last run over `out` is taken from the store, not read again, and so is the cause of
    one that failed for a reason of its own (`_lasting`). Child plans are
    derived for `unit`, else for every unit below each issuer, dated `on` (by default the
    first working day after each parent's date). The ledger is brought up to the batch
    (its tasks for each named unit of `roster` under `unit`, pipeline/ledger.py) before the
    checklists are written, so they show its statuses.

    `ingest_only` (`vanban ingest`) stops after the records, their text, the errors and the
    store (its cache, and its tables with each document's own findings and the citations
    resolved): no child plans, ledger, audit files or report are made. `timings`, when
    given, receives the seconds of the cross-document stages: derive (child plans, ledger,
    checklists), audit, report and store.
    """
    inbox, out = Path(inbox), Path(out)
    if out.resolve().is_relative_to(inbox.resolve()):
        raise InputError(str(out), "the output folder must not be inside the inbox (inputs are never changed)",
                         stage="usage")
    files, passed = discover(inbox, exclude)
    result = BatchResult(skipped=passed)
    # a checklist a unit sent back filled in is no dispatch: it goes to the ledger, not to
    # the readers (no record, no error)
    returned: list[tuple[Path, str, tuple[ReturnedRow, ...]]] = []
    for path, rel in list(files):
        try:
            rows = read_returned(path)
        except ReturnedError as exc:
            rows = None
            files.remove((path, rel))
            result.errors.append(InputError(rel, str(exc), stage="checklist"))
            if report:
                report(rel, result.errors[-1])
        if rows is not None:
            returned.append((path, rel, rows))
            files.remove((path, rel))
            if report:
                report(rel, None)
    done: dict[str, Processed | InputError] = {}
    version = f"{rules.version}:{code_version()}"  # new rules or new code: every file is read again
    key = None  # what the cross-document stages read, when they ran
    # the outputs put on disk together, and those that would not change left alone
    with together(out / STAGING) as writes, Store(out / "vanban.sqlite") as store:
        todo = []
        hashes = {}
        # each record's JSON as the store holds it, by the record's id: records.jsonl and the
        # store's tables use it rather than encode a thousand records again (issue 17)
        encoded: dict[int, str] = {}
        for path, rel in files:
            hashes[rel] = _sha256(path)
            cached = store.cached(hashes[rel], version) if hashes[rel] else None
            failed = store.failed(hashes[rel], version) if hashes[rel] and cached is None else None
            if failed is not None:  # it failed before, as it is, for a reason reading again would not change
                done[rel] = InputError(rel, failed[1], failed[0])
                if report:
                    report(rel, done[rel])
            elif cached is None:
                todo.append((path, rel))
            else:
                record = _moved(cached.record, rel)
                if record is cached.record:
                    encoded[id(record)] = cached.encoded
                done[rel] = Processed(record, cached.pages)
                if report:
                    report(rel, None)

        located = {rel: path for path, rel in files}

        def finished(rel: str, outcome: Processed | InputError) -> None:
            done[rel] = outcome
            if isinstance(outcome, Processed):
                encoded[id(outcome.record)] = store.remember(outcome.record, outcome.pages, version)
            elif hashes.get(rel) and _lasting(outcome) and not _names_file(outcome.cause, rel, located[rel]):
                store.remember_failure(hashes[rel], version, outcome.stage, outcome.cause)
            if report:
                report(rel, outcome if isinstance(outcome, InputError) else None)

        if scheduler is not None:
            process_all_dask(todo, rules, scheduler, finished)
        else:
            process_all(todo, rules, workers, finished)
        store.forget_other_rules(version, [h for h in hashes.values() if h])
        texts: dict[str, tuple[str, ...]] = {}
        written: set[str] = set()
        read = {rel for _, rel in todo}
        previous = _load_manifest(out)
        intact = _as_left(previous, out)
        # a file read from the store whose content the last run had too left its record and
        # text there: when both are as that run left them they are not made again (issue 17)
        same = previous.get("version") == version and previous.get("inputs", {})
        for _, rel in files:  # in the order of the input paths
            outcome = done[rel]
            if isinstance(outcome, InputError):
                result.errors.append(outcome)
                continue
            name = safe_name(rel)
            record_file, text_file = out / "records" / f"{name}.json", out / "text" / f"{name}.json"
            if same and rel not in read and same.get(rel) == hashes[rel] and intact(record_file) and intact(text_file):
                kept(record_file)
                kept(text_file)
            else:
                write_json(record_file, outcome.record.to_dict(), unchanged_ok=True)
                write_json(text_file, {"path": rel, "pages": list(outcome.pages)}, unchanged_ok=True)
            written.add(name)
            result.records.append(outcome.record)
            texts[rel] = outcome.pages
        # drop the outputs of files that are gone, so OUT always mirrors the inbox
        for folder in (out / "records", out / "text"):
            if folder.is_dir():
                for stale in folder.glob("*.json"):
                    if stale.stem not in written:
                        stale.unlink()
        # the same dispatch as PDF and DOCX, or twice: one document from here on
        result.documents = documents(result.records, texts)
        # what each document's outputs are made from, once: its rows in the store, its plans
        # and its report page are made again only when it changes (issue 17)
        digests = {}
        for record in result.documents:
            if id(record) not in encoded:  # a copy's record, or one moved: encoded here
                encoded[id(record)] = encode(record)
            digests[record.source.path] = document_digest(version, encoded[id(record)],
                                                          texts.get(record.source.path, ()))
        if ingest_only:
            checked = audit(result.documents, rules, between=False)
            # the store's tables now hold an ingest's findings: the next run redoes them
            (out / RUN_MANIFEST).unlink(missing_ok=True)
        else:
            returned_keys = [(rel, _sha256(path)) for path, rel, _ in returned]
            key = _batch_key(version, hashes, returned_keys, unit, on, roster, store)
            if _fresh(previous, key, intact):
                # nothing the cross-document stages read has changed since the last run, and
                # no output was touched since: they would write what is there (issue 17)
                _reuse(previous, result, store, writes, out)
                key, checked = None, None  # the manifest stays as it is
            else:
                with _heap_frozen():
                    checked = _cross_document(out, rules, result, texts, store, returned, report, unit, on, roster,
                                              who, timings, intact, digests)
                # the ledger as this run leaves it is what the next run finds
                key = _batch_key(version, hashes, returned_keys, unit, on, roster, store)
        if checked is not None:
            with _timed(timings, "store"):
                store.replace_batch(result.documents, texts, checked.findings,
                                    {(link.citing.path, link.index): link.cited.path
                                     for link in checked.links if link.cited}, encoded, version, digests)
        if result.reused and intact(out / "records.jsonl"):  # the same records as the last run's
            kept(out / "records.jsonl")
        else:
            write_atomic(out / "records.jsonl", "".join(f"{encoded[id(r)]}\n" for r in result.documents))
        write_jsonl(out / "errors.jsonl", (e.to_dict() for e in result.errors))
        write_jsonl(out / "warnings.jsonl", (e.to_dict() for e in result.warnings))
    result.written, result.unchanged = len(set(writes.written)), len(set(writes.unchanged) - set(writes.written))
    if key is not None:
        _save_manifest(out, key, writes, result, version, hashes)
    return result


RUN_MANIFEST = ".run.json"  # in OUT: what the last whole run read and the files it left
STAGING = ".writing"  # in OUT: the files of a run not yet put in place (export.together)


def _cross_document(out: Path, rules: Rules, result: BatchResult, texts: dict[str, tuple[str, ...]], store: Store,
                    returned: list[tuple[Path, str, tuple[ReturnedRow, ...]]], report, unit: Unit | None,
                    on: dt.date | None, roster: Roster | None, who: str, timings: dict[str, float] | None,
                    intact: Callable[[Path], bool], digests: dict[str, str]) -> Audit:
    """Derive, the ledger, the audit and the report over the batch's documents; each file
    they make is written only when it changes (export.together). What one document makes
    from itself alone is made again only when it changes (its `digests` entry): its plans
    are taken from the store, and a child plan whose parent, unit, day and statuses are
    those of its files, or a report page whose document and findings are those it shows,
    `intact` since, is not made again."""
    with _timed(timings, "derive"):
        memo = PlanMemo(store.plans(), digests)
        derived = derive_records(result.documents, rules, result, report, unit, on, memo)
        store.keep_plans(memo.used)
        keys = {r.source.path: document_key(r, texts) for r in result.documents}
        head = unit.name if unit else None
        entries = ledger_entries(result.documents, keys, rules, roster, head)
        result.ledger = store.ledger.sync(entries, Change.now(who, "run"), rules.derive.statuses)
        if head:
            store.ledger.remember_office(head)
        for path, rel, rows in returned:
            _apply_checklist(store, path, rel, rows, rules, who, result)
    with _timed(timings, "audit"):
        checked = audit(result.documents, rules)
    with _timed(timings, "derive"):
        # the reports the named units sent about the batch's plans (the audit resolves what they cite)
        answered, unsure = answers(result.documents, checked.links, keys, store.ledger.rows(), rules, roster)
        result.reports_marked = _mark_reports(store, answered, rules, who)
        result.warnings.extend(InputError(path, why, stage="report") for path, why in unsure)
        status_of = status_lookup(store.ledger.rows(), keys, rules, roster, head)
        write_derived(out / "derived", derived, rules, status_of, intact, digests)
        if roster is not None:  # named units: each gets its own checklist to fill in and return
            write_unit_checklists(out / "checklists", store.ledger.rows(), rules)
    with _timed(timings, "audit"):
        write_audit(out, checked, rules)
    with _timed(timings, "report"):
        write_report(out / "report", result.documents, texts, checked, derived, rules, intact=intact, digests=digests)
    return checked


def _batch_key(version: str, hashes: dict[str, str | None], returned: list[tuple[str, str | None]],
               unit: Unit | None, on: dt.date | None, roster: Roster | None, store: Store) -> str:
    """A digest of everything the cross-document stages read: the rules and the code, every
    input file's path and content, the returned checklists, the unit, the plans' day, the
    named units, the ledger as the last run (or vanban status since) left it, and today
    (the report's timeline marks it)."""
    ledger = store.ledger.digest()
    payload = repr((version, sorted(hashes.items()), sorted(returned), repr(unit), on and on.isoformat(),
                    roster.units if roster is not None else None, ledger, dt.date.today().isoformat()))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _load_manifest(out: Path) -> dict:
    """The last whole run's manifest ({} when there is none, or it cannot be read)."""
    try:
        manifest = json.loads((out / RUN_MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return manifest if isinstance(manifest, dict) else {}


def _as_left(manifest: dict, out: Path) -> Callable[[Path], bool]:
    """Whether an output file is still as the last run left it: there, with the size and
    time the manifest says (a file edited or deleted since is made again)."""
    files = manifest.get("files", {})
    root = str(out)
    prefix = os.path.join(root, "")

    def intact(path: Path | str) -> bool:
        """`path` in OUT, or its name there as the manifest writes it. The paths asked are made
        from OUT: its prefix is cut, not worked out by relpath (0.1 ms a file, issue 17)."""
        full = str(path) if not isinstance(path, str) else os.path.join(root, path)
        name = full[len(prefix):] if full.startswith(prefix) else os.path.relpath(full, root)
        try:
            stat = os.stat(full)
        except OSError:
            return False
        return files.get(name.replace(os.sep, "/")) == [stat.st_size, stat.st_mtime_ns]

    return intact


def _fresh(manifest: dict, key: str, intact: Callable[[Path], bool]) -> bool:
    """The last run read what this run reads (`key`) and left every file as it is now."""
    if manifest.get("key") != key:
        return False
    return all(intact(name) for name in manifest.get("files", {}))


def _reuse(manifest: dict, result: BatchResult, store: Store, writes: Writes, out: Path) -> None:
    """The cross-document stages' part of the result as the last run left it: its derive
    errors and warnings, its returned checklists, and the ledger's rows kept."""
    result.errors.extend(InputError(e["path"], e["cause"], e["stage"]) for e in manifest.get("errors", []))
    result.warnings.extend(InputError(w["path"], w["cause"], w["stage"]) for w in manifest.get("warnings", []))
    result.returned = manifest.get("returned", 0)
    result.ledger = SyncResult(kept=len(store.ledger.rows()))
    result.reused = True
    writes.unchanged.extend(out / name for name in manifest.get("files", {}))


def _save_manifest(out: Path, key: str, writes: Writes, result: BatchResult, version: str,
                   hashes: dict[str, str | None]) -> None:
    """What this run read and every file it left (written or found unchanged), with its
    size and time as on disk now; written last, so a run cut short leaves none that fits."""
    files = {}
    prefix = os.path.join(str(out), "")
    for path in dict.fromkeys(map(str, [*writes.written, *writes.unchanged])):
        try:
            stat = os.stat(path)
        except OSError:
            continue
        # every path is made from OUT: its prefix is cut rather than worked out (issue 17)
        name = path[len(prefix):] if path.startswith(prefix) else os.path.relpath(path, out)
        files[name.replace(os.sep, "/")] = [stat.st_size, stat.st_mtime_ns]
    manifest = {"key": key, "version": version, "inputs": dict(sorted(hashes.items())),
                "files": dict(sorted(files.items())),
                "errors": [e.to_dict() for e in result.errors if e.stage == "derive"],
                "warnings": [w.to_dict() for w in result.warnings], "returned": result.returned}
    write_atomic(out / RUN_MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))


def _apply_checklist(store: Store, path: Path, rel: str, rows: tuple[ReturnedRow, ...], rules: Rules, who: str,
                     result: BatchResult) -> None:
    """A returned checklist into the ledger, dated the day the unit saved it (never later
    than today); each row it cannot apply, a conflict above all, is a warning line."""
    saved = dt.date.fromtimestamp(path.stat().st_mtime)
    change = Change.now(who, "checklist", min(saved, dt.date.today()), source=rel, source_key=_sha256(path))
    applied = apply_returned(store.ledger, rows, change, rules.derive.statuses, rules.derive.done)
    result.returned += 1
    result.returned_changed += applied.changed
    result.warnings.extend(InputError(rel, note, stage="checklist") for note in applied.notes)


def _mark_reports(store: Store, answered: list[Answer], rules: Rules, who: str) -> int:
    """Each answered row done, dated the report's own day, the report as its source; once
    per report (a re-run marks nothing again) and, for a task that does not recur, only
    while it is not done (a second report of a done task is no second completion)."""
    marked = 0
    done = rules.derive.done
    for answer in answered:
        if any(s[8] == answer.document for s in store.ledger.sources(answer.task_id, answer.unit)):
            continue
        row = store.ledger.find(answer.task_id, answer.unit)
        if row.status in done and not row.recurrence:
            continue
        day = min(dt.date.fromisoformat(answer.day), dt.date.today()) if answer.day else None
        change = Change.now(who, "report", day, source=answer.source, source_key=answer.document)
        store.ledger.set_status(answer.task_id, answer.unit, done[0], change, rules.derive.statuses)
        marked += 1
    return marked


@contextmanager
def _heap_frozen() -> Iterator[None]:
    """The objects alive before the block (the batch's records and texts, the rules, the
    modules) left out of the garbage collector's passes inside it: derive makes objects by
    the million, and each full pass walked the whole batch again (half a second at 1,000
    documents, issue 17). What they hold is collected as before once the block ends. A
    process that froze its heap itself is left as it is."""
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


@contextmanager
def _timed(timings: dict[str, float] | None, stage: str) -> Iterator[None]:
    """Adds the seconds the block takes to `timings[stage]` (make bench: the share of each
    stage in a whole run)."""
    start = time.perf_counter()
    try:
        yield
    finally:
        if timings is not None:
            timings[stage] = timings.get(stage, 0.0) + time.perf_counter() - start


# causes that reading the same bytes again may not give: the machine's, not the file's
PASSING = ("too large to read in memory", "cannot open:", "cannot read:", "cannot read .doc: LibreOffice",
           "LibreOffice")


def _lasting(error: InputError) -> bool:
    """Whether a file's failure is its content's, under these rules and this code: kept by
    its hash, the next run says it again without reading (an unreadable file, a damaged or
    password-protected PDF, a refused package, an extraction bug). A timeout, a dead worker,
    OCR, memory and a missing or failing LibreOffice are the machine's: tried again."""
    return error.stage in ("ingest", "extract") and not error.cause.startswith(PASSING)


def _names_file(cause: str, rel: str, path: Path) -> bool:
    """Whether a failure's cause names the file's path (an exception's message may): then it
    is not the content's alone, and a moved copy must not be told the old path."""
    return rel in cause or str(path) in cause or path.name in cause


def _sha256(path: Path) -> str | None:
    """The content hash of a file, or None when it cannot be read (the reader will say why)."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()


def _moved(record: Record, rel: str) -> Record:
    """A cached record of a file that now has another path: every mention of its path moved."""
    old = record.source.path
    if old == rel:
        return record
    data = record.to_dict()
    data["source"]["path"] = rel
    for finding in data["findings"]:
        finding["documents"] = [rel if d == old else d for d in finding["documents"]]
        for quote in finding["evidence"]:
            quote["document"] = rel if quote["document"] == old else quote["document"]
    return Record.from_dict(data)


def derive_records(records: list[Record], rules: Rules, result: BatchResult | None = None, report=None,
                   unit: Unit | None = None, on: dt.date | None = None, memo: PlanMemo | None = None) -> list[Derived]:
    """The child plans of every record (through `memo`, the plans of the last run, when
    given); a record whose derivation fails costs an error line (stage 'derive'), never the
    batch."""
    derived: list[Derived] = []
    for record in records:
        try:
            plans = memo.plans_for(record, rules, unit, on) if memo else plans_for(record, rules, unit, on)
        except Exception as exc:  # a bug in derive must cost this document only
            err = InputError(record.source.path, f"derive failed: {type(exc).__name__}: {exc}", stage="derive")
            if result is not None:
                result.errors.append(err)
            if report:
                report(record.source.path, err)
            continue
        derived.extend(Derived(safe_name(record.source.path), plan) for plan in plans)
    return derived
