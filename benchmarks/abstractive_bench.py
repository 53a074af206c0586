"""Abstractive benchmark: articles/second and peak memory for a distilbart-cnn-12-6-shaped model.

No pretrained weights can be downloaded here, so the model is a BART with
sshleifer/distilbart-cnn-12-6's dimensions (d_model 1024, 12 encoder and 6
decoder layers, 16 heads, FFN 4096, vocabulary 50264, 1024 positions) and
random weights. Compute per token is the same as the real model; what differs
is how many tokens get generated: random weights rarely emit end-of-sequence,
so every window runs to --max-length (the real model's defaults are beams 4,
56-142 tokens). The tokenizer is a byte-level BPE trained on the sample
articles. The articles are brief's own samples/ (about 450-570 words each).

    python benchmarks/abstractive_bench.py                 # CPU, 5 articles, beams 2, 60 tokens
    python benchmarks/abstractive_bench.py --device cuda --beams 4 --max-length 142

Prints one JSON object on stdout.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DISTILBART_CNN_12_6 = dict(
    vocab_size=50264,
    d_model=1024,
    encoder_layers=12,
    decoder_layers=6,
    encoder_attention_heads=16,
    decoder_attention_heads=16,
    encoder_ffn_dim=4096,
    decoder_ffn_dim=4096,
    max_position_embeddings=1024,
)
TINY = dict(
    vocab_size=50264,
    d_model=32,
    encoder_layers=1,
    decoder_layers=1,
    encoder_attention_heads=2,
    decoder_attention_heads=2,
    encoder_ffn_dim=64,
    decoder_ffn_dim=64,
    max_position_embeddings=1024,
)
SAMPLES = ["harbor-bridge.txt", "quotes-heavy.txt", "tech-earnings.md", "storm-followup.html", "copied-web-page.txt"]


def train_tokenizer(texts: list[str]):
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, processors, trainers
    from transformers import PreTrainedTokenizerFast

    special = ["<s>", "<pad>", "</s>", "<unk>", "<mask>"]
    tok = Tokenizer(models.BPE(unk_token="<unk>"))
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    tok.train_from_iterator(
        texts,
        trainers.BpeTrainer(
            vocab_size=8000, special_tokens=special, initial_alphabet=pre_tokenizers.ByteLevel.alphabet()
        ),
    )
    bos, eos = tok.token_to_id("<s>"), tok.token_to_id("</s>")
    tok.post_processor = processors.TemplateProcessing(
        single="<s> $A </s>", pair="<s> $A </s> </s> $B </s>", special_tokens=[("<s>", bos), ("</s>", eos)]
    )
    return PreTrainedTokenizerFast(
        tokenizer_object=tok,
        bos_token="<s>",
        eos_token="</s>",
        pad_token="<pad>",
        unk_token="<unk>",
        mask_token="<mask>",
        model_max_length=1024,
    )


def peak_rss_mb() -> float:
    # ru_maxrss is in KiB on Linux (bytes on macOS).
    scale = 1 / 1024 if platform.system() == "Linux" else 1 / (1024 * 1024)
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--device", default="cpu", choices=["auto", "cpu", "cuda", "mps"])
    parser.add_argument("--articles", type=int, default=5, help="how many sample articles (max 5)")
    parser.add_argument("--beams", type=int, default=2)
    parser.add_argument("--max-length", type=int, default=60)
    parser.add_argument("--batch-size", type=int, default=4, help="windows per generate() call")
    parser.add_argument(
        "--shape", choices=["distilbart", "tiny"], default="distilbart", help="tiny: a smoke test of this script"
    )
    args = parser.parse_args()

    import torch
    from transformers import BartConfig, BartForConditionalGeneration

    from brief.abstractive import AbstractiveOptions, ModelHandle, abstract_many, resolve_device
    from brief.ingest.sources import read_file
    from brief.pipeline import parse_source, summarize_document

    device = resolve_device(args.device)
    paths = [ROOT / "samples" / name for name in SAMPLES[: args.articles]]
    docs = [parse_source(read_file(str(p), "auto")) for p in paths]
    tokenizer = train_tokenizer([d.text for d in docs])
    rss_before_model = peak_rss_mb()

    started = time.perf_counter()
    torch.manual_seed(0)
    shape = DISTILBART_CNN_12_6 if args.shape == "distilbart" else TINY
    config = BartConfig(
        **shape,
        pad_token_id=tokenizer.pad_token_id,
        bos_token_id=tokenizer.bos_token_id,
        eos_token_id=tokenizer.eos_token_id,
        decoder_start_token_id=tokenizer.eos_token_id,
    )
    model = BartForConditionalGeneration(config).eval()
    if device in ("cuda", "mps"):
        model = model.half()  # as load_model does on GPUs
    model.to(device)
    build_seconds = time.perf_counter() - started
    handle = ModelHandle(
        name=f"random-{args.shape}", tokenizer=tokenizer, model=model, device=device, max_input_tokens=1024
    )
    options = AbstractiveOptions(beams=args.beams, max_length=args.max_length, batch_size=args.batch_size)

    # Warm-up on one short text (first-call allocations, kernel selection), not timed.
    handle.generate(["The council approved the repair plan on Tuesday."], AbstractiveOptions(beams=1, max_length=8))
    if device == "cuda":
        torch.cuda.synchronize()
        torch.cuda.reset_peak_memory_stats()

    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    briefings = abstract_many(handle, [(d, summarize_document(d)) for d in docs], options)
    if device == "cuda":
        torch.cuda.synchronize()
    seconds = time.perf_counter() - started

    stats = [b.stats.abstractive.to_dict() for b in briefings if b.stats.abstractive]
    result = {
        "model_shape": args.shape,
        "parameters_millions": round(sum(p.numel() for p in model.parameters()) / 1e6, 1),
        "device": device,
        "device_name": torch.cuda.get_device_name() if device == "cuda" else platform.processor() or platform.machine(),
        "torch_threads": torch.get_num_threads(),
        "dtype": handle.dtype,
        "torch": torch.__version__,
        "articles": len(docs),
        "article_words": [d.words for d in docs],
        "windows": sum(s["windows"] for s in stats),
        "input_tokens": sum(s["input_tokens"] for s in stats),
        "beams": args.beams,
        "max_length": args.max_length,
        "batch_size": args.batch_size,
        "seconds": round(seconds, 2),
        "articles_per_second": round(len(docs) / seconds, 3),
        "seconds_per_article": round(seconds / len(docs), 2),
        "model_build_seconds": round(build_seconds, 1),
        "peak_rss_mb": round(peak_rss_mb()),
        "rss_before_model_mb": round(rss_before_model),
        # The dev machine's 2 cores are shared: a load average above the core count means contention.
        "load_average_1m": [round(load_before, 2), round(os.getloadavg()[0], 2)],
    }
    if device == "cuda":
        result["peak_gpu_mb"] = round(torch.cuda.max_memory_allocated() / 2**20)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
