"""Speaker resolution: pronouns agree in gender with what the article called a person."""

from __future__ import annotations

from claimmap.extract.actors import PERSON, Attributor, Speaker, _Mention
from claimmap.extract.lexicon import load_lexicon
from claimmap.model import Side

MALYAR = Speaker(name="Hanna Malyar", side=Side.UA, kind=PERSON)
PUSHILIN = Speaker(name="Denis Pushilin", side=Side.RU, kind=PERSON)


def _pronoun(word: str) -> _Mention:
    return _Mention(start=0, end=len(word), speaker=None, anaphor=word)


def test_he_skips_a_speaker_the_article_called_she() -> None:
    """'..., she wrote' makes Malyar a woman: a later 'he said' is the man mentioned since."""
    attributor = Attributor(load_lexicon("en"), "")
    attributor.note(MALYAR)
    assert attributor.resolve(_pronoun("she")) == MALYAR
    attributor.mentioned.append(PUSHILIN)
    assert attributor.resolve(_pronoun("he")) == PUSHILIN


def test_a_pronoun_takes_the_last_speaker_whose_gender_is_unknown() -> None:
    """Without a 'she' before, nothing says Malyar is not 'he': the last speaker stands."""
    attributor = Attributor(load_lexicon("en"), "")
    attributor.note(MALYAR)
    attributor.mentioned.append(PUSHILIN)
    assert attributor.resolve(_pronoun("he")) == MALYAR
