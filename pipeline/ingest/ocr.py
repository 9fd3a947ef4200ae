"""Scanned pages and images: Tesseract with its Vietnamese data, rotation and skew fixed.

Words come back with their boxes and go through the same column pass as a PDF page,
so a scanned header still comes out as two blocks. Tesseract is a system package
(`tesseract-ocr`, `tesseract-ocr-vie`); without it a scan is a clear error.

Tesseract is kept loaded, one engine a worker (tesslib.py), rather than started for each
reading; where its library cannot be loaded, each reading starts a `tesseract` process.
"""

from __future__ import annotations

import functools
import io
import os
import shutil
import subprocess
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import Future
from contextlib import contextmanager
from dataclasses import dataclass, replace

import regex

from .. import normalise
from ..document import Line, Page
from ..errors import InputError
from ..normalise import Row, Segment
from ..rules import Rules
from . import pdftables, scantables, signature

INSTALL_HINT = "install Tesseract with its Vietnamese data: apt-get install tesseract-ocr tesseract-ocr-vie"


@dataclass(frozen=True)
class Word:
    x0: float
    top: float
    x1: float
    bottom: float
    text: str
    stamp: bool = False  # printed by a form field's appearance (ingest/stamps.py)


class TesseractEnvironment(Mapping):
    """The environment of every Tesseract process vanban starts: the user's, as it is at each
    call, with OMP_THREAD_LIMIT=1. Tesseract's OpenMP threads spin against each other when
    the cores are shared (issue 17: a page took 9.4 s, system time close to user time, where
    one thread a process took about 1 s); the workers already use the cores. The user's own
    environment is left as it is for everything else."""

    LIMITS = {"OMP_THREAD_LIMIT": "1"}

    def __getitem__(self, key: str) -> str:
        return self.LIMITS[key] if key in self.LIMITS else os.environ[key]

    def __iter__(self) -> Iterator[str]:
        yield from os.environ
        yield from (k for k in self.LIMITS if k not in os.environ)

    def __len__(self) -> int:
        return len(set(os.environ) | set(self.LIMITS))


def _pytesseract():
    """pytesseract, its Tesseract processes started in TesseractEnvironment (pytesseract
    passes its module's `environ` to each process it starts, and takes no environment of
    its own)."""
    import pytesseract
    from pytesseract import pytesseract as module

    if not isinstance(module.environ, TesseractEnvironment):
        module.environ = TesseractEnvironment()
    return pytesseract


@functools.lru_cache(maxsize=4)
def _list_langs(command: str) -> tuple[str, ...]:
    """The lines of `tesseract --list-langs` for the Tesseract at `command`, asked once a process."""
    done = subprocess.run([command, "--list-langs"], capture_output=True, env=TesseractEnvironment(), timeout=60)
    if done.returncode not in (0, 1):
        raise RuntimeError(done.stderr.decode("utf-8", "replace").strip() or f"exit status {done.returncode}")
    return tuple(done.stdout.decode("utf-8", "replace").splitlines())


def _languages(command: str) -> frozenset[str]:
    """The languages the Tesseract at `command` has data for."""
    return frozenset(line.strip() for line in _list_langs(command)[1:] if line.strip())


def _tessdata(command: str) -> str | None:
    """The folder of the language data the Tesseract at `command` reads (the first line of
    `tesseract --list-langs`: 'List of all languages available in "DIR/" (3):')."""
    match = regex.search(r'"([^"]+)"', (_list_langs(command) or ("",))[0])
    return match.group(1) if match else None


def tesseract_ready(languages: str) -> str | None:
    """None when OCR can run, else the reason it cannot."""
    command = shutil.which("tesseract")
    if command is None:
        return f"Tesseract is not installed; {INSTALL_HINT}"
    try:
        have = _languages(command)
    except Exception as exc:  # a broken install answers with an error, not a list
        return f"Tesseract does not run ({exc}); {INSTALL_HINT}"
    missing = [lang for lang in languages.split("+") if lang not in have]
    if missing:
        return f"Tesseract has no {'+'.join(missing)} language data; {INSTALL_HINT}"
    return None


