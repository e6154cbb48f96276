"""A chatbot with basic NLP: CLINC150 intents, rule-based entities, slot-filling dialogue, skills.

Read in this order: :mod:`.data` (CLINC150), :mod:`.intents` (TF-IDF + linear SVM,
out-of-scope detection), :mod:`.model` (the saved model as the bot's understanding),
:mod:`.entities` (numbers, money, dates, times, cities), :mod:`.dialogue` (the state
machine), :mod:`.skills` (weather, to-do, calculator, units, date, time, small talk),
:mod:`.web` (Flask under gunicorn) and ``__main__`` (the CLI).

>>> bot = load_bot("chatbot-model", weather_url=None, todo_path=Path("tasks.json"))  # doctest: +SKIP
>>> context = Context()                                                               # doctest: +SKIP
>>> bot.reply("what's the weather like?", context).text                              # doctest: +SKIP
'Which city?'
"""

from typing import TYPE_CHECKING

from level0.lazy import lazy_exports

if TYPE_CHECKING:  # imported on first use, so the CLI starts without scikit-learn or Flask
    from level5.chatbot.calculator import CalculatorError, calculate, expression_in
    from level5.chatbot.data import OOS, Clinc, Split, load_clinc
    from level5.chatbot.dialogue import (
        MAX_TEXT,
        Ask,
        Bot,
        Context,
        Reply,
        Request,
        Skill,
        Understander,
        Understanding,
    )
    from level5.chatbot.entities import Entity, extract_entities, gazetteer, parse_number
    from level5.chatbot.intents import TrainedIntents, fit_intents
    from level5.chatbot.model import IntentModel, evaluate, load_bot, save_model
    from level5.chatbot.skills import INTENT_SKILLS, make_skills
    from level5.chatbot.units import ConversionError, conversion_in, convert
    from level5.chatbot.web import create_app

__all__ = [
    "INTENT_SKILLS",
    "MAX_TEXT",
    "OOS",
    "Ask",
    "Bot",
    "CalculatorError",
    "Clinc",
    "Context",
    "ConversionError",
    "Entity",
    "IntentModel",
    "Reply",
    "Request",
    "Skill",
    "Split",
    "TrainedIntents",
    "Understander",
    "Understanding",
    "calculate",
    "conversion_in",
    "convert",
    "create_app",
    "evaluate",
    "expression_in",
    "extract_entities",
    "fit_intents",
    "gazetteer",
    "load_bot",
    "load_clinc",
    "make_skills",
    "parse_number",
    "save_model",
]
__getattr__, __dir__ = lazy_exports(__name__, __file__, __all__)
