"""Claims: an article's sentences, located, with the atomic facts each asserts.

Articles are Markdown, text or HTML. Markdown markup is blanked out in place
(replaced by spaces), so every offset, line and column points into the file as
the author wrote it. Each sentence becomes a Claim; sentences of opinion or
speculation, and sentences with nothing checkable, are kept as claims that are
not check-worthy, with the reason, rather than dropped.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import yaml
from nicknames import NickNamer

from . import lexicon
from . import nlp as nlp_
from .errors import ExtractionError
from .extract import read_html
from .extract.metadata import metadata_from_mapping, yaml_problem
from .extract.text import decode
from .limits import EXTRACT_MAX_MEMORY, EXTRACT_TIMEOUT
from .records import (
    Article,
    Claim,
    Entity,
    Fact,
    FactKind,
    Granularity,
    Metadata,
    Value,
    ValueKind,
)
from .text import STOPWORDS, WORD, chunks, clauses, content_words, has_words, plain_letters, stem
from .text import display as display  # re-exported: `claims.display` is public
from .values import (
    came_at_last,
    find_values,
    interval,
    parse_number,
    shift_date,
    shift_span,
    yearless,
)
from .values.dates import MONTH_NAMES, editor_date
from .values.nouns import singular

if TYPE_CHECKING:
    from spacy.language import Language

# Opinion and speculation: first-person judgement, hedges, evaluative words.
_OPINION = re.compile(
    r"\b(?:I|we)\s+(?:think|believe|suspect|feel|fear|hope|doubt|wonder|guess|expect)\b"
    r"|\bin\s+my\s+(?:view|opinion)\b|\bsurely\b|\bperhaps\b|\bit\s+seems\b"
    r"|\b(?:utterly|truly|deeply)\s+\w+|\bappalling\b|\bdisgraceful\b|\bshameful\b|\boutrageous\b",
    re.IGNORECASE,
)
# Evaluative words: what they say is a judgement, not a checkable fact.
_EVALUATIVE = (
    r"absurd|appalling|disgrace(?:ful)?|shameful|outrageous|scandal(?:ous)?|shocking|"
    r"astonishing|unacceptable|inexcusable|unforgivable|deplorable|tragic|sad|hard|"
    r"galling|infuriating|maddening|staggering|extraordinary|incredible|unbelievable|"
    r"alarming|worrying|troubling|disturbing|regrettable|ridiculous|bizarre|baffling|"
    r"grotesque|obscene|insulting|unjust|unfair|ironic|depressing|"
    r"bad\s+enough|a\s+(?:disgrace|scandal|shame|tragedy|travesty)"
)
# "It is hard to read without anger that ...", "it is a disgrace that ...".
_FRAME_THAT = re.compile(
    rf"\b(?:it|this)\s+(?:(?:is|was|remains|seems)\s+(?:{_EVALUATIVE})"
    rf"|(?:beggars|beggared|defies|defied)\s+belief)\b[^.;:]{{0,60}}?\bthat\b",
    re.IGNORECASE,
)
# The same judgement again, of the next clause: "..., and more absurd still that its
# finance director ...", "even more shocking is that".
_FRAME_AGAIN = re.compile(
    rf"\b(?:even\s{{1,3}}|still\s{{1,3}})?more\s{{1,3}}(?:{_EVALUATIVE})(?:\s{{1,3}}still)?"
    rf"\s{{1,3}}(?:is\s{{1,3}})?that\b",
    re.IGNORECASE,
)
# What the writer makes of the clause before, to the sentence's end: ", which says a
# great deal about what the cabinet had been told", ", which speaks volumes".
_COMMENT_AFTER = re.compile(
    r",\s{0,3}which\s{1,3}(?:says|said|tells|told|speaks|spoke|shows|showed|reveals|revealed)"
    r"\s{1,3}(?:a\s{1,3}(?:great|good)\s{1,3}deal|a\s{1,3}lot|much|volumes|everything|all)"
    r"\b[^.;:]{0,200}",
    re.IGNORECASE,
)
# What the writer says readers remember or will not doubt, leading to "that": "Few will
# forget that the driver ...", "No one can doubt that", "It is worth remembering that".
_MEMORY_LEAD = re.compile(
    r"\b(?:(?:few|no\s{1,3}one|nobody|none\s{1,3}of\s{1,3}us)\s{1,3}(?:will|can|could|would)"
    r"\s{1,3}(?:ever\s{1,3})?(?:forget|doubt|deny|dispute)"
    r"|it\s{1,3}is\s{1,3}worth\s{1,3}(?:remembering|recalling|noting|repeating))\s{1,3}that\b",
    re.IGNORECASE,
)
# A modal verb: what can, might or should be, not what is.
_MODAL = re.compile(
    r"\b(?:can(?:not)?|could|might|may|should|must|ought)\b|\bcan[\u2019']t\b", re.I
)
_REPORTED = re.compile(
    r"\b(?:said|says|say|told|tells|according|announced|stated|wrote|writes|reported|added|"
    r"warned|claimed|confirmed|insisted|argued)\b",
    re.I,
)
# "... is absurd", "... would have been bad enough".
_FRAME_PREDICATE = re.compile(
    rf"\b(?:is|was|are|were|be|been)\s+(?:(?:utterly|truly|deeply|simply|quite|so|just)\s+)?"
    rf"(?:{_EVALUATIVE})\b",
    re.IGNORECASE,
)
# A comparison an opinion makes with what did not happen: "For the council to lose one
# vote was bad enough, but ...", "for her campaign to take one year would have been
# bad enough, but ...". The clause before "but" is the yardstick; the fact is after it.
_YARDSTICK = re.compile(
    r"\bfor\s{1,3}(?:[^\s,;:.]{1,40}\s{1,3}){1,8}?to\s{1,3}(?:[^\s,;:.]{1,40}\s{1,3}){1,10}?"
    rf"(?:would\s{{1,3}}have\s{{1,3}}been|would\s{{1,3}}be|was|is)\s{{1,3}}(?:{_EVALUATIVE})"
    r"\s{0,3},\s{0,3}but\b",
    re.IGNORECASE,
)
# A judgement that leads the sentence up to a colon, by what should or must be: "Its
# central finding should shame everyone responsible: every one of the deaths was
# avoidable." What follows the colon is the claim.
_MODAL_LEAD = re.compile(
    r"^[^:;.]{0,120}?\b(?:should|must|ought\s+to)\b[^:;.]{0,80}:", re.IGNORECASE
)
# A judgement of what someone said, leading to the words themselves: "His verdict was
# blunt: ...", "The council's response was swift and uncompromising: ...". The quotation
# and its speaker are checked; how the article rates them is its own view.
_QUOTE_LEAD = re.compile(
    r"^[^:;.\"\u201c]{0,40}?\b(?:verdict|message|response|reply|answer|assessment|warning"
    r"|conclusion|judge?ment|diagnosis|words|tone|retort|rebuke|riposte|advice)\s{1,3}"
    r"(?:was|is|were|are)\s{1,3}(?:(?:equally|just\s{1,3}as|even\s{1,3}more|as|more|very|"
    r"characteristically|typically)\s{1,3})?"
    r"(?:blunt|clear|simple|stark|plain|short|brief|uncompromising|damning|scathing|"
    r"unequivocal|direct|emphatic|firm|harsh|withering|unambiguous|forthright|curt|terse|"
    r"sharp|grim|sombre|bleak|candid|frank|swift)\b[^:;.\"\u201c]{0,40}:(?=\s{0,3}[\"\u201c])",
    re.IGNORECASE,
)
# A weighing that leads the sentence to its comma: "Just as important to the families,
# the jury found ...", "More importantly, ...", "Sadly, ...", "Just as damning, ...".
# What follows is the claim.
_WEIGHING_PREFIX = (
    r"(?:just|equally|even|every\s{1,3}bit|no\s{1,3}less)\s{1,3}(?:as\s{1,3})?"
    r"|(?:even\s{1,3}|still\s{1,3})?more\s{1,3}|most\s{1,3}"
)
_WEIGHING_LEAD = re.compile(
    rf"^(?:(?:{_WEIGHING_PREFIX})?"
    r"(?:important(?:ly)?|significant(?:ly)?|telling(?:ly)?|striking(?:ly)?"
    r"|notabl[ey]|remarkabl[ey]|crucial(?:ly)?|revealing(?:ly)?|worse|sadly|tragically"
    r"|shamefully|ironically|tellingly|(?:un)?surprisingly|predictably|absurdly|appallingly"
    r"|shockingly|astonishingly|staggeringly|alarmingly|worryingly|troublingly|disturbingly"
    r"|depressingly|bizarrely|extraordinarily|incredibly|unbelievably|regrettably)"
    # a judgement said as it is only after a weighing: "Just as damning, ..."
    rf"|(?:{_WEIGHING_PREFIX})(?:damning|galling|absurd|appalling|shocking|astonishing"
    r"|alarming|worrying|troubling|disturbing|depressing|bizarre|surprising))"
    r"\b[^,;:.\"\u201c]{0,60},",
    re.IGNORECASE,
)
# A sentence that names nobody and gives no figure is still a claim when it says this
# many content words outside its opinion frames ("every one of the deaths was
# avoidable", "the hearing was postponed after a fire").
STATEMENT_WORDS = 2
# An age said at an event the sentence dates: "was 41 when", "aged 20 at the time".
_AGE_AT_EVENT = re.compile(
    r"\b(?:was|were|aged)\s+(?:just\s+|only\s+)?[\w-]+\s+(?:when|at\s+the\s+time)\b",
    re.IGNORECASE,
)
# Bounded spans that exclude their own opener: each scan stops at the next opener, so
# a text of many openers and no closer is read in linear time.
_QUOTE = re.compile(r'"([^"\n]{1,2000})"|\u201c([^\u201c\u201d\n]{1,2000})\u201d')
_RANK = re.compile(
    r"\b(?:(?:detective\s+)?(?:chief\s+superintendent|chief\s+inspector|superintendent|"
    r"inspector|sergeant|constable)|(?:deputy\s+|assistant\s+)?commissioner|commander)s?\b",
    re.IGNORECASE,
)
_REPORT_VERBS = (
    "reported|said|says|announced|revealed|found|told|wrote|published|disclosed|stated|"
    "confirmed|identified|concluded|ruled"
)
_ATTRIBUTION_AFTER = re.compile(rf"^\s*(?:has\s+|had\s+|also\s+)?(?:{_REPORT_VERBS})\b", re.I)
_ATTRIBUTION_BEFORE = re.compile(
    r"(?:according\s+to|reported\s+by|told|in\s+the\s+words\s+of)\s*$", re.IGNORECASE
)
# Whose words a quotation gives: "In the AAIB's words, ...".
_IN_THE = re.compile(r"(?i)\bin\s{1,3}(?:the\s{1,3})?$")
_WORDS_AFTER = re.compile(r"^['\u2019]s?\s{1,3}(?:own\s{1,3})?words\b")
_FRONT_MATTER = re.compile(r"---[ \t]*\n")
# Look-behinds on runs of blanks, here and elsewhere: a match may only begin where the
# run begins, so that a long run of spaces is scanned once, not from each of its characters.
_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+|(?<![ \t])[ \t]+#+[ \t]*$", re.MULTILINE)
# An ATX heading's line: "# Title", at most three spaces in.
_HEADING_LINE = re.compile(r"^[ \t]{0,3}#{1,6}(?:[ \t][^\n]*)?$", re.MULTILINE)
# A single quoted word that is someone's words: a manner, "unequivocally", "deeply".
_QUOTED_MANNER = re.compile(r"[a-z]{4,30}ly")
_BLOCKQUOTE = re.compile(r"^[ \t]{0,3}>[ \t]?", re.MULTILINE)
_BULLET = re.compile(r"^[ \t]{0,12}(?:[-*+]|\d{1,9}[.)])[ \t]+", re.MULTILINE)
_IMAGE = re.compile(r"!\[[^\[\]\n]{0,500}\]\([^()\n]{0,2000}\)")
_LINK_TARGET = re.compile(r"\]\([^()\n]{0,2000}\)")
_LINK_OPEN = re.compile(r"\[(?=[^\[\]\n]{0,500}\]\()")
_EMPHASIS = re.compile(r"\*{1,3}|(?<!\w)_{1,3}|_{1,3}(?!\w)|`{1,3}")
_RULE = re.compile(r"^[ \t]{0,3}(?:[-*_][ \t]*){3,}$", re.MULTILINE)
_ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")
# A duration that dates an event from another: "Five months later", "two weeks earlier".
_LATER = re.compile(
    r"(?<!\s)\s+(later|earlier|afterwards|(?:before|after)(?=\s{1,3}(?:that|then)\b))\b",
    re.IGNORECASE,
)
_THAN = re.compile(r"\s{1,3}than\b", re.IGNORECASE)
# Words before an age that opens its sentence ("Five months later the 23-year-old").
SUBJECT_WORDS = 5
_PRONOUN_START = re.compile(r"^(?:he|she|they|their|his|her|its|it|this|these|those)\b", re.I)
# The words an organisation's initials skip: fewer than text.STOPWORDS, whose "to", "at"
# or "by" often give a letter ("Stand Up To Racism", SUTR).
_ORG_ACRONYM_STOP = frozenset({"of", "for", "the", "and", "on", "in"})


# Articles larger than this are refused: a draft, or even a long report, is far smaller.
ARTICLE_MAX_BYTES = 20 * 1024 * 1024
# How an article is read, by its file's suffix; other suffixes are read as Markdown.
ARTICLE_SUFFIXES = {
    "html": (".html", ".htm", ".xhtml"),
    "text": (".txt", ".text"),
    "markdown": (".md", ".markdown"),
}


def article_format(path: Path) -> str | None:
    """ "html", "text" or "markdown" for an article file by its suffix; None for other files."""
    suffix = path.suffix.lower()
    return next((name for name, known in ARTICLE_SUFFIXES.items() if suffix in known), None)


def read_article(
    path: str | Path,
    *,
    max_bytes: int = ARTICLE_MAX_BYTES,
    timeout: float = EXTRACT_TIMEOUT,
    max_memory: int = EXTRACT_MAX_MEMORY,
) -> Article:
    """Read an article file: text, Markdown or HTML (parsed within `timeout` s, `max_memory` MB).

    Raises ExtractionError naming the file when it cannot be read.
    """
    raw = read_article_bytes(path, max_bytes=max_bytes)
    return parse_article(raw, path=path, timeout=timeout, max_memory=max_memory)


def read_article_bytes(path: str | Path, *, max_bytes: int = ARTICLE_MAX_BYTES) -> bytes:
    """The bytes of an article file, refused (ExtractionError) over `max_bytes`."""
    path = Path(path)
    name = str(path)
    try:
        size = path.stat().st_size
        if size <= max_bytes:
            # Never more than the limit, even from a file that grows while it is read.
            with path.open("rb") as f:
                raw = f.read(max_bytes + 1)
            size = max(size, len(raw))
        if size > max_bytes:
            raise ExtractionError(
                name, f"article of {size:,} bytes is over the limit of {max_bytes:,}"
            )
        return raw
    except IsADirectoryError as e:
        raise ExtractionError(name, "is a folder, not a file") from e
    except OSError as e:
        raise ExtractionError(name, f"cannot read: {e.strerror or e}") from e


def parse_article(
    raw: bytes,
    *,
    path: str | Path,
    timeout: float = EXTRACT_TIMEOUT,
    max_memory: int = EXTRACT_MAX_MEMORY,
) -> Article:
    """An Article from a file's bytes, read as the file's suffix says (HTML, text or Markdown).

    An HTML page is parsed in the worker process that parses HTML sources,
    under the same limits: `timeout` seconds and `max_memory` MB.
    """
    path = Path(path)
    name = str(path)
    text, _encoding = decode(raw, path=name)
    suffix = path.suffix.lower()
    if suffix in ARTICLE_SUFFIXES["html"]:
        body, metadata = read_html(text, path=name, timeout=timeout, max_memory=max_memory)
        return Article(name, body, 0, metadata)
    markdown = suffix not in ARTICLE_SUFFIXES["text"]
    return article_from_text(text, path=name, markdown=markdown)


def article_from_text(text: str, *, path: str = "<text>", markdown: bool = True) -> Article:
    """An Article from text already in memory (front matter read, Markdown blanked)."""
    metadata, body_start = Metadata(), 0
    if _FRONT_MATTER.match(text):
        end = text.find("\n---", 3)
        if end != -1:
            try:
                data = yaml.safe_load(text[text.index("\n") + 1 : end])
            except yaml.YAMLError as e:
                raise ExtractionError(path, f"invalid front matter: {yaml_problem(e)}") from e
            metadata = metadata_from_mapping(data, origin=path)
            line_end = text.find("\n", end + 4)
            body_start = len(text) if line_end == -1 else line_end + 1
    blanked = re.sub(r"[^\n]", " ", text[:body_start]) + text[body_start:]
    headings: tuple[tuple[int, int], ...] = ()
    if markdown:
        headings = tuple((m.start(), m.end()) for m in _HEADING_LINE.finditer(blanked, body_start))
        blanked = blank_markdown(blanked)
    return Article(path, blanked, body_start, metadata, headings)


def blank_markdown(text: str) -> str:
    """Markdown with its markup replaced by spaces: same length, same lines.

    HTML comments go too (they hold suppression marks, not prose).
    """
    chars = list(text)

    def blank(start: int, end: int) -> None:
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = " "

    position = 0
    while (start := text.find("<!--", position)) != -1:
        end = text.find("-->", start + 4)
        end = len(text) if end == -1 else end + 3
        blank(start, end)
        position = end
    for pattern in (
        _RULE,
        _HEADING,
        _BLOCKQUOTE,
        _BULLET,
        _IMAGE,
        _LINK_TARGET,
        _LINK_OPEN,
        _EMPHASIS,
    ):
        for match in pattern.finditer(text):
            blank(match.start(), match.end())
    return "".join(chars)


def claim_id(sentence: str) -> str:
    """A stable id for a sentence: the hash of its words, case and spacing ignored."""
    normal = " ".join(sentence.lower().split())
    return hashlib.sha256(normal.encode()).hexdigest()[:16]


def extract_claims(article: Article, nlp: Language | None = None) -> list[Claim]:
    """Every sentence of the article as a Claim, with its facts and line/column."""
    nlp = nlp if nlp is not None else nlp_.load()
    text = article.text
    line_starts = [0, *(m.end() for m in re.finditer("\n", text))]
    parts = [(part, offset) for offset, part in chunks(text) if offset >= article.body_start]
    claims: list[Claim] = []
    for analysis, offset in nlp_.analyse(parts, nlp):
        for sent in analysis.sentences:
            raw = text[offset + sent.start : offset + sent.end]
            sentence = raw.strip()
            if not sentence:
                continue
            start = offset + sent.start + len(raw) - len(raw.lstrip())
            entities = [
                (e.label, start_ - (start - offset), end_ - (start - offset))
                for e in analysis.entities
                for start_, end_ in [(e.start, e.end)]
                if offset + e.start >= start and offset + e.end <= start + len(sentence)
            ]
            claim = _claim(sentence, start, entities, line_starts, article.metadata)
            if any(hs <= start < he for hs, he in article.headings):
                claim = replace(
                    claim, facts=(), checkworthy=False, reason="a heading: a title, not a claim"
                )
            claims.append(claim)
    return _relative_dates(_resolve_subjects(claims))


def _relative_dates(claims: list[Claim]) -> list[Claim]:
    """Durations that date an event from one before it, read as dates.

    "His brother was convicted in March 2020. Five months later he was jailed":
    the jailing is dated August 2020, and judged as that date. The anchor is
    the last date before the duration in its sentence, else the last date of
    the sentence before (or of the last dated one, where the sentence before
    points back to it: "... said that day"). Days and weeks need a day to count from; months and
    years a month or a year: where the sentence before gives none fine enough ("... since
    a conviction in 1986. Six days later"), the last that does, up to `LATER_REACH`
    sentences back. A time counted from an event the article told of ("ten days after he
    was jailed") counts from the date of the last sentence that tells of it.
    """
    out: list[Claim] = []
    previous: list[tuple[Fact, str]] = []
    last: list[tuple[Fact, str]] = []
    recent: list[list[tuple[Fact, str]]] = []  # the last sentences' dates, latest first
    recent_texts: list[str] = []  # and their words
    for claim in claims:
        facts = list(claim.facts)
        for k, fact in enumerate(facts):
            value = fact.value
            if fact.kind != FactKind.COUNT or value is None or value.number is None:
                continue
            at = fact.end - claim.start
            back = _AGO.match(claim.text, at) or _PASSED_SINCE.match(claim.text, at)
            counted = _counted_back(claim, fact, facts, back) if back else None
            if counted is not None:
                facts[k] = counted
                continue
            later = (
                _LATER.match(claim.text, at)
                or _AFTER_THE.match(claim.text, at)
                or _AFTER_CLAUSE.match(claim.text, at)
            )
            if later is None or _THAN.match(claim.text, later.end()):
                continue  # "four months earlier than she had planned": against a plan
            sign = -1 if later.group(1).lower() in ("earlier", "before") else 1
            told = later.re is not _LATER
            # "four months before the notice", "ten days after he was jailed": from the
            # date of the article's last sentence that tells of the notice, or of the
            # jailing; "five months later": from the last date before.
            before = _told_of(out, later.group(2)) if told else _dated(claim, facts[:k]) or previous
            # The claim's own date of the event: after the count ("later, on 10 March
            # 2022"), or anywhere for a time counted from an earlier event.
            own = [
                f
                for f in (facts if told else facts[k + 1 :])
                if f is not fact
                and f.kind == FactKind.DATE
                and f.value is not None
                and f.value.date
                and not any(f is b for b, _ in before)
                # a date of the event counted to stands beside the count ("in March 2017,
                # some 18 months after the crash"), not in another clause far off
                and (not told or _apart(f, fact) <= OWN_REACH)
            ]
            far = not before and bool(own) and not told
            if far:
                # "A year later, on 7 November 2019", after a sentence with no date: the
                # time since the article's last date, a few sentences back. That date
                # may be another event's, so the time can support the claim's own date
                # but not deny it.
                before = next((d for d in recent if d), [])
            elapsed = _elapsed(before, own[:1], sign)
            if elapsed is not None and far:
                elapsed = elapsed.replace(ELAPSED, ELAPSED_FAR, 1)
            if elapsed is not None and value.unit in ("day", "week", "month", "year"):
                # "almost five years later, on 4 September 2024": the time between the
                # two dates, which the count judge reads against the claim's count.
                facts[k] = replace(fact, value=replace(value, subject=elapsed))
                continue
            since = _since_event(claim, fact, later, own, sign) if told and not before else None
            if since is not None:
                facts[k] = since
                continue
            found = (
                None
                if value.qualifier
                else _anchored_shift(before, sign * value.number, value.unit or "")
            )
            if (
                found is None
                and not value.qualifier
                and not told
                and previous
                and not _dated(claim, facts[:k])
            ):
                # The sentence before gives no date fine enough: "... since a conviction
                # in 1986. Six days later": the last that does, a few sentences back.
                found = next(
                    (
                        shifted
                        for dates in recent
                        if (
                            shifted := _anchored_shift(dates, sign * value.number, value.unit or "")
                        )
                    ),
                    None,
                )
            if found is None:
                # "Just over five weeks later", after sentences with no date that only
                # look back ("On 19 June 2023 a jury acquitted him. He *had told* the
                # court ..."): from the last date, a few sentences back.
                origin = before if told or before else _before_looking_back(recent, recent_texts)
                found = _landing_span(origin, value, sign, told=told)
            if found is None:
                continue
            anchor, (iso, granularity) = found
            end = claim.start + later.end()
            text = claim.text[fact.start - claim.start : later.end()]
            facts[k] = Fact(
                FactKind.DATE,
                text,
                fact.start,
                end,
                value=Value(
                    ValueKind.DATE, text, fact.start, end, date=iso, granularity=granularity
                ),
                subject=(
                    f"{fact.text} {later.group(1)} {editor_date(anchor.value.date)}"
                    if told and anchor.value and anchor.value.date
                    else f"{fact.text} {later.group(1)} than {anchor.text}"
                ),
                context=fact.context,
            )
        facts += _next_ones(claim, facts, previous)
        if facts != list(claim.facts):
            claim = replace(claim, facts=tuple(facts))
        out.append(claim)
        # Only the sentence just before: a date further back may be another story's,
        # unless this one points back to it ("... said that day").
        dated = _dated(claim, claim.facts)
        if dated:
            last = dated
        recent = [dated, *recent][:LATER_REACH]
        recent_texts = [claim.text, *recent_texts][:LATER_REACH]
        previous = dated or (last if _THAT_DAY.search(claim.text) else [])
    return out


# A verb in the past perfect, which looks back from the time the story has reached: "He
# *had told* the court", "the jury *had not been* told".
_LOOKS_BACK = re.compile(
    r"(?i)\b(?:had|'d)\s{1,3}(?:(?:not|never|already|also|earlier|previously)\s{1,3})?"
    r"(?:been\s{1,3})?[a-z]{2,20}(?:ed|en|wn|ne|t|d)\b"
)


def _before_looking_back(
    recent: Sequence[Sequence[tuple[Fact, str]]], texts: Sequence[str]
) -> list[tuple[Fact, str]]:
    """The dates of the last dated sentence, where every sentence since it has no date and
    looks back in the past perfect; else none."""
    for dates, text in zip(recent, texts, strict=True):
        if dates:
            return list(dates)
        if _LOOKS_BACK.search(text) is None:
            return []
    return []


# A sentence that points back to the day last named: "Crompton said that day that ...".
_THAT_DAY = re.compile(r"(?i)\b(?:that|the\s{1,3}same)\s{1,3}day\b")
# The day, month or year after one the article named: "The next day", "the following
# Tuesday", "the following month".
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_NEXT_ONE = re.compile(
    r"(?i)\b(?:the\s{1,3})?(?:next|following)\s{1,3}(day|month|year|" + "|".join(_WEEKDAYS) + r")\b"
)


# A month of the year last named: "at Croydon Magistrates' Court that June".
_THAT_MONTH = re.compile(r"\bthat\s{1,3}(" + "|".join(MONTH_NAMES) + r")\b")


def _next_ones(
    claim: Claim, facts: Sequence[Fact], previous: Sequence[tuple[Fact, str]]
) -> list[Fact]:
    """Dates the claim gives as the day, weekday, month or year after one the article
    named ("On 9 January she said ... The next day Rishi Sunak told MPs": 10 January),
    or as a month of its year ("in March 2022 ... that June": June 2022), read from the
    claim's date before them, else the sentence before's."""
    found: list[Fact] = []
    matches = [*_NEXT_ONE.finditer(claim.text), *_THAT_MONTH.finditer(claim.text)]
    for m in matches:
        start = claim.start + m.start()
        if any(f.value is not None and f.start <= start < f.end for f in facts):
            continue  # inside a value of its own ("the following day's figures")
        before = _dated(claim, [f for f in facts if f.end <= start]) or list(previous)
        anchor = next(
            (a for a, _ in reversed(before) if a.value and a.value.date and not a.value.qualifier),
            None,
        )
        if anchor is None or anchor.value is None or anchor.value.date is None:
            continue
        if m.re is _THAT_MONTH:
            # "that June": the month of the year last named.
            if yearless(anchor.value.date):
                continue
            month = MONTH_NAMES.index(m.group(1)) + 1
            landed: tuple[str, Granularity] | None = (
                f"{anchor.value.date[:4]}-{month:02d}",
                Granularity.MONTH,
            )
        else:
            landed = _after(anchor.value.date, m.group(1).lower())
        if landed is None:
            continue
        iso, granularity = landed
        text = m.group(0)
        value = Value(
            ValueKind.DATE, text, start, start + len(text), date=iso, granularity=granularity
        )
        found.append(
            Fact(
                FactKind.DATE,
                text,
                start,
                start + len(text),
                value=value,
                subject=f"{text} after {anchor.text}",
            )
        )
    return found


# A time counted back from the article's day: "seven years ago", "two weeks ago today",
# "nearly seven years have passed since he died".
_AGO = re.compile(r"\s{1,3}ago\b", re.IGNORECASE)
_PASSED_SINCE = re.compile(
    r"(?i)\s{1,3}(?:have|has)\s{1,3}(?:now\s{1,3})?(?:passed|gone\s{1,3}by|elapsed)\s{1,3}since\b"
)


def _ago(claim: Claim, fact: Fact, facts: Sequence[Fact], reach: int) -> str | None:
    """The span from the claim's own date (within `reach` characters of the count) to
    the article's day, as `_elapsed` writes it, for a time counted back from the article
    ("seven years ago, on 9 November 2016"); None without a day of the article's or a
    dated day of the claim's."""
    day = claim.reference_date
    if fact.value is None or fact.value.unit not in ("day", "week", "month", "year"):
        return None
    if day is None or len(day) != 10:
        return None
    own = next(
        (
            f.value.date
            for f in facts
            if f is not fact
            and f.kind == FactKind.DATE
            and f.value is not None
            and f.value.date
            and not yearless(f.value.date)
            and not f.value.qualifier
            # "Three years ago this week, a review concluded that the spillway, whose
            # collapse ... in 2019": a date far off in the sentence is another event's
            and _apart(f, fact) <= reach
        ),
        None,
    )
    if own is None or own > day:
        return None
    return f"{ELAPSED}{own}..{day}@{own}"


def _counted_back(
    claim: Claim, fact: Fact, facts: Sequence[Fact], back: re.Match[str]
) -> Fact | None:
    """A time counted back from the article's day: from the claim's own date ("Seven
    years ago today, ... on 9 November 2016"), marked as the time between the two; with
    no date of the claim's, "ago" gives the date it lands on."""
    # "N years ago" is of the date beside it ("Three years ago this week, a review
    # concluded that the spillway, whose collapse ... in 2019": not 2019); "N years have
    # passed since he died" of the death's date, wherever the sentence gives it.
    reach = AGO_REACH if back.re is _AGO else len(claim.text)
    ago = _ago(claim, fact, facts, reach)
    if ago is not None and fact.value is not None:
        return replace(fact, value=replace(fact.value, subject=ago))
    return _ago_as_date(claim, fact, back) if back.re is _AGO else None


_AGO_CLOSE = re.compile(r"(?i)\s{1,3}(today|this\s{1,3}week|this\s{1,3}month)\b")


def _ago_as_date(claim: Claim, fact: Fact, back: re.Match[str]) -> Fact | None:
    """A time counted back from the article's day with no date of the claim's own ("Three
    years ago this week, an independent review concluded"), as the date it lands on: a
    year back is a year (2020 of an article of March 2023: "three years ago" is not to the
    month), a month back a month, days and weeks a day."""
    day, value = claim.reference_date, fact.value
    if day is None or len(day) != 10 or value is None or value.number is None:
        return None
    unit = value.unit or ""
    start = day[:4] if unit == "year" else day[:7] if unit == "month" else day
    landed = shift_date(start, -value.number, unit)
    if landed is None:
        return None
    iso, granularity = landed
    # "A year ago today": that very day; "three years ago this week": that month.
    close = _AGO_CLOSE.match(claim.text, back.end())
    if close is not None and unit in ("year", "month") and len(iso) >= 4:
        today = close.group(1).lower() == "today"
        iso = f"{iso[:4]}{day[4:]}" if unit == "year" else f"{iso}{day[7:]}"
        iso, granularity = (iso, Granularity.DAY) if today else (iso[:7], Granularity.MONTH)
    end = claim.start + back.end()
    text = claim.text[fact.start - claim.start : end - claim.start]
    return Fact(
        FactKind.DATE,
        text,
        fact.start,
        end,
        value=Value(ValueKind.DATE, text, fact.start, end, date=iso, granularity=granularity),
        subject=f"{fact.text} before {editor_date(day)}",
        context=fact.context,
    )


def _after(iso: str, unit: str) -> tuple[str, Granularity] | None:
    """The day, month or year after an ISO date, or the next such weekday after a day."""
    if yearless(iso):
        # "9 January" with no year: the next day, or month, of any year (2000 is a
        # leap year, so 29 February is a day).
        landed = _after(f"2000{iso[1:]}", unit) if unit in ("day", "month") else None
        return (f"-{landed[0][4:]}", landed[1]) if landed else None
    if unit in _WEEKDAYS:
        if len(iso) != 10:
            return None
        day = dt.date.fromisoformat(iso)
        ahead = (_WEEKDAYS.index(unit) - day.weekday() - 1) % 7 + 1
        return (day + dt.timedelta(days=ahead)).isoformat(), Granularity.DAY
    return shift_date(iso, 1, unit)


def _dated(claim: Claim, facts: Sequence[Fact]) -> list[tuple[Fact, str]]:
    """The claim's dates among `facts`, each with the words of the claim before it."""
    return [
        (f, claim.text[max(0, f.start - claim.start - 30) : f.start - claim.start])
        for f in facts
        if f.kind == FactKind.DATE and f.value is not None
    ]


# A time counted from an event the article told of: "four months before the notice".
_AFTER_THE = re.compile(
    r"(?<!\s)\s+(after|before)\s{1,3}(?:the|its|his|her|their)\s{1,3}([a-z][\w-]+)",
    re.IGNORECASE,
)
# A time counted from an event the article told of in a clause: "ten days after he was
# jailed", "two days before they had been told". Words that tell of no one event
# ("after he said") are passed over.
_AFTER_CLAUSE = re.compile(
    r"(?<!\s)\s+(after|before)\s{1,3}(?:he|she|they|it|we)\s{1,3}"
    r"(?:(?:was|were|had|has)\s{1,3}(?:been\s{1,3})?)?"
    r"(?!(?:said|told|was|were|had|did|got|made|went|came|saw|thought|became)\b)([a-z][\w-]+)",
    re.IGNORECASE,
)
# Characters between a time counted from an event and the claim's date it counts to; and
# between a time "ago" and the date it counts from ("seven years ago, on 9 November").
OWN_REACH = 40
AGO_REACH = 80
# Characters after the word that tells of an event within which a date is its own.
TOLD_AFTER = 160
# Sentences back that an event's date is looked for, by its noun.
TOLD_OF_REACH = 40
# Sentences back that "later" counts from the article's last date, when the claim gives
# the date it lands on.
LATER_REACH = 3
# What marks a count's value as a time between two of the article's dates; the second
# when the first date was a few sentences back, and may be another event's.
ELAPSED = "elapsed:"
ELAPSED_FAR = "elapsed-far:"
# What marks a count's value as a time from an event the article does not date to the
# claim's own date: "elapsed-event:+crash@2017-03" ("+" after the event, "-" before).
ELAPSED_EVENT = "elapsed-event:"


def counted_from_event(subject: str | None) -> tuple[bool, str, str] | None:
    """A value's ELAPSED_EVENT mark read back: (after the event, the event's word, the
    claim's own ISO date), or None for a value not so marked."""
    if not subject or not subject.startswith(ELAPSED_EVENT):
        return None
    body = subject.removeprefix(ELAPSED_EVENT)
    noun, _, own = body[1:].partition("@")
    return body[:1] == "+", noun, own


# Words before a count that make it a length of time, not the time between two days ("had
# lived for more than a year and a day after the disaster"): "for" and a second unit.
_SPAN_BEFORE = re.compile(r"(?i)\b(?:for|and)\s{1,3}(?:[a-z]{1,12}\s{1,3}){0,2}$")


# Words that end the noun phrase of an event: "after the Dolgarrog dam failure *in* north
# Wales".
_PHRASE_END = re.compile(r"[,.;:()\"\u201c\u201d]")


def _head_noun(text: str, start: int) -> str | None:
    """The last word of the noun phrase at `start` ("Dolgarrog dam *failure*"), if it is
    a plain lower-case word: an event named by a name alone ("after the Arena") has none
    to tell it by."""
    end = _PHRASE_END.search(text, start)
    words: list[str] = []
    for m in WORD.finditer(text, start, end.start() if end else len(text)):
        word = m.group(0)
        if words and (word.lower() in STOPWORDS or len(words) == 4):
            break
        words.append(word)
    last = words[-1] if words else ""
    return last.lower() if last.islower() else None


def _since_event(
    claim: Claim, fact: Fact, later: re.Match[str], own: Sequence[Fact], sign: int
) -> Fact | None:
    """The count of a time from an event the article does not date to the claim's own
    date ("in March 2017, some 18 months after the crash"), marked for the judge, who
    reads the event's date from the sources; None for a length of time ("had lived for
    more than a year and a day after the disaster") or without a date to count to."""
    value = fact.value
    if value is None or value.unit not in ("day", "week", "month", "year"):
        return None
    lead = claim.text[max(0, fact.start - claim.start - 30) : fact.start - claim.start]
    if _SPAN_BEFORE.search(lead):
        return None
    counted_to = _own_date(fact, own)
    noun = _head_noun(claim.text, later.start(2))
    if counted_to is None or noun is None:
        return None
    way = "+" if sign > 0 else "-"
    return replace(fact, value=replace(value, subject=f"{ELAPSED_EVENT}{way}{noun}@{counted_to}"))


def _apart(a: Fact, b: Fact) -> int:
    """The characters between two facts of one text."""
    return min(abs(a.start - b.end), abs(b.start - a.end))


def _own_date(fact: Fact, own: Sequence[Fact]) -> str | None:
    """The claim's date nearest a time counted from an event, if it has a year."""
    dates = [f for f in own if f.value is not None and f.value.date and not f.value.qualifier]
    if not dates:
        return None
    nearest = min(dates, key=lambda f: _apart(f, fact))
    iso = nearest.value.date if nearest.value else None
    return iso if iso and not yearless(iso) else None


def _told_of(earlier: Sequence[Claim], noun: str) -> list[tuple[Fact, str]]:
    """The date of the last earlier sentence that tells of `noun` (by its stem) and
    dates it, nearest the noun: "issued a section 114 notice" on 5 September 2023. A
    sentence that only counts from the noun ("six months after the notice") is
    passed over."""
    for claim in list(earlier)[::-1][:TOLD_OF_REACH]:
        mentions = event_mentions(claim.text, noun)
        dated = [d for d in _dated(claim, claim.facts) if d[0].value and d[0].value.date]
        if mentions and dated:
            at = mentions[-1] + claim.start
            # A date the words about the event go on to give ("whose partial collapse
            # ... in the summer of 2019", "since he died, ..., on 15 August 2016"), before
            # one further back ("Three years ago this week, a review ...").
            after = [d for d in dated if 0 <= d[0].start - at <= TOLD_AFTER]
            if after:
                return [min(after, key=lambda d: d[0].start)]
            return [min(dated, key=lambda d: min(abs(d[0].start - at), abs(d[0].end - at)))]
    return []


def event_mentions(text: str, noun: str) -> list[int]:
    """Where `text` tells of the event `noun` names (`_tells_of`), bar the words that
    only count a time from it ("three years after the crash")."""
    root = stem(noun.lower())
    words = [
        m.start()
        for m in WORD.finditer(text)
        # ("Mr Justice Fraser", "the Justice for Subpostmasters Alliance": a name's word
        # tells of no event)
        if (m.group(0).islower() or not text[: m.start()].strip())
        and _tells_of(m.group(0), noun, root)
        and not _AFTER_THE.search(text[max(0, m.start() - 40) : m.end()])
        and not _AFTER_CLAUSE.search(text[max(0, m.start() - 40) : m.end()])
    ]
    # A phrase that says the verb: "the jury cleared the 54-year-old of all charges"
    # tells of "after he was acquitted".
    said = [
        start
        for verb, start, end in lexicon.phrases(text)
        if _tells_of(verb, noun, root)
        and not _AFTER_THE.search(text[max(0, start - 40) : end])
        and not _AFTER_CLAUSE.search(text[max(0, start - 40) : end])
    ]
    return sorted(set(words) | set(said))


_TELLS_OF = frozenset({lexicon.Relation.SAME, lexicon.Relation.SYNONYM})


def _tells_of(word: str, noun: str, root: str) -> bool:
    """Whether `word` tells of the event `noun` names: the same stem, a word of the
    same family ("died" / "the death", "settled" / "the settlement") or of the same
    sense ("cleared" / "acquitted")."""
    low = word.lower()
    if stem(low) == root:
        return True
    return lexicon.relation(low, noun.lower()) in _TELLS_OF or lexicon.derived(low, noun)


def _elapsed(anchors: Sequence[tuple[Fact, str]], own: Sequence[Fact], sign: int) -> str | None:
    """The span from the anchor's date to the claim's own date (or back, for "before"),
    as "elapsed:FROM..TO" (ISO dates) for the count judge; None without both."""
    usable = [
        a
        for a, before in anchors
        if a.value and a.value.date and not a.value.qualifier
        and not _PERIOD_END_BEFORE.search(before)
    ]  # fmt: skip
    if not usable or not own or own[0].value is None or own[0].value.date is None:
        return None
    first, then = usable[-1].value, own[0].value
    if first is None or first.date is None or yearless(first.date) or yearless(then.date or ""):
        return None
    start, end = (first.date, then.date) if sign > 0 else (then.date, first.date)
    return f"{ELAPSED}{start}..{end}@{then.date}"


# Words before a date that make it a period's end, not an event's day: "from May 2011".
_PERIOD_END_BEFORE = re.compile(
    r"\b(?:from|since|between|until|till|to|and)\s{1,3}(?:the\s{1,3})?$", re.IGNORECASE
)


def _anchored_shift(
    dates: Sequence[tuple[Fact, str]], amount: float, unit: str
) -> tuple[Fact, tuple[str, Granularity]] | None:
    """The date a duration counts from, and the date it lands on: the last of `dates`
    that is no period's end and fine enough for the unit ("A day later", after "on 7
    September 2023, to a charge that covered nine years, from May 2011": 8 September)."""
    for anchor, before in reversed(dates):
        if anchor.value is None or anchor.value.date is None or anchor.value.qualifier:
            continue
        if _PERIOD_END_BEFORE.search(before) and not came_at_last(before):
            continue  # the end of a period, not "it took until 26 April 2016"
        shifted = shift_date(anchor.value.date, amount, unit)
        if shifted is not None:
            return anchor, shifted
    return None


def _landing_span(
    dates: Sequence[tuple[Fact, str]], value: Value, sign: int, *, told: bool
) -> tuple[Fact, tuple[str, Granularity]] | None:
    """The days a time counted from a date coarser than its unit may land on ("in March
    2020. Five weeks later", "in December 2019 ... settled. Five days after the
    settlement"), or from a time said roughly ("almost two years later", "nearly four
    years after he was acquitted"): `_anchored_span`. An event the article told of and
    dated by its year alone ("the collapse" of 2019) leaves too many days to tell."""
    if told:
        dates = [(f, b) for f, b in dates if f.value and f.value.granularity != Granularity.YEAR]
    return _anchored_span(dates, value, sign)


def _anchored_span(
    dates: Sequence[tuple[Fact, str]], value: Value, sign: int
) -> tuple[Fact, tuple[str, Granularity]] | None:
    """The date a time counts from and the days it may land on (`shift_span`): from
    any day of the last of `dates` that is no period's end, by the time as said, a
    round one give or take half its unit ("five weeks": four and a half to five and a
    half), "just over" one up to a unit more. None for a time with no end ("more than
    five years later")."""
    if value.number is None:
        return None
    low, high = interval(value)
    if not value.qualifier:
        low, high = value.number - 0.5, value.number + 0.5
    elif math.isinf(high) and value.qualifier.startswith("just"):
        high = value.number + 1
    for anchor, before in reversed(dates):
        if anchor.value is None or anchor.value.date is None or anchor.value.qualifier:
            continue
        if _PERIOD_END_BEFORE.search(before) and not came_at_last(before):
            continue
        span = shift_span(anchor.value.date, sign * max(low, 0.0), sign * high, value.unit or "")
        return (anchor, (span, Granularity.MONTH)) if span is not None else None
    return None


def _only_subject_words(before: str) -> bool:
    """Whether the words before an age leave it the sentence's subject: a few words,
    none of them a name ("Five months later the", "She was a"; not "Jones met the")."""
    words = WORD.findall(before)
    return len(words) <= SUBJECT_WORDS and not any(
        w[:1].isupper()
        and w.lower() not in STOPWORDS
        and not _PRONOUN_START.match(w)
        and parse_number(w) is None
        for w in words
    )


# An age said of someone already named: "the jury cleared *the* 54-year-old", "since
# *he died*, aged 48".
DEFINITE_BEFORE = re.compile(r"(?i)\bthe\s{1,3}$")
_PERSONAL = re.compile(r"(?i)\b(?:he|she|his|him|her)\b")
# "He" or "she" as the subject, first or after an opening phrase ("In 2009, he ...").
_SHE_OR_HE = re.compile(r"(?i)^(?:[^,]{1,60},\s{1,3})?(she|he)\b")
_PRONOUN_DID = re.compile(r"(?i)\b(?:he|she)\s{1,3}(?:[a-z]+\s{1,3}){0,2}[a-z]+,\s{0,3}$")


def _names_someone(claim: Claim, before: str) -> bool:
    """Whether the words before an age name someone: a capitalised word that is no month,
    weekday, common word or number ("Jones met the"; not "On 8 March 2019 the jury
    cleared the", "Seven years have passed since he died,")."""
    dated = [(e.start - claim.start, e.end - claim.start) for e in claim.entities
             if e.label in ("DATE", "TIME", "CARDINAL", "ORDINAL")]  # fmt: skip
    for m in WORD.finditer(before):
        w = m.group(0)
        if (
            w[:1].isupper()
            and w.lower() not in STOPWORDS
            and w.lower() not in _CALENDAR
            and parse_number(w) is None
            and not _PRONOUN_START.match(w)
            and not any(a <= m.start() < b for a, b in dated)
        ):
            return True
    return False


_CALENDAR = frozenset(m.lower() for m in MONTH_NAMES) | frozenset(
    "monday tuesday wednesday thursday friday saturday sunday".split()
)


def _resolve_subjects(claims: list[Claim]) -> list[Claim]:
    """Ages whose subject is a pronoun or a bare noun, given the person named just before.

    "His younger brother Hashem ... Five months later the twenty-three-year-old
    was jailed": the age is Hashem's. Only an age that opens its sentence (within
    SUBJECT_WORDS words), one said with "the" ("the jury cleared the 54-year-old") or
    one said after a pronoun's verb ("since he died, aged 48"), no person named before
    it there, takes the last person named in the sentence before, so that "Jones met
    the 23-year-old" stays nobody's.
    """
    out: list[Claim] = []
    last: str | None = None
    known: set[str] = set()
    for claim in claims:
        facts = list(claim.facts)
        for k, fact in enumerate(facts):
            if fact.kind != FactKind.AGE or fact.subject or last is None:
                continue
            before = claim.text[: fact.start - claim.start]
            named = any(e.label == "PERSON" and e.start < fact.start for e in claim.entities)
            if not named and (
                _only_subject_words(before)
                or (
                    (DEFINITE_BEFORE.search(before) or _PRONOUN_DID.search(before))
                    and not _names_someone(claim, before)
                )
            ):
                facts[k] = replace(fact, subject=last)
        if facts != list(claim.facts):
            claim = replace(claim, facts=tuple(facts))
        opening = _SHE_OR_HE.match(claim.text)
        # Nobody named before the pronoun: "After meeting Smith, he ..." says no more of
        # who "he" is.
        if (
            last is not None
            and opening is not None
            and not any(
                e.label == "PERSON" and e.start < claim.start + opening.start(1)
                for e in claim.entities
            )
        ):
            claim = replace(claim, referent=last)
        out.append(claim)
        # A person named before is a person wherever the tagger reads the name
        # otherwise ("to charge Hill", Hill tagged a body, after "Andy Hill, 51").
        people = [
            e.text
            for e in claim.entities
            if e.label == "PERSON" or any(same_name(k, e.text) for k in known)
        ]
        known.update(e.text for e in claim.entities if e.label == "PERSON")
        # A sentence that names nobody but speaks of "he" or "she" goes on of the last.
        goes_on = _PRONOUN_START.match(claim.text) or _PERSONAL.search(claim.text)
        last = people[-1] if people else (last if goes_on else None)
    return out


def _claim(
    sentence: str,
    start: int,
    entities: list[tuple[str, int, int]],
    line_starts: list[int],
    metadata: Metadata,
) -> Claim:
    line = bisect_right(line_starts, start)
    column = start - line_starts[line - 1] + 1
    yardsticks = [(start + m.start(), start + m.end()) for m in _YARDSTICK.finditer(sentence)]
    facts = [
        f
        for f in sentence_facts(sentence, start, entities, published=metadata.published)
        if not any(a <= f.start and f.end <= b for a, b in yardsticks)
    ]
    frames = opinion_frames(sentence)
    if not facts and (entities or _ACRONYM.search(sentence) or _states_outside(sentence, frames)):
        # Nothing typed, but it names someone or something, or says something outside
        # its opinion frames: check what it says.
        facts.append(
            Fact(
                FactKind.STATEMENT,
                sentence,
                start,
                start + len(sentence),
                context=tuple(content_words(sentence)),
            )
        )
    dates = [
        f.value
        for f in facts
        if f.kind == FactKind.DATE and f.value is not None and not yearless(f.value.date)
    ]
    reference = max(dates, key=lambda v: len(v.date or ""), default=None)
    checkworthy, reason = True, None
    # An opinion frame is not check-worthy; the facts inside it are ("for the council
    # to lose one vote was bad enough, but losing four ... is absurd").
    typed = [f for f in facts if f.kind != FactKind.STATEMENT]
    if not has_words(sentence):
        checkworthy, reason = False, "no word of a language (only emoji, symbols or numbers)"
    elif frames and not typed and not _states_outside(sentence, frames):
        frame = sentence[frames[0][0] : frames[0][1]].strip()
        checkworthy, reason = False, f"opinion or speculation ({frame!r})"
    elif not typed and (modals := _speculation(sentence)):
        checkworthy, reason = False, f"speculation ({', '.join(repr(m) for m in modals)})"
    elif not facts:
        checkworthy, reason = False, "no checkable fact (no number, date, quote or name)"
    if reference is not None and not _AGE_AT_EVENT.search(sentence):
        # An age is said as of the article's date, not of an event the sentence dates
        # ("Jones, 38, who was jailed in 2015"), unless it says so ("was 41 when").
        reference = None
    return Claim(
        id=claim_id(sentence),
        text=sentence,
        start=start,
        end=start + len(sentence),
        line=line,
        column=column,
        facts=tuple(facts) if checkworthy else (),
        checkworthy=checkworthy,
        reason=reason,
        reference_date=reference.date if reference else metadata.published,
        frames=tuple((start + a, start + b) for a, b in frames),
        entities=tuple(
            Entity(label, sentence[s:e], start + s, start + e) for label, s, e in entities
        ),
    )


def _states_outside(sentence: str, frames: list[tuple[int, int]]) -> bool:
    """Whether a sentence says STATEMENT_WORDS content words outside its opinion frames,
    none of them a frame of belief ("I suspect many readers will share my anger": what
    the writer suspects is opinion too)."""
    if _OPINION.search(sentence):
        return False
    rest, last = [], 0
    for a, b in frames:
        rest.append(sentence[last:a])
        last = max(last, b)
    rest.append(sentence[last:])
    return len(content_words(" ".join(rest))) >= STATEMENT_WORDS


def _speculation(sentence: str) -> list[str]:
    """The modal verbs of a sentence every clause of which says what can, might or should
    be ("No law can undo what happened, but this one might spare another family");
    empty when one clause states something."""
    if _REPORTED.search(sentence):
        return []  # "Smith said he could not remember": who said it is checkable
    parts = [sentence[a:b] for a, b in clauses(sentence) if sentence[a:b].strip()]
    found = [_MODAL.search(p) for p in parts]
    if not parts or any(m is None for m in found):
        return []
    return list(dict.fromkeys(m.group(0).lower() for m in found if m is not None))


def opinion_frames(sentence: str) -> list[tuple[int, int]]:
    """Spans of a sentence that frame it as opinion: "I suspect", "it is a disgrace that"."""
    spans = [
        (m.start(), m.end())
        for pattern in (
            _OPINION,
            _FRAME_THAT,
            _FRAME_AGAIN,
            _MEMORY_LEAD,
            _FRAME_PREDICATE,
            _YARDSTICK,
            _MODAL_LEAD,
            _QUOTE_LEAD,
            _WEIGHING_LEAD,
            _COMMENT_AFTER,
        )
        for m in pattern.finditer(sentence)
    ]
    return sorted(spans)


def sentence_facts(
    sentence: str,
    start: int,
    entities: list[tuple[str, int, int]],
    *,
    published: str | None = None,
) -> Iterator[Fact]:
    """The atomic facts of one sentence; offsets are moved to the article by `start`.

    `entities` are (label, start, end) relative to the sentence; `published` the
    article's date, which dates a weekday it names ("on Thursday").
    """
    quotes = [
        (
            m.start(1) if m.group(1) is not None else m.start(2),
            m.end(1) if m.group(1) is not None else m.end(2),
        )
        for m in _QUOTE.finditer(sentence)
    ]
    context = tuple(content_words(_without(sentence, quotes)))
    persons = [(s, e) for label, s, e in entities if label == "PERSON"]
    for value in find_values(sentence, offset=start, persons=persons, published=published):
        if any(qs <= value.start - start < qe for qs, qe in quotes):
            continue  # a number inside a quote is checked with the quote
        if value.kind == ValueKind.ORDINAL or (
            value.kind == ValueKind.NUMBER and value.number is not None and value.number < 2
        ):
            continue  # "first", "one of": rarely the point of a sentence, often noise
        yield Fact(
            kind=FactKind(value.kind.value),
            text=value.text,
            start=value.start,
            end=value.end,
            value=value,
            subject=value.subject or value.unit,
            context=context,
        )
    # A name inside a quotation is one the speaker names, never the speaker.
    speakers = [
        (s, e)
        for label, s, e in entities
        if label in ("ORG", "PERSON", "NORP", "GPE") and not any(qs <= s < qe for qs, qe in quotes)
    ]
    for qs, qe in quotes:
        raw = sentence[qs:qe]
        quote = raw.strip()
        if len(WORD.findall(quote)) < 2 and not _QUOTED_MANNER.fullmatch(quote):
            continue  # a single quoted word is usually a term, not a quotation
        speaker = _nearest(speakers, qs, sentence)
        at = start + qs + len(raw) - len(raw.lstrip())  # the offsets of the words, not the blanks
        yield Fact(FactKind.QUOTE, quote, at, at + len(quote), subject=speaker, context=context)
    for match in _RANK.finditer(_without(sentence, quotes)):
        yield Fact(
            FactKind.RANK,
            rank_name(match.group(0)),
            start + match.start(),
            start + match.end(),
            subject="rank",
            context=context,
        )
    for label, s, e in entities:
        if label != "ORG" and label != "PERSON":
            continue
        if (
            _ATTRIBUTION_AFTER.match(sentence[e:])
            or _ATTRIBUTION_BEFORE.search(sentence[:s])
            or (_WORDS_AFTER.match(sentence[e:]) and _IN_THE.search(sentence[:s]))
        ):
            name = _strip_article(sentence[s:e])
            yield Fact(
                FactKind.ATTRIBUTION, name, start + s, start + e, subject=name, context=context
            )


def rank_name(text: str) -> str:
    """A police rank as one comparable name: "Chief  Inspectors" -> "chief inspector"."""
    return " ".join(text.lower().split()).removesuffix("s")


def ranks(text: str) -> set[str]:
    """The police ranks a text names."""
    return {rank_name(m.group(0)) for m in _RANK.finditer(text)}


def _without(sentence: str, spans: list[tuple[int, int]]) -> str:
    chars = list(sentence)
    for s, e in spans:
        chars[s:e] = " " * (e - s)
    return "".join(chars)


def _nearest(spans: list[tuple[int, int]], position: int, sentence: str) -> str | None:
    spans = [(s, e) for s, e in spans if e > s]
    if not spans:
        return None
    s, e = min(spans, key=lambda span: min(abs(span[0] - position), abs(span[1] - position)))
    return _strip_article(sentence[s:e])


def _strip_article(name: str) -> str:
    name = name.strip()
    for article in ("the ", "The "):
        if name.startswith(article):
            return name[len(article) :]
    return name.removesuffix("'s").removesuffix("\u2019s")


# A person's title before a name: "Mr Gove" is the Gove of "Michael Gove".
_PERSONAL_TITLE = re.compile(r"^(?:mr|mrs|ms|miss|dr|sir|dame|lord|lady|prof|rev)\.?\s+(?=\S)")


def _untitled(name: str) -> str:
    """A lower-cased name without the personal title before it or the letters after it
    ("kc" of "dijen basu kc"): a name of the letters alone names no one."""
    bare = _PERSONAL_TITLE.sub("", name, count=1)
    return _POST_NOMINALS.sub("", bare) if " " in bare.strip() else bare


# Letters after a name that say what a person is, not who: "Dijen Basu KC", "Paula
# Vennells CBE".
_POST_NOMINALS = re.compile(r"(?:,?\s{1,3}(?:kc|qc|mp|msp|cbe|obe|mbe|kbe|dbe|frs|jr|sr|phd))+\.?$")


def acronym(name: str) -> str:
    """Initials of a name's significant words: "Independent Office for Police Conduct" -> IOPC."""
    words = [w for w in name.split() if w.lower() not in _ORG_ACRONYM_STOP]
    return "".join(w[0].upper() for w in words if w[:1].isalpha())


@lru_cache(maxsize=65536)
def same_name(a: str, b: str) -> bool:
    """Whether two names can denote the same person or organisation.

    "Port" and "Stephen Port" (a surname), "IOPC" and "Independent Office for
    Police Conduct" (an acronym), "the Met" and "Metropolitan Police" (a
    shortened word), "Mr Gove" and "Michael Gove" (a title) all match; "Jack Taylor"
    and "Daniel Whitworth" do not.
    """
    x, y = _untitled(_strip_article(a).lower()), _untitled(_strip_article(b).lower())
    x, y = plain_letters(x), plain_letters(y)  # "Brčko" / "Brcko"
    if not x or not y:
        return False
    if x == y or x.replace("-", " ") == y.replace("-", " "):
        return True  # "Coca-Cola" / "Coca Cola"
    wx, wy = x.split(), y.split()
    if (
        len(wx) == len(wy) > 1
        and wx[-1] == wy[-1]
        and [singular(w) for w in wx] == [singular(w) for w in wy]
    ):
        # "the State of Emergency" / "States of Emergency"; not "Rolling Stone" / "the
        # Rolling Stones", whose last word tells them apart.
        return True
    if wx[-1] == wy[-1] and (
        len(wx) == 1 or len(wy) == 1 or wx[0] == wy[0] or same_given_name(wx[0], wy[0])
    ):
        return len(wx) == 1 or len(wy) == 1 or not _other_middles(wx[1:-1], wy[1:-1])
    short, long_ = (a, b) if len(x) < len(y) else (b, a)
    short_clean = _strip_article(short)
    if short_clean.isupper() and short_clean == acronym(_strip_article(long_)):
        return True
    words_short = _strip_article(short).lower().split()
    words_long = _strip_article(long_).lower().split()
    # A word shortened ("the Met"), not the first part of a compound: "American" is no
    # name of "American-Indian".
    return len(words_short) == 1 and any(
        w.startswith(words_short[0])
        and len(words_short[0]) >= 3
        and w[len(words_short[0]) : len(words_short[0]) + 1] != "-"
        for w in words_long
    )


@lru_cache(maxsize=1)
def _nick_namer() -> NickNamer:
    return NickNamer()


@lru_cache(maxsize=8192)
def same_given_name(a: str, b: str) -> bool:
    """Whether two given names are one name's forms: "Matt" and "Matthew", "Andy" and
    "Andrew" (the `nicknames` dataset of English names); "Mark" and "Matthew" are not."""
    x, y = a.lower().rstrip("."), b.lower().rstrip(".")
    if x == y:
        return True
    if len(x) < 2 or len(y) < 2:
        return False
    names = _nick_namer()
    return y in names.nicknames_of(x) | names.canonicals_of(x) or x in names.nicknames_of(
        y
    ) | names.canonicals_of(y)


def _other_middles(a: list[str], b: list[str]) -> bool:
    """Whether two names' middle words differ beyond an initial or a word one adds:
    "Sony Computer Entertainment America" / "Sony Interactive Entertainment America"
    do; "Mark T. Vande Hei" / "Mark Vande Hei" do not."""
    x = {stem(w) for w in a if len(w.rstrip(".")) > 1}
    y = {stem(w) for w in b if len(w.rstrip(".")) > 1}
    return bool(x - y) and bool(y - x)


# What a pronoun may stand for: the names of the sentence before, rather than all
# its words, which pull in passages about its other matters.
_REFERRED = frozenset(
    {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW"}
)


# A pronoun as the subject after an opening phrase: "Upon his return in January 2009,
# he again became ...", "Eleven days later, he followed up ...".
_PRONOUN_AFTER_OPENING = re.compile(r"^[^,]{1,60},\s{1,3}(?:he|she|they|it)\b", re.I)
# Values a sentence states besides its words: each counts as a word of what it says.
_VALUED = frozenset(
    {FactKind.COUNT, FactKind.AGE, FactKind.DATE, FactKind.MONEY, FactKind.PERCENT, FactKind.NUMBER}
)
# A sentence that says fewer things than this leans on the sentence before.
_SAYS_ENOUGH = 5


def context_for(claims: list[Claim], index: int) -> tuple[str, ...]:
    """Words from the sentence before, when this one leans on it.

    That is when its subject is a pronoun, first or after an opening phrase
    ("Their ranks ranged...", "Upon his return in 2009, he ...": the names the
    sentence before gives, else all its words), or when it says too little on
    its own, its figures counted with its words ("The BBC reported the decision
    too.": all its words; "Paterson died on November 10, 2018, at the age of
    78." says enough).
    """
    text = claims[index].text
    leans = bool(_PRONOUN_START.match(text) or _PRONOUN_AFTER_OPENING.match(text))
    said = len(content_words(text)) + sum(1 for f in claims[index].facts if f.kind in _VALUED)
    if index == 0 or not (leans or said < _SAYS_ENOUGH):
        return ()
    before = claims[index - 1]
    if leans:
        names = [e.text for e in before.entities if e.label in _REFERRED]
        if names:
            return tuple(content_words(" ".join(names)))
    return tuple(content_words(before.text))
