#!/usr/bin/python3
"""The comparison of issue 10: a plain pandas + openpyxl script doing only the required-field and
overdue checks on a generated ledger (header in row 3, the field names ledger-check maps).

    /usr/bin/python3 bench/pandas-check.py FILE.xlsx 2025-07-01     → prints `missing overdue`
"""
import sys

import pandas as pd

path, today = sys.argv[1], pd.Timestamp(sys.argv[2])
df = pd.read_excel(path, sheet_name=0, header=2, engine="openpyxl")
df.columns = ["".join(str(c).split()) for c in df.columns]


def column(key):
    """The first column whose header starts with key (完成时限（年月日）, 责任\n领导 …)."""
    return next((c for c in df.columns if c.startswith(key)), None)


problem, measures, lead, dept, deadline, status = (
    column(k) for k in ("反馈问题", "整改措施", "责任领导", "责任部门", "完成时限", "整改进展")
)
# Merged problem cells read as empty below their first row: carry them down, as a clerk reads them.
for col in (column("序号"), problem, lead):
    if col is not None:
        df[col] = df[col].ffill()
# Category rows (一、…) hold only their caption: not tasks.
df = df[df[measures].notna() | df[deadline].notna()]
required = [c for c in (problem, measures, lead, dept, deadline, status) if c is not None]
missing = int(df[required].isna().any(axis=1).sum())
due = pd.to_datetime(df[deadline], errors="coerce")
done = df[status].astype(str).str.contains("已完成", na=False)
overdue = int(((due < today) & ~done).sum())
print(missing, overdue)
