#!/usr/bin/env python3
"""Writes examples/data/sample.json: the records (台账) of 2025 of the three
party branches of a municipal culture-and-tourism bureau (市文化和旅游局), with
the faults such a bureau's self-inspection typically finds planted on purpose.

The JSON file is what the crate reads and what its tests assert; this script
is how it is kept readable and consistent. Run it from the repository root:

    python3 examples/data/make_sample.py

Each planted fault is marked `FAULT:` below, with the finding it must produce.
tests/sample.rs asserts exactly those findings (tests/sample_mtg.rs those of the
organisational-life, education and organisation rules).
"""

import datetime as dt
import json
import os

YEAR = 2025
D = dt.date


def iso(d):
    return d.isoformat()


def ym(y, m):
    return f"{y:04d}-{m:02d}"


def month_day(m, day):
    """Day `day` of month m of YEAR, clamped to the month end."""
    import calendar

    last = calendar.monthrange(YEAR, m)[1]
    return D(YEAR, m, min(day, last))


# ---------------------------------------------------------------------------
# Members: (id, name, gender, born, status, admitted, full_on, category, base, extra)

B01_MEMBERS = [
    ("M01", "张建国", "male", "1972-04-11", "full", "1996-07-01", "1997-07-01", "salaried", "12800.00", {"leading_cadre": True}),
    ("M02", "李红梅", "female", "1978-09-23", "full", "2001-06-20", "2002-06-20", "salaried", "9600.00", {}),
    ("M03", "王志强", "male", "1980-02-14", "full", "2004-05-18", "2005-05-18", "salaried", "8800.00", {}),
    ("M04", "赵丽娟", "female", "1985-11-02", "full", "2008-06-26", "2009-06-26", "salaried", "7600.00", {}),
    ("M05", "刘海涛", "male", "1983-07-19", "full", "2007-12-10", "2008-12-10", "salaried", "8500.00", {}),
    ("M06", "陈晓燕", "female", "1990-03-08", "full", "2013-06-28", "2014-06-28", "salaried", "6200.00", {}),
    ("M07", "杨帆", "male", "1992-10-30", "full", "2015-11-16", "2016-11-16", "salaried", "5000.00", {}),
    ("M08", "黄静", "female", "1988-01-25", "full", "2011-06-30", "2012-06-30", "salaried", "6900.00", {}),
    ("M09", "周凯", "male", "1994-05-12", "full", "2018-06-22", "2019-06-22", "salaried", "4800.00", {}),
    ("M10", "吴敏", "female", "1991-08-17", "full", "2014-12-05", "2015-12-05", "salaried", "5600.00", {}),
    ("M11", "徐磊", "male", "1987-12-03", "full", "2010-07-01", "2011-07-01", "salaried", "7200.00", {}),
    ("M12", "孙丽", "female", "1995-06-21", "full", "2019-06-27", "2020-06-27", "salaried", "4500.00", {}),
    ("M13", "马俊", "male", "1996-09-09", "full", "2020-11-20", "2021-11-20", "salaried", "3000.00", {}),
    ("M14", "朱婷婷", "female", "1997-02-28", "full", "2021-06-18", "2022-06-18", "salaried", "3000.01", {}),
    # Transferred out on 2025-09-20 (to the provincial department).
    ("M15", "胡斌", "male", "1986-04-04", "full", "2009-06-30", "2010-06-30", "salaried", "10000.00", {"in_branch_to": "2025-09-20"}),
    # Transferred in on 2025-03-10; the letter says dues paid up to 2025-02.
    ("M16", "郭晨", "female", "1993-12-12", "full", "2016-06-29", "2017-06-29", "salaried", "10000.01",
     {"in_branch_from": "2025-03-10", "dues_paid_until": "2025-02"}),
]

