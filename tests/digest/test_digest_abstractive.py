"""`brief digest --abstractive` and build_digest(model=...) with a tiny BART built on the spot.

The tiny model has random weights, so what it writes is noise the guard rejects
and the extractive bullets fill in. The keep path is exercised by wrapping
``ModelHandle.generate`` (the real model still runs) and replacing its output
with a sentence of the story (faithful), an invented one and a repeat.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.digest_helpers import REPO, SAMPLES

DATE = "2026-01-02"
INVENTED = "Mayor John Smith said the repairs cost 99 million dollars."


@pytest.fixture(scope="session")
def tiny_dir(tmp_path_factory) -> Path:
    pytest.importorskip("torch")
    pytest.importorskip("transformers")
    pytest.importorskip("tokenizers")
    from tests.abstractive_support import build_tiny_model

    return build_tiny_model(tmp_path_factory.mktemp("tiny-digest") / "bart")


def digest_json(args: list[str], out: Path, capsys) -> tuple[dict, str]:
    code, stdout, stderr = run_cli(
        ["digest", str(SAMPLES), "--out", str(out), "--date", DATE, "--format", "json", *args], capsys
    )
    assert code == 0, stderr
    target = out / f"brief-{DATE}.json"
    assert stdout == f"{target}\n"
    return json.loads(target.read_text(encoding="utf-8")), stderr


@pytest.fixture()
def faithful_generator(monkeypatch):
    """The real model runs; its output is replaced by the window's first sentence, an invention and a repeat."""
    from brief.abstractive import AbstractiveOptions, ModelHandle
    from brief.text.segment import segment

    original = ModelHandle.generate
    calls: list[int] = []

    def generate(self, texts, options=AbstractiveOptions()):
        calls.append(len(texts))
        original(self, texts, options)
        firsts = [segment(t)[0][0].text for t in texts]
        return [f"{first} {INVENTED} {first}" for first in firsts]

    monkeypatch.setattr(ModelHandle, "generate", generate)
    return calls


def test_cli_runs_the_real_model_and_keeps_the_extractive_side(isolated, tiny_dir, tmp_path, capsys) -> None:
    extractive, _ = digest_json([], tmp_path / "ext", capsys)
    data, err = digest_json(
        ["--abstractive", "--model", str(tiny_dir), "--max-length", "24", "--beams", "2"], tmp_path / "abs", capsys
    )
    info = data["abstractive"]
    assert info["model"] == str(tiny_dir) and info["device"] == "cpu" and info["max_input_tokens"] == 256
    assert info["beams"] == 2 and info["max_length"] == 24
    assert info["stories"] == len(data["stories"]) == info["windows"]  # one window per story
    assert 0 < info["input_tokens"] <= info["article_tokens"] and 0 < info["coverage"] <= 1
    points = [p for s in data["stories"] for p in s["points"]]
    assert all(p["method"] in ("extractive", "abstractive") for p in points)
    assert info["points"] == len(points) == info["abstractive_points"] + info["extractive_points"]
    # Random weights write noise: the guard rejects it and the extractive bullets fill in.
    assert info["supported_sentences"] == 0 and info["abstractive_points"] == 0
    assert "extractive" in err
    # Headlines, quotes, sources and story order stay from the extractive side.
    for story, ext in zip(data["stories"], extractive["stories"], strict=True):
        for key in ("headline", "quotes", "sources", "points"):
            assert story[key] == ext[key]
    assert "abstractive" not in extractive


def test_faithful_sentences_become_abstractive_points(isolated, tiny_dir, tmp_path, faithful_generator, capsys) -> None:
    data, _ = digest_json(["--model", str(tiny_dir), "--max-length", "16", "--beams", "1"], tmp_path, capsys)
    assert faithful_generator == [len(data["stories"])]  # every story's window in one batched call
    info = data["abstractive"]
    stories = data["stories"]
    assert info["abstractive_points"] == len(stories)  # the first sentence of each window, once
    assert info["unsupported_sentences"] == len(stories)  # the invention, once per story
    assert info["duplicates_skipped"] == len(stories)  # the repeat
    assert info["extractive_points"] == info["points"] - len(stories)
    for story in stories:
        methods = [p["method"] for p in story["points"]]
        assert methods.count("abstractive") == 1 and "extractive" in methods
        generated = story["points"][0]
        assert generated["method"] == "abstractive"
        ids = {s["id"] for s in story["sources"]}
        assert generated["source_sentences"] and all(s["article"] in ids for s in generated["source_sentences"])
        assert generated["article"] == generated["source_sentences"][0]["article"]
        # The extractive fill never repeats the sentence the generated bullet rests on.
        rest = {(p["article"], p["sentence_index"]) for p in story["points"][1:]}
        assert not rest & {(s["article"], s["sentence_index"]) for s in generated["source_sentences"]}
    assert INVENTED not in json.dumps(stories)

    code, _, stderr = run_cli(
        [
            "digest",
            str(SAMPLES),
            "--out",
            str(tmp_path / "md"),
            "--date",
            DATE,
            "--model",
            str(tiny_dir),
            "--max-length",
            "16",
        ],
        capsys,
    )
    assert code == 0, stderr
    text = (tmp_path / "md" / f"brief-{DATE}.md").read_text(encoding="utf-8")
    assert f"*Bullets rewritten by the model {tiny_dir} where the articles support them ({len(stories)} of " in text


