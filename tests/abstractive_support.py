"""Helpers for the abstractive tests: an article generator and a tiny BART built on the spot.

No pretrained weights can be downloaded in tests, so a small BART with random
weights and a byte-level BPE tokenizer trained here on our own text stand in
for a real summarization model. They go through the same loading code
(AutoTokenizer / AutoModelForSeq2SeqLM from a saved directory).
"""

from __future__ import annotations

import random
from pathlib import Path

_NAMES = [
    "Maria Lopez",
    "David Chen",
    "Amara Okafor",
    "Tomas Novak",
    "Priya Raman",
    "Henrik Dahl",
    "Lucia Ferreira",
    "Samuel Osei",
    "Ingrid Berg",
    "Kenji Watanabe",
]
_ROLES = [
    "the mayor",
    "the chief engineer",
    "a council member",
    "the transport director",
    "a local shop owner",
    "the harbor master",
    "a union representative",
    "the budget officer",
]
_PLACES = [
    "the Harbor Bridge",
    "the east ferry terminal",
    "Riverside Avenue",
    "the old rail yard",
    "the North Quay",
    "the central library",
    "the water treatment plant",
    "Mill Street",
]
_THINGS = [
    "repairs",
    "the new bus lanes",
    "the flood barrier",
    "the housing plan",
    "the night market",
    "the school expansion",
    "the budget review",
    "the tram extension",
    "the cleanup",
]
_VERBS = ["approved", "delayed", "questioned", "defended", "inspected", "funded", "reviewed", "criticized"]
_TIMES = ["on Monday", "on Tuesday", "last week", "in March", "this spring", "on Friday", "in October"]
_TEMPLATES = [
    "{name}, {role}, said {thing} at {place} would cost about {n} million dollars.",
    "The council {verb} {thing} {time} after a debate that lasted {n} hours.",
    "Residents near {place} told reporters that {thing} had changed their daily routine.",
    "According to {name}, at least {n} workers will be assigned to {place} over the next {m} months.",
    "Critics of {thing} argued that the city had not consulted people living around {place}.",
    "{name} {verb} the plan for {place}, saying the numbers did not add up.",
    '"We have waited {n} years for this," {name} said at a meeting {time}.',
    "Traffic counts at {place} fell by {n} percent while {thing} was under way.",
    "Officials expect {thing} to be finished before the end of {year}, {role} said.",
    "A report released {time} found that {n} of the {m} inspected sites needed urgent work.",
    "Some business owners said {thing} would bring more visitors to {place}.",
    "The city has set aside {n} million dollars for {thing}, documents show.",
]


def make_article(words: int, seed: int = 0) -> str:
    """A fictional local-news article of about ``words`` words, in paragraphs of 3-5 sentences."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    total = 0
    while total < words:
        sentences = []
        for _ in range(rng.randint(3, 5)):
            template = rng.choice(_TEMPLATES)
            sentence = template.format(
                name=rng.choice(_NAMES),
                role=rng.choice(_ROLES),
                place=rng.choice(_PLACES),
                thing=rng.choice(_THINGS),
                verb=rng.choice(_VERBS),
                time=rng.choice(_TIMES),
                n=rng.randint(2, 90),
                m=rng.randint(3, 40),
                year=rng.randint(2025, 2031),
            )
            sentence = sentence[0].upper() + sentence[1:]
            sentences.append(sentence)
            total += len(sentence.split())
        paragraphs.append(" ".join(sentences))
    return "City weighs the cost of its harbor works\n\n" + "\n\n".join(paragraphs) + "\n"


def build_tiny_model(directory: Path, max_positions: int = 256, seed: int = 0) -> Path:
    """Train a byte-level BPE tokenizer on generated text, build a 1-layer BART, save both."""
    import torch
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, processors, trainers
    from transformers import BartConfig, BartForConditionalGeneration, PreTrainedTokenizerFast

    special = ["<s>", "<pad>", "</s>", "<unk>", "<mask>"]
    tok = Tokenizer(models.BPE(unk_token="<unk>"))
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=600, special_tokens=special, initial_alphabet=pre_tokenizers.ByteLevel.alphabet()
    )
    corpus = [make_article(400, seed=s) for s in range(6)]
    tok.train_from_iterator(corpus, trainer=trainer)
    bos, eos = tok.token_to_id("<s>"), tok.token_to_id("</s>")
    tok.post_processor = processors.TemplateProcessing(
        single="<s> $A </s>", pair="<s> $A </s> </s> $B </s>", special_tokens=[("<s>", bos), ("</s>", eos)]
    )
    fast = PreTrainedTokenizerFast(
        tokenizer_object=tok,
        bos_token="<s>",
        eos_token="</s>",
        pad_token="<pad>",
        unk_token="<unk>",
        mask_token="<mask>",
        model_max_length=max_positions,
    )
    torch.manual_seed(seed)
    config = BartConfig(
        vocab_size=len(fast),
        d_model=32,
        encoder_layers=1,
        decoder_layers=1,
        encoder_attention_heads=2,
        decoder_attention_heads=2,
        encoder_ffn_dim=64,
        decoder_ffn_dim=64,
        max_position_embeddings=max_positions,
        pad_token_id=fast.pad_token_id,
        bos_token_id=bos,
        eos_token_id=eos,
        decoder_start_token_id=eos,
        forced_eos_token_id=eos,
    )
    model = BartForConditionalGeneration(config).eval()
    directory.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(directory)
    fast.save_pretrained(directory)
    return directory
