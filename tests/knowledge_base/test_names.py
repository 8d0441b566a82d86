import pytest

from knowledge_base.names import normalise_generic_names


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("CETIRIZINE HYDROCHLORIDE", ("cetirizine",)),
        ("DOCUSATE SODIUM 100MG", ("docusate",)),
        ("ACETAMINOPHEN, DEXTROMETHORPHAN HBR, PHENYLEPHRINE HCL",
         ("acetaminophen", "dextromethorphan", "phenylephrine")),
        ("LISINOPRIL AND HYDROCHLOROTHIAZIDE TABLETS", ("lisinopril", "hydrochlorothiazide")),
        ("POLYETHYLENE GLYCOL 3350", ("polyethylene glycol 3350",)),
        ("CALCIUM CARBONATE", ("calcium carbonate",)),
        ("NICOTINE POLACRILEX", ("nicotine",)),
        ("BISMUTH SUBSALICYLATE", ("bismuth subsalicylate",)),
    ],
)
def test_generic_names_are_lowercase_ingredients(raw, expected):
    assert normalise_generic_names([raw]) == expected


def test_repeated_ingredients_are_listed_once():
    assert normalise_generic_names(["IBUPROFEN", "Ibuprofen Sodium"]) == ("ibuprofen",)