def test_reruns_and_update_are_byte_identical_and_the_cache_stays_extractive(
    isolated, tiny_dir, tmp_path, capsys
) -> None:
    args = [
        "digest",
        str(SAMPLES),
        "-o",
        str(tmp_path / "abs"),
        "--date",
        DATE,
        "--model",
        str(tiny_dir),
        "--max-length",
        "20",
        "--beams",
        "2",
    ]
    assert run_cli(args, capsys)[0] == 0
    target = tmp_path / "abs" / f"brief-{DATE}.md"
    first = target.read_bytes()
    assert run_cli(args + ["--force"], capsys)[0] == 0
    assert target.read_bytes() == first
    assert run_cli(args + ["--update"], capsys)[0] == 0  # nothing new: the same digest
    assert target.read_bytes() == first
    # The abstractive runs filled the cache; an extractive run from it equals one without it.
    plain = ["digest", str(SAMPLES), "--date", DATE]
    assert run_cli(plain + ["-o", str(tmp_path / "cached")], capsys)[0] == 0
    assert run_cli(plain + ["-o", str(tmp_path / "fresh"), "--no-cache"], capsys)[0] == 0
    name = f"brief-{DATE}.md"
    assert (tmp_path / "cached" / name).read_bytes() == (tmp_path / "fresh" / name).read_bytes()
    assert b"rewritten by the model" not in (tmp_path / "cached" / name).read_bytes()


def test_python_api_takes_a_handle_or_a_name(tiny_dir, faithful_generator) -> None:
    from brief import build_digest
    from brief.abstractive import AbstractiveOptions, load_model

    handle = load_model(str(tiny_dir), device="cpu")
    digest = build_digest(
        [SAMPLES], date=DATE, cache_dir=None, model=handle, generation=AbstractiveOptions(max_length=12, beams=1)
    )
    assert faithful_generator == [len(digest.stories)]
    assert digest.stats.abstractive.abstractive_points == len(digest.stories)
    assert digest.stats.articles == 5  # the extractive stats stay
    by_name = build_digest(
        [SAMPLES],
        date=DATE,
        cache_dir=None,
        abstractive=True,
        model=str(tiny_dir),
        generation=AbstractiveOptions(max_length=12, beams=1),
    )
    assert by_name == digest  # same model, same inputs: the same digest
    assert build_digest([SAMPLES], date=DATE, cache_dir=None).stats.abstractive is None


@pytest.mark.parametrize("missing", ["torch", "transformers"])
def test_missing_extra_exits_4_before_reading_anything(missing, isolated, tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.setitem(sys.modules, missing, None)  # makes `import <missing>` raise ImportError
    out = tmp_path / "out"
    code, stdout, stderr = run_cli(["digest", str(SAMPLES), "--out", str(out), "--date", DATE, "--abstractive"], capsys)
    assert code == 4 and stdout == ""
    assert "pip install -e '.[abstractive]'" in stderr
    assert not out.exists() and not (tmp_path / "cache").exists()  # failed before any article was read


def test_missing_model_exits_4_and_writes_nothing(isolated, tmp_path, capsys) -> None:
    pytest.importorskip("torch")
    pytest.importorskip("transformers")
    out = tmp_path / "out"
    code, stdout, stderr = run_cli(
        ["digest", str(SAMPLES), "--out", str(out), "--date", DATE, "--model", "./no-such-model-dir"], capsys
    )
    assert code == 4 and stdout == "" and "no model directory at ./no-such-model-dir" in stderr
    assert not out.exists() and not (tmp_path / "cache").exists()


def test_model_options_need_abstractive(isolated, tmp_path, capsys) -> None:
    code, _, stderr = run_cli(["digest", str(SAMPLES), "--out", str(tmp_path), "--date", DATE, "--beams", "2"], capsys)
    assert code == 2 and "--beams need(s) --abstractive" in stderr
    assert not list(tmp_path.glob("brief-*"))


def test_extractive_digest_never_imports_the_model_stack(isolated, tmp_path) -> None:
    code = f"""
import sys
from brief.cli import main
try:
    main(["digest", {str(SAMPLES)!r}, "--out", {str(tmp_path)!r}, "--date", {DATE!r}, "--format", "json"])
except SystemExit as exc:
    assert not exc.code, exc.code
print("HEAVY", [m for m in ("torch", "transformers", "tokenizers") if m in sys.modules], file=sys.stderr)
"""
    env = {**__import__("os").environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "HEAVY []" in proc.stderr
