"""Batch at scale: workers, the incremental store, crashes of a worker, queries and the
e-office export."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys

import pytest

import pipeline.batch as batch
from pipeline import load_rules
from pipeline.batch import run_batch
from pipeline.export import safe_name
from pipeline.register import check_register_rules, split_number
from pipeline.store import Store
from tests.conftest import copy_inbox

CHAIN = ["d1_sgddt-nghean-kh-duoinuoc-2024", "d1a_pgddt-namdan-kh-duoinuoc-2024", "004_4454b9fc8f55b7a4"]


@pytest.fixture()
def inbox(tmp_path):
    return copy_inbox(tmp_path / "inbox", tuple(CHAIN), {"d1b.docx": "d1b_pgddt-thanhchuong-kh-duoinuoc-2024.vni.docx"})


def _records(out):
    return (out / "records.jsonl").read_text(encoding="utf-8")


def test_two_workers_give_what_one_gives(inbox, tmp_path, rules):
    one, two = tmp_path / "one", tmp_path / "two"
    run_batch(inbox, one, rules, workers=1)
    run_batch(inbox, two, rules, workers=2)
    assert _records(one) == _records(two)
    assert (one / "audit.csv").read_bytes() == (two / "audit.csv").read_bytes()


def test_an_unchanged_rerun_reads_no_file(inbox, tmp_path, rules, monkeypatch):
    out = tmp_path / "out"
    run_batch(inbox, out, rules)
    first = _records(out)

    def refuse(*args, **kwargs):
        raise AssertionError("an unchanged file was read again")

    monkeypatch.setattr(batch, "process_file", refuse)
    run_batch(inbox, out, rules)
    assert _records(out) == first


def _outputs(out) -> dict[str, tuple[int, bytes]]:
    """Every output file, its time and its bytes; the store is not a file of results."""
    return {p.relative_to(out).as_posix(): (p.stat().st_mtime_ns, p.read_bytes())
            for p in sorted(out.rglob("*")) if p.is_file() and not p.name.startswith("vanban.sqlite")}


def _changed(before: dict, after: dict) -> set[str]:
    return {name for name in before.keys() | after.keys() if before.get(name) != after.get(name)}


def test_an_unchanged_rerun_rewrites_nothing(inbox, tmp_path, rules, monkeypatch):
    """Issue 17: a second run over the same inbox and options leaves every output as it is,
    its time too, makes no plan, audit or report again, and says it kept them."""
    out = tmp_path / "out"
    first = run_batch(inbox, out, rules)
    assert first.written > 0 and not first.reused
    before = _outputs(out)

    def refuse(*args, **kwargs):
        raise AssertionError("an unchanged batch was derived, audited or reported again")

    for name in ("derive_records", "audit", "write_derived", "write_audit", "write_report"):
        monkeypatch.setattr(batch, name, refuse)
    again = run_batch(inbox, out, rules)
    assert _outputs(out) == before
    assert again.reused and again.written == 0 and again.unchanged == len(before) - 1  # all but the manifest
    assert [e.to_dict() for e in again.errors] == [e.to_dict() for e in first.errors]
    assert again.ledger is not None and again.ledger.added == 0 and again.ledger.kept == first.ledger.added


def test_a_changed_parent_rewrites_its_own_plans_only(inbox, tmp_path, rules):
    """A parent whose text changes has its child plans and checklists made again; the plans
    of the other parents are not touched."""
    out = tmp_path / "out"
    run_batch(inbox, out, rules)
    before = _outputs(out)
    path = inbox / "004_4454b9fc8f55b7a4.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("1008/KH-SGDĐT", "1009/KH-SGDĐT", 1), encoding="utf-8")
    result = run_batch(inbox, out, rules)
    changed = {name for name in _changed(before, _outputs(out)) if name.startswith("derived/")}
    plans = {name for name in changed if name != "derived/summary.xlsx" and not name.endswith(".keys.json")}
    own = safe_name("004_4454b9fc8f55b7a4.txt")
    assert plans and all(name.split("/")[-1].startswith(own) for name in plans), sorted(plans)
    others = [name for name in before if name.startswith("derived/") and own not in name and name.count("/") == 2]
    assert others and not any(name in changed for name in others)
    assert not result.reused and 0 < result.written < len(before)


def test_a_deleted_or_edited_output_is_made_again(inbox, tmp_path, rules):
    out = tmp_path / "out"
    run_batch(inbox, out, rules)
    before = _outputs(out)
    plan = next(name for name in before if name.startswith("derived/") and name.endswith(".docx"))
    page = next(name for name in before if name.startswith("report/doc-"))
    (out / plan).unlink()
    (out / page).write_text("sửa tay", encoding="utf-8")
    result = run_batch(inbox, out, rules)
    after = _outputs(out)
    assert after[plan][1] == before[plan][1] and after[page][1] == before[page][1]
    assert _changed(before, after) == {plan, page, batch.RUN_MANIFEST}  # the manifest has their new times
    assert result.written == 2


def test_a_new_plan_day_makes_the_plans_again(inbox, tmp_path, rules):
    out = tmp_path / "out"
    run_batch(inbox, out, rules, on=dt.date(2024, 10, 7))
    before = _outputs(out)
    run_batch(inbox, out, rules, on=dt.date(2024, 10, 14))
    changed = _changed(before, _outputs(out))
    plans = [name for name in before if name.startswith("derived/") and name.endswith(".docx")]
    assert plans and all(name in changed for name in plans)


def test_what_a_killed_run_left_waiting_is_removed(inbox, tmp_path, rules):
    """Files wait in OUT/.writing/<pid> until put in place together: the next run removes
    what a run killed meanwhile left there, and leaves nothing there itself."""
    out = tmp_path / "out"
    left = out / batch.STAGING / "4194304"  # above Linux's pid_max: a process that is gone
    left.mkdir(parents=True)
    (left / "0.tmp").write_bytes(b"half")
    run_batch(inbox, out, rules)
    assert not (out / batch.STAGING).exists()
    assert not list(out.rglob("*.tmp"))


def test_files_written_together(tmp_path):
    """export.together: a file that holds what is written keeps its time; of two writes to
    one file the last wins, even when the file held it before the first."""
    from pipeline.export import together, write_atomic

    same, twice = tmp_path / "same.txt", tmp_path / "twice.txt"
    same.write_text("giữ nguyên", encoding="utf-8")
    twice.write_text("cũ", encoding="utf-8")
    before = same.stat().st_mtime_ns
    with together(tmp_path / ".writing") as writes:
        write_atomic(same, "giữ nguyên")
        write_atomic(twice, "mới")
        write_atomic(twice, "cũ")
        assert twice.read_text(encoding="utf-8") == "cũ"  # nothing is in place before the block ends
    assert same.stat().st_mtime_ns == before and twice.read_text(encoding="utf-8") == "cũ"
    assert writes.unchanged == [same] and writes.written == [twice, twice]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["same.txt", "twice.txt"]


@pytest.mark.parametrize("syncfs", [True, False])
def test_staged_files_on_disk_before_they_are_renamed(tmp_path, monkeypatch, syncfs):
    """export.together puts a batch of staged files on disk by one syncfs (Linux), else by an
    fsync of each, and only then renames them into place."""
    from pipeline import export

    calls = []
    if not syncfs:
        monkeypatch.setattr(export, "_syncfs_call", lambda: None)
    real_syncfs, real_fsync, real_replace = export._syncfs, export._fsync, os.replace
    monkeypatch.setattr(export, "_syncfs", lambda folder: calls.append("syncfs") or real_syncfs(folder))
    monkeypatch.setattr(export, "_fsync", lambda tmp: calls.append("fsync") or real_fsync(tmp))
    monkeypatch.setattr(export.os, "replace", lambda a, b: calls.append("rename") or real_replace(a, b))
    with export.together(tmp_path / ".writing"):
        for n in range(3):
            export.write_atomic(tmp_path / "out" / f"{n}.txt", f"tệp {n}")
    synced = ["syncfs"] if syncfs and sys.platform.startswith("linux") else ["syncfs", "fsync", "fsync", "fsync"]
    assert calls == synced + ["rename"] * 3
    for n in range(3):
        assert (tmp_path / "out" / f"{n}.txt").read_text(encoding="utf-8") == f"tệp {n}"


def test_changed_new_removed_and_moved_files(inbox, tmp_path, rules, monkeypatch):
    out = tmp_path / "out"
    run_batch(inbox, out, rules)
    read = []
    original = batch.process_file
    monkeypatch.setattr(batch, "process_file", lambda path, rel, r: read.append(rel) or original(path, rel, r))
    text = (inbox / "004_4454b9fc8f55b7a4.txt").read_text(encoding="utf-8")
    (inbox / "004_4454b9fc8f55b7a4.txt").write_text(text.replace("1008/KH-SGDĐT", "1009/KH-SGDĐT", 1), encoding="utf-8")
    (inbox / "d1a_pgddt-namdan-kh-duoinuoc-2024.txt").unlink()
    (inbox / "sub").mkdir()
    (inbox / "d1_sgddt-nghean-kh-duoinuoc-2024.txt").rename(inbox / "sub" / "d1.txt")
    result = run_batch(inbox, out, rules)
    assert read == ["004_4454b9fc8f55b7a4.txt"]  # the moved file comes from the store
    paths = [r.source.path for r in result.records]
    assert paths == ["004_4454b9fc8f55b7a4.txt", "d1b.docx", "sub/d1.txt"]
    assert next(r for r in result.records if r.source.path.startswith("004")).number == "1009/KH-SGDĐT"
    assert len(list((out / "records").iterdir())) == 3 and len(list((out / "text").iterdir())) == 3


def test_a_worker_that_dies_costs_its_file_only(inbox, tmp_path, rules, monkeypatch):
    (inbox / "boom.txt").write_text("KẾ HOẠCH\nkills its reader", encoding="utf-8")
    original = batch.process_file

    def deadly(path, rel, r):
        if rel == "boom.txt":
            os._exit(3)  # as if killed: no exception, no clean-up
        return original(path, rel, r)

    monkeypatch.setattr(batch, "process_file", deadly)  # the forked workers inherit it
    result = run_batch(inbox, tmp_path / "out", rules, workers=2)
    assert [(e.path, e.stage) for e in result.errors] == [("boom.txt", "worker")]
    assert len(result.records) == 4


@pytest.fixture()
def store(inbox, tmp_path, rules):
    out = tmp_path / "out"
    run_batch(inbox, out, rules)
    with Store(out / "vanban.sqlite") as opened:
        yield opened, out


def test_the_store_holds_the_batch(store):
    db, _ = store
    counts = {t: db.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # noqa: S608
              for t in ("documents", "citations", "tasks", "recipients")}
    assert counts["documents"] == 4 and counts["tasks"] > 40 and counts["citations"] > 10
    cited = db.citing("2156/KH-SGDĐT")
    assert sorted(path for path, _ in cited) == ["d1a_pgddt-namdan-kh-duoinuoc-2024.txt", "d1b.docx"]


def test_full_text_search_without_diacritics(store):
    db, _ = store
    hits = db.search("duoi nuoc")
    assert {path for path, *_ in hits} >= {"d1_sgddt-nghean-kh-duoinuoc-2024.txt", "d1b.docx"}
    assert all("004" not in path for path, *_ in hits)
    assert db.search('"; DROP TABLE documents; --') == []


def test_tasks_by_owner_and_deadline(store):
    db, _ = store
    rows = db.tasks(owner="phong gd", due_before="2024-11-01")
    assert rows and all(end < "2024-11-01" for *_, end, _ in rows)
    assert all("phòng" in owner.casefold() for _, _, owner, *_ in rows)
    assert [end for *_, end, _ in rows] == sorted(end for *_, end, _ in rows)


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "pipeline.cli", *args], capture_output=True, text=True,
                          encoding="utf-8")


def test_search_tasks_and_export_commands(store):
    _, out = store
    found = _cli("search", str(out), "đuối nước")
    assert found.returncode == 0 and "d1b.docx" in found.stdout
    due = _cli("tasks", str(out), "--owner", "Phòng GD", "--due-before", "01/11/2024")
    first = due.stdout.splitlines()[0].split("\t")
    assert due.returncode == 0 and first[0].endswith("/10/2024") and first[2][:1].isupper()
    export = _cli("export", str(out), "--format", "nd30")
    assert export.returncode == 0, export.stderr
    rows = json.loads((out / "export" / "nd30.json").read_text(encoding="utf-8"))
    d1 = next(r for r in rows if r["FileName"].startswith("d1_"))
    assert (d1["CodeNumber"], d1["CodeNotation"], d1["IssuedDate"]) == ("2156", "KH-SGDĐT", "2024-09-27")
    assert (out / "export" / "nd30.csv").read_bytes().startswith("\ufeffFileName,CodeNumber".encode("utf-8"))
    assert _cli("search", str(out / "nowhere"), "x").returncode == 2


def test_register_rules_name_known_values(rules):
    check_register_rules(rules)
    for number, fields in rules.table("register")["nd30"]["examples"].items():
        assert split_number(number) == (fields["CodeNumber"], fields["CodeNotation"])


@pytest.fixture(scope="module")
def rules():
    return load_rules()


def test_an_input_error_crosses_processes_whole():
    import pickle

    from pipeline.errors import InputError

    err = pickle.loads(pickle.dumps(InputError("a.pdf", "damaged PDF", stage="ingest")))
    assert (err.path, err.cause, err.stage, str(err)) == ("a.pdf", "damaged PDF", "ingest", "a.pdf: damaged PDF")


def test_a_dask_cluster_gives_what_a_local_run_gives(inbox, tmp_path, rules):
    from distributed import LocalCluster

    local, remote = tmp_path / "local", tmp_path / "dask"
    run_batch(inbox, local, rules, workers=1)
    with LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as cluster:
        result = run_batch(inbox, remote, rules, scheduler=cluster)
    assert not result.errors
    assert _records(local) == _records(remote)
    assert (local / "audit.csv").read_bytes() == (remote / "audit.csv").read_bytes()


def test_heap_frozen_only_inside_the_cross_document_stages():
    """batch._heap_frozen: the collector leaves the objects alive before the block out of its
    passes inside it, and counts them again after; a heap the process froze itself stays so."""
    import gc

    assert gc.get_freeze_count() == 0
    with batch._heap_frozen():
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with batch._heap_frozen():
            pass
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
