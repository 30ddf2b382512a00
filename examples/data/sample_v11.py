"""The v1.1 records of the sample (imported by make_sample.py): receipts and
collectors on payments, remittances to the bureau's 机关党委, the yearly
publication of the dues, transfer letters, members away, meeting tags (the
意识形态 reviews), the 组织生活会's rectification items, training channels.

The faults planted here are marked `FAULT:` in make_sample.py, where each
branch's records are put together, and asserted by tests/sample_v11.rs.
"""

from decimal import Decimal

YEAR = 2025

CHANNELS = {
    "网络党校专题培训": "online_school",
    "党纪学习教育专题班": "offline",
    "基层党组织书记和委员培训班": "offline",
}


def with_channels(trainings):
    """Every training record says how its hours were earned."""
    for t in trainings:
        t["channel"] = CHANNELS.get(t.get("title"), "other")
    return trainings


def receipts(payments, prefix, collector, missing=()):
    """Receipt numbers in the order of payment (`<prefix>-2025-NNN`) and the
    collector (the 组织委员 or the secretary) on every payment except the
    `missing` ones (indexes into `payments`)."""
    order = sorted(range(len(payments)), key=lambda i: (payments[i]["paid_on"], i))
    for seq, i in enumerate(order, 1):
        p = payments[i]
        p["collector"] = collector
        if i not in missing:
            p["receipt_no"] = f"{prefix}-{YEAR}-{seq:03d}"
    return payments


def collected(payments, months):
    """Total of the payments made (`paid_on`) in `months` of 2025."""
    total = Decimal("0")
    for p in payments:
        y, m = int(p["paid_on"][:4]), int(p["paid_on"][5:7])
        if y == YEAR and m in months:
            total += Decimal(p["amount"])
    return total


def remittances(payments, monthly=False, short=None, last_q4="0.00"):
    """What was collected, remitted in full to the 机关党委 in the month after
    each quarter (or month), through November's; the fourth quarter of 2024
    in January. `short`: {quarter: amount} remitted short (a fault)."""
    short = short or {}
    out = [{"period": f"{YEAR - 1}-Q4", "amount": last_q4, "remitted_on": f"{YEAR}-01-12"}]
    if monthly:
        for m in range(1, 12):
            amount = collected(payments, {m})
            q = (m - 1) // 3 + 1
            if m % 3 == 0 and q in short:
                amount -= Decimal(short[q])
            out.append({"period": f"{YEAR}-{m:02d}", "amount": str(amount),
                        "remitted_on": f"{YEAR}-{m + 1:02d}-08"})
        return out
    for q in range(1, 4):
        amount = collected(payments, {3 * q - 2, 3 * q - 1, 3 * q}) - Decimal(short.get(q, "0"))
        out.append({"period": f"{YEAR}-Q{q}", "amount": str(amount),
                    "remitted_on": f"{YEAR}-{3 * q + 1:02d}-10"})
    return out


def publications(last_year_on, this_year_on):
    """The dues collected and used, published to the members once a year at
    the year-end general meeting."""
    return [{"date": last_year_on, "year": YEAR - 1}, {"date": this_year_on, "year": YEAR}]


def item(text, owner, due, done_on=None):
    r = {"item": text, "owner": owner, "due": due}
    if done_on:
        r["done_on"] = done_on
    return r


IDEOLOGY = ["ideology"]