def read_image(data: bytes, name: str, rules: Rules) -> tuple[list[Page], list[str]]:
    from PIL import Image, ImageSequence

    try:
        image = Image.open(io.BytesIO(data))
        frames = [frame.copy() for frame in ImageSequence.Iterator(image)]
    except Image.DecompressionBombError as exc:
        raise InputError(name, f"refused: image is larger than {rules.ingest.max_image_pixels} pixels") from exc
    except Exception as exc:
        raise InputError(name, f"not a readable image ({type(exc).__name__})") from exc
    if len(frames) > rules.ingest.max_pages:
        raise InputError(name, f"{len(frames)} pages, over the limit of {rules.ingest.max_pages}")
    reason = tesseract_ready(rules.ingest.ocr_languages)
    if reason:
        raise InputError(name, f"cannot read a scan: {reason}", stage="ocr")
    pages, warnings = [], []
    dpi = _image_dpi(image)
    if _THREADS["pages"] > 1 and len(frames) > 1:  # the frames of a long TIFF on the idle cores
        readings = list(_pool(_THREADS["pages"]).map(
            lambda numbered: read_page_image(numbered[1], numbered[0], dpi, rules), enumerate(frames, start=1)))
    else:
        readings = (read_page_image(frame, number, dpi, rules) for number, frame in enumerate(frames, start=1))
    for reading in readings:
        lines, notes = page_lines(reading, rules)
        pages.append(Page(reading.number, tuple(lines), ocr=True))
        warnings.extend(notes)
    return pages, warnings


def _image_dpi(image) -> float:
    dpi = image.info.get("dpi")
    try:
        value = float(dpi[0]) if dpi else 0.0
    except (TypeError, ValueError, IndexError):
        value = 0.0
    return value if 70 <= value <= 1200 else 300.0


@dataclass
class Reading:
    """A page image as Tesseract read it, before its lines are laid out: what one page
    costs, and what does not depend on the pages before it (page_lines does)."""

    image: object  # the page as given, in colour
    number: int
    dpi: float
    width: float  # of the page as read (turned, its skew undone), in points
    words: list[Word]
    turns: list[tuple[float, int]]  # what was done to the page, to do it to the colours too
    warnings: list[str]
    grids: tuple[scantables.Grid, ...] = ()  # the ruled tables of the page as read


def read_page_image(image, number: int, dpi: float, rules: Rules) -> Reading:
    """Tesseract's words of one page image, speckles filtered, skew and rotation undone."""
    from PIL import Image

    warnings: list[str] = []
    # a 3x3 median removes the speckles of scanners and fax copies; Tesseract reads
    # each speckle as a stray glyph otherwise and the column pass sees false gaps
    clean = median3(to_gray(image))
    gray, turns = _deskewed(clean, [], rules)
    words, confidence, grids = _read_ruled(gray, dpi, rules)
    if confidence < 55 or len(words) < 10 or _sideways(words, rules.ingest.ocr_sideways_share):
        # poor reading: perhaps the page lies sideways or upside down (orientation
        # detection costs a second Tesseract run, so only pages that need it pay); a page
        # turned a quarter is read well word by word, its lines running down the page
        # (the landscape appendix of KH 1254/KH-BGDĐT scanned upright): its words stand tall
        _, degrees = _upright(gray, warnings, number)
        if degrees:
            # the skew measured across a sideways page's lines is no skew: the page is turned as
            # scanned and its skew measured again upright (a table's rules then run straight,
            # and are found: scantables)
            gray, turns = _deskewed(clean.rotate(-degrees, expand=True, fillcolor=255),
                                    [(-degrees, Image.NEAREST)], rules)
            words, confidence, grids = _read_ruled(gray, dpi, rules)
    return Reading(image, number, dpi, gray.width * 72.0 / dpi, words, turns, warnings, tuple(grids))


