"""The clinic pages, the directory and its script in Spanish for readers in the US: "usted",
MedlinePlus en español terms, US numbers and miles (see ES-BRIEF in the issue)."""

from __future__ import annotations

from ketaguide.clinics.vocabulary import DAYS as DAY_CODES
from ketaguide.clinics.vocabulary import Payment, Service, Verification
from ketaguide.publish.languages import Plural, Words, es_pages

SERVICES: dict[Service, str] = {
    "iv_ketamine": "Infusiones intravenosas (IV) de ketamina",
    "esketamine_spravato": "Esketamina en aerosol nasal (Spravato)",
    "im_ketamine": "Ketamina inyectada en un músculo",
    "ketamine_assisted_psychotherapy": "Psicoterapia asistida con ketamina",
    "pain_management": "Tratamiento del dolor",
    "psychiatry": "Psiquiatría",
    "tms": "Estimulación magnética transcraneal (EMT)",
}
VERIFIED_BY: dict[Verification, str] = {
    "phone": "por teléfono con la clínica",
    "email": "por correo electrónico con la clínica",
    "website": "en el propio sitio web de la clínica",
    "in_person": "en persona",
}
PAYMENT: dict[Payment, str] = {
    "self_pay": "Pago por cuenta propia",
    "insurance": "Seguro médico",
    "hsa_fsa": "Cuenta HSA o FSA",
    "payment_plans": "Planes de pago",
}
DAYS = ("Lunes", "Martes", "Miércoles", "Jueves", "Viernes", "Sábado", "Domingo")
TEXT = {
    "phone": "Teléfono",
    "website": "Sitio web",
    "email": "Correo electrónico",
    "services_listed": "Servicios indicados",
    "services_heading": "Servicios",
    "payment_listed": "Formas de pago indicadas",
    "telehealth": "Telesalud",
    "wheelchair": "Acceso para silla de ruedas",
    "languages": "Idiomas que se hablan",
    "accepting": "Acepta pacientes nuevos",
    "yes": "Sí",
    "no": "No",
    "not_stated": "No se indica",
    "hours_caption": "Horario de atención",
    "hours_day": "Día",
    "hours_hours": "Horario",
    "hours_span": "{opens} a {closes}",
    "hours_span_overnight": "{opens} a {closes} (del día siguiente)",
    "hours_closed": "Cerrado",
    "hours_missing": "No tenemos el horario; llame a la clínica.",
    "checked": "Datos revisados por última vez el {date}, {how}.",
    "stale": "Estos datos tienen más de {months} meses y pueden haber cambiado. "
    "Confírmelos con la clínica.",
    "filters": "Filtrar y ordenar clínicas",
    "state": "Estado",
    "all_states": "Todos los estados",
    "telehealth_filter": "Ofrece telesalud",
    "zip": "Su código postal (ZIP)",
    "sort": "Ordenar por distancia",
    "zip_help": "Su código postal completo nunca sale de su navegador; solo sus dos primeros "
    "dígitos llegan a este sitio.",
    "none": "Todavía no hay clínicas en la lista.",
    "back": "Volver al directorio de clínicas",
    "not_endorsement": "Estar en la lista no es una recomendación. Haga las preguntas de "
    "nuestra página sobre {link}.",
    "choosing": "cómo elegir una clínica",
    "page_description": "Datos de contacto, horario y servicios de {name} en {where}.",
    "open_data": "Directorio de clínicas de la Guía de Infusiones de Ketamina. Estar en la "
    "lista no es una recomendación. Confirme los datos con la clínica antes de ir.",
    "open_data_link": "La lista completa también está disponible como {link} para que "
    "cualquiera la use.",
    "open_data_name": "datos abiertos (en inglés)",
    "by_state": "Clínicas por estado",
    "state_title": "Clínicas de ketamina en {state}",
    "state_description": "Datos de contacto, horario y servicios de las clínicas de ketamina "
    "que incluimos en {state}.",
    "far_intro": "Ninguna clínica de este directorio está a {miles} millas o menos de ese "
    "código postal. Nuestra lista es pequeña y no incluye muchas clínicas. Dos fuentes "
    "oficiales cubren más lugares:",
    "far_findtreatment": "el buscador del gobierno de EE. UU. (a cargo de SAMHSA) de atención "
    "de salud mental y de consumo de sustancias. Busque por código postal y luego pregunte "
    "en cada lugar si ofrece ketamina.",
    "far_rems_name": "Spravato REMS",
    "far_rems": "la esketamina en aerosol nasal (Spravato) solo se da en lugares "
    "certificados en este programa de seguridad que exige la FDA, y su fabricante tiene una "
    "lista de los centros certificados.",
    # directory.js
    "script_load_failed": "No se pudo cargar la lista. Use los enlaces de cada estado que "
    "aparecen abajo.",
    "script_zip_invalid": "Escriba un código postal de cinco dígitos.",
    "script_finding": "Buscando clínicas cerca de {zip}…",
    "script_zip_unknown": "No encontramos el código postal {zip}. Revise el número y "
    "vuelva a intentarlo.",
    "script_sorted": "Clínicas ordenadas por distancia del código postal {zip}, de la más "
    "cercana a la más lejana.",
    "script_under_a_mile": "A menos de 1 milla del código postal {zip} (en línea recta)",
    "script_more_near": "Mostrar clínicas más lejanas",
}
PLURALS: dict[str, Plural] = {
    "count": ("{count} clínica en la lista.", "{count} clínicas en la lista."),
    # directory.js
    "script_miles": (
        "A aproximadamente {count} milla del código postal {zip} (en línea recta)",
        "A unas {count} millas del código postal {zip} (en línea recta)",
    ),
    "script_shown": (
        "Mostrando {shown} de {count} clínica.",
        "Mostrando {shown} de {count} clínicas.",
    ),
    "script_paged": (
        "Mostrando las primeras {shown} de {count} clínica que coincide.",
        "Mostrando las primeras {shown} de {count} clínicas que coinciden.",
    ),
    "script_more": ("Mostrar {count} clínica más", "Mostrar {count} clínicas más"),
    "script_nearest": (
        "Mostrando {count} clínica, la más cercana primero.",
        "Mostrando {count} clínicas, de la más cercana a la más lejana.",
    ),
    "script_choose": (
        "{count} clínica en la lista. Elija un estado o escriba su código postal para verla.",
        "{count} clínicas en la lista. Elija un estado o escriba su código postal para verlas.",
    ),
}
STATES: dict[str, str] = {
    "AL": "Alabama",
    "AK": "Alaska",
    "AZ": "Arizona",
    "AR": "Arkansas",
    "CA": "California",
    "CO": "Colorado",
    "CT": "Connecticut",
    "DE": "Delaware",
    "FL": "Florida",
    "GA": "Georgia",
    "HI": "Hawái",
    "ID": "Idaho",
    "IL": "Illinois",
    "IN": "Indiana",
    "IA": "Iowa",
    "KS": "Kansas",
    "KY": "Kentucky",
    "LA": "Luisiana",
    "ME": "Maine",
    "MD": "Maryland",
    "MA": "Massachusetts",
    "MI": "Michigan",
    "MN": "Minnesota",
    "MS": "Misisipi",
    "MO": "Misuri",
    "MT": "Montana",
    "NE": "Nebraska",
    "NV": "Nevada",
    "NH": "Nuevo Hampshire",
    "NJ": "Nueva Jersey",
    "NM": "Nuevo México",
    "NY": "Nueva York",
    "NC": "Carolina del Norte",
    "ND": "Dakota del Norte",
    "OH": "Ohio",
    "OK": "Oklahoma",
    "OR": "Oregón",
    "PA": "Pensilvania",
    "RI": "Rhode Island",
    "SC": "Carolina del Sur",
    "SD": "Dakota del Sur",
    "TN": "Tennessee",
    "TX": "Texas",
    "UT": "Utah",
    "VT": "Vermont",
    "VA": "Virginia",
    "WA": "Washington",
    "WV": "Virginia Occidental",
    "WI": "Wisconsin",
    "WY": "Wyoming",
    "DC": "Distrito de Columbia",
    "PR": "Puerto Rico",
    "VI": "Islas Vírgenes de EE. UU.",
    "GU": "Guam",
    "AS": "Samoa Americana",
    "MP": "Islas Marianas del Norte",
    "AA": "Fuerzas Armadas (América)",
    "AE": "Fuerzas Armadas (Europa)",
    "AP": "Fuerzas Armadas (Pacífico)",
}

WORDS = Words(
    lang="es",
    services=SERVICES,
    verified_by=VERIFIED_BY,
    payment=PAYMENT,
    days=dict(zip(DAY_CODES, DAYS, strict=True)),
    text=TEXT,
    plurals=PLURALS,
    states=STATES,
    pages=es_pages.TEXT,
    page_plurals=es_pages.PLURALS,
)
