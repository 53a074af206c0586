"""`brief eval` and brief.evaluate on a small JSONL written for the tests."""

from __future__ import annotations

import builtins
import json
import re
import sys
from pathlib import Path

import pytest

from brief.errors import BackendUnavailable, InputError, UsageError
from brief.evaluate import Record, bootstrap, document_for, evaluate, lead_points, load_records, rouge_scorer
from tests.conftest import eval_file, run_brief

pytest.importorskip("rouge_score")

RECORDS = [
    {
        "id": "t1",
        "title": "Town opens new library",
        "article": (
            "The town of Hill Valley opened its new public library on Saturday after three years of work. "
            "The building holds forty thousand books and a children's reading room. "
            "A bakery on the same street had its busiest morning of the year. "
            "More than two thousand residents signed up for library cards on the first day. "
            "The old library on Mill Road will become a youth centre."
        ),
        "reference": [
            "Hill Valley opened a new public library on Saturday.",
            "Two thousand residents signed up for cards.",
        ],
    },
    {
        "id": "t2",
        "title": None,
        "article": (
            "Rail workers in the northern region will strike for two days next week over pay. "
            "The union said talks with the operator had broken down on Friday. "
            "Commuters were told to work from home where they could. "
            "The operator said it would run a reduced timetable on the main lines. "
            "A spokesman said the company remained open to further talks."
        ),
        "reference": "Rail workers will strike for two days next week after pay talks broke down.",
    },
    {
        "id": "t3",
        "title": "Storm closes coast road",
        "articles": [
            "A winter storm closed the coast road on Tuesday night. Crews worked through the night to clear fallen trees.",
            "The coast road reopened on Wednesday afternoon. Officials said no one was hurt in the storm.",
        ],
        "reference": ["A storm closed the coast road overnight.", "It reopened on Wednesday; no one was hurt."],
    },
]


@pytest.fixture
def data(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in RECORDS) + "\n", encoding="utf-8")
    return path


def test_load_records_reads_lists_strings_and_multi_document_records(data: Path) -> None:
    records = load_records(data)
    assert [r.id for r in records] == ["t1", "t2", "t3"]
    assert records[1].reference == (RECORDS[1]["reference"],)
    assert records[1].title is None
    assert "coast road reopened" in records[2].article
    assert len(load_records(data, limit=2)) == 2


