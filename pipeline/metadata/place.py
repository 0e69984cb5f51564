"""Region and organization (RECORDS.md ``region``, ``organization``).

The region is the administrative area the document belongs to *as the text names it*.
Place names come from jieba's segmentation (its dictionary knows 湘桥区, 浙江省 …): a
word ending in a region suffix of ``places.tsv``. The title's place wins; otherwise
the document's way of referring to its own area (全区, 我县) says which kind of area
to look for in the body, so a report of a 镇 that mentions 大冶市 in passing does not
get 大冶市. National documents and Taiwan documents have no region.

The organization is the organ that issued or is described by the document: the title
without its genre word (``卫东区委``工作规则), or the subject of the first sentence
(``2013年,工委组织部以…``, ``办公厅(人事局)负责…``).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from pathlib import Path

from pipeline import lexicon
from pipeline.tokenize import cut

HERE = Path(__file__).resolve().parent
_LEADING_DATE = re.compile(r"^\s*(?:\d{4}\s*年(?:\d{1,2}\s*月)?(?:\d{1,2}\s*日)?|年内|今年|近年来)[,，、\s]*")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_CJK_ONLY = re.compile(r"^[\u4e00-\u9fff]+$")


@cache
def vocab(kind: str) -> tuple[str, ...]:
    """Words of one kind in ``places.tsv``, longest first so the longest suffix matches first."""
    return tuple(sorted(lexicon.of_kind(HERE / "places.tsv", kind), key=len, reverse=True))


def place_names(text: str) -> list[str]:
    """Area names in ``text`` in order, as jieba cuts them (zones re-joined)."""
    suffixes, parts, stop = vocab("region_suffix"), set(vocab("zone_part")), set(vocab("not_region"))
    tokens = cut(text)
    out: list[str] = []
    for i, tok in enumerate(tokens):
        if not _CJK.match(tok):
            continue
        name = None
        for suf in suffixes:
            j = tok.find(suf)
            if j >= 0 and len(tok[: j + len(suf)]) > len(suf):
                name = tok[: j + len(suf)]
                break
            if tok == suf and suf in parts:
                name = tok
        if name is None and tok in parts and tok.endswith("区"):
            name = tok
        if name is None:
            continue
        if name in parts or name.endswith("开发区"):  # 威海|经济|技术开发区 → 威海经济技术开发区
            k = i
            while k > 0 and tokens[k - 1] in parts:
                k -= 1
            if k > 0 and _CJK.match(tokens[k - 1]) and len(tokens[k - 1]) >= 2:
                k -= 1
            name = "".join(tokens[k:i]) + name
        if name in stop or len(name) < 3 or name[0] in "全各我本该" or name.startswith(vocab("generic_prefix")):
            continue
        stem = next((name[: -len(s)] for s in suffixes if name.endswith(s)), name)
        while stem and any(stem.startswith(p) for p in parts):
            stem = stem[len(next(p for p in sorted(parts, key=len, reverse=True) if stem.startswith(p))):]
        if not stem:  # 经济区: only the words of a zone kind, no name
            continue
        out.append(name)
    return out


def named_before_organ(text: str) -> list[str]:
    """Area names right before an organ word (``红旗区``委, ``某县``人民政府): a fallback for
    names jieba's dictionary does not know."""
    suffixes = "|".join(vocab("region_suffix"))
    organs = "|".join(vocab("organ_after_place"))
    stop = set(vocab("not_region"))
    names = re.findall(rf"([\u4e00-\u9fff]{{2,8}}?(?:{suffixes}))(?={organs})", text)
    return [n for n in names if n not in stop and not n.startswith(("全", "各", "我", "本"))]