def _read_ruled(gray, dpi: float, rules: Rules) -> tuple[list[Word], float, list[scantables.Grid]]:
    """Tesseract's words of a page and the ruled tables found on it: a table is read with its
    rules painted out (scantables.erased), its words laid in its cells afterwards."""
    grids = scantables.find_grids(gray, dpi)
    words, confidence = tesseract_words(scantables.erased(gray, grids, dpi) if grids else gray, dpi, rules)
    return words, confidence, grids


def _deskewed(gray, turns: list[tuple[float, int]], rules: Rules):
    """`gray` with its skew undone, and `turns` with that turn added when there was one."""
    from PIL import Image

    angle = estimate_skew(gray, rules.ingest.ocr_max_skew_degrees)
    if abs(angle) < 0.2:
        return gray, turns
    return (gray.rotate(angle, resample=Image.BICUBIC, expand=True, fillcolor=255),
            [*turns, (angle, Image.BICUBIC)])


def page_lines(reading: Reading, rules: Rules, footer_cut: float | None = None) -> tuple[list[Line], list[str]]:
    """The clean lines of a page read (`footer_cut` as for `layout_words`), its signature
    zone read again when it gives no signer's name (signature.reread)."""
    image, number, dpi, width = reading.image, reading.number, reading.dpi, reading.width
    warnings = list(reading.warnings)
    if reading.grids:
        lines = _ruled_tables(reading, rules, footer_cut)
    else:
        lines = layout_words(reading.words, width, number, rules.ingest.ocr_repairs, footer_cut)

    def colour_page():
        page = image.convert("RGB")
        if len(reading.turns) == 1:  # the skew undone: only the zone is turned (TurnedPage)
            return TurnedPage(page, *reading.turns[0]), dpi
        for degrees, resample in reading.turns:
            page = page.rotate(degrees, resample=resample, expand=True, fillcolor=(255, 255, 255))
        return page, dpi

    lines = signature.reread(lines, width, number, rules, colour_page)
    if sum(len(ln.text) for ln in lines) < rules.ingest.ocr_min_text_chars:
        warnings.append(f"[ocr] page {number}: almost no text found on the scanned page")
    return lines, warnings


def _ruled_tables(reading: Reading, rules: Rules, footer_cut: float | None) -> list[Line]:
    """The page's lines with each ruled table read row by row (scantables)."""
    grids = reading.grids
    repairs = rules.ingest.ocr_repairs

    def cell_text(words: list[Word]) -> str:
        return normalise.repair(normalise.clean_line(
            " ".join(segment.text for row in group_rows(words) for segment in row.segments)), repairs)

    outside, inside = scantables.split_words(reading.words, grids)
    lines = layout_words(outside, reading.width, reading.number, repairs, footer_cut)
    for grid, rows in zip(grids, inside):
        table = [pdftables.row_line(scantables.row_cells(band, grid.columns, words, cell_text), reading.number,
                                    (grid.columns[0], band.top, grid.columns[-1], band.bottom))
                 for band, words in zip(grid.bands, rows)]
        at = next((i for i, line in enumerate(lines) if line.bbox and line.bbox[1] > grid.bands[0].top), len(lines))
        lines[at:at] = [row for row in table if row.text]
    return lines


