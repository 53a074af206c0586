"""Abstractive mode without a model: lazy imports, missing extra, option checks, the model cache."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import run_cli as run

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = str(ROOT / "samples" / "harbor-bridge.txt")
HEAVY = ("torch", "transformers", "tokenizers", "safetensors", "huggingface_hub")


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.update(extra)
    return env


def test_extractive_paths_never_import_the_model_stack() -> None:
    code = f"""
import sys
import brief
from brief.cli import main
for args in (["--help"], ["summarize", {SAMPLE!r}], ["summarize", {SAMPLE!r}, "--format", "json"]):
    try:
        main(args)
    except SystemExit as exc:
        assert not exc.code, (args, exc.code)
brief.summarize(open({SAMPLE!r}, encoding="utf-8").read())
print("HEAVY", [m for m in {HEAVY!r} if m in sys.modules], file=sys.stderr)
"""
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=_env(), timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "HEAVY []" in proc.stderr


@pytest.mark.parametrize("missing", ["torch", "transformers"])
def test_missing_extra_exits_4_with_install_command(missing: str, monkeypatch, capsys) -> None:
    monkeypatch.setitem(sys.modules, missing, None)  # makes `import <missing>` raise ImportError
    code, out, err = run(["summarize", SAMPLE, "--abstractive"], capsys)
    assert code == 4
    assert out == ""
    assert "pip install -e '.[abstractive]'" in err
    assert missing in err


@pytest.mark.parametrize(
    "flag", [["--beams", "2"], ["--device", "cpu"], ["--max-length", "40"], ["--show-unsupported"]]
)
def test_generation_options_need_abstractive(flag: list[str], capsys) -> None:
    code, out, err = run(["summarize", SAMPLE, *flag], capsys)
    assert code == 2 and out == ""
    assert "--abstractive" in err


def _fake_cached_model(cache: Path, repo: str, config: dict) -> None:
    """The layout huggingface_hub writes: blobs, refs/main, snapshots/<commit>/..."""
    folder = cache / f"models--{repo.replace('/', '--')}"
    commit = "0123456789abcdef0123456789abcdef01234567"
    snapshot = folder / "snapshots" / commit
    snapshot.mkdir(parents=True)
    (folder / "refs").mkdir()
    (folder / "refs" / "main").write_text(commit)
    (folder / "blobs").mkdir()
    blob = folder / "blobs" / f"{abs(hash(repo)):x}"
    blob.write_text(json.dumps(config))
    (snapshot / "config.json").symlink_to(os.path.relpath(blob, snapshot))


def test_models_list_reads_the_cache_under_hf_home(tmp_path: Path) -> None:
    pytest.importorskip("huggingface_hub")
    cache = tmp_path / "hf" / "hub"
    _fake_cached_model(cache, "acme/tiny-bart-cnn", {"model_type": "bart", "is_encoder_decoder": True})
    _fake_cached_model(cache, "acme/tiny-gpt", {"model_type": "gpt2"})
    env = _env(HF_HOME=str(tmp_path / "hf"), HF_HUB_OFFLINE="1")
    env.pop("HF_HUB_CACHE", None)
    cmd = [sys.executable, "-m", "brief", "models", "list"]
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "acme/tiny-bart-cnn" in proc.stdout and "bart" in proc.stdout
    assert "acme/tiny-gpt" not in proc.stdout
    proc = subprocess.run(cmd + ["--all"], capture_output=True, text=True, env=env, timeout=120)
    assert "acme/tiny-gpt" in proc.stdout and "not seq2seq" in proc.stdout


def test_models_list_with_empty_cache_says_how_to_pull(tmp_path: Path) -> None:
    pytest.importorskip("huggingface_hub")
    env = _env(HF_HOME=str(tmp_path / "nothing"), HF_HUB_OFFLINE="1")
    env.pop("HF_HUB_CACHE", None)
    proc = subprocess.run(
        [sys.executable, "-m", "brief", "models", "list"], capture_output=True, text=True, env=env, timeout=120
    )
    assert proc.returncode == 0 and proc.stdout == ""
    assert "brief models pull sshleifer/distilbart-cnn-12-6" in proc.stderr


def test_models_pull_offline_refuses_clearly(tmp_path: Path) -> None:
    pytest.importorskip("huggingface_hub")
    env = _env(HF_HOME=str(tmp_path / "hf"), HF_HUB_OFFLINE="1")
    proc = subprocess.run(
        [sys.executable, "-m", "brief", "models", "pull", "acme/some-model"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert proc.returncode == 4
    assert "HF_HUB_OFFLINE" in proc.stderr and proc.stdout == ""


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (["--beams", "0"], "beams must be at least 1"),
        (["--max-length", "3"], "max length must be at least 8"),
        (["--max-windows", "-1"], "max windows must be at least 1"),
    ],
)
def test_bad_generation_options_are_usage_errors(flags: list[str], message: str, capsys) -> None:
    # Checked before any model loads, so this holds with or without the extra installed.
    code, out, err = run(["summarize", SAMPLE, "--abstractive", *flags], capsys)
    assert code == 2 and out == "" and message in err


def test_abstract_many_refuses_a_bare_briefing() -> None:
    from brief.abstractive import abstract_many
    from brief.pipeline import summarize

    briefing = summarize(open(SAMPLE, encoding="utf-8").read())
    with pytest.raises(TypeError, match="Document"):
        abstract_many(None, [briefing])  # type: ignore[arg-type]