B02_MEMBERS = [
    ("M17", "林志明", "male", "1970-06-06", "full", "1995-06-30", "1996-06-30", "salaried", "11800.00", {"leading_cadre": True}),
    ("M18", "何秀英", "female", "1976-03-15", "full", "2000-07-01", "2001-07-01", "salaried", "9200.00", {}),
    ("M19", "高建华", "male", "1979-10-10", "full", "2003-06-25", "2004-06-25", "salaried", "8300.00", {}),
    ("M20", "罗芳", "female", "1984-05-05", "full", "2009-12-18", "2010-12-18", "salaried", "6500.00", {}),
    # FAULT: nothing paid from 2025-03 to 2025-09 -> DUE001 x7 and DUE004 (six-month lapse);
    # absent from organisational life in the same months -> MTG010.
    ("M21", "梁伟", "male", "1989-08-08", "full", "2012-06-29", "2013-06-29", "salaried", "6100.00", {}),
    ("M22", "宋佳", "female", "1993-04-19", "full", "2017-06-30", "2018-06-30", "salaried", "5200.00", {}),
    ("M23", "郑浩", "male", "1990-11-11", "full", "2014-06-27", "2015-06-27", "annual_salary", "15000.00", {}),
    # FAULT: nothing paid for 2025-10..2025-12 -> DUE001 x3 and DUE003.
    ("M24", "谢雨", "female", "1995-01-30", "full", "2019-12-20", "2020-12-20", "salaried", "4300.00", {}),
    ("M25", "韩冬", "male", "1982-02-02", "full", "2006-06-30", "2007-06-30", "irregular_income", "5800.00", {}),
    ("M26", "唐静怡", "female", "1998-07-07", "full", "2022-06-24", "2023-06-24", "salaried", "3900.00", {}),
    # FAULT: no dues base recorded at all -> DUE007 for 2025-01..2025-12.
    ("M27", "冯涛", "male", "1985-09-14", "full", "2010-06-30", "2011-06-30", "salaried", None, {}),
    # Admitted (支部大会) on 2025-04-18: owes dues from April.
    ("M28", "董欣", "female", "2000-10-01", "probationary", "2025-04-18", None, "salaried", "4100.00", {}),
    ("M29", "萧然", "male", "1991-03-03", "full", "2015-06-26", "2016-06-26", "salaried", "7000.00", {}),
    ("M30", "程丽华", "female", "1987-06-16", "full", "2011-12-16", "2012-12-16", "salaried", "6600.00", {}),
]

B03_MEMBERS = [
    ("M31", "曹文博", "male", "1974-08-20", "full", "1998-06-30", "1999-06-30", "salaried", "9800.00", {}),
    ("M32", "袁晓琳", "female", "1986-12-24", "full", "2010-06-30", "2011-06-30", "salaried", "6300.00", {}),
    # Quarterly payer (retired, branch consent).
    ("M33", "邓国华", "male", "1955-05-05", "full", "1978-07-01", "1979-07-01", "retired", "5000.00", {"payment_cycle": "quarterly"}),
    ("M34", "许淑芬", "female", "1958-09-12", "full", "1982-06-30", "1983-06-30", "retired", "5000.01", {}),
    # FAULT: a reduction to 1.00 for 2025-11..2025-12 decided by the branch but never
    # approved by the higher committee -> DUE006, and the months stay at the full
    # rate: DUE002 for 2025-11 and for 2025-12.
    ("M35", "傅明", "male", "1952-01-18", "full", "1975-10-01", "1976-10-01", "retired", "4200.00", {}),
    ("M36", "沈玉兰", "female", "1960-04-30", "full", "1984-06-30", "1985-06-30", "retired", "4600.00", {}),
    ("M37", "彭亮", "male", "1992-02-09", "full", "2016-12-23", "2017-12-23", "salaried", "5400.00", {}),
    # Low-income, dues waived for 2025 with both approvals: nothing is owed.
    ("M38", "吕秀兰", "female", "1963-07-07", "full", "1990-06-30", "1991-06-30", "low_income", None, {}),
    ("M39", "苏航", "male", "1999-11-25", "full", "2023-06-21", "2024-06-21", "student", None, {}),
    ("M40", "蒋悦", "female", "2001-05-16", "probationary", "2025-06-20", None, "salaried", "3600.00", {}),
]


