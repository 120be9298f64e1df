"""Hand the heap that loading freed back to the operating system."""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import sys


def release_freed_memory() -> bool:
    """Return freed heap pages to the OS (glibc's malloc_trim); False where it does not apply.

    Loading spaCy, Presidio and the ONNX graph frees tens of MiB of temporaries that glibc
    keeps mapped, so a warm server's RSS stays that much above what it uses (measured 23 MiB).
    """
    if not sys.platform.startswith("linux"):
        return False
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name or "libc.so.6")
        trim = libc.malloc_trim
    except (OSError, AttributeError):  # musl and other libcs have no malloc_trim
        return False
    trim.argtypes = [ctypes.c_size_t]
    trim(0)
    return True


def freeze_loaded_objects() -> int:
    """Move every object alive now out of the garbage collector's reach; return how many.

    The models and tables loaded at start-up are a few hundred thousand objects that live as
    long as the process, and each full collection walked them all: 2.4 ms of collector pauses
    per offline rewrite before, 0.26 ms after (400 rewrites, one process). Freed memory is
    still freed; only cycles among these objects would stay, and they are never dropped anyway.
    """
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()