class TurnedPage:
    """A colour page as `Image.rotate(degrees, resample, expand=True)` turns it, white where
    the turn leaves no page, made only where it is cropped: the signature zone is a tenth of
    the page, and turning a whole colour page costs about 0.3 s (issue 17). The matrix is
    Pillow's own; `crop` pads with black beyond the turned page as a Pillow image does."""

    def __init__(self, image, degrees: float, resample: int) -> None:
        import math

        self._image, self._resample = image, resample
        w, h = image.size
        angle = -math.radians(degrees)
        a, b = round(math.cos(angle), 15), round(math.sin(angle), 15)
        d, e = round(-math.sin(angle), 15), round(math.cos(angle), 15)

        def apply(x: float, y: float, c: float, f: float) -> tuple[float, float]:
            return a * x + b * y + c, d * x + e * y + f

        c, f = apply(-w / 2, -h / 2, 0.0, 0.0)
        c, f = c + w / 2, f + h / 2
        corners = [apply(x, y, c, f) for x, y in ((0, 0), (w, 0), (w, h), (0, h))]
        self.width = math.ceil(max(x for x, _ in corners)) - math.floor(min(x for x, _ in corners))
        self.height = math.ceil(max(y for _, y in corners)) - math.floor(min(y for _, y in corners))
        self.size = (self.width, self.height)
        c, f = apply(-(self.width - w) / 2.0, -(self.height - h) / 2.0, c, f)
        self._matrix = (a, b, c, d, e, f)

    def crop(self, box: tuple[int, int, int, int]):
        from PIL import Image

        left, top, right, bottom = box
        out = Image.new("RGB", (right - left, bottom - top), (0, 0, 0))
        x0, y0, x1, y1 = max(left, 0), max(top, 0), min(right, self.width), min(bottom, self.height)
        if x1 > x0 and y1 > y0:
            a, b, c, d, e, f = self._matrix
            part = self._image.transform((x1 - x0, y1 - y0), Image.AFFINE,
                                         (a, b, a * x0 + b * y0 + c, d, e, d * x0 + e * y0 + f),
                                         resample=self._resample, fillcolor=(255, 255, 255))
            out.paste(part, (x0 - left, y0 - top))
        return out


_THREADS = {"pages": 1}  # how many pages of one document this process reads at once
_POOL: dict[str, object] = {}  # {"pid", "size", "pool"}: this process's page readers


@contextmanager
def page_threads(count: int):
    """Read up to `count` pages of a scan at once in this process, while inside. For a batch
    that leaves cores idle (one long scan, or fewer files than workers: workers.py): the
    Tesseract library runs without Python's lock, so threads of one process use the cores.
    The readings are the same; only the time changes."""
    before = _THREADS["pages"]
    _THREADS["pages"] = max(1, count)
    try:
        yield
    finally:
        _THREADS["pages"] = before


def _pool(size: int):
    """This process's page readers, kept from document to document (each thread keeps its
    Tesseract engine loaded, tesslib.py); a forked worker makes its own."""
    from concurrent.futures import ThreadPoolExecutor

    if _POOL.get("pid") != os.getpid() or _POOL.get("size") != size:
        if _POOL.get("pid") == os.getpid():
            _POOL["pool"].shutdown(wait=True)  # type: ignore[attr-defined]
        _POOL.update(pid=os.getpid(), size=size, pool=ThreadPoolExecutor(size, thread_name_prefix="vanban-ocr"))
    return _POOL["pool"]


def reading_threads() -> int:
    """How many pages of one document this process reads at once (page_threads)."""
    return _THREADS["pages"]


