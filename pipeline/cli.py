"""`vanban`: parse arguments, loop over files, print. No logic of its own."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path

import click

from . import rules as rules_module
from .batch import run_batch
from .errors import InputError
from .extract import check_rules, extract_record
from .ingest import read_document


def _load_rules(overlays: tuple[str, ...]):
    context = click.get_current_context(silent=True)
    roots = tuple(context.meta.get("vanban.trust_roots", ())) if context else ()
    try:
        rules = rules_module.load(*overlays, trust_roots=roots)
        check_rules(rules)
        return rules
    except rules_module.RulesError as exc:
        raise click.UsageError(f"bad rules: {exc}") from exc


def _keep_trust_roots(context: click.Context, _param, value: tuple[str, ...]) -> None:
    context.meta["vanban.trust_roots"] = value


def rules_option(command):
    """--rules (an overlay folder) and --trust-roots (certificates), on every command."""
    command = click.option(
        "--trust-roots", multiple=True, type=click.Path(exists=True, file_okay=False),
        expose_value=False, callback=_keep_trust_roots,
        help="A folder of trusted root certificates (PEM or DER) that the signatures of signed "
             "PDFs are checked against; may be given several times.")(command)
    return click.option(
        "--rules", "overlays", multiple=True, type=click.Path(exists=True, file_okay=False),
        help="An extra rules folder (a province or sector overlay); may be given several times.")(command)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="vanban")
def main() -> None:
    """Read Vietnamese official dispatches and turn them into work."""


def _batch(inbox: str, out: str, overlays: tuple[str, ...], as_unit: str | None = None,
           workers: int | None = None, scheduler: str | None = None, on: dt.date | None = None,
           units_file: str | None = None, ingest_only: bool = False) -> None:
    from .batch import discover
    from .workers import default_workers

    rules = _load_rules(overlays)
    roster = _roster(units_file, rules)
    unit = _unit(as_unit, rules, roster)
    total = len(discover(Path(inbox))[0])
    bar = click.progressbar(length=total, label="vanban", file=sys.stderr) if sys.stderr.isatty() else None
    seen = 0

    def report(path: str, error: InputError | None) -> None:
        nonlocal seen
        seen += 1
        if error is not None:
            if bar is not None:
                click.echo("", err=True)
            click.echo(f"{error.path}: {error.cause}", err=True)
        if bar is not None:
            bar.update(1)
        elif seen <= total:
            click.echo(f"vanban: {seen}/{total} files read", err=True)

    try:
        result = run_batch(Path(inbox), Path(out), rules, report=report, unit=unit, on=on,
                           workers=workers or default_workers(), scheduler=scheduler, roster=roster, who=_who(),
                           ingest_only=ingest_only)
    except InputError as err:
        raise click.UsageError(str(err)) from err
    except Exception as exc:  # the outputs could not be written (a full disk, a read-only folder), or a bug
        if os.environ.get("VANBAN_DEBUG"):
            raise
        cause = getattr(exc, "strerror", None) or f"{type(exc).__name__}: {exc}"
        where = getattr(exc, "filename", None) or out
        # a writer half-way through (openpyxl's temporary files) would print its own failure
        # again while it is collected: the line below says it all
        sys.unraisablehook = lambda unraisable: None
        click.echo(f"{where}: cannot write the outputs ({cause}); the outputs of the previous run are left "
                   "as they were (VANBAN_DEBUG=1 shows the traceback)", err=True)
        sys.exit(1)
    finally:
        if bar is not None:
            bar.render_finish()
    for note in result.skipped:
        click.echo(f"{note}", err=True)
    for warning in result.warnings:
        click.echo(f"{warning.path}: {warning.cause}", err=True)
    n = len(result.records) + len([e for e in result.errors if e.stage != "derive"])
    click.echo(f"{n} files: {len(result.records)} records, {len(result.errors)} failed")
    click.echo(f"records: {Path(out) / 'records.jsonl'}")
    if ingest_only:
        click.echo(f"text:    {Path(out) / 'text'} (the clean text of each file)")
    else:
        click.echo(f"derived: {Path(out) / 'derived'} (child plans and checklists by unit; summary.xlsx)")
        click.echo(f"audit:   {Path(out) / 'audit.xlsx'}, report: {Path(out) / 'report' / 'index.html'}")
    click.echo(f"store:   {Path(out) / 'vanban.sqlite'} (vanban search, vanban tasks)")
    kept = " (nothing the plans, audit and report read has changed)" if result.reused else ""
    click.echo(f"outputs: {result.written} files written, {result.unchanged} unchanged{kept}")
    if result.ledger is not None:
        change = result.ledger
        click.echo(f"ledger:  {change.added} rows added, {change.kept + change.back} kept, {change.gone} gone "
                   "(vanban due, vanban status)")
    if result.returned:
        click.echo(f"returned checklists: {result.returned}, {result.returned_changed} ledger rows changed, "
                   f"{len([w for w in result.warnings if w.stage == 'checklist'])} rows not applied")
    if result.reports_marked:
        click.echo(f"incoming reports: {result.reports_marked} ledger rows done")
    click.echo(f"errors:  {Path(out) / 'errors.jsonl'}")
    click.echo(f"warnings: {Path(out) / 'warnings.jsonl'} ({len(result.warnings)})")
    sys.exit(0 if result.ok else 1)


as_option = click.option(
    "--as", "as_unit", help="The receiving unit, e.g. \"Phòng Giáo dục và Đào tạo huyện Mai Sơn\" (default: "
    "default_unit of rules/derive.json, else every unit below the issuer that a document gives work to).")


def _unit(name: str | None, rules, roster=None):
    from .derive import Unit, unit_named

    name = name or rules.derive.default_unit
    named = roster.find(name, rules.hierarchy) if roster is not None and name else None
    if named is not None:
        # the units file says what kind of unit it is: no need to guess it from its name
        name = " ".join(name.split())
        return Unit(named.classes[0], name, rules.hierarchy.place_of(name))
    try:
        return unit_named(name, rules) if name else None
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc


def _roster(units_file: str | None, rules):
    """The named units of --units FILE; a bad file costs one line, `file: row N: cause`, exit 2."""
    from .roster import UnitsFileError, load_units

    if not units_file:
        return None
    if rules.roster is None:
        raise click.UsageError("--units needs rules/roster.json and rules/hierarchy.json")
    try:
        return load_units(Path(units_file), rules.roster)
    except UnitsFileError as exc:
        click.echo(str(exc), err=True)
        sys.exit(2)


def _who() -> str:
    """Who makes a change: the user's login name (the history says who did what)."""
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "vanban"


