"""spaCy components: the header/dateline reader, the numeric atoms and the
money, percent and quantity rulers. Importing this package registers their
factories with spaCy."""

from .amounts import MoneyRuler, PercentRuler, QuantityRuler
from .atoms import NumericAtoms
from .header import WireHeader

__all__ = ["MoneyRuler", "NumericAtoms", "PercentRuler", "QuantityRuler", "WireHeader"]
