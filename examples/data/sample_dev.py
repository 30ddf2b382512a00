"""The development files (发展党员) of the sample's candidates (imported by
make_sample.py): one history of steps per candidate, the faults of the
files marked `FAULT:` here, asserted by tests/sample_dev.rs.
"""


def step(c, s, d, **kw):
    r = {"candidate": c, "step": s, "date": d}
    r.update(kw)
    return r


def votes(expected, present, yes, no=0, abstain=0, written=0):
    return {"expected_voting": expected, "present_voting": present, "yes": yes, "no": no,
            "abstain": abstain, "written_yes": written, "passed": True}


def history(c, steps, **extra):
    """Records of candidate `c` from (step, date) pairs; `extra[step]` adds fields."""
    return [step(c, st, d, **extra.get(st, {})) for st, d in steps]


def b01_development():
    cands = [
        {"id": "A01", "name": "韩雪", "born_on": "1996-05-20", "gender": "female"},
        {"id": "A02", "name": "魏子涵", "born_on": "1999-08-08", "gender": "male"},
        {"id": "A05", "name": "韦嘉琪", "born_on": "1998-12-01", "gender": "female"},
        {"id": "A06", "name": "钱坤", "born_on": "1994-03-17", "gender": "male"},
        {"id": "A07", "name": "冯雨桐", "born_on": "1997-07-26", "gender": "female"},
    ]
    dev = [
        # A01: a complete, compliant file, converted and archived.
        step("A01", "applied", "2022-03-01"),
        step("A01", "talked", "2022-03-20"),
        step("A01", "activist_confirmed", "2022-06-10"),
        step("A01", "activist_filed", "2022-06-20"),
        step("A01", "contacts_assigned", "2022-06-25", members=["M04", "M06"]),
        step("A01", "activist_assessed", "2022-12-10"),
        step("A01", "activist_assessed", "2023-06-10"),
        step("A01", "candidate_confirmed", "2023-06-28"),
        step("A01", "candidate_filed", "2023-07-05"),
        step("A01", "introducers_assigned", "2023-07-10", members=["M04", "M06"]),
        step("A01", "political_review", "2023-08-15", conclusion="qualified"),
        step("A01", "training", "2023-09-04", days=3, hours="24"),
        step("A01", "committee_review", "2023-09-20"),
        step("A01", "pre_review", "2023-10-10"),
        step("A01", "application_form", "2023-10-20"),
        step("A01", "admission_meeting", "2023-11-08", votes=votes(14, 13, 13)),
        step("A01", "higher_talk", "2023-11-20"),
        step("A01", "admission_approved", "2023-12-15"),
        step("A01", "admission_filed", "2023-12-25"),
        step("A01", "placed", "2024-01-05"),
        step("A01", "oath", "2024-01-10"),
        step("A01", "probation_assessed", "2024-05-08"),
        step("A01", "probation_assessed", "2024-10-30"),
        step("A01", "conversion_applied", "2024-11-01"),
        step("A01", "conversion_meeting", "2024-11-12",
             votes=votes(15, 14, 14), outcome="convert"),
        step("A01", "conversion_approved", "2024-12-20"),
        step("A01", "archived", "2025-01-10"),
        # A02: an activist whose last assessment was 2025-05-30.
        # FAULT: no assessment for more than 6 months (due 2025-11-30) -> DEV006.
        step("A02", "applied", "2024-09-02"),
        step("A02", "talked", "2024-09-20"),
        step("A02", "activist_confirmed", "2024-12-02"),
        step("A02", "activist_filed", "2024-12-10"),
        step("A02", "contacts_assigned", "2024-12-12", members=["M07"]),
        step("A02", "activist_assessed", "2025-05-30"),
    ]
    # A05: a candidate for development (发展对象), awaiting the committee review.
    # FAULT: three contacts assigned -> DEV005.
    # FAULT: made a candidate on 2025-08-20, less than a year after becoming an
    # activist on 2024-09-10 -> DEV007.
    dev += history("A05", [
        ("applied", "2024-06-03"), ("talked", "2024-06-20"), ("activist_confirmed", "2024-09-10"),
        ("activist_filed", "2024-09-18"), ("contacts_assigned", "2024-09-20"),
        ("activist_assessed", "2025-03-05"), ("candidate_confirmed", "2025-08-20"),
        ("candidate_filed", "2025-08-28"), ("introducers_assigned", "2025-09-05"),
        ("political_review", "2025-10-22"), ("training", "2025-11-10"),
    ], contacts_assigned={"members": ["M08", "M09", "M10"]},
        introducers_assigned={"members": ["M08", "M09"]},
        political_review={"conclusion": "qualified"}, training={"days": 3, "hours": "24"})
    # A06: a probationary member whose probation was extended on 2025-07-10.
    # FAULT: extended by 5 months (6 to 12 are allowed) -> DEV019. The extended
    # probation ends 2025-12-10; the conversion meeting is due by 2026-01-10.
    dev += history("A06", [
        ("applied", "2022-09-05"), ("talked", "2022-09-26"), ("activist_confirmed", "2022-12-06"),
        ("activist_filed", "2022-12-13"), ("contacts_assigned", "2022-12-15"),
        ("activist_assessed", "2023-06-02"), ("activist_assessed", "2023-11-30"),
        ("candidate_confirmed", "2023-12-08"), ("candidate_filed", "2023-12-15"),
        ("introducers_assigned", "2024-01-08"), ("political_review", "2024-03-12"),
        ("training", "2024-04-08"), ("committee_review", "2024-05-15"), ("pre_review", "2024-06-03"),
        ("application_form", "2024-06-14"), ("admission_meeting", "2024-07-10"),
        ("higher_talk", "2024-07-22"), ("admission_approved", "2024-08-20"),
        ("admission_filed", "2024-08-28"), ("placed", "2024-09-02"), ("oath", "2024-09-02"),
        ("probation_assessed", "2025-01-10"), ("probation_assessed", "2025-06-05"),
        ("conversion_applied", "2025-06-30"),
    ], contacts_assigned={"members": ["M11"]}, introducers_assigned={"members": ["M11", "M12"]},
        political_review={"conclusion": "qualified"}, training={"days": 3, "hours": "24"},
        admission_meeting={"votes": votes(15, 13, 13)})
    dev += [
        step("A06", "conversion_meeting", "2025-07-10", votes=votes(15, 12, 12),
             outcome="extend", extend_months=5),
        step("A06", "conversion_approved", "2025-08-05"),  # the extension approved
        step("A06", "probation_assessed", "2025-10-15"),
        step("A06", "conversion_applied", "2025-11-28"),
    ]
    # A07: admitted in 2025.
    # FAULT: the higher committee approved (2025-04-18) before its talk with the
    # candidate (2025-04-25) -> DEV004.
    dev += history("A07", [
        ("applied", "2022-10-10"), ("talked", "2022-10-28"), ("activist_confirmed", "2023-03-01"),
        ("activist_filed", "2023-03-08"), ("contacts_assigned", "2023-03-10"),
        ("activist_assessed", "2023-08-30"), ("activist_assessed", "2024-02-27"),
        ("candidate_confirmed", "2024-03-05"), ("candidate_filed", "2024-03-12"),
        ("introducers_assigned", "2024-03-15"), ("political_review", "2024-05-20"),
        ("training", "2024-06-17"), ("committee_review", "2024-09-10"), ("pre_review", "2024-10-14"),
        ("application_form", "2024-10-25"), ("admission_meeting", "2025-03-20"),
        ("admission_approved", "2025-04-18"), ("higher_talk", "2025-04-25"),
        ("admission_filed", "2025-04-28"), ("placed", "2025-05-06"), ("oath", "2025-07-01"),
        ("probation_assessed", "2025-10-09"),
    ], contacts_assigned={"members": ["M13"]}, introducers_assigned={"members": ["M13", "M14"]},
        political_review={"conclusion": "qualified"}, training={"days": 3, "hours": "24"},
        admission_meeting={"votes": votes(15, 14, 13, no=1)})
    pub = [
        {"candidate": "A01", "stage": "candidate", "start": "2023-09-21", "end": "2023-09-27"},
        {"candidate": "A01", "stage": "conversion", "start": "2024-11-13", "end": "2024-11-19"},
        {"candidate": "A06", "stage": "candidate", "start": "2024-05-16", "end": "2024-05-22"},
        # Over the Mid-Autumn Festival with its 调休 Saturday (2024-09-14): 6 working days.
        {"candidate": "A07", "stage": "candidate", "start": "2024-09-11", "end": "2024-09-19"},
    ]
    return cands, dev, pub


