"""Tesseract kept loaded: the system's own library (libtesseract) through its C API.

Starting a `tesseract` process for each reading (pytesseract) loads the language model
again every time and passes the page through a PNG file that is written and decoded; on the
real scans that cost about a third more than the reading itself (issue 17). Here each
worker keeps one engine with the language data loaded and hands it the page's pixels.

It is the library the `tesseract` command runs, with the same data, so a page reads the
same, word for word and box for box: the tesserocr wheel brings a Tesseract of its own
(5.5 where Debian has 5.3), whose readings of the real scans differ (an issuer and a
signer lost), so it is not used. Where the library cannot be found or loaded, ocr.py starts
a process a reading as before.

One engine a thread (a Tesseract engine reads one page at a time; a Dask worker runs
threads) and a process (a forked worker makes its own). The library is run on one OpenMP
thread, as TesseractEnvironment runs the processes.
"""

from __future__ import annotations

import atexit
import ctypes
import ctypes.util
import logging
import os
import threading

_LOCAL = threading.local()  # this thread's engines: {(data folder, languages): Engine or None}
_ALL: list[Engine] = []  # every engine this process made, ended at exit
_LIBRARY: list = []  # [the loaded library, or None when it cannot be loaded]
_LOCK = threading.Lock()
# Leptonica, the image library Tesseract runs on, writes its own complaints to the process's
# stderr ('Error in boxClipToRectangle: box outside rectangle' on a speck at a scan's edge, QĐ
# 349/QĐ-UBND Lâm Đồng); the reading goes on and the user can do nothing with them: they go
# to this logger at debug level, as the messages of a `tesseract` process are dropped
_LOG = logging.getLogger(__name__)
_MESSAGE = ctypes.CFUNCTYPE(None, ctypes.c_char_p)


class Engine:
    """One Tesseract with its languages loaded."""

    def __init__(self, lib, handle: int) -> None:
        self._lib, self._handle = lib, handle

    def tsv(self, pixels: bytes, width: int, height: int, depth: int, psm: int,
            variables: list[tuple[str, str]]) -> str | None:
        """Tesseract's TSV of an image of `depth` bytes a pixel (1 grey, 3 RGB), read with page
        segmentation `psm` and the string variables set for this reading only; None when one
        of the variables is none that can be set and put back (the caller starts a process).

        No resolution is given: Tesseract estimates it from the text, as it does for the PNG
        pytesseract writes."""
        lib, handle = self._lib, self._handle
        before = []
        for name, _ in variables:
            value = lib.TessBaseAPIGetStringVariable(handle, name.encode())
            if value is None:
                return None
            before.append((name, value))
        try:
            for name, value in variables:
                lib.TessBaseAPISetVariable(handle, name.encode(), value.encode())
            lib.TessBaseAPISetPageSegMode(handle, psm)
            lib.TessBaseAPISetImage(handle, pixels, width, height, depth, width * depth)
            text = lib.TessBaseAPIGetTsvText(handle, 0)
            if not text:
                return ""
            try:
                return ctypes.string_at(text).decode("utf-8", "replace")
            finally:
                lib.TessDeleteText(text)
        finally:
            lib.TessBaseAPIClear(handle)
            for name, value in before:
                lib.TessBaseAPISetVariable(handle, name.encode(), value)

    def end(self) -> None:
        if self._handle:
            self._lib.TessBaseAPIDelete(self._handle)
            self._handle = 0


def engine(data: str | None, languages: str) -> Engine | None:
    """This thread's engine for `languages` with the data in the folder `data` (None: the
    library's default), made on first use; None when the library or the data cannot be loaded."""
    engines = getattr(_LOCAL, "engines", None)
    if engines is None or _LOCAL.pid != os.getpid():
        engines = _LOCAL.engines = {}
        _LOCAL.pid = os.getpid()
    key = (data, languages)
    if key not in engines:
        engines[key] = _make(data, languages)
    return engines[key]


