"""End to end with a tiny BART built on the spot: loading, windows, generation, guard, rendering.

The model has random weights, so what it writes is noise that the guard must
reject; the points then fall back to extractive ones and the JSON says so. The
guard's keep path is exercised by replacing the output at the decode boundary
(``ModelHandle.decode``) with crafted sentences.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

pytest.importorskip("torch")
pytest.importorskip("transformers")
pytest.importorskip("tokenizers")

import brief  # noqa: E402
from brief.abstractive import AbstractiveOptions, ModelHandle, abstract_many, load_model  # noqa: E402
from brief.errors import BackendUnavailable  # noqa: E402
from brief.pipeline import parse, summarize_document  # noqa: E402
from tests.abstractive_support import build_tiny_model, make_article  # noqa: E402
from tests.conftest import run_cli as run  # noqa: E402

ARTICLE = """Ferry service to resume after storm

The Lakeside ferry will resume service on Thursday after a storm damaged its main dock, harbor master Ines Carvalho said. Repairs cost about $1.8 million and took 11 days.

"We rebuilt the ramp from the pilings up," Carvalho said at a briefing. Engineer Tom Becker said three of the dock's twelve pilings had to be replaced.

Officials expect about 2,400 passengers a day once the schedule returns to normal in May. Residents of North Island have relied on a temporary water taxi since October 3.

