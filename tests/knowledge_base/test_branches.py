"""Branches read from the store FAQ, and the open branch an emergency reply names."""

from core.settings import PathSettings
from knowledge_base.branches import branches_in, open_branch_for

BRANCHES = branches_in(PathSettings().chain_docs_dir)


def test_every_branch_of_the_faq_is_read_with_its_phone_and_city():
    by_name = {b.name: b for b in BRANCHES}
    assert len(BRANCHES) == 9
    assert by_name["Jamsil"].phone == "02-2143-1400" and by_name["Jamsil"].city == "Seoul"
    assert {b.name for b in BRANCHES if b.open_24h} == {"Gangnam", "Hongdae", "Busan Seomyeon"}


def test_a_named_branch_that_closes_yields_the_citys_24_hour_branch():
    assert open_branch_for(BRANCHES, "I'm at the Gangnam branch").phone == "02-3452-1100"
    jamsil = open_branch_for(BRANCHES, "my son swallowed pills near the jamsil branch")
    assert jamsil.open_24h and jamsil.city == "Seoul"
    haeundae = open_branch_for(BRANCHES, "해운대점 근처인데 아이가 약을 먹었어요")
    assert haeundae.name == "Busan Seomyeon"
    assert open_branch_for(BRANCHES, "송도점").name == "Incheon Songdo"  # no 24-hour branch
    assert open_branch_for(BRANCHES, "my son swallowed pills") is None