units_option = click.option(
    "--units", "units_file", type=click.Path(exists=True, dir_okay=False),
    help="The named units below the office (CSV or XLSX: tên đơn vị, loại, đơn vị cấp trên, địa chỉ liên hệ): "
         "a task for a class of units is tracked for each named unit of it.")


workers_option = click.option("--workers", "-j", type=click.IntRange(min=1),
                              help="Worker processes (default: one per core).")
date_option = click.option("--date", "plan_date", type=click.DateTime(["%Y-%m-%d", "%d/%m/%Y"]),
                           help="The day the child plans are issued (default: today): every derived deadline "
                                "comes after it and no later than the parent's.")


@main.command()
@click.argument("inbox", type=click.Path(exists=True, file_okay=False))
@click.option("--out", "-o", required=True, type=click.Path(file_okay=False), help="Output folder.")
@as_option
@date_option
@workers_option
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Where the per-file work runs: worker processes here, or a Dask cluster.")
@click.option("--scheduler", help="The Dask scheduler's address (tcp://HOST:8786) for --engine dask.")
@units_option
@rules_option
def run(inbox: str, out: str, as_unit: str | None, plan_date: dt.datetime | None, workers: int | None, engine: str,
        scheduler: str | None, units_file: str | None, overlays: tuple[str, ...]) -> None:
    """The whole batch over INBOX and its sub-folders."""
    if engine == "dask" and not scheduler:
        raise click.UsageError("--engine dask needs --scheduler ADDRESS (the Dask scheduler, tcp://HOST:8786)")
    _batch(inbox, out, overlays, as_unit, workers, scheduler if engine == "dask" else None,
           plan_date.date() if plan_date else dt.date.today(), units_file)


