# Rasa server and action server (the `.venv-rasa` side); Rasa 3.6 on Python 3.11 needs the
# pinned lock and --ignore-requires-python (see the README).
FROM python:3.11.7-slim-bookworm
ENV PYTHONUNBUFFERED=1 PYTHONPATH=/app RASA_TELEMETRY_ENABLED=false \
    SQLALCHEMY_SILENCE_UBER_WARNING=1 TF_CPP_MIN_LOG_LEVEL=2
WORKDIR /app
COPY requirements/rasa.lock requirements/rasa.lock
RUN pip install --no-cache-dir --no-deps --ignore-requires-python -r requirements/rasa.lock
# The bot imports nothing of ours but itself (it calls the gateway over HTTP; the import
# contract `bot-over-http` in pyproject.toml keeps it so).
COPY bot bot
WORKDIR /app/bot
# The model is trained by `make train` (content-hashed) and mounted read-only at /app/bot/models.
EXPOSE 5005 5055
CMD ["python", "-m", "rasa", "run", "--model", "models", "--port", "5005", \
     "--credentials", "credentials.yml", "--endpoints", "endpoints.production.yml"]