class ReadAhead:
    """The pages of a scan read ahead of the page being laid out, up to page_threads() at
    once. `pages()`: the indexes that are likely to go to OCR (no text at all), asked only
    when there are threads to read them; `render(index)` gives (image, dpi), called in this
    thread only (pdfium is not thread-safe). A page asked for that was not read ahead is
    read by the caller as before."""

    def __init__(self, pages: Callable[[], list[int]], render: Callable[[int], tuple[object, float]],
                 rules: Rules) -> None:
        self._threads = _THREADS["pages"]
        self._find: Callable[[], list[int]] | None = pages if self._threads > 1 else None
        self._pages: list[int] = []
        self._render, self._rules = render, rules
        self._flight: dict[int, Future] = {}
        self._next = 0  # the next of self._pages to start

    def take(self, index: int) -> Reading | None:
        """Page `index` read (None: not read ahead), and the pages after it started."""
        if self._find is not None:
            found, self._find = self._find(), None
            self._pages = found if len(found) > 1 else []
        for page in [p for p in self._flight if p < index]:  # read ahead but not wanted
            self._flight.pop(page).cancel()
        while self._next < len(self._pages) and (len(self._flight) < self._threads
                                                  or self._pages[self._next] <= index):
            page = self._pages[self._next]
            self._next += 1
            if page >= index:
                image, dpi = self._render(page)
                self._flight[page] = _pool(self._threads).submit(read_page_image, image, page + 1, dpi, self._rules)
        future = self._flight.pop(index, None)
        return future.result() if future is not None else None

    def close(self) -> None:
        for future in self._flight.values():
            future.cancel()
        for future in self._flight.values():
            if not future.cancelled():
                future.exception()  # wait: the page's reading holds the engine of its thread
        self._flight.clear()

    def __enter__(self) -> ReadAhead:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()


def median3(image):
    """Pillow's `MedianFilter(3)` of the image, the same pixels, at a fifth of its time on a
    grey page (issue 17: 0.3–0.6 s a page at 300 dpi). The median of a 3×3 window is the
    median of three numbers: the greatest of its columns' least, the median of its columns'
    medians and the least of its columns' greatest; each column's three sorted once serve
    the three windows it belongs to. The edges repeat the border pixels, as Pillow's
    `expand` does before its rank filter. An image other than grey is left to Pillow."""
    import numpy as np
    from PIL import Image, ImageFilter

    if image.mode != "L":
        return image.filter(ImageFilter.MedianFilter(3))
    pixels = np.pad(np.asarray(image), 1, mode="edge")
    above, here, below = pixels[:-2], pixels[1:-1], pixels[2:]
    low, high = np.minimum(above, here), np.maximum(above, here)
    middle = np.maximum(low, np.minimum(high, below))
    low, high = np.minimum(low, below), np.maximum(high, below)

    def median(a, b, c):
        return np.maximum(np.minimum(a, b), np.minimum(np.maximum(a, b), c))

    least = np.maximum(np.maximum(low[:, :-2], low[:, 1:-1]), low[:, 2:])
    greatest = np.minimum(np.minimum(high[:, :-2], high[:, 1:-1]), high[:, 2:])
    return Image.fromarray(median(least, median(middle[:, :-2], middle[:, 1:-1], middle[:, 2:]), greatest))


def to_gray(image):
    """Grey page for OCR. A colour scan gives its red channel: the red seal and red ink
    of Vietnamese decisions vanish there, while the black print stays dark (the seal
    over the signer's name otherwise hides the whole signature block from Tesseract)."""
    if image.mode in ("RGB", "RGBA", "P", "CMYK"):
        return image.convert("RGB").getchannel("R")
    return image.convert("L")


def tesseract_words(image, dpi: float, rules: Rules, psm: int = 3, origin: tuple[float, float] = (0.0, 0.0),
                    noise_conf: float = 40.0, config: str = "") -> tuple[list[Word], float]:
    """Tesseract's words with boxes in points, and their mean confidence. `origin` is where
    the image's top-left corner sits on the page (a crop); a word under `noise_conf` with
    fewer than two letters or digits is noise read as punctuation and left out; `config`
    adds Tesseract options (rules/ingest.json)."""
    rows = _read_loaded(image, rules.ingest.ocr_languages, psm, config)
    if rows is None:
        rows = _read_by_process(image, rules.ingest.ocr_languages, psm, config)
    scale = 72.0 / dpi
    words, confs = [], []
    for left, top, width, height, conf, text in rows:
        text = (text or "").strip()
        if not text or conf < 0 or (conf < noise_conf and not regex.search(r"[\p{L}\d]{2}", text)):
            continue
        x, y, w, h = left * scale, top * scale, width * scale, height * scale
        x, y = x + origin[0], y + origin[1]
        words.append(Word(x, y, x + w, y + h, text))
        confs.append(conf)
    return words, (sum(confs) / len(confs) if confs else 0.0)


