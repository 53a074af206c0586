"""The README's examples run as tests, so the README cannot drift from the code.

Every ```console block is a list of `$ brief ...` commands, each followed by the
exact output it prints. The quick start's test command must be what CI runs.
"""

from __future__ import annotations

import re
import shlex

import pytest

from tests.conftest import REPO, run_brief

README = (REPO / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```console\n(.*?)```", README, flags=re.DOTALL)


def console_examples() -> list[tuple[str, str]]:
    examples = []
    for block in BLOCKS:
        command, output = None, []
        for line in block.splitlines():
            if line.startswith("$ "):
                if command:
                    examples.append((command, "\n".join(output)))
                command, output = line[2:], []
            else:
                output.append(line)
        if command:
            examples.append((command, "\n".join(output)))
    return examples


EXAMPLES = console_examples()


def test_readme_has_examples() -> None:
    assert len(EXAMPLES) >= 3


@pytest.mark.parametrize("command, expected", EXAMPLES, ids=[c for c, _ in EXAMPLES])
def test_readme_example_output(command: str, expected: str) -> None:
    args = shlex.split(command)
    assert args[0] == "brief", "README console examples run brief only"
    result = run_brief(*args[1:], env={"BRIEF_CACHE": str(REPO / ".pytest_cache" / "readme-cache")})
    assert result.code == 0, result.stderr
    assert result.stdout.rstrip("\n") == expected.rstrip("\n")


def test_quick_start_test_command_is_what_ci_runs() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    test_command = ci.strip().splitlines()[-1]
    assert test_command in README


def test_quick_start_installs_and_summarizes_a_sample() -> None:
    assert re.search(r"pip install -e \. && brief summarize samples/\S+", README)