def b02_development():
    cands = [
        {"id": "A03", "name": "邵阳", "born_on": "1998-02-14", "gender": "male"},
        {"id": "A04", "name": "江楠", "born_on": "2003-10-09", "gender": "female"},
        {"id": "A08", "name": "孔令辉", "born_on": "1995-09-30", "gender": "male"},
        # The development file of member M28 (admitted on 2025-04-18).
        {"id": "A09", "name": "董欣", "born_on": "2000-10-01", "gender": "female", "member": "M28"},
        {"id": "A15", "name": "严思远", "born_on": "1993-01-12", "gender": "male"},
    ]
    dev = [
        # A03: admitted in 2025.
        # FAULT: the candidate publicity before pre_review (2025-03-20) was skipped -> DEV011.
        step("A03", "applied", "2023-03-06"),
        step("A03", "talked", "2023-03-28"),
        step("A03", "activist_confirmed", "2023-05-15"),
        step("A03", "activist_filed", "2023-05-22"),
        step("A03", "contacts_assigned", "2023-05-25", members=["M20", "M22"]),
        step("A03", "activist_assessed", "2023-11-10"),
        step("A03", "activist_assessed", "2024-05-10"),
        step("A03", "candidate_confirmed", "2024-06-03"),
        step("A03", "candidate_filed", "2024-06-12"),
        step("A03", "introducers_assigned", "2024-06-15", members=["M20", "M22"]),
        step("A03", "political_review", "2024-08-20", conclusion="qualified"),
        step("A03", "training", "2024-09-09", days=3, hours="24"),
        step("A03", "committee_review", "2024-10-15"),
        step("A03", "pre_review", "2025-03-20"),
        step("A03", "application_form", "2025-04-02"),
        step("A03", "admission_meeting", "2025-06-18", votes=votes(12, 11, 11)),
        step("A03", "higher_talk", "2025-06-30"),
        step("A03", "admission_approved", "2025-07-20"),
        step("A03", "admission_filed", "2025-07-28"),
        step("A03", "placed", "2025-08-01"),
        step("A03", "oath", "2025-08-01"),
        # A04: applied in October.
        # FAULT: no talk with the applicant, due by 2025-11-08 -> DEV002.
        step("A04", "applied", "2025-10-08"),
    ]
    # A08: admitted in 2025.
    # FAULT: the admission meeting had 6 of 13 voting members present (2 more sent
    # written opinions, which count in the vote, not in the attendance): no
    # quorum -> DEV013.
    # FAULT: approved on 2025-07-15, more than 3 months after the meeting (due
    # 2025-06-14) -> DEV015 (warning).
    dev += history("A08", [
        ("applied", "2022-04-11"), ("talked", "2022-05-06"), ("activist_confirmed", "2022-07-05"),
        ("activist_filed", "2022-07-12"), ("contacts_assigned", "2022-07-15"),
        ("activist_assessed", "2023-01-04"), ("activist_assessed", "2023-06-28"),
        ("candidate_confirmed", "2023-07-10"), ("candidate_filed", "2023-07-18"),
        ("introducers_assigned", "2023-07-20"), ("political_review", "2023-09-12"),
        ("training", "2023-10-16"), ("committee_review", "2024-12-10"), ("pre_review", "2024-12-26"),
        ("application_form", "2025-01-08"), ("admission_meeting", "2025-03-14"),
        ("higher_talk", "2025-03-28"), ("admission_approved", "2025-07-15"),
        ("admission_filed", "2025-07-25"), ("placed", "2025-08-01"), ("oath", "2025-08-01"),
    ], contacts_assigned={"members": ["M19"]}, introducers_assigned={"members": ["M19", "M20"]},
        political_review={"conclusion": "qualified"}, training={"days": 3, "hours": "24"},
        admission_meeting={"votes": votes(13, 6, 6, written=2)})
    # A09 (member M28): admitted on 2025-04-18.
    # FAULT: the candidate publicity ran from 2025-01-24 to 2025-02-05, over the
    # Spring Festival: 4 working days (24 Jan, the 调休 Sunday 26 Jan, 27 Jan,
    # 5 Feb), although Monday to Friday would count 9 -> DEV012.
    dev += history("A09", [
        ("applied", "2022-03-07"), ("talked", "2022-03-25"), ("activist_confirmed", "2022-06-14"),
        ("activist_filed", "2022-06-21"), ("contacts_assigned", "2022-06-22"),
        ("activist_assessed", "2022-12-12"), ("activist_assessed", "2023-06-09"),
        ("candidate_confirmed", "2023-06-20"), ("candidate_filed", "2023-06-28"),
        ("introducers_assigned", "2023-07-03"), ("political_review", "2023-09-20"),
        ("training", "2023-10-23"), ("committee_review", "2025-01-16"), ("pre_review", "2025-02-18"),
        ("application_form", "2025-03-03"), ("admission_meeting", "2025-04-18"),
        ("higher_talk", "2025-04-29"), ("admission_approved", "2025-05-22"),
        ("admission_filed", "2025-05-30"), ("placed", "2025-06-03"), ("oath", "2025-07-01"),
        ("probation_assessed", "2025-10-20"),
    ], contacts_assigned={"members": ["M22", "M25"]}, introducers_assigned={"members": ["M22", "M25"]},
        political_review={"conclusion": "qualified"}, training={"days": 3, "hours": "24"},
        admission_meeting={"votes": votes(13, 11, 11)})
    # A15: converted in 2025.
    # FAULT: conversion approved on 2025-07-18 and the materials never archived
    # (due 2025-08-18) -> DEV020 (info).
    dev += history("A15", [
        ("applied", "2022-05-10"), ("talked", "2022-05-27"), ("activist_confirmed", "2022-09-06"),
        ("activist_filed", "2022-09-13"), ("contacts_assigned", "2022-09-15"),
        ("activist_assessed", "2023-03-03"), ("activist_assessed", "2023-08-31"),
        ("candidate_confirmed", "2023-09-12"), ("candidate_filed", "2023-09-19"),
        ("introducers_assigned", "2023-09-25"), ("political_review", "2023-12-12"),
        ("training", "2024-01-15"), ("committee_review", "2024-04-16"), ("pre_review", "2024-05-09"),
        ("application_form", "2024-05-20"), ("admission_meeting", "2024-06-20"),
        ("higher_talk", "2024-07-02"), ("admission_approved", "2024-07-24"),
        ("admission_filed", "2024-08-02"), ("placed", "2024-08-06"), ("oath", "2024-09-03"),
        ("probation_assessed", "2024-12-18"), ("probation_assessed", "2025-05-20"),
        ("conversion_applied", "2025-06-10"), ("conversion_meeting", "2025-06-20"),
        ("conversion_approved", "2025-07-18"),
    ], contacts_assigned={"members": ["M18"]}, introducers_assigned={"members": ["M18", "M19"]},
        political_review={"conclusion": "qualified"}, training={"days": 3, "hours": "24"},
        admission_meeting={"votes": votes(13, 12, 12)},
        conversion_meeting={"votes": votes(13, 12, 12), "outcome": "convert"})
    pub = [
        {"candidate": "A08", "stage": "candidate", "start": "2024-12-11", "end": "2024-12-17"},
        {"candidate": "A09", "stage": "candidate", "start": "2025-01-24", "end": "2025-02-05"},
        {"candidate": "A15", "stage": "candidate", "start": "2024-04-17", "end": "2024-04-23"},
        {"candidate": "A15", "stage": "conversion", "start": "2025-06-23", "end": "2025-06-27"},
    ]
    return cands, dev, pub


