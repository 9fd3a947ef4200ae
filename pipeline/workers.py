"""Running the per-file work of a batch in parallel worker processes.

`process_file` (batch.py) is a pure function of one file and the rules, so files are
handed to a pool of processes (one per core unless told otherwise) and their results
gathered in any order. A worker that dies (killed, out of memory, a crash in a C library)
breaks the pool: the files still in flight are tried again one by one in a fresh worker,
and a file that kills its worker again is reported failed, one line, while the others
finish.

Cores the files leave idle read pages: one long scan with 2 workers has its pages read two
at a time (ocr.page_threads), and so have 2 files with 4 workers. A long scan that comes
last in a big batch is still read one page at a time while the other workers are done.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from pathlib import Path

from .errors import InputError
from .ingest.ocr import page_threads
from .rules import Rules

_RULES: Rules | None = None  # each worker's rules, set once when it starts
_PAGES = 1  # each worker's pages read at once (ocr.page_threads)


def _start(rules: Rules, pages: int = 1) -> None:
    global _RULES, _PAGES
    _RULES, _PAGES = rules, pages


def _work(path: Path, rel: str):
    return _in_process(path, rel, _RULES)


def _work_many(files: list[tuple[Path, str]]) -> list:
    with page_threads(_PAGES):
        return [_in_process(path, rel, _RULES) for path, rel in files]


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def process_all(files: list[tuple[Path, str]], rules: Rules, workers: int,
                done: Callable[[str, object], None]) -> None:
    """Call `done(rel, Processed or InputError)` for every file, as each finishes."""
    if workers <= 1 or len(files) <= 1:
        with page_threads(workers):  # one file: its pages on the cores
            for path, rel in files:
                done(rel, _in_process(path, rel, rules))
        return
    warm(rules)  # the workers are forked from this process: they start with all of it built
    finished: set[str] = set()
    # a few files a task: fewer round trips, and still some tasks left for a worker that finishes early
    size = max(1, min(8, len(files) // (workers * 6)))
    chunks = [files[i:i + size] for i in range(0, len(files), size)]
    pages = max(1, workers // len(chunks))  # fewer files than workers: the rest read their pages
    with ProcessPoolExecutor(max_workers=min(workers, len(chunks)), initializer=_start,
                             initargs=(rules, pages)) as pool:
        futures: dict[Future, list[tuple[Path, str]]] = {pool.submit(_work_many, chunk): chunk for chunk in chunks}
        try:
            for future in as_completed(futures):
                for (_, rel), outcome in zip(futures[future], future.result()):
                    done(rel, outcome)
                    finished.add(rel)
        except BrokenProcessPool:
            pass  # the files still in flight are retried below, one worker each
    for path, rel in files:
        if rel not in finished:
            done(rel, _alone(path, rel, rules))


def warm(rules: Rules) -> None:
    """Build what extraction builds on first use (the spaCy pipeline, the compiled finders)
    by extracting a small dispatch, so that forked workers do not each build it again."""
    from .document import Document, Line, Page
    from .extract import extract_record

    text = ["SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Số: 1/KH-SGDĐT", "Hà Nội, ngày 01 tháng 10 năm 2024", "KẾ HOẠCH", "Thử",
            "Căn cứ Quyết định số 2/QĐ-UBND ngày 01/9/2024 của UBND tỉnh;", "I. TỔ CHỨC THỰC HIỆN",
            "1. Phòng Giáo dục và Đào tạo", "- Báo cáo trước ngày 15/10/2024.", "Nơi nhận:", "- Lưu: VT.", "GIÁM ĐỐC"]
    extract_record(Document("warm.txt", "0" * 64, "txt", (Page(1, tuple(Line(t) for t in text)),)), rules)


class _Expired(BaseException):
    """The file's time is up. A BaseException: the readers' `except Exception` must not
    swallow it."""


@contextmanager
def time_limit(seconds: float):
    """Raise _Expired in this process after `seconds` (0: never). Only the main thread of
    a process can take the alarm; elsewhere (a Dask worker's threads) there is no limit."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum, frame):
        raise _Expired()

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _in_process(path: Path, rel: str, rules: Rules):
    from .batch import process_file

    limit = rules.ingest.max_seconds_per_file
    try:
        with time_limit(limit):
            return process_file(path, rel, rules)
    except InputError as err:
        return err
    except _Expired:
        return InputError(rel, f"stopped after {limit:g} s (max_seconds_per_file in rules/ingest.json); "
                               "the other files go on", stage="timeout")


def _alone(path: Path, rel: str, rules: Rules):
    """One file in a worker of its own: if it dies again, the file is what kills it."""
    with ProcessPoolExecutor(max_workers=1, initializer=_start, initargs=(rules,)) as pool:
        try:
            return pool.submit(_work, path, rel).result()
        except BrokenProcessPool:
            return InputError(rel, "the worker reading this file died (killed, out of memory or crashed); "
                                   "the other files are done", stage="worker")


def _dask_work(path: str, rel: str, rules: Rules):
    return _in_process(Path(path), rel, rules)


def process_all_dask(files: list[tuple[Path, str]], rules: Rules, scheduler: str | object,
                     done: Callable[[str, object], None]) -> None:
    """The same per-file work on a Dask distributed cluster: `scheduler` is its address
    ('tcp://10.0.0.5:8786') or a Cluster object. The workers must see the inbox at the same
    path (a shared folder); the rules are sent to each worker once."""
    from distributed import Client
    from distributed import as_completed as dask_completed

    with Client(scheduler) as client:
        shared = client.scatter(rules, broadcast=True)
        futures = {client.submit(_dask_work, str(path), rel, shared, key=f"vanban-{i}-{rel}", pure=False): rel
                   for i, (path, rel) in enumerate(files)}
        for future in dask_completed(futures):
            rel = futures[future]
            try:
                outcome = future.result()
            except Exception as exc:  # a worker lost with the file, or a failure in the cluster
                outcome = InputError(rel, f"the cluster could not process it: {type(exc).__name__}: {exc}",
                                     stage="worker")
            done(rel, outcome)
