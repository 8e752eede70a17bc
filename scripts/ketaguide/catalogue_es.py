"""The Spanish rules page (docs-es/about/writing-rules.md): a Spanish introduction, then the
catalogue of docs/about/writing-rules.md as it is, in English, each heading and paragraph of it
marked lang="en" (so a screen reader reads it as English).

The catalogue stays in English, as the findings `ketaguide check` prints do: it is written from
the rules themselves, and a Spanish copy kept by hand would fall behind them. The introduction
says so, and explains in Spanish what is different on Spanish pages, with the limits from the
code. Same rule ids and anchors (#cnt015) on both pages. Written by `ketaguide rules --write`,
stamped with the English page's fingerprint, so the translation check sees it current.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ketaguide import catalogue
from ketaguide.content import readinglevel
from ketaguide.translations import fresh

PAGE = Path("docs-es/about/writing-rules.md")
GROUPS = {
    "CNT": "Páginas",
    "CLN": "Datos de las clínicas",
    "YML": "YAML en las fichas de clínicas y el encabezado de las páginas",
    "LNK": "Enlaces",
    "FIL": "Archivos en docs/, docs-es/, data/ y overrides/",
    "SEC": "Páginas seguras: encabezado, enlaces y HTML",
    "REV": "Registros de revisión: revisores, firmas, registro de revisiones",
    "TRN": "Traducciones: la edición en español",
}
INTRO = f"""\
`ketaguide check` revisa cada página de la guía, en inglés (`docs/`) y en español (`docs-es/`),
y cada ficha de clínica. Cada problema es un hallazgo: el archivo, la línea y la columna, la
gravedad, el número y el nombre de la regla, y lo que encontró. Un **error** impide publicar el
sitio. Una **advertencia** (warning) no lo impide, salvo con `--strict`.

Las páginas en español siguen las mismas reglas que las páginas en inglés, con estas diferencias:

- **Nivel de lectura (CNT013 y CNT014).** Se mide con el índice de Szigriszt-Pazos, en la escala
  INFLESZ, hecha para textos en español dirigidos a pacientes. Cuanto más alto, más fácil. La
  revisión avisa por debajo de {readinglevel.WARN_BELOW_ES:g} (menos que "normal", el nivel de la
  escuela secundaria) y detiene la página por debajo de {readinglevel.ERROR_BELOW_ES:g} ("muy
  difícil"). Un texto sencillo, con frases de unas 15 palabras, suele dar entre 65 y 70.
- **Afirmaciones engañosas (CNT015).** Palabras que prometen más de lo que muestran los estudios:
  "cura", "milagro", "revolucionario", "garantiza", "100 %", "sin efectos secundarios",
  "completamente seguro", "no es adictiva", o "aprobado por la FDA" dicho de la ketamina IV para
  la depresión o el dolor.
- **Ayuda en crisis (CNT018).** Una página que habla de la depresión, el suicidio o la
  autolesión lleva `crisis: true`. Donde la página en inglés da la línea 988, la página en
  español da la línea 988 en español (marque 2, o envíe AYUDA): `--8<-- "crisis.md"`.
- **Declaraciones compartidas (CNT023 a CNT026).** Las de `docs-es/_shared/`, con sus palabras
  clave en español en `docs-es/_shared/statements.yml`. Las fuentes (`sources/`) son las de la
  página en inglés.
- **Ortografía (CNT020).** Solo en inglés. No hay una lista de errores comunes en español como la
  de codespell, y los diccionarios en español marcan como error muchos nombres de medicamentos y
  términos médicos correctos. La ortografía en español la revisa la persona que compara cada
  página en español con su página en inglés.
- **Traducciones (TRN001 a TRN003).** Cada página en español nombra su página en inglés
  (`translation_of`), guarda la huella del texto en inglés que tradujo (`source_hash`) y cita
  exactamente las mismas fuentes. Si la página en inglés cambia, la revisión lo avisa y la
  página publicada muestra un aviso con un enlace a la versión en inglés. Después de actualizar
  la traducción, ejecute `ketaguide translations --stamp docs-es/RUTA.md`.

**En qué idioma está este catálogo.** Esta introducción está en español. El catálogo de abajo
está en inglés, igual que los mensajes de `ketaguide check`: se genera a partir de las reglas
mismas, y una traducción hecha a mano se quedaría atrás. Los números de las reglas y sus enlaces
(por ejemplo, `#cnt015`) son los mismos que en la página en inglés.
"""


def render(source_hash: str, last_reviewed: dt.date, next_review: dt.date) -> str:
    front = catalogue.front_matter(
        "Reglas de redacción y qué significa cada hallazgo",
        "Cada regla que ketaguide check aplica a las páginas, las clínicas y los enlaces de la "
        "guía, por qué existe y cómo corregir un hallazgo.",
        last_reviewed,
        next_review,
        f"translation_of: {catalogue.PAGE.relative_to('docs').as_posix()}",
        f"source_hash: {source_hash}",
        f"translated: {last_reviewed.isoformat()}",
    )
    body = catalogue.sections(GROUPS, lang="en")  # the catalogue, in English, marked as such
    return catalogue.page_text(front, "Reglas de redacción", INTRO, body)


def _render(english: Path) -> catalogue.Render:
    """The page for its dates, stamped with the English page's fingerprint."""
    found = fresh.english_hash(english) if english.is_file() else None
    return lambda last_reviewed, next_review: render(found or "", last_reviewed, next_review)


def is_fresh(page: Path = PAGE, english: Path = catalogue.PAGE) -> bool:
    """Whether the page is what the registry and the English page give, with its own dates."""
    return catalogue.fresh(page, _render(english))


def write(today: dt.date, page: Path = PAGE, english: Path = catalogue.PAGE) -> bool:
    """Write the page (after the English one); dates move only when the text would change."""
    return catalogue.rewrite(today, page, _render(english))
