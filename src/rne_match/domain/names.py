"""First names as people sign with them: the short forms French officials use for their given name.

A short form that is a first name of its own (« Luc », « Marc », « Anne ») names its own bearers, not
Lucien, Marcel or Annette: only the forms listed here, or a start of the name that nobody bears as a
name, read as the longer name (see the « diminutif » comparison level).
"""

from __future__ import annotations

# folded short form -> folded first names (first given name) it stands for
SHORT_FIRST_NAMES: dict[str, tuple[str, ...]] = {
    "fred": ("frederic", "frederique"), "seb": ("sebastien",), "nico": ("nicolas",), "manu": ("emmanuel", "emmanuelle"),
    "domi": ("dominique",), "chris": ("christophe", "christine", "christian"), "cathy": ("catherine",),
    "kathy": ("catherine",), "flo": ("florence", "florian", "florent"), "alex": ("alexandre", "alexandra", "alexis"),
    "max": ("maxime", "maximilien"), "ben": ("benjamin", "benoit"), "greg": ("gregory", "gregoire"),
    "jeff": ("jean francois", "jeffrey"), "steph": ("stephane", "stephanie"), "val": ("valerie", "valentin"),
    "vero": ("veronique",), "isa": ("isabelle",), "sandy": ("sandrine",), "nath": ("nathalie",), "cath": ("catherine",),
    "babeth": ("elisabeth",), "zabeth": ("elisabeth",), "mimi": ("michele", "michelle"), "patou": ("patricia",),
    "jo": ("joseph", "josiane", "josette", "joel", "joelle"), "dany": ("daniel", "danielle"), "gigi": ("ghislaine",),
    "thom": ("thomas",), "tom": ("thomas",), "matt": ("matthieu", "mathieu"), "gab": ("gabriel", "gabrielle"),
    "caro": ("caroline",), "soph": ("sophie",), "anne so": ("anne sophie",), "marie jo": ("marie josee", "marie joseph"),
    "pat": ("patrick", "patricia"), "phil": ("philippe",), "fanfan": ("francoise",), "jojo": ("joseph", "josiane"),
    "titi": ("thierry",), "bebert": ("albert",), "jacky": ("jacques", "jacqueline"), "jeannot": ("jean",),
}