@pytest.mark.parametrize(
    "content, message",
    [
        ("", "no records"),
        ("{not json}\n", "not JSON"),
        ('{"id": "x", "reference": ["r"]}\n', "article"),
        ('{"id": "x", "article": "Some text here."}\n', "reference"),
        ("[1, 2]\n", "JSON object"),
    ],
)
def test_bad_files_are_input_errors(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        load_records(path)


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_records(tmp_path / "absent.jsonl")


def test_record_title_becomes_the_documents_headline() -> None:
    doc = document_for(
        Record(id="x", article="The council met today. It approved a plan.", reference=("r",), title="Council meets")
    )
    assert doc.title == "Council meets"


def test_lead_points_by_count_and_by_words() -> None:
    doc = document_for(Record(id="x", article=RECORDS[1]["article"], reference=("r",)))
    assert lead_points(doc, 2, None) == [s.text for s in doc.sentences[:2]]
    by_words = lead_points(doc, None, 25)
    assert sum(len(p.split()) for p in by_words) <= 25 and by_words[0] == doc.sentences[0].text
    assert lead_points(doc, None, 1) == [doc.sentences[0].text]  # at least one sentence


def test_bootstrap_is_deterministic_and_brackets_the_mean() -> None:
    values = [float(v % 7) for v in range(50)]
    first, second = bootstrap(values), bootstrap(values)
    assert first == second
    assert first.low <= first.mean <= first.high
    assert first.low < first.high
    assert bootstrap([3.0]) == bootstrap([3.0]) and bootstrap([3.0]).low == 3.0


def test_evaluate_scores_lead_and_each_scorer(data: Path) -> None:
    results = evaluate(load_records(data), ["default", "lead"], points=2)
    assert [r.name for r in results] == ["lead-n", "default", "lead"]
    for r in results:
        for interval in r.scores.values():
            assert 0.0 <= interval.low <= interval.mean <= interval.high <= 100.0
        assert len(r.per_article["rouge1"]) == 3
        assert r.median_ms >= 0.0
    assert results[0].scores["rouge1"].mean > 20.0  # the lead of these records overlaps the references


def test_evaluate_tldr_gives_one_sentence(data: Path) -> None:
    results = evaluate(load_records(data), ["default"], tldr=True)
    assert all(r.mean_words < 25 for r in results)


@pytest.mark.parametrize("kwargs", [{"points": 2, "words": 30}, {"points": 0}, {"words": 0}])
def test_evaluate_rejects_bad_budgets(data: Path, kwargs) -> None:
    with pytest.raises(UsageError):
        evaluate(load_records(data), ["default"], **kwargs)


def test_unknown_scorer_is_rejected_before_any_work(data: Path) -> None:
    with pytest.raises(UsageError, match="unknown scorer"):
        evaluate(load_records(data), ["nope"])


def test_cli_prints_a_table_and_is_deterministic_apart_from_timing(data: Path) -> None:
    first = run_brief("eval", str(data), "--points", "2", "--scorer", "default", "--scorer", "centrality")
    assert first.code == 0, first.stderr
    assert "ROUGE-1" in first.stdout and "lead-n" in first.stdout and "centrality" in first.stdout
    second = run_brief("eval", str(data), "--points", "2", "--scorer", "default", "--scorer", "centrality", "--json")
    payload = json.loads(second.stdout)
    assert [s["system"] for s in payload["systems"]] == ["lead-n", "default", "centrality"]
    third = json.loads(
        run_brief("eval", str(data), "--points", "2", "--scorer", "default", "--scorer", "centrality", "--json").stdout
    )
    strip = lambda p: [{k: v for k, v in s.items() if k != "median_ms"} for s in p["systems"]]  # noqa: E731
    assert strip(payload) == strip(third)


def test_cli_words_tldr_and_limit(data: Path) -> None:
    result = run_brief("eval", str(data), "--words", "20", "--limit", "2", "--json")
    assert result.code == 0, result.stderr
    assert json.loads(result.stdout)["records"] == 2
    tldr = run_brief("eval", str(data), "--tldr")
    assert tldr.code == 0 and "TL;DR" in tldr.stdout


@pytest.mark.parametrize(
    "args, code",
    [(["--points", "2", "--words", "20"], 2), (["--scorer", "nope"], 2), (["--limit", "0"], 2)],
)
def test_cli_usage_errors(data: Path, args: list[str], code: int) -> None:
    result = run_brief("eval", str(data), *args)
    assert result.code == code
    assert result.stderr.startswith("Error: ") and result.stdout == ""


def test_cli_missing_file_exits_3(tmp_path: Path) -> None:
    result = run_brief("eval", str(tmp_path / "absent.jsonl"))
    assert result.code == 3 and "no such file" in result.stderr


def test_without_rouge_score_exit_code_4_with_the_install_hint(data: Path, monkeypatch, capsys) -> None:
    real_import = builtins.__import__

    def no_rouge(name, *args, **kwargs):
        if name.startswith("rouge_score"):
            raise ImportError("No module named 'rouge_score'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_rouge)
    for module in [m for m in sys.modules if m.startswith("rouge_score")]:
        monkeypatch.delitem(sys.modules, module)
    with pytest.raises(BackendUnavailable, match=re.escape("pip install -e '.[eval]'")):
        rouge_scorer()
    from brief.cli import main

    with pytest.raises(SystemExit) as exit_info:
        main(["eval", str(data)])
    assert exit_info.value.code == 4
    err = capsys.readouterr().err
    assert err.startswith("Error: rouge-score is not installed") and "pip install" in err


def test_default_beats_lead_on_cnndm_dev_sample() -> None:
    """A quick guard on the real dev data (skipped when ../shared/eval is absent)."""
    records = load_records(eval_file("cnndm-dev.jsonl"), limit=60)
    lead, default = evaluate(records, ["default"], points=3)
    assert default.scores["rouge1"].mean > lead.scores["rouge1"].mean
