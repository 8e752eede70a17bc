"""The clinic model's closed lists (model.py): stated once, here, where the clinic pages' words
(publish/languages/) read them without importing the model."""

from __future__ import annotations

from typing import Literal, get_args

Day = Literal["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]
DAYS: tuple[Day, ...] = get_args(Day)

Service = Literal[
    "iv_ketamine",
    "esketamine_spravato",
    "im_ketamine",
    "ketamine_assisted_psychotherapy",
    "pain_management",
    "psychiatry",
    "tms",
]
Payment = Literal["self_pay", "insurance", "hsa_fsa", "payment_plans"]
Verification = Literal["phone", "email", "website", "in_person"]
