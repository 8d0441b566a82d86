"""Emergency detection and wording.

``detect_red_flag`` is the phrase list and infant rule alone; the gateway builds an
:class:`EmergencyDetector` with the semantic check as well (``safety.semantic``).
"""

from safety.detector import EmergencyDetector, detect_red_flag
from safety.flags import CATEGORIES, RedFlag
from safety.language import language_of
from safety.messages import Branch, emergency_message

__all__ = ["CATEGORIES", "Branch", "EmergencyDetector", "RedFlag", "detect_red_flag",
           "emergency_message", "language_of"]
