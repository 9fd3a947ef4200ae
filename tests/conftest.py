"""Shared fixtures: the rules and every sample document are read once per test run."""

from __future__ import annotations

import difflib
import functools
from pathlib import Path

import pytest

from pipeline import load_rules, read_document
from pipeline.document import Document

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
INBOX = SAMPLES / "inbox"
VARIANTS = INBOX / "variants"
REAL = INBOX / "real"
GOLD_DOCS = sorted(INBOX.glob("*.txt"))


@pytest.fixture(scope="session")
def rules():
    return load_rules()


@pytest.fixture(autouse=True)
def _pillow_bomb_limit():
    """Reading a file sets Pillow's global bomb limit from its rules; a test that reads
    under a tiny limit must not leave it for the test helpers that draw pages."""
    from PIL import Image

    before = Image.MAX_IMAGE_PIXELS
    yield
    Image.MAX_IMAGE_PIXELS = before


@functools.cache
def read_cached(path: str) -> Document:
    return read_document(Path(path), load_rules(), display=Path(path).name)


def words(document: Document, pages: int | None = None) -> list[str]:
    return " ".join(ln.text for p in document.pages[:pages] for ln in p.lines if ln.block != "margin").split()


def similarity(a: list[str], b: list[str]) -> float:
    """Word-sequence similarity (difflib ratio) of two clean texts."""
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def copy_inbox(folder: Path, texts: tuple[str, ...] = (), variants: dict[str, str] | None = None) -> Path:
    """An inbox of sample documents: the gold texts named by stem, and variants (file name
    in the inbox: variant file name)."""
    import shutil

    folder.mkdir(parents=True, exist_ok=True)
    for stem in texts:
        shutil.copy(INBOX / f"{stem}.txt", folder / f"{stem}.txt")
    for name, variant in (variants or {}).items():
        shutil.copy(VARIANTS / variant, folder / name)
    return folder
