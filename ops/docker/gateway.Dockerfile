# Gateway + knowledge base + retrieval (the `.venv` side of the repo).
FROM python:3.11.7-slim-bookworm
ENV PYTHONUNBUFFERED=1 PYTHONPATH=/app HF_HUB_OFFLINE=1 TOKENIZERS_PARALLELISM=false
WORKDIR /app
COPY requirements/gateway.lock requirements/gateway.lock
RUN pip install --no-cache-dir --no-deps -r requirements/gateway.lock
COPY core core
COPY knowledge_base knowledge_base
COPY retrieval retrieval
COPY replies replies
COPY safety safety
COPY api api
COPY ops ops
EXPOSE 8000
# The index is built into the shared `var` volume by the one-shot `indexer` service.
# Only nginx reaches the gateway (compose network), so its X-Forwarded-For is trusted: the
# per-IP rate limit then counts real clients, not the proxy.
CMD ["uvicorn", "--factory", "api.main:create_app", "--host", "0.0.0.0", "--port", "8000", \
     "--no-access-log", "--proxy-headers", "--forwarded-allow-ips", "*"]