@main.command()
@click.argument("inbox", type=click.Path(exists=True, file_okay=False))
@click.option("--out", "-o", required=True, type=click.Path(file_okay=False), help="Output folder.")
@workers_option
@rules_option
def ingest(inbox: str, out: str, workers: int | None, overlays: tuple[str, ...]) -> None:
    """Ingest every file of INBOX: records, text, errors and the store; no child plans, audit
    or report (vanban run makes those)."""
    _batch(inbox, out, overlays, workers=workers, ingest_only=True)


def _read(file: str, overlays: tuple[str, ...]):
    rules = _load_rules(overlays)
    try:
        return read_document(Path(file), rules, display=file), rules
    except InputError as err:
        click.echo(f"{err.path}: {err.cause}", err=True)
        sys.exit(1)


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@rules_option
def text(file: str, overlays: tuple[str, ...]) -> None:
    """Print the clean text ingest produced for FILE (UTF-8)."""
    document, _ = _read(file, overlays)
    sys.stdout.buffer.write((document.text + "\n").encode("utf-8"))


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--html", "html_out", type=click.Path(dir_okay=False),
              help="Also write a page showing where each field came from.")
@rules_option
def show(file: str, html_out: str | None, overlays: tuple[str, ...]) -> None:
    """Print the record of FILE as JSON."""
    document, rules = _read(file, overlays)
    record = extract_record(document, rules)
    if html_out:
        from .export import write_atomic
        from .html import render

        write_atomic(Path(html_out), render(document, record))
    payload = json.dumps(record.to_dict(), ensure_ascii=False, indent=2) + "\n"
    sys.stdout.buffer.write(payload.encode("utf-8"))


@main.command()
@click.argument("record", type=click.Path(exists=True, dir_okay=False))
@as_option
@date_option
@click.option("--out", "-o", required=True, type=click.Path(file_okay=False), help="Output folder.")
@units_option
@rules_option
def derive(record: str, as_unit: str | None, plan_date: dt.datetime | None, out: str, units_file: str | None,
           overlays: tuple[str, ...]) -> None:
    """The child plan and checklists of RECORD (a record .json of OUT/records, or a document)."""
    from .batch import derive_records
    from .derive.files import write_plan
    from .export import safe_name

    rules = _load_rules(overlays)
    unit = _unit(as_unit, rules, _roster(units_file, rules))
    parent = _record_of(record, rules)
    derived = derive_records([parent], rules, unit=unit, on=plan_date.date() if plan_date else dt.date.today())
    if not derived:
        click.echo(f"{record}: the document gives no work to {unit.name if unit else 'any unit below its issuer'}",
                   err=True)
        sys.exit(1)
    for item in derived:
        item = type(item)(safe_name(Path(record).name), item.plan)
        for path in write_plan(Path(out), item, rules):
            click.echo(str(path))


def _store(out: str):
    from .store import Store

    path = Path(out) / "vanban.sqlite"
    if not path.is_file():
        raise click.UsageError(f"{out}: no vanban.sqlite here; run `vanban run INBOX --out {out}` first")
    return Store(path)


@main.command()
@click.argument("out", type=click.Path(exists=True, file_okay=False))
@click.argument("query")
@click.option("--limit", default=20, show_default=True, help="At most this many documents.")
def search(out: str, query: str, limit: int) -> None:
    """Documents of the batch in OUT whose text has every word of QUERY (diacritics optional)."""
    with _store(out) as store:
        for path, number, title, snippet in store.search(query, limit):
            click.echo(f"{path}\t{number or '-'}\t{title or ''}\n    {snippet}")


