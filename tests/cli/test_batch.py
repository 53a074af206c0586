"""Many articles at once: brief.summarize_many and `brief summarize FILE... / --jsonl`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import brief
from brief.batch import read_jsonl
from tests.conftest import SAMPLES, run_brief

GOOD_A = (
    "The river council met on Monday night. It approved a budget of 3 million dollars for new flood walls. "
    "Work on the walls will start in April, the council said."
)
GOOD_B = (
    "A small bakery in the old town won a national prize for its rye bread. The owners said they would hire "
    "two more bakers. The prize comes with a cash award of 10,000 dollars."
)


@pytest.mark.parametrize("workers", [1, 2])
def test_a_bad_record_in_the_middle_does_not_stop_the_batch(workers: int) -> None:
    inputs = [GOOD_A, "   ", {"id": "c", "text": GOOD_B}, {"id": "d"}, "https://example.com/news"]
    results = list(brief.summarize_many(inputs, workers=workers, sentences=2))
    assert [r.id for r in results] == ["1", "2", "c", "d", "5"]  # input order, ids from position or record
    assert [r.ok for r in results] == [True, False, True, False, False]
    assert results[0].briefing.points[0].text.startswith("The river council")
    assert results[2].briefing.points and "bakery" in results[2].briefing.points[0].text
    assert results[1].error_code == "bad_input" and "empty" in results[1].error_message
    assert results[3].to_dict() == {
        "id": "d",
        "error": {"code": "bad_input", "message": 'the record needs one of "text", "html", "url"'},
    }
    assert "url=" in results[4].error_message  # a bare URL as text is refused, not summarized


def test_summarize_many_is_lazy_and_accepts_paths() -> None:
    results = brief.summarize_many([SAMPLES / "harbor-bridge.txt", Path("no-such-file.txt")])
    first = next(results)
    assert first.ok and first.id.endswith("harbor-bridge.txt")
    second = next(results)
    assert second.error_code == "bad_input" and "no such file" in second.error_message


def test_summarize_many_refuses_zero_workers() -> None:
    with pytest.raises(brief.BriefError):
        brief.summarize_many([GOOD_A], workers=0)


def test_read_jsonl_turns_broken_lines_into_error_items(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text('{"id": 7, "text": "x"}\n\n{oops\n[1, 2]\n{"id": "h", "html": "<p>x</p>"}\n', encoding="utf-8")
    items = list(read_jsonl(path))
    assert [i.id for i in items] == ["7", "line 3", "3", "h"]
    assert items[0].text == "x" and items[3].html == "<p>x</p>"
    assert "not JSON" in items[1].problem and "JSON object" in items[2].problem


def test_cli_several_files_write_json_lines_and_exit_5(tmp_path: Path) -> None:
    missing = str(tmp_path / "missing.txt")
    result = run_brief("summarize", str(SAMPLES / "harbor-bridge.txt"), missing, str(SAMPLES / "quotes-heavy.txt"))
    assert result.code == 5
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["id"] for line in lines] == [
        str(SAMPLES / "harbor-bridge.txt"),
        missing,
        str(SAMPLES / "quotes-heavy.txt"),
    ]
    assert lines[0]["schema_version"] == 2 and lines[0]["points"] and lines[0]["tldr"]
    assert lines[1] == {"id": missing, "error": {"code": "bad_input", "message": f"{missing}: no such file"}}
    assert result.stderr.startswith("Error: 1 of 3 input(s) failed")


def test_cli_jsonl_in_jsonl_out_to_a_file(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    records = [{"id": "a", "text": GOOD_A}, {"id": "b", "text": ""}, {"id": "c", "text": GOOD_B}]
    source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run_brief("summarize", "--jsonl", str(source), "--workers", "2", "-o", str(out), "-n", "1")
    assert result.code == 5 and result.stdout == ""
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == ["a", "b", "c"]
    assert "error" in lines[1] and len(lines[0]["points"]) == 1 and len(lines[2]["points"]) == 1
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.jsonl")]  # no temporary file left


def test_cli_all_good_batch_exits_0(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "a", "text": GOOD_A}) + "\n", encoding="utf-8")
    result = run_brief("summarize", "--jsonl", str(source))
    assert result.code == 0, result.stderr
    assert json.loads(result.stdout)["id"] == "a" and result.stderr == ""


@pytest.mark.parametrize(
    "args",
    [
        ["a.txt", "b.txt", "--format", "markdown"],
        ["a.txt", "--jsonl", "in.jsonl"],
        ["a.txt", "--workers", "2"],
    ],
)
def test_cli_batch_usage_errors(args: list[str]) -> None:
    result = run_brief("summarize", *args)
    assert result.code == 2 and result.stderr.startswith("Error:")


def test_cli_single_article_output_file_and_jsonl_format(tmp_path: Path) -> None:
    out = tmp_path / "brief.json"
    result = run_brief("summarize", str(SAMPLES / "harbor-bridge.txt"), "-f", "jsonl", "--output", str(out))
    assert result.code == 0 and result.stdout == ""
    text = out.read_text(encoding="utf-8")
    assert text.count("\n") == 1 and json.loads(text)["title"].startswith("Portville council")


def test_cli_output_is_not_replaced_when_the_run_fails(tmp_path: Path) -> None:
    out = tmp_path / "brief.txt"
    out.write_text("earlier\n", encoding="utf-8")
    result = run_brief("summarize", str(tmp_path / "missing.txt"), "-o", str(out))
    assert result.code == 3
    assert out.read_text(encoding="utf-8") == "earlier\n"
