"""Builds the gateway application: routers, middleware and the shared state it serves from."""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI
from fastapi.concurrency import run_in_threadpool
from fastapi.middleware.cors import CORSMiddleware
from prometheus_fastapi_instrumentator import Instrumentator

from api.deps import valid_unicode_body
from api.errors import install_error_handlers
from api.log_redaction import configure_logging
from api.middleware import BodySizeLimit
from api.routes import auth, benefits, chat, health, hr, kb, leaflets, search, staff, web
from api.routes import consultations as consultation_routes
from api.routes import medication_checks as medication_check_routes
from api.routes import pills as pill_routes
from api.routes import safety as safety_routes
from api.routes import stores as store_routes
from api.services.accounts import ensure_demo_accounts
from api.services.benefits_seed import seed_benefits
from api.services.chat import ChatContext
from api.services.hr_seed import seed_hr
from api.services.kb_admin import KbAdmin
from api.services.rasa_client import RasaClient
from api.services.rate_limit import ChatRateLimiter
from api.services.work_calendar import today_in_seoul
from core.database import make_engine, make_session_factory, transaction
from core.schema import upgrade_schema
from core.settings import Settings, get_settings
from knowledge_base.store import KnowledgeBase
from medication_checks.rules import load_rule_set
from retrieval.pill_loader import load_pill_index
from retrieval.service import SearchService
from retrieval.snapshot import SnapshotError
from safety import EmergencyDetector
from safety.assessment import EmergencyAssessor
from safety.phrases import default_phrases
from safety.semantic import default_semantic_detector

log = logging.getLogger(__name__)


def emergency_assessor(settings: Settings) -> EmergencyAssessor:
    """The phrase list and infant rule, plus the semantic check unless disabled (its model
    loads once), at the two levels of the settings."""
    s = settings.safety
    semantic = default_semantic_detector(s.caution_threshold) if s.semantic_enabled else None
    return EmergencyAssessor(EmergencyDetector(default_phrases(), semantic),
                             emergency_threshold=s.emergency_threshold,
                             caution_threshold=s.caution_threshold,
                             crisis_threshold=s.crisis_threshold)


def create_app(
    settings: Settings | None = None, *, search_service: SearchService | None = None,
    rasa_client: RasaClient | None = None,
) -> FastAPI:
    settings = settings or get_settings()
    configure_logging()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        settings.paths.var_dir.mkdir(parents=True, exist_ok=True)
        engine = make_engine(settings.db_url)
        upgrade_schema(engine)
        sessions = make_session_factory(engine)
        if settings.auth.create_demo_accounts:
            with transaction(sessions) as session:
                ensure_demo_accounts(session)
            with transaction(sessions) as session:
                seed_hr(session, today_in_seoul())  # only when the roster table is empty
                seed_benefits(session, today_in_seoul())  # only what is missing
        search = search_service or SearchService(settings)
        if not search.ready:
            try:
                await run_in_threadpool(search.load)
            except SnapshotError as exc:
                log.error("no index to serve yet (%s); /readyz stays 503", exc)
        rasa = rasa_client or RasaClient(settings.rasa.url, settings.rasa.timeout_seconds,
                                         settings.rasa.max_in_flight)
        app.state.settings = settings
        app.state.sessions = sessions
        app.state.kb = KnowledgeBase(sessions)
        app.state.kb_admin = KbAdmin(app.state.kb, search)
        app.state.search = search
        app.state.pills = await run_in_threadpool(load_pill_index, sessions)  # once
        app.state.rasa = rasa
        assessor = await run_in_threadpool(emergency_assessor, settings)
        app.state.dur_rules = await run_in_threadpool(load_rule_set, sessions)  # once
        app.state.chat = ChatContext(settings, rasa, search, sessions, assessor,
                                     app.state.dur_rules, app.state.kb)
        app.state.chat_limits = ChatRateLimiter(settings.rate_limit)
        if search.ready:
            await run_in_threadpool(app.state.kb_admin.catch_up)
            if settings.retrieval.warm_index_updates:
                threading.Thread(target=app.state.kb_admin.warm_up, name="warm-index-updates",
                                 daemon=True).start()
        yield
        await rasa.aclose()
        engine.dispose()

    app = FastAPI(
        title="Haneul Pharmacy assistant gateway",
        version="0.1.0",
        description="Consumer chat, search, HR assistant and knowledge-base management.",
        lifespan=lifespan,
        dependencies=[Depends(valid_unicode_body)],
    )
    app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins,
                       allow_methods=["GET", "POST", "PUT", "DELETE"],
                       allow_headers=["Authorization", "Content-Type", "Accept-Language",
                                      "X-Session-Token"])
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes)
    install_error_handlers(app)
    for module in (health, auth, search, leaflets, chat, hr, benefits, kb, staff, web):
        app.include_router(module.router)
    app.include_router(pill_routes.router)
    app.include_router(medication_check_routes.router)
    app.include_router(consultation_routes.router)
    app.include_router(store_routes.router)
    app.include_router(safety_routes.router)
    Instrumentator(excluded_handlers=["/metrics"]).instrument(app).expose(
        app, endpoint="/metrics", include_in_schema=False
    )
    return app
