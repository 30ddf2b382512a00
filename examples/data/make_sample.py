#!/usr/bin/env python3
"""Writes examples/data/sample.json: the records (台账) of 2025 of the three
party branches of a municipal culture-and-tourism bureau (市文化和旅游局), with
the faults such a bureau's self-inspection typically finds planted on purpose.

The JSON file is what the crate reads and what its tests assert; this script
is how it is kept readable and consistent. Run it from the repository root:

    python3 examples/data/make_sample.py

Each planted fault is marked `FAULT:` below, with the finding it must produce.
tests/sample.rs asserts exactly those findings (tests/sample_mtg.rs those of the
organisational-life, education and organisation rules, tests/sample_dev.rs the
development ones, tests/sample_v11.rs those of the v1.1 records: transfers,
members away, remittances, receipts, the 组织生活会's rectifications, the
ideology reviews). The development files are in sample_dev.py (their faults
marked there), the helpers of the v1.1 records in sample_v11.py.
"""

import datetime as dt
import json
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ beside the sample

from sample_dev import b01_development, b02_development, b03_development, votes
from sample_v11 import (IDEOLOGY, collected, item, publications, receipts, remittances,
                        with_channels)

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
    # FAULT: no outgoing transfer letter on file (the branch keeps them: M16's
    # incoming one) -> REL003.
    ("M15", "胡斌", "male", "1986-04-04", "full", "2009-06-30", "2010-06-30", "salaried", "10000.00",
     {"in_branch_to": "2025-09-20", "left_reason": "transferred"}),
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
    # Seconded to the bureau's promotion office in 深圳 from 2025-04-21 (B02's mobility).
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


def attendance(members_in, absent=(), excused=(), why=None):
    """`why`: {member: reason} of members excused with a reason of their own."""
    why = why or {}
    rows = []
    for mid in members_in:
        if mid in why:
            rows.append({"member": mid, "status": "excused", "reason": why[mid]})
        elif mid in excused:
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
      votes: {(kind, key): votes}: the vote taken at that meeting;
      away: {member: (first day, last day or None, reason)}: excused from every
        meeting in those days (away from the branch, see sample_v11.py);
      chair: {(kind, key): member}: another chair than the secretary;
      tags / rectifications: {(kind, key): list}: the meeting's v1.1 fields.
    Group meetings are keyed "<group>-<MM>", monthly items "<MM>", quarterly "Q<n>",
    annual ones "<YYYY>".
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
        rec["chair"] = plan.get("chair", {}).get((kind, key), secretary)
        rec["recorder"] = plan.get("recorder", secretary)
        rec["hours"] = "2" if kind != "theme_day" else "3"
        why = {m: reason for m, (a, z, reason) in plan.get("away", {}).items()
               if a <= day and (z is None or day <= z)}
        if (kind, key) not in plan.get("noattendance", set()):
            rec["attendance"] = attendance(ids, absent=absent & set(ids),
                                           excused=plan.get("excused", {}).get((kind, key), ()),
                                           why=why)
        if (kind, key) in plan.get("votes", {}):
            rec["votes"] = plan["votes"][(kind, key)]
        if (kind, key) in plan.get("tags", {}):
            rec["tags"] = plan["tags"][(kind, key)]
        if (kind, key) in plan.get("rectifications", {}):
            rec["rectifications"] = plan["rectifications"][(kind, key)]
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
    """Training records, each with its channel (v1.1)."""
    return with_channels(_trainings(members, hours_override))


def _trainings(members, hours_override=None):
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


