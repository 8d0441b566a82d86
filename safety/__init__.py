"""Emergency detection and wording, shared by the Rasa NLU pipeline and the gateway.

Standard library only: both virtual environments import it.
"""

from safety.messages import emergency_message
from safety.red_flags import RedFlag, detect_red_flag, language_of

__all__ = ["RedFlag", "detect_red_flag", "emergency_message", "language_of"]