def leading_area(organ: str) -> str | None:
    """The area name an organ's name opens with (``青山县``交通运输局), for names neither
    jieba's dictionary nor :func:`named_before_organ` knows: a stem of two or more
    characters before the first region suffix, within the first eight characters."""
    suffixes = "|".join(vocab("region_suffix"))
    m = re.match(rf"([\u4e00-\u9fff]{{2,6}}?(?:{suffixes}))(?=[\u4e00-\u9fff]{{2,}})", organ)
    if not m or m.group(1) in set(vocab("not_region")) or m.group(1).startswith(("全", "各", "我", "本")):
        return None
    if not _ends_a_word(organ, m.end(1)):  # 某省乡|镇人民代表大会: 乡镇 is one word, not a 乡
        return None
    return m.group(1)


def _ends_a_word(text: str, end: int) -> bool:
    """Whether position ``end`` of ``text`` falls between two of jieba's words."""
    pos = 0
    for word in cut(text):
        pos += len(word)
        if pos >= end:
            return pos == end
    return True


def self_kind(text: str) -> str | None:
    """The kind of area a document calls its own (``全区``/``我区``/``本区`` → ``区``)."""
    counts = Counter()
    for suf in vocab("self_ref"):
        counts[suf] = sum(text.count(p + suf) for p in "全我本")
    kind, n = counts.most_common(1)[0] if counts else (None, 0)
    return kind if n >= 2 else None


def is_taiwan(text: str) -> bool:
    return "中华民国" in text[:5000] or text.lstrip().startswith("法规名称")


def region(text: str, title: str | None, organization: str | None = None) -> str | None:
    if is_taiwan(text):
        return None
    for source in (title, organization):
        if source:
            source = _drop_prefix(source)
            names = place_names(source) or named_before_organ(source)
            if names:
                return names[0]
    if organization:
        lead = leading_area(_drop_prefix(organization))
        if lead:
            return lead
    kind = self_kind(text)
    if kind is None:
        return None
    names = [n for n in place_names(text) if n.endswith(kind)]
    if not names:
        return None
    return Counter(names).most_common(1)[0][0]


def is_organ(name: str) -> bool:
    """Does ``name`` end like an organ (``卫东区委``, ``办公厅(人事局)``)?"""
    name = re.sub(r"[(（][^()（）]*[)）]$", "", name)
    return len(name) >= 2 and name.endswith(vocab("organ_suffix"))


def _drop_prefix(name: str) -> str:
    """``中华民国总统府`` → ``总统府``: a state's name is not part of the organ's."""
    for p in vocab("org_prefix"):
        if name.startswith(p) and len(name) > len(p) + 1:
            return name[len(p):]
    return name


def organization(text: str, title: str | None) -> str | None:
    if title:
        t = re.sub(r"^\d{4}\s*年(?:度)?", "", title)
        t = re.sub(r"^[\d\s]+", "", t)  # 203组织部: a budget code before the name
        typed = False
        for kind in vocab("title_type"):
            if t.endswith(kind) and len(t) > len(kind):
                t, typed = t[: -len(kind)].strip(), True
                break
        for word in vocab("meeting_word"):  # 行政院会议|议事规则: the meeting's organ
            if typed and t.endswith(word) and len(t) > len(word) + 1:
                t = t[: -len(word)]
        t = _drop_prefix(t)
        if is_organ(t):
            return t
        if typed:  # 审计部审计会议|议事规则: the organ is the longest organ-like prefix
            for end in range(len(t) - 1, 1, -1):
                if _CJK_ONLY.match(t[:end]) and is_organ(t[:end]):
                    return t[:end]
    # the subject of the first sentence of the body (the first few paragraphs, furniture aside)
    tried = 0
    for para in text.split("\n"):
        para = para.strip()
        if len(para) < 20 or para.startswith("\t") or "http" in para:
            continue
        tried += 1
        if tried > 3:
            break
        body = _LEADING_DATE.sub("", re.sub(r"^【[^】]*】\s*", "", para))
        m = re.match(r"([\u4e00-\u9fff()（）]{2,20}?)(?:以|负责|是|在|要|于|坚持|按照|根据|围绕|紧紧)", body)
        if m and is_organ(m.group(1)) and not m.group(1).startswith(("各", "本", "我")):
            return _drop_prefix(m.group(1))
    return None