Row5 = tuple[int, int, int, int, float, str]  # left, top, width, height (pixels), confidence, text


def _read_by_process(image, languages: str, psm: int, config: str) -> list[Row5]:
    """One `tesseract` process for this reading (pytesseract)."""
    pytesseract = _pytesseract()
    data = pytesseract.image_to_data(image, lang=languages, config=f"--psm {psm} {config}".strip(),
                                     output_type=pytesseract.Output.DICT)
    return [(data["left"][i], data["top"][i], data["width"][i], data["height"][i], float(data["conf"][i]), text)
            for i, text in enumerate(data["text"])]


def _read_loaded(image, languages: str, psm: int, config: str) -> list[Row5] | None:
    """The reading by the engine this worker keeps loaded (tesslib.py); None when there is
    none, or `config` holds an option only the command line takes: the caller starts a process."""
    from . import tesslib

    variables = _variables(config)
    command = shutil.which("tesseract")
    if variables is None or command is None:
        return None
    try:
        data = _tessdata(command)  # the command's data folder: both ways read with the same model
    except Exception:
        return None
    engine = tesslib.engine(data, languages)
    if engine is None:
        return None
    if image.mode not in ("L", "RGB"):
        image = image.convert("L" if image.mode in ("1", "I", "F", "LA", "I;16") else "RGB")
    tsv = engine.tsv(image.tobytes(), image.width, image.height, 1 if image.mode == "L" else 3, psm, variables)
    if tsv is None:
        return None
    rows = []
    for line in tsv.splitlines():
        cells = line.split("\t")
        if len(cells) >= 12 and cells[0] == "5":  # level 5: a word
            left, top, width, height = (int(v) for v in cells[6:10])
            # the confidence as pytesseract reads it, cut to a whole number (95.43: 95), so that
            # both ways keep and drop the same words
            rows.append((left, top, width, height, float(int(float(cells[10]))), cells[11]))
    return rows


def _variables(config: str) -> list[tuple[str, str]] | None:
    """`-c name=value` options as (name, value) pairs; None when `config` holds anything else."""
    parts = config.split()
    if len(parts) % 2 or any(flag != "-c" or "=" not in option for flag, option in zip(parts[::2], parts[1::2])):
        return None
    return [(option.split("=", 1)[0], option.split("=", 1)[1]) for option in parts[1::2]]


def _sideways(words: list[Word], share: float) -> bool:
    """Whether most words of three letters or more are taller than wide: the lines of the
    page run up or down it. Upright pages of the samples have at most 2% such words (a
    dropped capital, a stamp's letters), pages lying on their side 98%."""
    long = [w for w in words if len(w.text) >= 3]
    return bool(long) and sum(w.bottom - w.top > w.x1 - w.x0 for w in long) > share * len(long)


def _upright(gray, warnings: list[str], number: int):
    """A page scanned sideways or upside down, turned upright (Tesseract's orientation
    detection), and the degrees it was turned by (0: left as it was)."""
    pytesseract = _pytesseract()

    try:
        osd = pytesseract.image_to_osd(gray, config="--psm 0 -c min_characters_to_try=20")
    except Exception:  # too little text to tell the orientation: leave it as it is
        return gray, 0
    match = regex.search(r"Rotate:\s*(\d+)", osd)
    confidence = regex.search(r"Orientation confidence:\s*([\d.]+)", osd)
    rotate = int(match.group(1)) if match else 0
    if rotate and (confidence is None or float(confidence.group(1)) >= 1.5):
        warnings.append(f"[ocr] page {number}: turned {rotate} degrees to read it")
        return gray.rotate(-rotate, expand=True, fillcolor=255), rotate
    return gray, 0


