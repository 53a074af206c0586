"""Do overlapping or killed `brief digest` runs lose articles?

Three kinds of trial, each repeated ``--trials`` times on article sets this
script writes from its own templates (no outside data):

* ``update``: a digest of a base set exists; two ``--update`` runs with two
  new sets start at the same moment. Expected: every article of all three
  sets in the final record and the digest file.
* ``plain``: two runs without ``--force`` or ``--update`` start at the same
  moment on an empty folder. Expected: one writes, the other exits 1 (the file
  exists) -- never both exit 0 with one run's articles silently replaced.
* ``kill``: a ``--update`` run is killed with SIGKILL after a random delay,
  then the same ``--update`` is run again. Expected: every article of the base
  set and the new set in the end; right after the kill, no partial file and a
  record holding every article the digest file shows.

An article is *lost* when a run that exited 0 (or a base digest) included it
and the final record or digest file does not. Also reported: runs that
waited for the lock, digest files whose hash differs from their record's, and
tracebacks on stderr.

    python benchmarks/digest_concurrency.py                 # 20 trials of each kind
    python benchmarks/digest_concurrency.py --trials 5 --articles 10
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATE = "2026-03-14"

TOWNS = ["Ashford", "Belmont", "Carrow", "Dunmore", "Elsworth", "Fairhaven", "Glenrock", "Halston", "Ironbridge"]
TOPICS = [
    ("library", "council approved a new public library", "reading rooms and a children's wing"),
    ("bridge", "engineers closed the old river bridge", "a steel replacement span"),
    ("school", "the school board voted to extend the school day", "longer lessons in mathematics"),
    ("market", "traders opened a new covered market", "forty stalls and a bakery"),
    ("clinic", "health officials opened a walk-in clinic", "evening hours for workers"),
    ("park", "volunteers planted trees across the central park", "native oaks and maples"),
]
NAMES = ["Maria Lund", "Tomas Reyes", "Ana Petrova", "Joel Okafor", "Lena Brandt", "Omar Haddad"]


def article(set_name: str, number: int, rng: random.Random) -> tuple[str, str]:
    """(title, text) of one short fictional article; the title is unique to (set, number)."""
    town, (topic, event, detail) = rng.choice(TOWNS), rng.choice(TOPICS)
    name, amount, votes = rng.choice(NAMES), rng.randint(2, 90), rng.randint(3, 9)
    title = f"{town} {topic} report {set_name}-{number:03d}"
    body = [
        f"The {town} {event} on Monday after a vote of {votes} to 2, officials said.",
        f"The plan costs about ${amount} million and includes {detail}, according to the town budget office.",
        f'"This is what people in {town} asked us for," said {name}, who chairs the {topic} committee.',
        f"Work is expected to start in {rng.choice(['March', 'May', 'June', 'September'])} and to last {rng.randint(6, 30)} months.",
        f"Residents can read the full {topic} plan at the town hall from next week.",
    ]
    return title, f"{title}\n\n" + "\n\n".join(body) + "\n"


def write_set(folder: Path, set_name: str, count: int, rng: random.Random) -> set[str]:
    folder.mkdir(parents=True)
    titles = set()
    for number in range(count):
        title, text = article(set_name, number, rng)
        (folder / f"{set_name}-{number:03d}.txt").write_text(text, encoding="utf-8")
        titles.add(title)
    return titles


def start(args: list[str], cache: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "BRIEF_CONFIG": "", "BRIEF_CACHE": str(cache), "NO_COLOR": "1"}
    return subprocess.Popen(
        [sys.executable, "-m", "brief", "digest", *args, "--date", DATE],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )


def finish(proc: subprocess.Popen[bytes]) -> tuple[int, str]:
    _, err = proc.communicate(timeout=600)
    return proc.returncode, err.decode("utf-8", "replace")


def final_state(out: Path) -> tuple[set[str], str, bool]:
    """(titles in the record, digest text, digest matches its record's hash)."""
    target = out / f"brief-{DATE}.md"
    record = out / f".brief-{DATE}.md.articles.json"
    if not target.exists() or not record.exists():
        return set(), target.read_text(encoding="utf-8") if target.exists() else "", False
    data = json.loads(record.read_text(encoding="utf-8"))
    titles = {a["title"] for a in data["articles"]}
    text = target.read_text(encoding="utf-8")
    matches = data.get("digest_sha256") == hashlib.sha256(target.read_bytes()).hexdigest()
    return titles, text, matches


def lost(expected: set[str], out: Path) -> int:
    titles, text, _ = final_state(out)
    return len({t for t in expected if t not in titles or t not in text})


class Tally:
    def __init__(self) -> None:
        self.trials = self.lost = self.waited = self.mismatched = self.tracebacks = self.refused = 0
        self.both_ok = self.partial_files = 0
        self.expected = 0

    def stderr(self, text: str) -> None:
        self.waited += "waiting for another brief run" in text
        self.tracebacks += "Traceback" in text


def trial_update(root: Path, count: int, rng: random.Random, tally: Tally) -> None:
    base, a, b, out = root / "base", root / "a", root / "b", root / "out"
    expected = write_set(base, "base", count, rng) | write_set(a, "a", count, rng) | write_set(b, "b", count, rng)
    code, err = finish(start([str(base), "-o", str(out), "--no-cache"], root / "cache"))
    assert code == 0, err
    runs = [start([str(folder), "-o", str(out), "--update", "--no-cache"], root / "cache") for folder in (a, b)]
    for run in runs:
        code, err = finish(run)
        tally.stderr(err)
        if code != 0:
            print(f"  update run exited {code}: {err.strip()[-200:]}", file=sys.stderr)
    tally.expected += len(expected)
    tally.lost += lost(expected, out)
    tally.mismatched += not final_state(out)[2]


def trial_plain(root: Path, count: int, rng: random.Random, tally: Tally) -> None:
    a, b, out = root / "a", root / "b", root / "out"
    sets = {"a": write_set(a, "a", count, rng), "b": write_set(b, "b", count, rng)}
    runs = {name: start([str(root / name), "-o", str(out), "--no-cache"], root / "cache") for name in sets}
    results = {name: finish(run) for name, run in runs.items()}
    winners = [name for name, (code, _) in results.items() if code == 0]
    for code, err in results.values():
        tally.stderr(err)
        tally.refused += code == 1 and "already exists" in err
    tally.both_ok += len(winners) == 2
    expected = set().union(*(sets[name] for name in winners)) if winners else set()
    tally.expected += len(expected)
    tally.lost += lost(expected, out)
    tally.mismatched += not final_state(out)[2]


def trial_kill(root: Path, count: int, rng: random.Random, tally: Tally, run_seconds: float) -> None:
    base, new, out = root / "base", root / "new", root / "out"
    expected = write_set(base, "base", count, rng) | write_set(new, "new", count, rng)
    code, err = finish(start([str(base), "-o", str(out), "--no-cache"], root / "cache"))
    assert code == 0, err
    before = set(final_state(out)[0])
    run = start([str(new), "-o", str(out), "--update", "--no-cache"], root / "cache")
    time.sleep(rng.uniform(0, run_seconds * 1.1))
    run.send_signal(signal.SIGKILL)
    run.communicate()
    # Right after the kill: whole files only, and the record holds every article the digest shows.
    titles, text, _ = final_state(out)
    shown = {t for t in expected if t in text}
    tally.partial_files += bool([p for p in out.iterdir() if p.name.endswith(".tmp")]) + (not shown <= titles)
    tally.partial_files += not before <= titles
    code, err = finish(start([str(new), "-o", str(out), "--update", "--no-cache"], root / "cache"))
    tally.stderr(err)
    assert code == 0, err
    tally.expected += len(expected)
    tally.lost += lost(expected, out)
    tally.mismatched += not final_state(out)[2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--trials", type=int, default=20)
    parser.add_argument("--articles", type=int, default=30, help="articles per generated set")
    parser.add_argument("--seed", type=int, default=16)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    scratch = Path(tempfile.mkdtemp(prefix="brief-concurrency-"))
    try:
        # How long one --update run takes here, to spread the kills over its whole life.
        probe = scratch / "probe"
        write_set(probe / "a", "p", args.articles, rng)
        began = time.monotonic()
        finish(start([str(probe / "a"), "-o", str(probe / "out"), "--no-cache"], probe / "cache"))
        run_seconds = time.monotonic() - began
        print(f"one run of {args.articles} articles: {run_seconds:.2f} s")
        print(
            f"{'trial kind':<34} {'trials':>6} {'articles':>8} {'lost':>5} {'waited':>6} {'mismatch':>8} {'tracebacks':>10}"
        )
        for kind in ("update", "plain", "kill"):
            tally = Tally()
            for number in range(args.trials):
                root = scratch / f"{kind}-{number}"
                root.mkdir()
                if kind == "update":
                    trial_update(root, args.articles, rng, tally)
                elif kind == "plain":
                    trial_plain(root, args.articles, rng, tally)
                else:
                    trial_kill(root, args.articles, rng, tally, run_seconds)
                tally.trials += 1
                shutil.rmtree(root)
            label = {
                "update": "two concurrent --update",
                "plain": "two concurrent, no --force",
                "kill": "--update SIGKILLed, then rerun",
            }[kind]
            print(
                f"{label:<34} {tally.trials:>6} {tally.expected:>8} {tally.lost:>5} {tally.waited:>6} "
                f"{tally.mismatched:>8} {tally.tracebacks:>10}"
            )
            if kind == "plain":
                print(
                    f"  second run refused with exit 1: {tally.refused} of {tally.trials}; both exited 0: {tally.both_ok}"
                )
            if kind == "kill":
                print(f"  partial or inconsistent state right after a kill: {tally.partial_files}")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