@main.command()
@click.argument("out", type=click.Path(exists=True, file_okay=False))
@click.option("--owner", help="Tasks whose owner contains this (e.g. \"phòng GDĐT\").")
@click.option("--due-before", type=click.DateTime(["%Y-%m-%d", "%d/%m/%Y"]), help="Deadline before this day.")
@click.option("--due-after", type=click.DateTime(["%Y-%m-%d", "%d/%m/%Y"]), help="Deadline on or after this day.")
def tasks(out: str, owner: str | None, due_before, due_after) -> None:
    """The tasks of the batch in OUT, by deadline: deadline (dd/mm/yyyy, as documents write it),
    owner, task (with a capital, as a checklist prints it), document."""
    from .derive.schedule import vn_date

    with _store(out) as store:
        for path, number, who, action, end, text in store.tasks(
                owner, due_before.date().isoformat() if due_before else None,
                due_after.date().isoformat() if due_after else None):
            duty = action[:1].upper() + action[1:]
            click.echo(f"{vn_date(end) if end else text or '-'}\t{who}\t{duty}\t{number or path}")


@main.command()
@click.argument("out", type=click.Path(exists=True, file_okay=False))
@click.option("--format", "fmt", type=click.Choice(["nd30"]), default="nd30", show_default=True,
              help="nd30: the incoming-document register of Nghị định 30/2020 Phụ lục VI.")
@rules_option
def export(out: str, fmt: str, overlays: tuple[str, ...]) -> None:
    """The records of OUT in the field names of an e-office register, as CSV and JSON."""
    from .register import write_register

    rules = _load_rules(overlays)
    with _store(out) as store:
        for path in write_register(store, Path(out), rules, fmt):
            click.echo(str(path))


DAY = click.DateTime(["%Y-%m-%d", "%d/%m/%Y"])


@main.command()
@click.argument("out", type=click.Path(exists=True, file_okay=False))
@click.argument("task")
@click.option("--unit", "-u", required=True, help="The unit whose row it is, as the ledger names it.")
@click.option("--set", "status", required=True, help="The new status, e.g. \"Đã hoàn thành\" (derive.json statuses).")
@click.option("--note", help="A note kept with the row.")
@click.option("--person", help="The person in charge of the row.")
@click.option("--by", "who", help="Who makes the change (default: your login name).")
@click.option("--date", "day", type=DAY, help="The day it happened, if not today (a report received on Friday).")
@rules_option
def status(out: str, task: str, unit: str, status: str, note: str | None, person: str | None, who: str | None,
           day, overlays: tuple[str, ...]) -> None:
    """Set the status of TASK (its id in the ledger) for one unit; the history keeps the change."""
    from .ledger import Change, LedgerError

    rules = _load_rules(overlays)
    with _store(out) as store:
        change = Change.now(who or _who(), "cli", day.date() if day else None)
        try:
            row = store.ledger.set_status(task, unit, status, change, rules.derive.statuses, rules.hierarchy,
                                          note=note, person=person)
        except LedgerError as exc:
            click.echo(f"vanban status: {exc}", err=True)
            sys.exit(2)
    click.echo(f"{row.task_id}\t{row.unit}\t{row.status}")


