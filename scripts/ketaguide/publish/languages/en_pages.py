"""The words of the partials every page shows (overrides/partials/: byline, urgent-help,
more-help, disclaimer, not-found, disclosure), in English (US). The markup, links and phone
numbers are in the partials; a {name} here is filled there (see Say in __init__.py)."""

from __future__ import annotations

from ketaguide.publish.languages import Plural

TEXT = {
    # byline.html
    "byline_made": "Written by the editorial team with AI drafting tools.",
    "byline_checked": "Facts checked against the cited sources by a separate AI reviewer on "
    "{date}.",
    "byline_unchecked": "Its facts have not yet been checked by a separate reviewer.",
    "byline_reviewed": "Last reviewed by the editorial team on {date}.",
    "clinical_current": "Clinical review: {name}, {credentials}, {date} ({conflicts_link}: "
    "{conflicts}).",
    "conflicts_link": "conflicts of interest",
    "clinical_changed": "Changed since clinical review on {date}; re-review pending.",
    "clinical_pending": "Clinical review: pending.",
    "clinical_none": "Clinical review: not applicable to this page.",
    "first_published": "First published {date}",
    "next_review": "Next review due {date}",
    "overdue": "(review overdue)",
    "policy_link": "How we write and check this guide",
    "report_link": "Report an error",
    "full_log": "The full review log",
    # disclosure.html
    "publisher": "{publisher} Its text, its tools and every change to them are public on {github}.",
    "report_without": "Without a GitHub account: {how}.",
    "report_email": "email {address}",
    "report_form": "use {form}",
    "report_form_link": "our error report form",
    "report_with": "With a free GitHub account: {issue}, or use the edit button at the top of "
    "the page to suggest a change.",
    "report_issue_link": "open an issue",
    "report_none": "We do not yet have a way to report an error without a GitHub account. We "
    "will add one here when we do.",
    "reviewer": "{name}, {credentials}. {role}. Conflicts of interest: {conflicts}",
    "no_reviewers": 'No clinician has reviewed any page yet, so every page says "Clinical '
    'review: pending".',
    # more-help.html
    "more_help": "Where to get more help",
    "side_effect_ask": "A side effect from ketamine or esketamine?",
    "side_effect": "Tell your clinician. You can also report it to the FDA through {medwatch}, "
    "online or by phone at {phone}.",
    "drugs_ask": "Worried about drug or alcohol use?",
    "drugs": "The {samhsa}, {phone}, is free, private and open all day, every day, in English "
    "and Spanish. It can point you to treatment and support groups near you.",
    "samhsa_link": "SAMHSA National Helpline",
    "mental_ask": "Living with depression or another mental health condition?",
    "mental": "The {nami} HelpLine, {phone}, gives free support and information to people and "
    "their families.",
    "pain_ask": "Living with chronic pain?",
    "pain": "The {uspf} is a nonprofit with information and support for people with pain and "
    "those who care for them.",
    "crisis_ask": "In crisis?",
    "crisis": "In the US, call or text {call988}. Outside the US, {findahelpline} lists free "
    "crisis lines in many countries.",
    "independent": "These groups are independent of this guide. We have no tie to them and "
    "they do not check our pages.",
    # urgent-help.html (and the 404 page's box)
    "urgent_title": "Need help now?",
    "urgent": "If you are thinking about suicide or harming yourself, or you are worried about "
    "someone, call or text {call988} to reach the 988 Suicide & Crisis Lifeline (US, free, 24 "
    "hours a day), or chat at {chat}. If someone is in immediate danger, call {call911}.",
    "urgent_abroad": "Outside the US, find a free crisis line in your country at "
    "{findahelpline}, or call your local emergency number.",
    # disclaimer.html
    "disclaimer": "This guide gives general information, not medical advice. Decisions about "
    "your care belong with you and your clinicians. {full}. In a crisis in the US, call or "
    "text {call988}; in an emergency, call {call911}.",
    "disclaimer_link": "Read the full disclaimer",
    # not-found.html
    "not_found": "We could not find that page",
    "not_found_why": "The page may have moved, or the address may have a typing mistake.",
    "not_found_home": "Go to the home page",
    "not_found_search": "Use the search box at the top of the page.",
    "not_found_browse": "Browse the sections in the menu: understanding pain and depression, "
    "the treatment, safety and evidence, practical matters, or the clinic directory.",
    "not_found_urgent": "If you are thinking about suicide or harming yourself, call or text "
    "{call988} (988 Suicide & Crisis Lifeline, US). In an emergency, call {call911}.",
    # on the 404 page of every OTHER edition, in this language (with lang="en")
    "elsewhere": "Looking for the guide in English? {home}.",
    "elsewhere_link": "Go to the English home page",
}
PLURALS: dict[str, Plural] = {
    "history": ("Change history ({count} entry)", "Change history ({count} entries)"),
    "claims": ("{count} claim checked", "{count} claims checked"),
}
