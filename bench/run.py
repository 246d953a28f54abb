"""Throughput, start-up and memory of cleantext, against baselines measured in the same run.

    python3 bench/run.py [--docs 3000] [--big-mb 100]

Prints MB/s on one core for the floor (split and join of each document), ftfy.fix_text,
and cleantext's presets (with explained edits, and the plain path), each with its ratio
to ftfy and to the floor; the command's start-up over a bare ``python -c pass``; and the
peak memory of the command on one large document, as a multiple of its size. It is not a
test: the numbers are for reading, and the targets are in issue 5 and bench/README.md.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cleantext import Cleaner, Config
from corpus import generate


def throughput(name: str, work: Callable[[str], object], documents: list[str]) -> float:
    """MB/s of UTF-8 input per CPU-second of this process, best of three passes: CPU time
    and the best pass are the least disturbed by other load on a shared machine."""
    size = sum(len(doc.encode("utf-8")) for doc in documents)
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        for document in documents:
            work(document)
        best = min(best, time.process_time() - started)
    rate = size / best / 1e6
    print(f"  {name:<34} {rate:9.1f} MB/s")
    return rate


def floor(document: str) -> str:
    return "\n".join(document.split("\n"))


def measure_throughput(count: int) -> None:
    import ftfy

    documents = list(generate(count))
    size = sum(len(doc.encode("utf-8")) for doc in documents)
    print(f"throughput, one core, {count} documents, {size / 1e6:.1f} MB")
    rates = {"floor": throughput("floor: split and join", floor, documents)}
    rates["ftfy"] = throughput("ftfy.fix_text", ftfy.fix_text, documents)
    for preset in ("default", "strict"):
        cleaner = Cleaner(Config(preset=preset))
        rates[f"{preset} explain"] = throughput(
            f"cleantext {preset}, explained", cleaner.explain, documents
        )
        rates[f"{preset} clean"] = throughput(
            f"cleantext {preset}, plain", cleaner.clean, documents
        )
    print("ratios")
    for name in ("default explain", "default clean", "strict explain", "strict clean"):
        print(
            f"  {name:<34} {rates[name] / rates['ftfy']:6.1f}x ftfy.fix_text"
            f"   floor is {rates['floor'] / rates[name]:6.1f}x faster"
        )


def _median_seconds(command: list[str], stdin: bytes, runs: int = 15) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, input=stdin, stdout=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def measure_startup() -> None:
    small = next(generate(1)).encode("utf-8")
    bare = _median_seconds([sys.executable, "-c", "pass"], b"")
    command = _median_seconds([sys.executable, "-m", "cleantext"], small)
    imported = _median_seconds([sys.executable, "-c", "import cleantext"], b"")
    print("start-up, median of 15 runs")
    print(f"  python -c pass                     {bare * 1000:7.1f} ms")
    print(f"  python -c 'import cleantext'       {imported * 1000:7.1f} ms")
    print(f"  cleantext < one document           {command * 1000:7.1f} ms")
    print(f"  cleantext over bare python         {(command - bare) * 1000:7.1f} ms")


_PEAK = """
import resource, subprocess, sys
with open(sys.argv[1], "rb") as source:
    subprocess.run([sys.executable, "-m", "cleantext"], stdin=source,
                   stdout=subprocess.DEVNULL, check=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024)
"""


def measure_memory(megabytes: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.txt"
        with path.open("w", encoding="utf-8") as handle:
            written = 0
            for document in generate(megabytes * 450, seed=99):
                handle.write(document + "\n")
                written += len(document.encode("utf-8")) + 1
                if written >= megabytes * 1_000_000:
                    break
        size = path.stat().st_size
        baseline = _peak(Path(os.devnull))
        started = time.perf_counter()
        peak = _peak(path)
        elapsed = time.perf_counter() - started
    print(f"memory, one document of {size / 1e6:.0f} MB through the command")
    print(f"  peak RSS {peak / 1e6:.0f} MB ({baseline / 1e6:.0f} MB for an empty input)")
    print(f"  peak / document size {peak / size:.2f}x, {size / 1e6 / elapsed:.1f} MB/s")


def _peak(path: Path) -> int:
    result = subprocess.run(
        [sys.executable, "-c", _PEAK, str(path)], capture_output=True, text=True, check=True
    )
    return int(result.stdout.strip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=3000, help="documents for throughput")
    parser.add_argument("--big-mb", type=int, default=100, help="size of the large document")
    args = parser.parse_args()
    measure_throughput(args.docs)
    measure_startup()
    measure_memory(args.big_mb)


if __name__ == "__main__":
    main()
