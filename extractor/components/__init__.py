"""spaCy components: the header/dateline reader, the numeric atoms, the money,
percent and quantity rulers, the entity recogniser, the entity linker and the
fact builder.
Importing this package registers their factories with spaCy."""

from .amounts import MoneyRuler, PercentRuler, QuantityRuler
from .atoms import NumericAtoms
from .entities import EntityLinker, EntityRecognizer
from .facts import FactBuilder
from .header import WireHeader

__all__ = [
    "EntityLinker", "EntityRecognizer", "FactBuilder", "MoneyRuler", "NumericAtoms", "PercentRuler",
    "QuantityRuler", "WireHeader",
]