def member_record(t):
    mid, name, gender, born, status, admitted, full_on, cat, _base, extra = t
    r = {"id": mid, "name": name, "gender": gender, "born_on": born, "status": status,
         "admitted_on": admitted}
    if full_on:
        r["full_on"] = full_on
    r["dues_category"] = cat
    r.update(extra)
    return r


def expected_amount(cat, base):
    from decimal import Decimal, ROUND_HALF_UP

    if cat in ("student", "unemployed", "relief", "low_income"):
        return Decimal("0.20")
    if cat == "farmer":
        return Decimal("0.50")
    b = Decimal(base)
    if cat == "retired":
        rate = Decimal("0.005") if b <= 5000 else Decimal("0.01")
    else:
        if b <= 3000:
            rate = Decimal("0.005")
        elif b <= 5000:
            rate = Decimal("0.01")
        elif b <= 10000:
            rate = Decimal("0.015")
        else:
            rate = Decimal("0.02")
    return (b * rate).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def owed_months(t):
    """Months of YEAR the member owes here (mirrors the crate's rule)."""
    mid, _n, _g, _b, _s, admitted, _f, _c, _base, extra = t
    admitted = D.fromisoformat(admitted)
    frm = D.fromisoformat(extra.get("in_branch_from", admitted.isoformat()))
    to = D.fromisoformat(extra["in_branch_to"]) if "in_branch_to" in extra else D(9999, 1, 1)
    paid_until = extra.get("dues_paid_until")
    out = []
    for m in range(1, 13):
        day1 = D(YEAR, m, 1)
        owes = admitted <= day1 and frm <= day1 <= to
        owes = owes or (admitted.year == YEAR and admitted.month == m and frm <= admitted <= to)
        if paid_until and ym(YEAR, m) <= paid_until:
            owes = False
        if "in_branch_from" in extra and frm.year == YEAR and frm.month == m and paid_until and paid_until < ym(YEAR, m):
            owes = True
        if owes:
            out.append(m)
    return out


def dues(members, skip=None, override=None):
    """Bases and monthly payments on the 10th (December on the 31st: year-end settlement)."""
    skip = skip or {}
    override = override or {}
    bases, payments = [], []
    for t in members:
        mid, cat, base = t[0], t[7], t[8]
        if base is not None:
            bases.append({"member": mid, "from": "2024-07", "base": base})
        if t[9].get("payment_cycle") == "quarterly":
            amt = expected_amount(cat, base)
            for q in range(4):
                first = 3 * q + 1
                payments.append({"member": mid, "month": ym(YEAR, first), "through": ym(YEAR, first + 2),
                                 "amount": str(amt * 3), "paid_on": iso(month_day(first + 2, 20))})
            continue
        for m in owed_months(t):
            if m in skip.get(mid, ()):
                continue
            if base is None and cat not in ("student", "unemployed", "relief", "low_income", "farmer"):
                amt = "50.00"  # paid on a guess: no base on file
            else:
                amt = str(expected_amount(cat, base))
            amt = override.get((mid, m), amt)
            paid_on = month_day(m, 31) if m == 12 else month_day(m, 10)
            payments.append({"member": mid, "month": ym(YEAR, m), "amount": amt, "paid_on": iso(paid_on)})
    return bases, payments


# ---------------------------------------------------------------------------
# Meetings


def attendance(members_in, absent=(), excused=()):
    rows = []
    for mid in members_in:
        if mid in excused:
            rows.append({"member": mid, "status": "excused", "reason": "出差"})
        elif mid in absent:
            rows.append({"member": mid, "status": "absent"})
        else:
            rows.append({"member": mid, "status": "present"})
    return rows


