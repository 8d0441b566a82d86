"""The one typed settings object of the gateway/retrieval/knowledge-base stack.

Everything configurable is read here, from the environment (prefix ``PHARMA_``, nested
groups separated by ``__``, e.g. ``PHARMA_RASA__URL``) or a ``.env`` file. Nothing else in
these packages reads ``os.environ``. The Rasa action server lives in another virtual
environment (pydantic 1) and has its own small config in ``bot/actions/config.py``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, computed_field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SECRET = "change-me-embedded-default-secret-not-for-production"


class PathSettings(BaseModel):
    var_dir: Path = REPO_ROOT / "var"
    catalogue_dir: Path = REPO_ROOT / "knowledge_base" / "catalogue"
    chain_docs_dir: Path = REPO_ROOT / "knowledge_base" / "chain"
    lexicon_dir: Path = REPO_ROOT / "knowledge_base" / "lexicon"
    shared_data_dir: Path = REPO_ROOT.parent / "shared" / "data"

    @computed_field  # type: ignore[prop-decorator]  # mypy rejects decorated properties
    @property
    def index_dir(self) -> Path:
        return self.var_dir / "index"

    @computed_field  # type: ignore[prop-decorator]  # mypy rejects decorated properties
    @property
    def fda_labels_file(self) -> Path:
        return self.shared_data_dir / "fda" / "labels.jsonl"

    @computed_field  # type: ignore[prop-decorator]  # mypy rejects decorated properties
    @property
    def dev_questions_file(self) -> Path:
        return self.shared_data_dir / "eval" / "dev_questions.jsonl"

    @computed_field  # type: ignore[prop-decorator]  # mypy rejects decorated properties
    @property
    def dur_dir(self) -> Path:
        return self.shared_data_dir / "dur"

    @computed_field  # type: ignore[prop-decorator]  # mypy rejects decorated properties
    @property
    def pill_identification_file(self) -> Path:
        return self.shared_data_dir / "mfds" / "pill_identification.jsonl"

    @computed_field  # type: ignore[prop-decorator]  # mypy rejects decorated properties
    @property
    def e_yakeunyo_file(self) -> Path:
        """MFDS consumer leaflets (의약품개요정보, e약은요): imported as Korean leaflets."""
        return self.shared_data_dir / "mfds" / "e_yakeunyo.jsonl"

    @computed_field  # type: ignore[prop-decorator]  # mypy rejects decorated properties
    @property
    def dev_questions_mfds_file(self) -> Path:
        return self.shared_data_dir / "eval" / "dev_questions_mfds.jsonl"


class RetrievalSettings(BaseModel):
    # Chunk length in word pieces; all-MiniLM-L6-v2 was trained on 128-token inputs.
    chunk_tokens: int = 160
    chunk_overlap_tokens: int = 32
    embed_batch_size: int = 32
    faiss_factory: str = "Flat"
    # FAISS index of the Korean part (USE vectors of the MFDS leaflets): exact at this size;
    # bench/mfds_scale.py measures "HNSW32" and IVF for a corpus ten times larger.
    korean_faiss_factory: str = "Flat"
    # Confidence given to a Korean leaflet passage of a product (or ingredient) the question
    # names: USE cosines of right Korean passages are too low to compare with min_confidence.
    korean_named_confidence: float = 0.6
    # Confidence given to a page of the chain's own Korean documents (store FAQ, HR
    # handbook) that the dense and the sparse search both rank first.
    korean_agreed_confidence: float = 0.5
    # Candidates each retriever contributes before fusion.
    candidates: int = 50
    # Reciprocal-rank-fusion constant and per-retriever weights.
    rrf_k: int = 60
    dense_weight: float = 1.0
    sparse_weight: float = 1.0
    # Extra reciprocal-rank credit for the sections that answer the question's topic.
    topic_weight: float = 1.0
    # Below this cosine similarity of the best passage the answer is "not sure".
    min_confidence: float = 0.35
    query_cache_size: int = 2048
    torch_threads: int = 2
    # At start-up, chunk every document into the caches index updates reuse (a background
    # thread, a few seconds for the full knowledge base): the first staff edit is then as
    # quick as the next ones.
    warm_index_updates: bool = True


class RasaSettings(BaseModel):
    url: str = "http://127.0.0.1:5005"
    actions_url: str = "http://127.0.0.1:5055"
    timeout_seconds: float = 1.5
    # messages inside Rasa at once (see api/services/rasa_client.py); more wait their turn
    # at the gateway until the deadline
    max_in_flight: int = 3


class AuthSettings(BaseModel):
    jwt_secret: str = DEFAULT_SECRET
    jwt_algorithm: str = "HS256"
    access_token_minutes: int = 60
    service_token_minutes: int = 5
    create_demo_accounts: bool = True


class SafetySettings(BaseModel):
    # Whose emergency numbers every emergency reply gives (safety/data/help_lines.yaml):
    # KR = 119, and 109 / 1577-0199 for suicidal thoughts; US = 911, 1-800-222-1222, 988.
    region: Literal["KR", "US"] = "KR"
    # The semantic check (safety/semantic.py) scores a message's most emergency-like
    # sentence. The gateway answers at two levels (safety/assessment.py, assess()): a phrase,
    # the infant rule, a crisis score >= crisis_threshold or an emergency score >=
    # emergency_threshold (unless told as a general question or a finished event) =
    # emergency (emergency help only); any other score >= caution_threshold = caution (the
    # ordinary answer with a one-line note carrying the numbers first). detect() flags either
    # level. All chosen on the held-out development part (bench/emergency_eval.py --sweep),
    # never on the frozen set.
    semantic_enabled: bool = True
    emergency_threshold: float = 0.65
    crisis_threshold: float = 0.7
    caution_threshold: float = 0.3


class RateLimitSettings(BaseModel):
    """Chat limits in the `limits` notation ("60/minute"); per client IP and per session."""

    per_ip: str = "600/minute"
    per_session: str = "30/minute"
    # where the counters live: "memory://" (one process) or "redis://host:port/db" (shared
    # by every gateway replica)
    storage_uri: str = "memory://"


class ConsultationSettings(BaseModel):
    """When pharmacists answer chat consultations (the live handoff), in ``timezone``.

    ``hours`` is "HH:MM-HH:MM" ("00:00-24:00" = always). ``branch_hours`` overrides it for a
    consultation about one branch (its English name, e.g. {"Hongdae": "00:00-24:00"} when a
    24-hour branch's night pharmacist also answers chat). Outside the hours, or with no
    pharmacist's console open, a handoff is still queued; the reply says when a pharmacist
    will answer and gives the 24-hour branches' phones.
    """

    hours: str = Field(default="09:00-22:00", pattern=r"^\d\d:\d\d-\d\d:\d\d$")
    timezone: str = "Asia/Seoul"
    branch_hours: dict[str, str] = Field(default_factory=dict)
    # A pharmacist counts as present while their console polled the queue this recently;
    # with nobody present the reply says so instead of promising an answer "shortly".
    presence_seconds: int = Field(default=120, ge=10)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="PHARMA_", env_nested_delimiter="__", env_file=".env", extra="ignore"
    )

    profile: Literal["embedded", "production"] = "embedded"
    database_url: str = ""
    paths: PathSettings = Field(default_factory=PathSettings)
    retrieval: RetrievalSettings = Field(default_factory=RetrievalSettings)
    rasa: RasaSettings = Field(default_factory=RasaSettings)
    auth: AuthSettings = Field(default_factory=AuthSettings)
    safety: SafetySettings = Field(default_factory=SafetySettings)
    rate_limit: RateLimitSettings = Field(default_factory=RateLimitSettings)
    consultations: ConsultationSettings = Field(default_factory=ConsultationSettings)
    cors_origins: list[str] = ["http://localhost:8000", "http://127.0.0.1:8000"]
    max_body_bytes: int = 1_000_000

    @computed_field  # type: ignore[prop-decorator]  # mypy rejects decorated properties
    @property
    def db_url(self) -> str:
        return self.database_url or f"sqlite:///{self.paths.var_dir / 'pharmacy.sqlite'}"

    @model_validator(mode="after")
    def _production_needs_real_secrets(self) -> Settings:
        if self.profile == "production":
            if self.auth.jwt_secret == DEFAULT_SECRET or len(self.auth.jwt_secret) < 32:
                raise ValueError(
                    "production profile refuses the default JWT secret: "
                    "set PHARMA_AUTH__JWT_SECRET (32+ characters)"
                )
            if self.auth.create_demo_accounts:
                raise ValueError("production profile must not create demo accounts")
        return self


@lru_cache
def get_settings() -> Settings:
    return Settings()
