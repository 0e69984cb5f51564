"""The year a document reports on or was adopted in (RECORDS.md ``year``).

In order of trust: a law database's latest amendment date (``最新异动日期：20170809``);
the latest date of a law's amendment preamble (``2015年12月3日 …第二次修正``); a
year in the title; a year opening the body (``2013年,工委组织部…``); the publication
stamp of the issuing site (``发布时间：2018-05-14``) when the body names no year. A
sharing site's upload date is not the document's (``上传时间`` is not a stamp here), and
no stamp counts on a text that shows the signs of such a site (``sharing_sites.txt``).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from gongwen import lexicon
from gongwen.numerals import chinese_int

_HEADER = re.compile(r"(?:最新异动日期|修正日期|发布日期|公发布日)\s*[：:]\s*(\d{4})")
_ROC_HEADER = re.compile(r"(?:最新异动日期|修正日期)\s*[：:]\s*民国\s*(\d{2,3})\s*年")
_ROC = re.compile(r"(?:中华)?民国\s*(\d{2,3})\s*年")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")
#: A publication stamp (发布时间：2018-05-14, 时间：2026-02-02); a sharing site's upload or
#: update time is not one.
_STAMP = re.compile(r"(?<!上传)(?<!更新)(?:发布|发表)?(?:时间|日期)\s*[：:]\s*((?:19|20)\d{2})[-年./]")
#: A full date in a law's preamble: the adoption and amendment dates.
_AMEND = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
_ARTICLE = re.compile(r"^[ \u3000#]*第\s*[〇零一二三四五六七八九十百\d]+\s*[条章]", re.M)
#: The date a rule takes effect (本规则自2024年3月1日起施行): the year it was adopted.
_EFFECTIVE = re.compile(r"自\s*((?:19|20)\d{2})\s*年[^。；\n]{0,12}?起?(?:施行|执行|实施|生效)")
#: A report's sentence opening with its year (【概况】 …。2023年，全镇实现…).
_YEAR_OPENS = re.compile(r"(?:^|[。；】\s])((?:19|20)\d{2})\s*年\s*[,，]")
#: How far into the body a year still counts as the year the document is about.
OPENING = 200
#: How much of the source's head and tail is searched for a sharing site's furniture.
SOURCE_EDGE = 3000
HERE = Path(__file__).resolve().parent


@cache
def _sharing_cues() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{c})" for c in lexicon.entries(HERE / "sharing_sites.txt")), re.M)


def from_sharing_site(text: str, source_text: str = "") -> bool:
    """Whether the text was copied from a document-sharing or essay site: then a page
    stamp is the upload's date, not the document's."""
    edges = source_text[:SOURCE_EDGE] + "\n" + source_text[-SOURCE_EDGE:] if source_text else ""
    return bool(_sharing_cues().search(text) or _sharing_cues().search(edges))


def _plausible(y: int) -> bool:
    return 1900 <= y <= 2100


_CN_DIGIT = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0, "Ｏ": 0}
#: A year written digit by digit in Chinese numerals (二〇二二年) — the same length as its digits.
_CN_YEAR = re.compile(r"(?<![〇○Ｏ零一二三四五六七八九十])([〇○Ｏ零一二三四五六七八九]{4})(?=\s*年)")
#: A Republic-of-China year in Chinese numerals (中华民国一百零八年, 民国九十四年).
_CN_ROC = re.compile(r"(?<=民国)([一二三四五六七八九十百零〇]{1,6})(?=\s*年)")


def arabic_years(text: str) -> str:
    """``text`` with years written in Chinese numerals turned into digits, so one set of
    patterns reads 2022年 and 二〇二二年, 民国108年 and 民国一百零八年."""
    text = _CN_YEAR.sub(lambda m: "".join(str(_CN_DIGIT[c]) for c in m.group(1)), text)
    return _CN_ROC.sub(lambda m: str(n) if (n := chinese_int(m.group(1))) is not None else m.group(0), text)


def find_year(text: str, title: str | None, title_end: int = 0, source_text: str = "") -> int | None:
    text, title = arabic_years(text), arabic_years(title) if title else title
    m = _HEADER.search(text[:2000])
    if m:
        return int(m.group(1))
    m = _ROC_HEADER.search(text[:2000])
    if m:
        return int(m.group(1)) + 1911
    first_article = _ARTICLE.search(text)
    if first_article:
        years = [int(y) for y in _AMEND.findall(text[: first_article.start()])]
        if years:
            return max(years)
    effective = [int(y) for y in _EFFECTIVE.findall(text)]
    if effective:
        return max(effective)
    if title:
        m = _YEAR.search(title)
        if m and _plausible(int(m.group(1))):
            return int(m.group(1))
    m = _ROC.search(text[:300])  # a Taiwan gazette order dated 中华民国102年2月23日
    if m:
        return int(m.group(1)) + 1911
    body = text[title_end:]
    for para in body.split("\n"):
        para = para.strip()
        if len(para) < 20 or "http" in para or para.startswith("—"):  # short lines, links, bylines
            continue
        m = _YEAR.search(para[:OPENING])
        if m and m.start() < 40 and _plausible(int(m.group(1))):
            return int(m.group(1))
        m = _YEAR_OPENS.search(para[:OPENING])
        if m and _plausible(int(m.group(1))):
            return int(m.group(1))
        break
    # the stamp may sit on an info line the normalizer removed as furniture
    m = _STAMP.search(text) or _STAMP.search(source_text[:SOURCE_EDGE])
    if m is None or from_sharing_site(text, source_text):
        return None
    return int(m.group(1))
