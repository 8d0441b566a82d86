"""Custom actions of the Haneul assistant (rasa-sdk action server).

Run with ``python -m rasa_sdk --actions bot.actions`` from the repository root. Actions talk
to the gateway over HTTP; they never touch the knowledge base or indexes directly.
"""
