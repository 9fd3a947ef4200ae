"""`vanban`: parse arguments, loop over files, print. No logic of its own."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from . import rules as rules_module
from .batch import run_batch
from .errors import InputError
from .extract import extract_record
from .ingest import read_document


def _load_rules(overlays: tuple[str, ...]):
    try:
        return rules_module.load(*overlays)
    except rules_module.RulesError as exc:
        raise click.UsageError(f"bad rules: {exc}") from exc


rules_option = click.option(
    "--rules", "overlays", multiple=True, type=click.Path(exists=True, file_okay=False),
    help="An extra rules folder (a province or sector overlay); may be given several times.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="vanban")
def main() -> None:
    """Read Vietnamese official dispatches and turn them into work."""


def _batch(inbox: str, out: str, overlays: tuple[str, ...], as_unit: str | None = None) -> None:
    rules = _load_rules(overlays)
    unit = _unit(as_unit, rules)

    def report(path: str, error: InputError | None) -> None:
        if error is not None:
            click.echo(f"{error.path}: {error.cause}", err=True)

    try:
        result = run_batch(Path(inbox), Path(out), rules, report=report, unit=unit)
    except InputError as err:
        raise click.UsageError(str(err)) from err
    for note in result.skipped:
        click.echo(f"{note}", err=True)
    n = len(result.records) + len(result.errors)
    click.echo(f"{n} files: {len(result.records)} records, {len(result.errors)} failed")
    click.echo(f"records: {Path(out) / 'records.jsonl'}")
    click.echo(f"derived: {Path(out) / 'derived'} (child plans and checklists by unit; summary.xlsx)")
    click.echo(f"errors:  {Path(out) / 'errors.jsonl'}")
    sys.exit(0 if result.ok else 1)


as_option = click.option(
    "--as", "as_unit", help="The receiving unit, e.g. \"Phòng Giáo dục và Đào tạo huyện Mai Sơn\" (default: "
    "default_unit of rules/derive.json, else every unit below the issuer that a document gives work to).")


def _unit(name: str | None, rules):
    from .derive import unit_named

    name = name or rules.derive.default_unit
    try:
        return unit_named(name, rules) if name else None
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc


@main.command()
@click.argument("inbox", type=click.Path(exists=True, file_okay=False))
@click.option("--out", "-o", required=True, type=click.Path(file_okay=False), help="Output folder.")
@as_option
@rules_option
def run(inbox: str, out: str, as_unit: str | None, overlays: tuple[str, ...]) -> None:
    """The whole batch over INBOX and its sub-folders."""
    _batch(inbox, out, overlays, as_unit)


@main.command()
@click.argument("inbox", type=click.Path(exists=True, file_okay=False))
@click.option("--out", "-o", required=True, type=click.Path(file_okay=False), help="Output folder.")
@rules_option
def ingest(inbox: str, out: str, overlays: tuple[str, ...]) -> None:
    """Ingest every file of INBOX into records."""
    _batch(inbox, out, overlays)


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
@click.option("--out", "-o", required=True, type=click.Path(file_okay=False), help="Output folder.")
@rules_option
def derive(record: str, as_unit: str | None, out: str, overlays: tuple[str, ...]) -> None:
    """The child plan and checklists of RECORD (a record .json of OUT/records, or a document)."""
    from .batch import derive_records
    from .derive.files import write_plan
    from .export import safe_name

    rules = _load_rules(overlays)
    unit = _unit(as_unit, rules)
    parent = _record_of(record, rules)
    derived = derive_records([parent], rules, unit=unit)
    if not derived:
        click.echo(f"{record}: the document gives no work to {unit.name if unit else 'any unit below its issuer'}",
                   err=True)
        sys.exit(1)
    for item in derived:
        item = type(item)(safe_name(Path(record).name), item.plan)
        for path in write_plan(Path(out), item, rules):
            click.echo(str(path))


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