@main.command()
@click.argument("out", type=click.Path(exists=True, file_okay=False))
@click.option("--today", type=DAY, help="The day to count from (default: today).")
@click.option("--within", type=click.IntRange(min=0), help="Days ahead that count as due soon (default: derive.json).")
@click.option("--unit", "-u", help="Only this unit's rows.")
@click.option("--all", "everything", is_flag=True, help="Also the rows done, not yet due, or without a date.")
@click.option("--json", "as_json", is_flag=True, help="A JSON array instead of the table.")
@rules_option
def due(out: str, today, within: int | None, unit: str | None, everything: bool, as_json: bool,
        overlays: tuple[str, ...]) -> None:
    """Overdue and due-soon tasks of the ledger in OUT, by unit, against today."""
    from .derive.schedule import vn_date
    from .ledger import due_rows

    rules = _load_rules(overlays)
    day = today.date() if today else dt.date.today()
    until = day + dt.timedelta(days=rules.derive.within_days if within is None else within)
    words = dict(rules.derive.deadline_classes)
    with _store(out) as store:
        rows = store.ledger.rows()
        if unit:
            mine = [r for r in rows if _same_unit(r.unit, unit, rules)]
            if not mine:
                units = sorted({r.unit for r in rows})
                click.echo(f"vanban due: no unit {unit!r} in the ledger; its units: {'; '.join(units)}", err=True)
                sys.exit(2)
            rows = mine
        found = due_rows(rows, store.ledger.completions(rules.derive.done), day, until)
    if not everything:
        found = [d for d in found if d.deadline_class in ("open_late", "open_on_time")]
    if as_json:
        payload = json.dumps([d.to_dict(words) for d in found], ensure_ascii=False, indent=1) + "\n"
        sys.stdout.buffer.write(payload.encode("utf-8"))
        return
    soon = sum(d.deadline_class == "open_on_time" for d in found)
    click.echo(f"Ngày {vn_date(day.isoformat())}: {sum(d.overdue for d in found)} quá hạn, "
               f"{soon} đến hạn đến ngày {vn_date(until.isoformat())}")
    current = None
    for item in found:
        if item.unit != current:
            current = item.unit
            click.echo(f"\n{current}")
            click.echo(f"  {'Thời hạn':<10}  {'Mã':<10}  {'Tình trạng':<26}  {'Văn bản':<16}  Nhiệm vụ")
        deadline = vn_date(item.due.isoformat()) if item.due else (item.deadline_text or "-")[:10]
        action = item.action if len(item.action) <= 70 else item.action[:69] + "…"
        click.echo(f"  {deadline:<10}  {item.task_id:<10}  {words.get(item.deadline_class or '', item.status):<26}  "
                   f"{item.number or '-':<16}  {action}")


@main.command()
@click.argument("out", type=click.Path(exists=True, file_okay=False))
@click.option("--today", type=DAY, help="The day of the công văn, counted from (default: today).")
@click.option("--unit", "-u", help="Only this unit, if it is late.")
@as_option
@rules_option
def remind(out: str, today, unit: str | None, as_unit: str | None, overlays: tuple[str, ...]) -> None:
    """Draft the công văn đôn đốc to the units with overdue tasks, and a message to each,
    under OUT/remind/<date>/."""
    from .derive.schedule import vn_date
    from .ledger import due_rows
    from .remind import Reminder, late_units, reply_day, write_reminders

    rules = _load_rules(overlays)
    if rules.remind is None:
        raise click.UsageError("vanban remind needs rules/remind.json")
    day = today.date() if today else dt.date.today()
    with _store(out) as store:
        office = _unit(as_unit or store.ledger.office(), rules)
        if office is None:
            click.echo("vanban remind: which office signs? give --as \"Phòng Giáo dục và Đào tạo huyện ...\" "
                       "(or run the batch with --as)", err=True)
            sys.exit(2)
        rows = store.ledger.rows()
        if unit:
            rows = [r for r in rows if _same_unit(r.unit, unit, rules)]
            if not rows:
                units = sorted({r.unit for r in store.ledger.rows()})
                click.echo(f"vanban remind: no unit {unit!r} in the ledger; its units: {'; '.join(units)}", err=True)
                sys.exit(2)
        found = due_rows(rows, store.ledger.completions(rules.derive.done), day, day)
        late = late_units(found, rows, store.records(), rules, office.name)
    reminder = Reminder(office, day, reply_day(day, rules), tuple(late))
    written = write_reminders(Path(out), reminder, rules)
    tasks = sum(len(u.tasks) for u in late)
    click.echo(f"Ngày {vn_date(day.isoformat())}: {len(late)} đơn vị có {tasks} nhiệm vụ quá hạn")
    for path in written:
        click.echo(str(path))


def _same_unit(name: str, asked: str, rules) -> bool:
    from .normalise import bare

    def fold(text: str) -> str:
        return " ".join(bare(text).lower().split())

    return fold(name) == fold(asked) or rules.hierarchy.name_words(name) == rules.hierarchy.name_words(asked)


def _record_of(file: str, rules):
    """A record from its JSON file, or read from the document itself."""
    from .record import Record

    if file.lower().endswith(".json"):
        try:
            return Record.from_dict(json.loads(Path(file).read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError) as exc:
            click.echo(f"{file}: not a vanban record: {exc}", err=True)
            sys.exit(1)
    document, _ = _read(file, ())
    return extract_record(document, rules)


if __name__ == "__main__":
    main()
