#!/usr/bin/env python3
"""Build the corpus's one PDF source: 2016-11-23-ipcc-misconduct-notices.pdf.

The text below is a summary written for the claimcheck evidence corpus in the
project's own words; it states facts from the IPCC's release of 23 November
2016 ("Update on investigation into Metropolitan Police response to Barking
deaths", policeconduct.gov.uk). Its metadata for the reader is in the sidecar
file 2016-11-23-ipcc-misconduct-notices.pdf.meta.yaml beside the PDF.

The layout is chosen to exercise the extractor:
  * a running header and a "Page N of M" footer on every page, which the
    extractor must drop;
  * lines are broken here, not by fpdf, so that some words are hyphenated
    across a line end ("miscon-" / "duct"), which the extractor must rejoin;
  * the document runs over more than one page.
Core fonts only, hence plain ASCII text. The creation date and producer are
fixed, so a rebuild gives the same bytes (with the same fpdf2 version).

Run:  python sources/build_pdf.py   (rewrites the PDF beside this script)
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from fpdf import FPDF

HERE = Path(__file__).resolve().parent
OUTPUT = HERE / "2016-11-23-ipcc-misconduct-notices.pdf"

RUNNING_HEADER = "Independent Police Complaints Commission - Press release"
TITLE = "Update on the investigation into the police response to the Barking deaths"
AUTHOR = "Independent Police Complaints Commission"
NOTICE = (
    "Summary written for the claimcheck evidence corpus in the project's own words; "
    "not the original IPCC release of 23 November 2016."
)
DATELINE = "23 November 2016"
CREATED = datetime(2016, 11, 23, 12, 0, 0, tzinfo=timezone.utc)

# The body: ("h", text) is a heading, ("p", text) a paragraph. A "|" inside a
# word marks a point where the word may be hyphenated at the end of a line;
# the "|" itself never reaches the PDF.
BODY: list[tuple[str, str]] = [
    (
        "p",
        "On 23 November 2016 Stephen Port was convicted at the Central Criminal Court, "
        "the Old Bailey, of murdering four young men in Barking, east London. He is due "
        "to be sentenced on Friday 25 November 2016.",
    ),
    (
        "p",
        "The Independent Police Complaints Commission (IPCC) is inves|ti|gating how the "
        "Metropolitan Police Service responded to the deaths of Anthony Walgate, 23, "
        "Gabriel Kovari, 22, Daniel Whitworth, 21, and Jack Taylor, 25. All four "
        "were found dead in Barking, on different dates, between June 2014 and "
        "September 2015.",
    ),
    (
        "p",
        "It was the Metropolitan Police itself that asked the IPCC to look into the "
        "matter, in October 2015, once it had become concerned about how the deaths "
        "were first investi|gated.",
    ),
    ("h", "Misconduct notices"),
    (
        "p",
        "The IPCC announced on 23 November 2016 that it had served miscon|duct notices "
        "on 17 Metropolitan Police officers. Some of the notices are for gross miscon|duct. "
        "The 17 officers range in rank from constable to inspector.",
    ),
    (
        "p",
        "A misconduct notice tells an officer that his or her conduct is under "
        "investi|gation. Serving a notice does not mean that misconduct has been proved, "
        "or that disciplinary proceedings will follow.",
    ),
    (
        "p",
        "The notices relate to the period before the murder inquiry began. The IPCC "
        "is looking at what investigative steps officers took after each death, how "
        "they handled the evidence, and whether they weighed the similarities "
        "between the cases.",
    ),
    ("h", "The IPCC's investigation"),
    (
        "p",
        "IPCC Commissioner Cindy Butts offered her sympathy to everyone affected by "
        "the four deaths. The inves|ti|gation, she said, must find out whether "
        "officers dealt with each death properly and thoroughly, and whether "
        "discrim|ination influenced any of their decisions.",
    ),
    (
        "p",
        "The IPCC is appealing to anyone with infor|mation about the police response to "
        "the deaths to come forward and contact its investigators.",
    ),
]

# Page geometry, in millimetres, on A4 portrait. The large type is deliberate:
# it spreads a short text over two pages or more.
LEFT = RIGHT = 25.0
TOP = 30.0
BOTTOM = 25.0
BODY_SIZE = 14
BODY_LEADING = 7.5
HEADING_SIZE = 17


class PressRelease(FPDF):
    def header(self) -> None:
        self.set_font("Helvetica", "", 9)
        self.set_text_color(90, 90, 90)
        self.set_xy(LEFT, 12)
        self.cell(0, 5, RUNNING_HEADER, align="L")
        self.set_draw_color(150, 150, 150)
        self.line(LEFT, 19, self.w - RIGHT, 19)
        self.set_text_color(0, 0, 0)
        self.set_y(TOP)

    def footer(self) -> None:
        self.set_y(-18)
        self.set_font("Helvetica", "", 9)
        self.set_text_color(90, 90, 90)
        self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="C")
        self.set_text_color(0, 0, 0)


def break_lines(pdf: FPDF, text: str, width: float) -> tuple[list[str], list[str]]:
    """Greedy line breaking with the current font.

    A word that does not fit is split at its last "|" mark that leaves the
    head (with a hyphen) on the line. Returns the lines and the words that
    were hyphenated.
    """
    lines: list[str] = []
    hyphenated: list[str] = []
    current = ""
    for word in text.split():
        plain = word.replace("|", "")
        candidate = f"{current} {plain}" if current else plain
        if pdf.get_string_width(candidate) <= width:
            current = candidate
            continue
        parts = word.split("|")
        for cut in range(len(parts) - 1, 0, -1):
            head = "".join(parts[:cut]) + "-"
            trial = f"{current} {head}" if current else head
            if pdf.get_string_width(trial) <= width:
                lines.append(trial)
                hyphenated.append(f"{head}/{''.join(parts[cut:])}")
                current = "".join(parts[cut:])
                break
        else:
            if current:
                lines.append(current)
            current = plain
    if current:
        lines.append(current)
    return lines, hyphenated


def build(path: Path = OUTPUT) -> dict[str, object]:
    pdf = PressRelease(orientation="P", unit="mm", format="A4")
    pdf.set_margins(LEFT, TOP, RIGHT)
    pdf.set_auto_page_break(auto=True, margin=BOTTOM)
    pdf.alias_nb_pages()
    pdf.set_title(TITLE)
    pdf.set_author(AUTHOR)
    pdf.set_subject(NOTICE)
    pdf.set_creator("claimcheck sources/build_pdf.py")
    pdf.set_producer("fpdf2")
    pdf.set_creation_date(CREATED)
    pdf.add_page()

    width = pdf.w - LEFT - RIGHT

    pdf.set_font("Helvetica", "B", 20)
    title_lines, _ = break_lines(pdf, TITLE, width)
    for line in title_lines:
        pdf.cell(width, 10, line, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font("Helvetica", "", 12)
    pdf.cell(width, 7, DATELINE, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "I", 9)
    for line in break_lines(pdf, NOTICE, width)[0]:
        pdf.cell(width, 5, line, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)

    hyphenated: list[str] = []
    for kind, text in BODY:
        if kind == "h":
            pdf.ln(3)
            pdf.set_font("Helvetica", "B", HEADING_SIZE)
            pdf.cell(width, BODY_LEADING, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
            continue
        pdf.set_font("Helvetica", "", BODY_SIZE)
        lines, split_words = break_lines(pdf, text, width)
        hyphenated.extend(split_words)
        for line in lines:
            pdf.cell(width, BODY_LEADING, line, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(BODY_LEADING / 2)

    if pdf.page_no() < 2:
        raise SystemExit("layout error: the PDF must run over at least two pages")
    if not hyphenated:
        raise SystemExit("layout error: no word was hyphenated across a line end")
    pdf.output(str(path))
    return {"path": path, "pages": pdf.page_no(), "hyphenated": hyphenated}


if __name__ == "__main__":
    result = build()
    print(f"wrote {result['path'].name}: {result['pages']} pages, hyphenated {result['hyphenated']}")