TOPICS = {
    "general_meeting": "学习贯彻党的二十届三中全会精神，研究支部重点工作",
    "committee_meeting": "研究本月党建工作安排",
    "group_meeting": "党小组集中学习",
    "party_lecture": "书记讲党课：弘扬伟大建党精神",
    "theme_day": "主题党日：走进红色文化场馆",
    "life_meeting": "年度组织生活会，开展批评和自我批评",
    "democratic_review": "年度民主评议党员",
    "study": "专题学习：习近平文化思想",
}


def active_on(t, day):
    _id, _n, _g, _b, _s, admitted, _f, _c, _base, extra = t
    frm = D.fromisoformat(extra.get("in_branch_from", admitted))
    to = D.fromisoformat(extra["in_branch_to"]) if "in_branch_to" in extra else D(9999, 1, 1)
    return frm <= day <= to


def meetings_for(prefix, members, committee, groups, secretary, plan):
    """The meetings of 2025 (and the annual items for 2024 held in January).

    Every meeting the branch must hold is held, everyone on its roll present,
    except for the tweaks of `plan`:
      absent_months: {member: set of months}: absent from every meeting in those months;
      absent_at: {(kind, key): set of members}: absent from that meeting;
      excused: {(kind, key): set of members}: excused (请假) from that meeting;
      drop: set of (kind, key): the meeting was not held;
      notopic / noattendance: set of (kind, key): recorded without topic / attendance;
      votes: {(kind, key): votes}: the vote taken at that meeting.
    Group meetings are keyed "<group>-<MM>", monthly items "<MM>", quarterly "Q<n>".
    """
    out = []
    absent_months = plan.get("absent_months", {})

    def add(kind, day, key, group=None, expected_ids=None, for_period=None):
        if (kind, key) in plan.get("drop", set()):
            return
        mid = f"{prefix}-{kind}-{key}"
        ids = expected_ids if expected_ids is not None else [t[0] for t in members if active_on(t, day)]
        # Only members of the branch on the day are on the roll.
        ids = [m for m in ids if any(t[0] == m and active_on(t, day) for t in members)]
        absent = {m for m, months in absent_months.items() if day.month in months}
        absent |= set(plan.get("absent_at", {}).get((kind, key), ()))
        rec = {"id": mid, "kind": kind, "date": iso(day)}
        if for_period:
            rec["for_period"] = for_period
        if group:
            rec["group"] = group
        if (kind, key) not in plan.get("notopic", set()):
            rec["topic"] = TOPICS[kind]
        rec["chair"] = secretary
        rec["recorder"] = plan.get("recorder", secretary)
        rec["hours"] = "2" if kind != "theme_day" else "3"
        if (kind, key) not in plan.get("noattendance", set()):
            rec["attendance"] = attendance(ids, absent=absent & set(ids),
                                           excused=plan.get("excused", {}).get((kind, key), ()))
        if (kind, key) in plan.get("votes", {}):
            rec["votes"] = plan["votes"][(kind, key)]
        out.append(rec)

    # Annual items for 2024, held in January 2025.
    add("life_meeting", D(YEAR, 1, 16), "2024", for_period="2024")
    add("democratic_review", D(YEAR, 1, 17), "2024", for_period="2024")
    for m in range(1, 13):
        if committee:
            add("committee_meeting", month_day(m, 5), f"{m:02d}", expected_ids=committee)
        for g in groups:
            add("group_meeting", month_day(m, 12), f"{g['id']}-{m:02d}", group=g["id"], expected_ids=g["members"])
        add("theme_day", month_day(m, 25), f"{m:02d}")
        if m % 3 == 0:
            add("general_meeting", month_day(m, 20), f"Q{m // 3}")
            add("party_lecture", month_day(m, 18), f"Q{m // 3}")
    add("study", D(YEAR, 8, 14), "08")
    add("democratic_review", D(YEAR, 12, 22), "2025")
    add("life_meeting", D(YEAR, 12, 26), "2025")
    return out