def bundle(branch, members, bases, payments, waivers, exemptions, meetings, talks, trainings,
           candidates, development, publicity, v11=None):
    """The bundle; `v11` holds the v1.1 tables (transfers, mobility,
    dues_remittances, dues_publications), written after the v1 ones."""
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
        **(v11 or {}),
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
    # Receipts (党费收据) numbered in the order of payment, collected by the 组织委员 M03.
    # FAULT: the booking for M15's October has no receipt -> DUE009 (info).
    receipts(payments, "B01", "M03", missing={len(payments) - 1})
    b01_books = {
        # FAULT: M12's January dues, paid on 2025-08-15, were not remitted with the
        # third quarter: 45.00 short -> DUE010 2025-Q3.
        "dues_remittances": remittances(payments, short={3: "45.00"},
                                        last_q4=str(collected(payments, {10, 11, 12}))),
        "dues_publications": publications("2024-12-20", "2025-12-20"),
        # M16 reported on 2025-03-10 with a letter valid until 2025-03-31.
        "transfers": [{"member": "M16", "direction": "in", "issued_on": "2025-02-28",
                       "valid_until": "2025-03-31", "org": "中共省文化和旅游厅机关委员会",
                       "reported_on": "2025-03-10"}],
        # M06 studied at the provincial party school for three months (less than
        # six: no transfer due).
        "mobility": [{"member": "M06", "kind": "study", "from": "2025-09-01", "to": "2025-11-30",
                      "place": "省委党校（脱产学习）", "place_fixed": True}],
    }
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
        # The Q2 general meeting voted on the year's commendations with 8 of its 16
        # voting members present (the others excused, on business trips): exactly
        # half, a quorum under 支部工作条例 art. 11 "半数以上" (no MTG011).
        "excused": {("general_meeting", "Q2"): {"M08", "M10", "M11", "M12", "M13", "M14", "M15", "M16"},
                    # An ordinary excused absence: nothing to report.
                    ("committee_meeting", "04"): {"M04"}},
        "votes": {("general_meeting", "Q2"): {"expected_voting": 16, "present_voting": 8, "yes": 8,
                                              "no": 0, "abstain": 0, "written_yes": 0, "passed": True}},
        "away": {"M06": (D(YEAR, 9, 1), D(YEAR, 11, 30), "外出学习")},
        # The ideology reviews (意识形态工作专题研究) of the committee, one a half-year.
        "tags": {("committee_meeting", "03"): IDEOLOGY, ("committee_meeting", "09"): IDEOLOGY,
                 ("study", "08"): ["理论学习"]},
        "rectifications": {
            ("life_meeting", "2024"): [
                item("党费收缴不够及时", "M05", "2025-03-31", "2025-03-25"),
                item("理论学习不够系统深入", "M02", "2025-04-30", "2025-04-18"),
                # FAULT: due 2025-06-30 and still open at the year end -> MTG015.
                item("三会一课记录不够规范", "M03", "2025-06-30"),
            ],
            ("life_meeting", "2025"): [
                item("联系服务群众不够经常", "M04", "2026-03-31"),
                item("党员教育管理存在薄弱环节", "M02", "2026-06-30"),
            ],
        },
    })
    cands, dev, pub = b01_development()
    B1 = bundle(b01, B01_MEMBERS, bases, payments, [], exemptions, mt,
                talks_for(B01_MEMBERS, [m for m, _ in b01_committee], "M01"),
                # FAULT: M09 has 16 + 15.5 = 31.5 training hours in 2025 -> EDU001.
                trainings_for(B01_MEMBERS, {"M09": ["16", "15.5"]}),
                cands, dev, pub, b01_books)

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
    # No receipts recorded in B02 (DUE009 does not apply); remitted in full.
    b02_books = {
        "dues_remittances": remittances(payments, last_q4=str(collected(payments, {10, 11, 12}))),
        "dues_publications": publications("2024-12-20", "2025-12-20"),
        # FAULT: M29, seconded to the bureau's promotion office in 深圳 since
        # 2025-04-21 (a fixed place), away more than eight months by the year end
        # and the relations not transferred -> REL004.
        "mobility": [{"member": "M29", "kind": "work", "from": "2025-04-21",
                      "place": "深圳（市文旅局驻深圳旅游推广办事处）", "place_fixed": True}],
    }
    # FAULT: the Q4 general meeting voted on the democratic review's results with 6
    # of its 13 voting members present (M28 is probationary), fewer than half -> MTG011.
    q4_away = {"M22", "M23", "M25", "M26", "M27", "M30"}
    mt = meetings_for("B02", B02_MEMBERS, [m for m, _ in b02_committee], b02_groups, "M17",
                      # FAULT: M21 absent from every meeting from March to September -> MTG010
                      # (7 months) and, as a consequence, MTG009 (21 unexcused absences).
                      {"absent_months": {"M21": set(range(3, 10))},
                       # FAULT: no committee meeting in August -> MTG002 2025-08.
                       "drop": {("committee_meeting", "08")},
                       "away": {"M29": (D(YEAR, 4, 21), None, "借调外地工作")},
                       # FAULT: the secretary M17, a leading cadre (副局长), was away on
                       # business at the 2025 组织生活会 (chaired by M18): no dual
                       # organisational life -> MTG013.
                       "excused": {("general_meeting", "Q4"): q4_away, ("life_meeting", "2025"): {"M17"}},
                       "chair": {("life_meeting", "2025"): "M18"},
                       "votes": {("general_meeting", "Q4"): votes(13, 6, 6)},
                       # FAULT: the committee reviewed ideology work in April, and not
                       # again in the second half-year -> IDE001 2025-H2.
                       "tags": {("committee_meeting", "04"): IDEOLOGY, ("study", "08"): ["理论学习"]},
                       "rectifications": {
                           ("life_meeting", "2024"): [
                               item("联系服务群众不够经常", "M18", "2025-04-30", "2025-04-22"),
                               item("党员先锋模范作用发挥不够", "M19", "2025-06-30", "2025-06-20"),
                           ],
                           ("life_meeting", "2025"): [
                               item("落实意识形态工作责任制不够到位", "M18", "2026-03-31"),
                           ],
                       }})
    cands, dev, pub = b02_development()
    B2 = bundle(b02, B02_MEMBERS, bases, payments, [], [], mt,
                # FAULT: nobody talked with M30 in 2025 -> MTG008 M30.
                talks_for(B02_MEMBERS, [m for m, _ in b02_committee], "M17", missing=("M30",)),
                trainings_for(B02_MEMBERS),
                cands, dev, pub, b02_books)

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
    # Receipts collected by M32; remitted in full each month, through November's.
    receipts(payments, "B03", "M32")
    b03_books = {
        "dues_remittances": remittances(payments, monthly=True,
                                        last_q4=str(collected(payments, {10, 11, 12}))),
        "dues_publications": publications("2024-12-19", "2025-12-19"),
    }
    mt = meetings_for("B03", B03_MEMBERS, [], [], "M31",
                      # M36 is ill from February to July (an exemption): absent, but excused.
                      {"absent_months": {"M36": set(range(2, 8))},
                       # FAULT: no party lecture in the third quarter -> MTG004 2025-Q3.
                       "drop": {("party_lecture", "Q3")},
                       # FAULT: the August study session has no attendance record -> MTG012;
                       # every member counts as absent once, which tips nobody into MTG009.
                       "noattendance": {("study", "08")},
                       # The ideology reviews at the general meetings of June and December.
                       "tags": {("general_meeting", "Q2"): IDEOLOGY, ("general_meeting", "Q4"): IDEOLOGY,
                                ("study", "08"): ["理论学习"]},
                       "rectifications": {
                           ("life_meeting", "2024"): [
                               item("阅读推广服务群众不够深入", "M31", "2025-05-31", "2025-05-20"),
                               item("谈心谈话开展不够经常", "M32", "2025-03-31", "2025-03-28"),
                           ],
                           ("life_meeting", "2025"): [
                               item("主题党日活动形式单一", "M32", "2026-04-30"),
                           ],
                       }})
    B3 = bundle(b03, B03_MEMBERS, bases, payments, waivers, exemptions, mt,
                talks_for(B03_MEMBERS, [], "M31"),
                trainings_for(B03_MEMBERS),
                *b03_development(), b03_books)
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
