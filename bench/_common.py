"""What the benchmark scripts share: a description of the machine, and progress lines."""

from __future__ import annotations

import os
import platform
import resource
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


def peak_rss_mb(*, children: bool = False) -> float:
    """Peak resident memory in MB: of this process, or (`children`) of its largest child.

    A child counts once it has ended and been waited for. ru_maxrss is KB on
    Linux, bytes on macOS.
    """
    who = resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF
    peak = resource.getrusage(who).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024