def talks_for(members, committee, secretary, missing=()):
    """The secretary talks with every member in November (a member who left
    earlier: a month before leaving), and committee members with each other."""
    out = []
    for i, t in enumerate(members):
        mid = t[0]
        day = D(YEAR, 11, 3) + dt.timedelta(days=i % 20)
        if not active_on(t, day) and "in_branch_to" in t[9]:
            day = D.fromisoformat(t[9]["in_branch_to"]) - dt.timedelta(days=30)
        if mid == secretary or mid in missing or not active_on(t, day):
            continue
        out.append({"date": iso(day), "members": [secretary, mid]})
    for i, a in enumerate(committee):
        for b in committee[i + 1:]:
            if secretary in (a, b):
                continue
            out.append({"date": iso(D(YEAR, 11, 28)), "members": [a, b]})
    return out


def trainings_for(members, hours_override=None):
    hours_override = hours_override or {}
    out = []
    for t in members:
        mid = t[0]
        total = hours_override.get(mid)
        if total is None:
            out.append({"member": mid, "date": iso(D(YEAR, 4, 10)), "hours": "16", "title": "网络党校专题培训"})
            out.append({"member": mid, "date": iso(D(YEAR, 9, 18)), "hours": "16", "title": "党纪学习教育专题班"})
            if mid in ("M01", "M02", "M03", "M04", "M05", "M17", "M18", "M19", "M31"):
                out.append({"member": mid, "date": iso(D(YEAR, 6, 5)), "hours": "24", "title": "基层党组织书记和委员培训班"})
        else:
            parts = total
            for i, h in enumerate(parts):
                out.append({"member": mid, "date": iso(D(YEAR, 3 + 3 * i, 15)), "hours": h, "title": "网络党校专题培训"})
    return out


# ---------------------------------------------------------------------------
# Development (发展党员)


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
        {"id": "A09", "name": "董欣", "born_on": "2000-10-01", "gender": "female"},
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
        {"id": "A11", "name": "蒋悦", "born_on": "2001-05-16", "gender": "female"},
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


# ---------------------------------------------------------------------------


def bundle(branch, members, bases, payments, waivers, exemptions, meetings, talks, trainings,
           candidates, development, publicity):
    return {
        "branch": branch,
        "members": [member_record(t) for t in members],
        "dues_bases": bases,
        "dues_payments": payments,
        "dues_waivers": waivers,
        "exemptions": exemptions,
        "meetings": meetings,
        "talks": talks,
        "trainings": trainings,
        "candidates": candidates,
        "development": development,
        "publicity": publicity,
    }


