"""What the benchmark scripts share: a description of the machine, and progress lines."""

from __future__ import annotations

import os
import platform
import sys


def machine() -> str:
    """CPU model and count, for the report."""
    model = platform.processor() or ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return f"{os.cpu_count()} CPUs, {model or platform.machine()}, {platform.system()}"


def log(message: str) -> None:
    """A progress line on standard error, so that the table on standard output stays clean."""
    print(message, file=sys.stderr, flush=True)