def estimate_skew(gray, max_degrees: float) -> float:
    """The small rotation (degrees, counter-clockwise) that makes text rows horizontal.

    Projection profile: rotated the right way, dark pixels gather in sharp rows, so the
    row sums vary the most.
    """
    import numpy as np
    from PIL import Image

    small = gray.copy()
    small.thumbnail((800, 800))
    ink = small.point(lambda v: 255 if v < 160 else 0)
    best, best_score = 0.0, -1.0
    steps = int(max_degrees / 0.25)
    for k in range(-steps, steps + 1):
        angle = k * 0.25
        rotated = ink.rotate(angle, resample=Image.NEAREST, expand=False, fillcolor=0)
        rows = np.asarray(rotated, dtype=np.float32).sum(axis=1)
        score = float(np.var(np.diff(rows)))
        if score > best_score:
            best, best_score = angle, score
    return best


def layout_words(words: list[Word], width: float, page: int,
                 repairs: tuple[tuple[regex.Pattern, str], ...] = (),
                 footer_cut: float | None = None) -> list[Line]:
    """Rows of positioned words → lines, with the column and paragraph passes; `repairs`
    (rules/ingest.json) undo what OCR does to document numbers; `footer_cut`: the page
    before ended inside its Nơi nhận/signer table, divided there (normalise.split_columns)."""
    rows = group_rows(words)
    lines = normalise.split_columns(rows, width, page, first_page=page == 1, footer_cut=footer_cut)
    lines = [replace(ln, text=normalise.repair(normalise.clean_line(ln.text), repairs)) for ln in lines]
    rights = sorted(ln.bbox[2] for ln in lines if ln.bbox and ln.block == "body" and ln.text)
    wrap = rights[int(0.9 * (len(rights) - 1))] if rights else None
    return [ln for ln in normalise.join_paragraphs(lines, wrap) if ln.text]


def group_rows(words: list[Word], gap_factor: float = 1.2) -> list[Row]:
    """Cluster words into printed rows by their vertical middle; split rows into segments
    where the horizontal gap is much wider than a space."""
    if not words:
        return []
    ordered = sorted(words, key=lambda w: ((w.top + w.bottom) / 2, w.x0))
    clusters: list[list[Word]] = []
    for word in ordered:
        middle = (word.top + word.bottom) / 2
        height = max(1.0, word.bottom - word.top)
        if clusters:
            last = clusters[-1]
            tops = sorted(w.top for w in last)
            bottoms = sorted(w.bottom for w in last)
            top, bottom = tops[len(tops) // 2], bottoms[len(bottoms) // 2]
            lmid = (top + bottom) / 2
            # a list dash sits low in its row (diacritics raise the row's top): small marks
            # join the row their middle falls in; words join by the distance of middles
            small = len(word.text) <= 2 and not regex.search(r"[\p{L}\d]", word.text)
            if (small and top <= middle <= bottom) or abs(middle - lmid) <= 0.5 * min(height, bottom - top) + 0.5:
                last.append(word)
                continue
        clusters.append([word])
    rows = []
    for cluster in clusters:
        cluster.sort(key=lambda w: w.x0)
        height = sorted(w.bottom - w.top for w in cluster)[len(cluster) // 2]
        limit = max(gap_factor * height, 6.0)
        segments: list[list[Word]] = [[cluster[0]]]
        for word in cluster[1:]:
            if word.x0 - segments[-1][-1].x1 > limit:
                segments.append([word])
            else:
                segments[-1].append(word)
        rows.append(Row(
            tuple(Segment(s[0].x0, s[-1].x1, " ".join(w.text for w in s), any(w.stamp for w in s))
                  for s in segments),
            min(w.top for w in cluster), max(w.bottom for w in cluster)))
    return rows