def b03_development():
    cands = [
        # The development file of member M40 (admitted on 2025-06-20).
        {"id": "A11", "name": "蒋悦", "born_on": "2001-05-16", "gender": "female", "member": "M40"},
        {"id": "A12", "name": "卢子轩", "born_on": "2007-11-15", "gender": "male"},
        {"id": "A13", "name": "毛振宇", "born_on": "1996-04-02", "gender": "male"},
        {"id": "A14", "name": "熊晓", "born_on": "1997-08-19", "gender": "female"},
        {"id": "A16", "name": "白露", "born_on": "2002-09-09", "gender": "female"},
        {"id": "A17", "name": "任杰", "born_on": "1999-02-11", "gender": "male"},
        {"id": "A18", "name": "石磊", "born_on": "1992-12-05", "gender": "male"},
    ]
    std = {"political_review": {"conclusion": "qualified"}, "training": {"days": 3, "hours": "24"}}
    # A11 (member M40): admitted on 2025-06-20.
    # FAULT: no political review before the committee review (2025-03-11) -> DEV009.
    dev = history("A11", [
        ("applied", "2022-09-15"), ("talked", "2022-10-10"), ("activist_confirmed", "2023-01-10"),
        ("activist_filed", "2023-01-16"), ("contacts_assigned", "2023-01-18"),
        ("activist_assessed", "2023-07-06"), ("activist_assessed", "2024-01-05"),
        ("candidate_confirmed", "2024-01-15"), ("candidate_filed", "2024-01-22"),
        ("introducers_assigned", "2024-01-25"), ("training", "2024-03-18"),
        ("committee_review", "2025-03-11"), ("pre_review", "2025-04-01"),
        ("application_form", "2025-04-14"), ("admission_meeting", "2025-06-20"),
        ("higher_talk", "2025-07-01"), ("admission_approved", "2025-07-25"),
        ("admission_filed", "2025-08-04"), ("placed", "2025-08-08"), ("oath", "2025-09-01"),
        ("probation_assessed", "2025-12-10"),
    ], contacts_assigned={"members": ["M32"]}, introducers_assigned={"members": ["M32", "M37"]},
        admission_meeting={"votes": votes(9, 8, 8)}, **std)
    # A12: an applicant.
    # FAULT: born 2007-11-15, applied on 2025-09-01 aged 17 -> DEV001.
    dev += history("A12", [("applied", "2025-09-01"), ("talked", "2025-09-19")])
    # A13: converted in 2025.
    # FAULT: no oath recorded and the probation ended on 2025-07-05 -> DEV016.
    dev += history("A13", [
        ("applied", "2021-10-11"), ("talked", "2021-10-29"), ("activist_confirmed", "2022-03-08"),
        ("activist_filed", "2022-03-15"), ("contacts_assigned", "2022-03-16"),
        ("activist_assessed", "2022-09-06"), ("activist_assessed", "2023-03-03"),
        ("candidate_confirmed", "2023-03-10"), ("candidate_filed", "2023-03-17"),
        ("introducers_assigned", "2023-03-20"), ("political_review", "2023-05-16"),
        ("training", "2023-06-05"), ("committee_review", "2024-03-12"), ("pre_review", "2024-04-02"),
        ("application_form", "2024-04-15"), ("admission_meeting", "2024-07-05"),
        ("higher_talk", "2024-07-16"), ("admission_approved", "2024-08-09"),
        ("admission_filed", "2024-08-19"), ("placed", "2024-08-23"),
        ("probation_assessed", "2025-01-08"), ("probation_assessed", "2025-05-12"),
        ("conversion_applied", "2025-06-25"), ("conversion_meeting", "2025-07-08"),
        ("conversion_approved", "2025-08-15"), ("archived", "2025-09-01"),
    ], contacts_assigned={"members": ["M31"]}, introducers_assigned={"members": ["M31", "M32"]},
        admission_meeting={"votes": votes(9, 8, 8)},
        conversion_meeting={"votes": votes(9, 8, 8), "outcome": "convert"}, **std)
    # A14: converted in 2025.
    # FAULT: admitted on 2024-11-20, the conversion meeting was held on
    # 2025-11-19, one day before the probation ended -> DEV018.
    dev += history("A14", [
        ("applied", "2022-03-14"), ("talked", "2022-04-01"), ("activist_confirmed", "2022-06-21"),
        ("activist_filed", "2022-06-28"), ("contacts_assigned", "2022-06-30"),
        ("activist_assessed", "2022-12-16"), ("activist_assessed", "2023-06-13"),
        ("candidate_confirmed", "2023-06-26"), ("candidate_filed", "2023-07-04"),
        ("introducers_assigned", "2023-07-06"), ("political_review", "2023-09-12"),
        ("training", "2023-10-16"), ("committee_review", "2024-09-10"), ("pre_review", "2024-10-15"),
        ("application_form", "2024-10-28"), ("admission_meeting", "2024-11-20"),
        ("higher_talk", "2024-12-02"), ("admission_approved", "2024-12-20"),
        ("admission_filed", "2024-12-30"), ("placed", "2025-01-06"), ("oath", "2025-01-06"),
        ("probation_assessed", "2025-05-14"), ("probation_assessed", "2025-10-15"),
        ("conversion_applied", "2025-11-03"), ("conversion_meeting", "2025-11-19"),
        ("conversion_approved", "2025-12-10"),
    ], contacts_assigned={"members": ["M37"]}, introducers_assigned={"members": ["M37", "M31"]},
        admission_meeting={"votes": votes(9, 8, 8)},
        conversion_meeting={"votes": votes(9, 8, 8), "outcome": "convert"}, **std)
    # A16: an activist.
    # FAULT: never filed with the higher committee (报上级党委备案) although
    # contacts were assigned -> DEV003.
    dev += history("A16", [
        ("applied", "2024-11-04"), ("talked", "2024-11-22"), ("activist_confirmed", "2025-03-04"),
        ("contacts_assigned", "2025-03-06"), ("activist_assessed", "2025-09-02"),
    ], contacts_assigned={"members": ["M34"]})
    # A17: a candidate for development, pre-reviewed.
    # FAULT: introducer M40 was a probationary member -> DEV008.
    # FAULT: the concentrated training lasted 2 days and 16 hours -> DEV010.
    dev += history("A17", [
        ("applied", "2023-09-04"), ("talked", "2023-09-22"), ("activist_confirmed", "2023-12-05"),
        ("activist_filed", "2023-12-12"), ("contacts_assigned", "2023-12-14"),
        ("activist_assessed", "2024-06-04"), ("activist_assessed", "2024-12-02"),
        ("candidate_confirmed", "2024-12-10"), ("candidate_filed", "2024-12-17"),
        ("introducers_assigned", "2025-07-08"), ("political_review", "2025-08-12"),
        ("training", "2025-09-08"), ("committee_review", "2025-10-14"), ("pre_review", "2025-11-04"),
        ("application_form", "2025-11-17"),
    ], contacts_assigned={"members": ["M33"]}, introducers_assigned={"members": ["M33", "M40"]},
        political_review={"conclusion": "qualified"}, training={"days": 2, "hours": "16"})
    # A18: a probationary member.
    # FAULT: the admission meeting is recorded as passed with 4 yes votes of 9
    # expected voting members (7 present) -> DEV014.
    # FAULT: the probation ended on 2025-09-20 and no conversion meeting was held
    # by 2025-10-20 -> DEV017.
    dev += history("A18", [
        ("applied", "2021-11-08"), ("talked", "2021-11-26"), ("activist_confirmed", "2022-04-12"),
        ("activist_filed", "2022-04-19"), ("contacts_assigned", "2022-04-21"),
        ("activist_assessed", "2022-10-11"), ("activist_assessed", "2023-04-07"),
        ("candidate_confirmed", "2023-04-18"), ("candidate_filed", "2023-04-25"),
        ("introducers_assigned", "2023-05-04"), ("political_review", "2023-07-11"),
        ("training", "2023-08-07"), ("committee_review", "2024-06-11"), ("pre_review", "2024-07-02"),
        ("application_form", "2024-07-15"), ("admission_meeting", "2024-09-20"),
        ("higher_talk", "2024-10-08"), ("admission_approved", "2024-10-30"),
        ("admission_filed", "2024-11-08"), ("placed", "2024-11-12"), ("oath", "2024-11-12"),
        ("probation_assessed", "2025-03-18"), ("probation_assessed", "2025-08-19"),
        ("conversion_applied", "2025-09-05"),
    ], contacts_assigned={"members": ["M36"]}, introducers_assigned={"members": ["M36", "M34"]},
        admission_meeting={"votes": votes(9, 7, 4, no=3)}, **std)
    pub = [
        {"candidate": "A11", "stage": "candidate", "start": "2025-03-12", "end": "2025-03-18"},
        {"candidate": "A13", "stage": "candidate", "start": "2024-03-13", "end": "2024-03-19"},
        {"candidate": "A13", "stage": "conversion", "start": "2025-07-09", "end": "2025-07-15"},
        {"candidate": "A14", "stage": "candidate", "start": "2024-09-11", "end": "2024-09-19"},
        {"candidate": "A14", "stage": "conversion", "start": "2025-11-20", "end": "2025-11-26"},
        {"candidate": "A17", "stage": "candidate", "start": "2025-10-15", "end": "2025-10-21"},
        # Over the Dragon Boat Festival (2024-06-10): 6 working days.
        {"candidate": "A18", "stage": "candidate", "start": "2024-06-12", "end": "2024-06-19"},
    ]
    return cands, dev, pub