def _make(data: str | None, languages: str) -> Engine | None:
    lib = _library()
    if lib is None:
        return None
    if lib.omp_set_num_threads is not None:
        lib.omp_set_num_threads(1)  # this thread's OpenMP regions: one thread
    handle = lib.TessBaseAPICreate()
    if not handle:
        return None
    # Tesseract's messages ('Estimating resolution as 472') go nowhere, as pytesseract drops them
    lib.TessBaseAPISetVariable(handle, b"debug_file", b"/dev/null")
    if lib.TessBaseAPIInit3(handle, data.encode() if data else None, languages.encode()) != 0:
        lib.TessBaseAPIDelete(handle)
        return None
    made = Engine(lib, handle)
    with _LOCK:
        _ALL.append(made)
    return made


def _library():
    """libtesseract with the argument types of the functions used, loaded once a process;
    None when it is not there."""
    with _LOCK:
        if not _LIBRARY:
            _LIBRARY.append(_load())
        return _LIBRARY[0]


def _load():
    name = ctypes.util.find_library("tesseract")
    if name is None:
        return None
    # OpenMP reads its thread limit when it is loaded with the library; the process's own
    # environment is as it was afterwards
    had = os.environ.get("OMP_THREAD_LIMIT")
    os.environ["OMP_THREAD_LIMIT"] = "1"
    try:
        lib = ctypes.CDLL(name)
        handle, text, string = ctypes.c_void_p, ctypes.c_void_p, ctypes.c_char_p
        functions = {
            "TessBaseAPICreate": (handle, []),
            "TessBaseAPIDelete": (None, [handle]),
            "TessBaseAPIInit3": (ctypes.c_int, [handle, string, string]),
            "TessBaseAPISetVariable": (ctypes.c_int, [handle, string, string]),
            "TessBaseAPIGetStringVariable": (string, [handle, string]),
            "TessBaseAPISetPageSegMode": (None, [handle, ctypes.c_int]),
            "TessBaseAPISetImage": (None, [handle, string, ctypes.c_int, ctypes.c_int, ctypes.c_int, ctypes.c_int]),
            "TessBaseAPIGetTsvText": (text, [handle, ctypes.c_int]),
            "TessDeleteText": (None, [text]),
            "TessBaseAPIClear": (None, [handle]),
        }
        for function, (result, arguments) in functions.items():
            getattr(lib, function).restype = result
            getattr(lib, function).argtypes = arguments
    except (OSError, AttributeError):  # not a loadable library, or one without the C API
        return None
    finally:
        if had is None:
            os.environ.pop("OMP_THREAD_LIMIT", None)
        else:
            os.environ["OMP_THREAD_LIMIT"] = had
    try:
        lib.omp_set_num_threads.argtypes = [ctypes.c_int]
    except AttributeError:  # a Tesseract built without OpenMP
        lib.omp_set_num_threads = None
    lib.leptonica_messages = _quiet_leptonica()
    return lib


def _to_log(message: bytes | None) -> None:
    if message:
        _LOG.debug("leptonica: %s", message.decode("utf-8", "replace").rstrip())


def _quiet_leptonica():
    """Leptonica's messages sent to the log, not to stderr; the handler, kept with the library
    so that it lives as long (None where Leptonica cannot be loaded or takes no handler)."""
    name = ctypes.util.find_library("lept") or ctypes.util.find_library("leptonica")
    if name is None:
        return None
    try:
        leptonica = ctypes.CDLL(name)
        handler = _MESSAGE(_to_log)
        leptonica.leptSetStderrHandler.argtypes = [_MESSAGE]
        leptonica.leptSetStderrHandler.restype = None
        leptonica.leptSetStderrHandler(handler)
    except (OSError, AttributeError):
        return None
    return handler


@atexit.register
def _end_all() -> None:
    """End the engines before the library's own teardown, which otherwise reports the
    language data still in use as leaks."""
    with _LOCK:
        for made in _ALL:
            made.end()
        _ALL.clear()