The council will review the ferry budget next month. Some members want a second dock built on the south shore before next winter.
"""
FAITHFUL = "The Lakeside ferry will resume service on Thursday after repairs that cost about $1.8 million."
INVENTED = "Mayor John Smith said the repairs cost 99 million dollars."


@pytest.fixture(scope="session")
def tiny_dir(tmp_path_factory) -> Path:
    return build_tiny_model(tmp_path_factory.mktemp("tiny") / "bart")


@pytest.fixture(scope="module")
def handle(tiny_dir: Path) -> ModelHandle:
    return load_model(str(tiny_dir), device="cpu")


@pytest.fixture()
def article_file(tmp_path: Path) -> Path:
    path = tmp_path / "ferry.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def summarize_json(args: list[str], capsys) -> tuple[dict, str]:
    code, out, err = run(["summarize", *args, "--format", "json"], capsys)
    assert code == 0, err
    return json.loads(out), err


def test_cli_runs_real_model_and_falls_back_to_extractive(tiny_dir, article_file, capsys) -> None:
    extractive, _ = summarize_json([str(article_file)], capsys)
    data, err = summarize_json(
        [str(article_file), "--abstractive", "--model", str(tiny_dir), "--max-length", "24", "--beams", "2"], capsys
    )
    info = data["stats"]["abstractive"]
    assert info["model"] == str(tiny_dir) and info["device"] == "cpu" and info["max_input_tokens"] == 256
    assert 1 <= info["windows"] <= 4 and info["coverage"] == 1.0
    assert info["input_tokens"] == info["article_tokens"] > 0
    # Random weights write noise: the guard rejects it and extractive points fill in.
    assert info["generated_sentences"] >= 1 and info["supported_sentences"] == 0
    assert info["unsupported"] and all(d["problems"] and not d["supported"] for d in info["unsupported"])
    assert info["abstractive_points"] == 0 and info["extractive_fill"] == len(data["points"])
    assert all(p["method"] == "extractive" for p in data["points"])
    assert data["method"] == "extractive"
    assert "extractive" in err
    # Title, metadata and key quotes stay from the extractive side.
    for key in ("title", "metadata", "quotes", "tldr"):
        assert data[key] == extractive[key]


def test_six_thousand_word_article_is_windowed_not_truncated(tiny_dir, tmp_path, capsys) -> None:
    text = make_article(6000, seed=11)
    assert len(text.split()) >= 6000
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    base = [str(path), "--model", str(tiny_dir), "--max-length", "16", "--beams", "1"]

    capped, err = summarize_json(base, capsys)  # default: 4 windows chosen by the extractive scores
    info = capped["stats"]["abstractive"]
    assert info["windows"] == 4
    assert 0 < info["coverage"] < 1 and info["input_tokens"] < info["article_tokens"]
    assert "the model read" in err and "--max-windows" in err

    full, _ = summarize_json(base + ["--max-windows", "0"], capsys)  # read it all
    info = full["stats"]["abstractive"]
    assert info["coverage"] == 1.0 and info["input_tokens"] == info["article_tokens"]
    assert info["windows"] > 10 and info["sentences_read"] == info["sentences_in"]
    assert all(p["method"] in ("extractive", "abstractive") for p in full["points"])


def test_guard_keeps_faithful_and_drops_invented_sentences(tiny_dir, article_file, monkeypatch, capsys) -> None:
    monkeypatch.setattr(ModelHandle, "decode", lambda self, ids: [f"{FAITHFUL} {INVENTED}"] * len(ids))
    data, _ = summarize_json([str(article_file), "--model", str(tiny_dir), "--max-length", "16"], capsys)
    generated = [p for p in data["points"] if p["method"] == "abstractive"]
    assert [p["text"] for p in generated] == [FAITHFUL]
    assert generated[0]["source_sentences"] == [0, 1]  # the two article sentences it rests on
    assert "supported" not in generated[0]
    dropped = data["stats"]["abstractive"]["unsupported"]
    assert [d["text"] for d in dropped] == [INVENTED]
    assert any("99" in p for p in dropped[0]["problems"]) and any("John Smith" in p for p in dropped[0]["problems"])
    assert data["method"] == "mixed"  # one generated point, the rest filled in from the extractive side
    assert INVENTED not in json.dumps(data["points"])


def test_show_unsupported_flags_instead_of_dropping(tiny_dir, article_file, monkeypatch, capsys) -> None:
    monkeypatch.setattr(ModelHandle, "decode", lambda self, ids: [f"{INVENTED} {FAITHFUL}"] * len(ids))
    data, _ = summarize_json([str(article_file), "--model", str(tiny_dir), "--show-unsupported"], capsys)
    flagged = [p for p in data["points"] if p.get("supported") is False]
    assert [p["text"] for p in flagged] == [INVENTED]
    code, out, _ = run(["summarize", str(article_file), "--model", str(tiny_dir), "--show-unsupported"], capsys)
    assert code == 0 and f"• [unsupported] {INVENTED}" in out and f"• {FAITHFUL}" in out


def test_output_is_deterministic(tiny_dir, article_file, capsys) -> None:
    args = [str(article_file), "--model", str(tiny_dir), "--max-length", "20"]
    first, _ = summarize_json(args, capsys)
    second, _ = summarize_json(args, capsys)
    assert first == second  # stats hold no timings, so the whole JSON repeats


def test_python_api_with_a_handle_and_batched_many(handle, monkeypatch) -> None:
    briefing = brief.summarize(ARTICLE, model=handle, generation=AbstractiveOptions(max_length=16))
    assert briefing.stats.abstractive.coverage == 1.0
    calls = []
    original = ModelHandle.generate

    def counting(self, texts, options=AbstractiveOptions()):
        calls.append(len(texts))
        return original(self, texts, options)

    monkeypatch.setattr(ModelHandle, "generate", counting)
    long_doc = parse(make_article(1500, seed=2))
    short_doc = parse(ARTICLE)
    docs = [(short_doc, summarize_document(short_doc)), (long_doc, summarize_document(long_doc, sentences=3))]
    results = abstract_many(handle, docs, AbstractiveOptions(max_length=16, beams=1, batch_size=8))
    assert len(results) == 2 and len(calls) == 1  # one generate call for both articles' windows
    assert calls[0] == sum(r.stats.abstractive.windows for r in results)
    assert len(results[1].points) == 3


def test_out_of_memory_retries_smaller_batches_then_gives_up(handle, monkeypatch) -> None:
    import torch

    real_generate = handle.model.generate
    sizes = []

    def flaky(**kwargs):
        sizes.append(kwargs["input_ids"].shape[0])
        if kwargs["input_ids"].shape[0] > 1:
            raise torch.OutOfMemoryError("CUDA out of memory. Tried to allocate 2.00 GiB")
        return real_generate(**kwargs)

    monkeypatch.setattr(handle.model, "generate", flaky)
    texts = ["The ferry will resume service.", "Repairs took 11 days.", "The council will review it."]
    out = handle.generate(texts, AbstractiveOptions(max_length=10, batch_size=4))
    assert len(out) == 3 and sizes[:3] == [3, 2, 1]

    def always(**kwargs):
        raise RuntimeError("MPS backend out of memory (MPS allocated: 8 GB)")

    monkeypatch.setattr(handle.model, "generate", always)
    with pytest.raises(BackendUnavailable, match="out of memory on cpu.*--beams 1"):
        handle.generate(texts, AbstractiveOptions(max_length=10, batch_size=4))


def test_out_of_memory_exits_4(tiny_dir, article_file, monkeypatch, capsys) -> None:
    import torch
    from transformers import BartForConditionalGeneration

    def oom(self, **kwargs):
        raise torch.OutOfMemoryError("CUDA out of memory")

    monkeypatch.setattr(BartForConditionalGeneration, "generate", oom)
    code, out, err = run(["summarize", str(article_file), "--model", str(tiny_dir)], capsys)
    assert code == 4 and out == "" and "out of memory" in err


def test_not_a_seq2seq_model_exits_4(tmp_path, article_file, capsys) -> None:
    from transformers import BertConfig

    BertConfig(
        vocab_size=50, hidden_size=16, num_hidden_layers=1, num_attention_heads=2, intermediate_size=32
    ).save_pretrained(tmp_path / "bert")
    code, out, err = run(["summarize", str(article_file), "--model", str(tmp_path / "bert")], capsys)
    assert code == 4 and out == ""
    assert "'bert' model, not a sequence-to-sequence" in err


@pytest.mark.parametrize(
    ("model", "message"),
    [
        ("./no-such-model-dir", "no model directory at ./no-such-model-dir"),
        ("acme/not-downloaded", "brief models pull acme/not-downloaded"),
    ],
)
def test_missing_model_exits_4_with_next_step(model, message, tmp_path, article_file, monkeypatch, capsys) -> None:
    from huggingface_hub import constants

    monkeypatch.setattr(constants, "HF_HUB_CACHE", str(tmp_path / "empty-cache"))
    code, out, err = run(["summarize", str(article_file), "--model", model], capsys)
    assert code == 4 and out == "" and message in err


def test_loads_a_hub_name_from_the_local_cache_only(tiny_dir, tmp_path, article_file, monkeypatch, capsys) -> None:
    from huggingface_hub import constants

    commit = "fedcba9876543210fedcba9876543210fedcba98"
    repo = tmp_path / "cache" / "models--acme--tiny-bart"
    (repo / "refs").mkdir(parents=True)
    (repo / "refs" / "main").write_text(commit)
    snapshot = repo / "snapshots" / commit
    snapshot.mkdir(parents=True)
    for file in tiny_dir.iterdir():
        os.symlink(file, snapshot / file.name)
    monkeypatch.setattr(constants, "HF_HUB_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    data, _ = summarize_json([str(article_file), "--model", "acme/tiny-bart", "--max-length", "12"], capsys)
    assert data["stats"]["abstractive"]["model"] == "acme/tiny-bart"


def test_cuda_requested_without_gpu_exits_4(tiny_dir, article_file, capsys) -> None:
    import torch

    if torch.cuda.is_available():
        pytest.skip("this machine has a GPU")
    code, out, err = run(["summarize", str(article_file), "--model", str(tiny_dir), "--device", "cuda"], capsys)
    assert code == 4 and "--device cpu" in err