def build():
    # ---- B01 机关第一党支部: committee of 5, two groups.
    # FAULT (notice): the committee elected 2023-06-15 for 3 years ends its term on
    # 2026-06-15, within 6 months of 2025-12-31 -> ORG003 (info).
    b01_committee = [("M01", "secretary"), ("M02", "deputy_secretary"), ("M03", "organization"),
                     ("M04", "propaganda"), ("M05", "discipline")]
    b01_groups = [
        {"id": "G1", "name": "第一党小组", "leader": "M02", "members": ["M02", "M03", "M04", "M05", "M06", "M07", "M08", "M09"]},
        {"id": "G2", "name": "第二党小组", "leader": "M10", "members": ["M10", "M11", "M12", "M13", "M14", "M15", "M16"]},
    ]
    b01 = {"id": "B01", "name": "市文化和旅游局机关第一党支部", "kind": "organ", "founded_on": "2016-03-01",
           "committee": {"elected_on": "2023-06-15", "term_years": 3,
                         "members": [{"member": m, "role": r} for m, r in b01_committee]},
           "groups": b01_groups}
    bases, payments = dues(
        B01_MEMBERS,
        # FAULT: M08 paid nothing for 2025-06 -> DUE001.
        skip={"M08": {6}},
        # FAULT: M05 paid 85.00 for 2025-04 on a base of 8500.00 (1.5% = 127.50) -> DUE002.
        override={("M05", 4): "85.00"},
    )
    for p in payments:
        # FAULT: M12 paid January only on 2025-08-15, past the 6-month back-pay limit -> DUE005.
        if p["member"] == "M12" and p["month"] == "2025-01":
            p["paid_on"] = "2025-08-15"
    # FAULT: M15 left on 2025-09-20 but a payment for 2025-10 was booked -> DUE008.
    payments.append({"member": "M15", "month": "2025-10", "amount": "150.00", "paid_on": "2025-10-10"})
    exemptions = [
        # FAULT: an exemption whose end was typed before its start -> DAT003.
        {"member": "M10", "from": "2025-05-10", "to": "2025-05-01", "reason": "illness"},
    ]
    mt = meetings_for("B01", B01_MEMBERS, [m for m, _ in b01_committee], b01_groups, "M01", {
        # FAULT: the May theme day was recorded without a topic -> MTG012 (info).
        "notopic": {("theme_day", "05")},
        # FAULT: the second group skipped its July meeting (summer leave) -> MTG003 G2 2025-07.
        "drop": {("group_meeting", "G2-07")},
        # FAULT: M13 stayed away without leave from three theme days -> MTG009 M13 2025.
        "absent_at": {("theme_day", "02"): {"M13"}, ("theme_day", "06"): {"M13"},
                      ("theme_day", "10"): {"M13"}},
        # FAULT: the Q2 general meeting voted on the year's commendations with 8 of its
        # 16 voting members present (the others excused, on business trips): not more
        # than half -> MTG011.
        "excused": {("general_meeting", "Q2"): {"M08", "M10", "M11", "M12", "M13", "M14", "M15", "M16"},
                    # An ordinary excused absence: nothing to report.
                    ("committee_meeting", "04"): {"M04"}},
        "votes": {("general_meeting", "Q2"): {"expected_voting": 16, "present_voting": 8, "yes": 8,
                                              "no": 0, "abstain": 0, "written_yes": 0, "passed": True}},
    })
    cands, dev, pub = b01_development()
    B1 = bundle(b01, B01_MEMBERS, bases, payments, [], exemptions, mt,
                talks_for(B01_MEMBERS, [m for m, _ in b01_committee], "M01"),
                # FAULT: M09 has 16 + 15.5 = 31.5 training hours in 2025 -> EDU001.
                trainings_for(B01_MEMBERS, {"M09": ["16", "15.5"]}),
                cands, dev, pub)

    # ---- B02 机关第二党支部: committee of 3 elected 2020 (term of 3 years long expired).
    # FAULT: the term ended on 2023-05-20 and no election followed -> ORG003 (error).
    b02_committee = [("M17", "secretary"), ("M18", "organization"), ("M19", "propaganda")]
    b02_groups = [
        {"id": "G3", "name": "第一党小组", "leader": "M18", "members": ["M18", "M19", "M20", "M21", "M22", "M23", "M24"]},
        {"id": "G4", "name": "第二党小组", "leader": "M25", "members": ["M25", "M26", "M27", "M28", "M29", "M30"]},
    ]
    b02 = {"id": "B02", "name": "市文化和旅游局机关第二党支部", "kind": "organ", "founded_on": "2016-03-01",
           "committee": {"elected_on": "2020-05-20", "term_years": 3,
                         "members": [{"member": m, "role": r} for m, r in b02_committee]},
           "groups": b02_groups}
    bases, payments = dues(B02_MEMBERS, skip={"M21": set(range(3, 10)), "M24": {10, 11, 12}})
    # FAULT: a payment booked to an id that is not a member of the branch -> DAT001.
    payments.append({"member": "M99", "month": "2025-05", "amount": "60.00", "paid_on": "2025-05-10"})
    mt = meetings_for("B02", B02_MEMBERS, [m for m, _ in b02_committee], b02_groups, "M17",
                      # FAULT: M21 absent from every meeting from March to September -> MTG010
                      # (7 months) and, as a consequence, MTG009 (21 unexcused absences).
                      {"absent_months": {"M21": set(range(3, 10))},
                       # FAULT: no committee meeting in August -> MTG002 2025-08.
                       "drop": {("committee_meeting", "08")}})
    cands, dev, pub = b02_development()
    B2 = bundle(b02, B02_MEMBERS, bases, payments, [], [], mt,
                # FAULT: nobody talked with M30 in 2025 -> MTG008 M30.
                talks_for(B02_MEMBERS, [m for m, _ in b02_committee], "M17", missing=("M30",)),
                trainings_for(B02_MEMBERS),
                cands, dev, pub)

    # ---- B03 市图书馆党支部: 9 full members, a secretary and no committee.
    # FAULT: 7 or more full members need a branch committee -> ORG001.
    b03 = {"id": "B03", "name": "市图书馆党支部", "kind": "other", "founded_on": "2018-09-01",
           "secretary": "M31"}
    bases, payments = dues(B03_MEMBERS, override={("M35", 11): "1.00", ("M35", 12): "1.00"},
                           skip={"M38": set(range(1, 13))})
    waivers = [
        {"member": "M38", "from": "2025-01", "to": "2025-12", "kind": "waive",
         "branch_decided_on": "2024-12-20", "higher_approved_on": "2025-01-05"},
        {"member": "M35", "from": "2025-11", "to": "2025-12", "kind": "reduce", "amount": "1.00",
         "branch_decided_on": "2025-10-28"},
    ]
    exemptions = [
        {"member": "M36", "from": "2025-02-01", "to": "2025-07-31", "reason": "illness"},
    ]
    mt = meetings_for("B03", B03_MEMBERS, [], [], "M31",
                      # M36 is ill from February to July (an exemption): absent, but excused.
                      {"absent_months": {"M36": set(range(2, 8))},
                       # FAULT: no party lecture in the third quarter -> MTG004 2025-Q3.
                       "drop": {("party_lecture", "Q3")},
                       # FAULT: the August study session has no attendance record -> MTG012;
                       # every member counts as absent once, which tips nobody into MTG009.
                       "noattendance": {("study", "08")}})
    B3 = bundle(b03, B03_MEMBERS, bases, payments, waivers, exemptions, mt,
                talks_for(B03_MEMBERS, [], "M31"),
                trainings_for(B03_MEMBERS),
                *b03_development())
    return {"format": "dangjian/1", "branches": [B1, B2, B3]}


def dump(doc):
    """One record per line: readable, and diffs stay small."""
    out = ['{"format": "dangjian/1", "branches": [']
    for bi, b in enumerate(doc["branches"]):
        out.append(" {")
        keys = list(b.keys())
        for ki, k in enumerate(keys):
            comma = "," if ki < len(keys) - 1 else ""
            v = b[k]
            if isinstance(v, list):
                if not v:
                    out.append(f'  "{k}": []{comma}')
                    continue
                out.append(f'  "{k}": [')
                for ri, r in enumerate(v):
                    c = "," if ri < len(v) - 1 else ""
                    out.append("   " + json.dumps(r, ensure_ascii=False) + c)
                out.append(f"  ]{comma}")
            else:
                out.append(f'  "{k}": ' + json.dumps(v, ensure_ascii=False) + comma)
        out.append(" }" + ("," if bi < len(doc["branches"]) - 1 else ""))
    out.append("]}")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "sample.json"), "w", encoding="utf-8") as f:
        f.write(dump(build()))
