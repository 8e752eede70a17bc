"""The words of the partials every page shows (overrides/partials/), in Spanish for readers in
the US; the keys of en_pages.py, and the translation's own (TRANSLATION_ONLY in __init__.py):
the translation date in the byline and the notice of a translation behind its English page."""

from __future__ import annotations

from ketaguide.publish.languages import Plural

TEXT = {
    # byline.html
    "byline_made": "Escrito por el equipo editorial con herramientas de redacción con IA; "
    "traducido al español con herramientas de IA.",
    "byline_made_on": "Escrito por el equipo editorial con herramientas de redacción con IA; "
    "traducido al español con herramientas de IA el {date}.",
    "byline_checked": "Un revisor de IA independiente comparó la traducción con el texto en "
    "inglés y sus fuentes el {date}.",
    "byline_unchecked": "Un revisor independiente todavía no ha comprobado los datos de esta "
    "traducción.",
    "byline_reviewed": "Revisado por última vez por el equipo editorial el {date}.",
    "clinical_current": "Revisión clínica: {name}, {credentials}, {date} ({conflicts_link}: "
    "{conflicts}).",
    "conflicts_link": "conflictos de interés",
    "clinical_changed": "Cambió después de la revisión clínica del {date}; falta una nueva "
    "revisión.",
    "clinical_pending": "Revisión clínica: pendiente.",
    "clinical_none": "Revisión clínica: no corresponde a esta página.",
    "first_published": "Publicado por primera vez el {date}",
    "next_review": "Próxima revisión: {date}",
    "overdue": "(revisión atrasada)",
    "policy_link": "Cómo escribimos y revisamos esta guía",
    "report_link": "Informar de un error",
    "full_log": "El registro de revisiones completo",
    # disclosure.html
    "publisher": "{publisher} Su texto, sus herramientas y cada cambio que se les hace son "
    "públicos en {github}.",
    "report_without": "Sin una cuenta de GitHub: {how}.",
    "report_email": "escriba a {address}",
    "report_form": "use {form}",
    "report_form_link": "nuestro formulario para informar de errores",
    "report_with": "Con una cuenta gratuita de GitHub: {issue}, o use el botón de edición en la "
    "parte superior de la página para sugerir un cambio.",
    "report_issue_link": "abra un informe (issue)",
    "report_none": "Todavía no tenemos una forma de informar de errores sin una cuenta de "
    "GitHub. La agregaremos aquí cuando la tengamos.",
    "reviewer": "{name}, {credentials}. {role}. Conflictos de interés: {conflicts}",
    "no_reviewers": "Ningún profesional clínico ha revisado todavía ninguna página, así que "
    'cada página dice "Revisión clínica: pendiente".',
    # more-help.html
    "more_help": "Dónde conseguir más ayuda",
    "side_effect_ask": "¿Tuvo un efecto secundario por la ketamina o la esketamina?",
    "side_effect": "Dígaselo a su médico. También puede informarlo a la FDA por medio de "
    "{medwatch}, en internet o por teléfono al {phone}.",
    "drugs_ask": "¿Le preocupa su consumo de drogas o alcohol?",
    "drugs": "La {samhsa}, {phone}, es gratuita, confidencial y atiende todos los días, a toda "
    "hora, en inglés y en español. Puede indicarle tratamientos y grupos de apoyo cerca de "
    "usted.",
    "samhsa_link": "Línea Nacional de Ayuda de SAMHSA",
    "mental_ask": "¿Vive con depresión u otro problema de salud mental?",
    "mental": "La línea de ayuda de {nami}, {phone}, ofrece apoyo e información gratis a las "
    "personas y sus familias.",
    "pain_ask": "¿Vive con dolor crónico?",
    "pain": "La {uspf} es una organización sin fines de lucro con información y apoyo para las "
    "personas con dolor y quienes las cuidan.",
    "crisis_ask": "¿Está en crisis?",
    "crisis": "En EE. UU., llame al {call988} y marque 2 para hablar en español, o envíe AYUDA "
    "por mensaje de texto al 988. Fuera de EE. UU., {findahelpline} reúne líneas de crisis "
    "gratuitas de muchos países.",
    "independent": "Estos grupos son independientes de esta guía. No tenemos ningún vínculo "
    "con ellos y ellos no revisan nuestras páginas.",
    # urgent-help.html (and the 404 page's box)
    "urgent_title": "¿Necesita ayuda ahora?",
    "urgent": "Si está pensando en el suicidio o en hacerse daño, o si le preocupa otra "
    "persona, llame al {call988} y marque 2 para hablar en español con la Línea 988 de "
    "Prevención del Suicidio y Crisis (EE. UU., gratis, las 24 horas). También puede enviar la "
    "palabra AYUDA por mensaje de texto al 988, o chatear en español en {chat}. Si alguien "
    "está en peligro inmediato, llame al {call911}.",
    "urgent_abroad": "Fuera de EE. UU., busque una línea de crisis gratuita en su país en "
    "{findahelpline}, o llame al número de emergencias de su país.",
    # disclaimer.html
    "disclaimer": "Esta guía ofrece información general, no consejos médicos. Las decisiones "
    "sobre su atención médica les corresponden a usted y a sus profesionales de salud. {full}. "
    "En una crisis en EE. UU., llame al {call988} y marque 2 para recibir ayuda en español, o "
    "envíe AYUDA por mensaje de texto al 988; en una emergencia, llame al {call911}.",
    "disclaimer_link": "Lea el aviso legal completo",
    # not-found.html
    "not_found": "No encontramos esa página",
    "not_found_why": "Es posible que la página haya cambiado de lugar o que la dirección tenga "
    "un error de escritura.",
    "not_found_home": "Ir a la página principal",
    "not_found_search": "Use el cuadro de búsqueda en la parte superior de la página.",
    "not_found_browse": "Recorra las secciones del menú: entender el dolor y la depresión, el "
    "tratamiento, seguridad y evidencia, asuntos prácticos o el directorio de clínicas.",
    "not_found_urgent": "Si está pensando en el suicidio o en hacerse daño, llame al {call988} "
    "y marque 2 para hablar en español (Línea 988 de Prevención del Suicidio y Crisis, EE. UU.), "
    "o envíe AYUDA por mensaje de texto al 988. En una emergencia, llame al {call911}.",
    # on the 404 page of every OTHER edition, in this language (with lang="es")
    "elsewhere": "¿Busca la guía en español? {home}. Si piensa en hacerse daño, llame al "
    "{call988} y marque 2 para español, o envíe AYUDA por mensaje de texto al 988. En una "
    "emergencia, llame al 911.",
    "elsewhere_link": "Vaya a la página principal en español",
    # translation-behind.html (a translation only)
    "behind_title": "Traducción pendiente de actualizar",
    "behind": "La página en inglés cambió después de esta traducción, y esta página en español "
    "todavía no refleja esos cambios. Mientras la actualizamos, lea la {english}.",
    "behind_link": "versión en inglés más reciente",
}
PLURALS: dict[str, Plural] = {
    "history": (
        "Historial de cambios ({count} entrada)",
        "Historial de cambios ({count} entradas)",
    ),
    "claims": ("{count} dato comprobado", "{count} datos comprobados"),
}
