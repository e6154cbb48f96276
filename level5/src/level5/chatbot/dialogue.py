"""The dialogue: a small state machine that routes an understood turn to a skill.

The bot needs only an *understanding* component with one method,
``understand(text, now) -> Understanding`` (intent, confidence, entities). Here it is
the CLINC150 model (:class:`~level5.chatbot.model.IntentModel`); level 6 plugs a
sequence model trained on SNIPS into the same :class:`Bot` with its own intent -> skill
table. Which skill answers which intent is data (``intent_skills``), not code.

Per conversation the bot keeps a :class:`Context`: the last intent, the slots filled so
far (city, date...) and the slot it is waiting for. Three states, in order of priority:

1. **waiting for a slot** ("Which city?"): the next text fills it (an entity of that kind,
   or the text itself) and the pending request is run again; "cancel" drops it, and a
   confident request for another skill ("add milk to my list") is taken as a new request;
2. **follow-up** ("and tomorrow?", "what about Paris?"): the last intent again, with the
   new entities replacing the old slots (only after a request that had a city, date or time);
3. **new request**: the intent's skill, or a polite fallback.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from level5.chatbot.data import OOS, intent_words
from level5.chatbot.entities import Entity

__all__ = [
    "MAX_TEXT",
    "Ask",
    "Bot",
    "Context",
    "Reply",
    "Request",
    "Skill",
    "Understander",
    "Understanding",
]

MAX_TEXT = 1_000  # characters per turn; longer texts get a polite refusal, never a model call
SWITCH_CONFIDENCE = 0.5  # while waiting for a slot, a new request must be at least this sure
MAX_SLOT = 100  # characters of a typed answer kept as a slot value
SLOT_KINDS = ("city", "date", "time")  # entities that become slots and carry over to follow-ups
FOLLOW_UP = re.compile(
    r"^\s*(?:and|what about|how about|and what about|and in|what about in)\b", re.I
)
CANCEL = re.compile(r"^\s*(?:cancel|stop|never ?mind|forget it|no thanks?)\b", re.I)


@dataclass(frozen=True)
class Understanding:
    """What the understanding component makes of one text."""

    intent: str  # "oos" when it is out of scope
    confidence: float
    entities: list[Entity]
    domain: str = ""  # CLINC's domain of the intent, when the component knows one


class Understander(Protocol):
    """Anything that understands a text: the CLINC model here, a sequence model in level 6."""

    def understand(self, text: str, now: datetime) -> Understanding: ...


@dataclass(frozen=True)
class Request:
    """What a skill gets: the intent, the text, its entities, the slots so far, the time."""

    intent: str
    text: str
    entities: list[Entity]
    slots: dict[str, Any]
    now: datetime

    def first(self, kind: str) -> Any:
        """The value of the first entity of ``kind``, or None."""
        return next((e.value for e in self.entities if e.kind == kind), None)


@dataclass(frozen=True)
class Ask:
    """A skill's answer when a slot is missing: the question, and the slot it fills."""

    slot: str
    question: str


Skill = Callable[[Request], "str | Ask"]


@dataclass
class Context:
    """One conversation's memory."""

    last_intent: str | None = None
    slots: dict[str, Any] = field(default_factory=dict)
    waiting_for: str | None = None
    pending_text: str = ""  # the request that asked for the slot


@dataclass(frozen=True)
class Reply:
    """The bot's answer to one turn, with what it understood (the web endpoint returns it)."""

    text: str
    intent: str
    confidence: float
    entities: list[Entity]

    def as_dict(self) -> dict[str, Any]:
        return {
            "reply": self.text,
            "intent": self.intent,
            "confidence": self.confidence,
            "entities": [e.as_dict() for e in self.entities],
        }


class Bot:
    """Answers turns of text, one :class:`Context` per conversation."""

    def __init__(
        self,
        understander: Understander,
        skills: Mapping[str, Skill],
        intent_skills: Mapping[str, str],
        *,
        clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        self.understander = understander
        self.skills = skills
        self.intent_skills = intent_skills
        self.clock = clock

    def reply(self, text: str, context: Context) -> Reply:
        """Answer ``text`` and update ``context``. Never raises for any text."""
        if not text.strip():
            return Reply("Say something and I'll try to help.", "", 0.0, [])
        if len(text) > MAX_TEXT:
            return Reply(
                f"That is a lot of text; please keep it under {MAX_TEXT:,} characters.", "", 0.0, []
            )
        now = self.clock()
        understood = self.understander.understand(text, now)
        if context.waiting_for and not self._changes_subject(understood, context):
            return self._fill_slot(text, understood, context, now)
        context.waiting_for = None
        intent, slots = understood.intent, _slots(understood.entities)
        if context.last_intent and context.slots and FOLLOW_UP.match(text) and slots:
            intent, slots = context.last_intent, {**context.slots, **slots}
        answer = self._run(intent, text, understood, slots, context, now)
        return Reply(answer, intent, understood.confidence, understood.entities)

    def _changes_subject(self, understood: Understanding, context: Context) -> bool:
        """A confident request for another skill is not the answer to our question."""
        return (
            understood.intent != context.last_intent
            and understood.intent in self.intent_skills
            and understood.confidence >= SWITCH_CONFIDENCE
        )

    def _fill_slot(
        self, text: str, understood: Understanding, context: Context, now: datetime
    ) -> Reply:
        slot, intent = context.waiting_for, context.last_intent or OOS
        context.waiting_for = None
        if CANCEL.match(text) or understood.intent == "cancel":
            context.slots = {}
            return Reply("OK, forget it.", "cancel", understood.confidence, understood.entities)
        value = next((e.value for e in understood.entities if e.kind == slot), None)
        slots = {
            **context.slots,
            **_slots(understood.entities),
            str(slot): value or " ".join(text.split())[:MAX_SLOT],
        }
        answer = self._run(intent, context.pending_text, understood, slots, context, now)
        return Reply(answer, intent, understood.confidence, understood.entities)

    def _run(
        self,
        intent: str,
        text: str,
        understood: Understanding,
        slots: dict[str, Any],
        context: Context,
        now: datetime,
    ) -> str:
        skill = self.skills.get(self.intent_skills.get(intent, ""))
        if skill is None:
            context.last_intent, context.slots = None, {}
            return _fallback(intent, understood.domain)
        answer = skill(Request(intent, text, understood.entities, slots, now))
        context.last_intent = intent  # only city, date and time carry over to a follow-up
        context.slots = {kind: value for kind, value in slots.items() if kind in SLOT_KINDS}
        if isinstance(answer, Ask):
            context.waiting_for, context.pending_text = answer.slot, text
            return answer.question
        return answer


def _slots(entities: list[Entity]) -> dict[str, Any]:
    """The slot-carrying entities of a turn (the first of each kind)."""
    slots: dict[str, Any] = {}
    for entity in entities:
        if entity.kind in SLOT_KINDS:
            slots.setdefault(entity.kind, entity.value)
    return slots


def _fallback(intent: str, domain: str) -> str:
    if intent == OOS:
        return (
            "Sorry, I can't help with that. I can tell the weather, keep a to-do list, "
            "calculate, convert units, and tell the date and time."
        )
    where = f" ({intent_words(domain)})" if domain else ""
    return f"I understood that you want {intent_words(intent)}{where}, but I can't do that yet."
