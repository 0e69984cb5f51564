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
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from gongwen import lexicon
from gongwen.metadata import divisions
from gongwen.metadata.divisions import Division, chain, chains
from gongwen.tokenize import cut, dictionary

__all__ = ["Division", "chain", "chains", "organization", "region"]

HERE = Path(__file__).resolve().parent
#: What opens a paragraph before its first sentence: an entry's label (【概况】, or with its
#: brackets stripped a short label set off by a blank before a date: 概况 2013年), an article's
#: number (第二十三条), perhaps after its chapter run in when the line breaks were lost
#: (第五章议事规则第二十三条).
_PARAGRAPH_LABEL = re.compile(r"^(?:[【〔][^】〕]*[】〕]|[\u4e00-\u9fff]{2,8}[ \u3000]+(?=(?:19|20)\d{2}\s*年)"
                              r"|(?:第\s*[一二三四五六七八九十百\d]+\s*章[\u4e00-\u9fff]{0,8}?)?"
                              r"第\s*[一二三四五六七八九十百\d]+\s*条)\s*")
_LEADING_DATE = re.compile(r"^\s*(?:\d{4}\s*年(?:\d{1,2}\s*月)?(?:\d{1,2}\s*日)?|年内|今年|近年来)[,，、\s]*")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_CJK_ONLY = re.compile(r"^[\u4e00-\u9fff]+$")
#: What may stand right before a proper name of an area: it opens a phrase there.
NAME_OPENERS = "《“\"‘（(【[\n 　，,。、；;：:"


@cache
def vocab(kind: str) -> tuple[str, ...]:
    """Words of one kind in ``places.tsv``, longest first so the longest suffix matches first."""
    return tuple(sorted(lexicon.of_kind(HERE / "places.tsv", kind), key=len, reverse=True))


@cache
def _any_suffix() -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, vocab("region_suffix"))))


def place_names(text: str) -> list[str]:
    """Area names in ``text`` in order, as jieba cuts them (zones re-joined)."""
    suffixes, parts, stop = vocab("region_suffix"), set(vocab("zone_part")), set(vocab("not_region"))
    tokens = cut(text)
    out: list[str] = []
    pos = 0
    for i, tok in enumerate(tokens):
        start, pos = pos, pos + len(tok)
        if not _CJK.match(tok):
            continue
        name = None
        # one search says whether any suffix is in the token at all (most tokens hold none)
        for suf in suffixes if _any_suffix().search(tok) else ():
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
        if name in stop or _no_area_word(name) or name[0] in "全各我本该省市区县镇乡" \
                or name.startswith(vocab("generic_prefix")):  # 省区市 is a list of kinds, not a name
            continue
        # 曹县, 鄞州: a two-character name only as a whole place word opening a phrase (not 和|县)
        if len(name) < 3 and not (name == tok and (dictionary_tag(name) == "ns" or name in divisions.by_name())
                                  and not (i + 1 < len(tokens) and tokens[i + 1][:1] in "省市区县镇乡州旗")  # 红旗|区委
                                  and (start == 0 or text[start - 1] in NAME_OPENERS)):
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
    names = re.findall(rf"([\u4e00-\u9fff]{{2,8}}?(?:{suffixes}))(?={organs})", text)
    return [n for n in names if not _no_area(n) and not n.startswith(("全", "各", "我", "本"))]


def _known_tail(name: str, known: set[str]) -> str | None:
    """The longest tail of ``name`` that is a known area (配合|桃源县 → 桃源县): one jieba
    found in the text, or a division's full name."""
    table = divisions.by_name()
    for k in range(len(name)):
        tail = name[k:]
        if len(tail) >= 2 and (tail in known or any(d.name == tail for d in table.get(tail, ()))):
            return tail
    return None


def leading_area(organ: str) -> str | None:
    """The area name an organ's name opens with (``青山县``交通运输局), for names neither
    jieba's dictionary nor :func:`named_before_organ` knows: a stem of two or more
    characters before the first region suffix, within the first eight characters."""
    suffixes = "|".join(vocab("region_suffix"))
    m = re.match(rf"([\u4e00-\u9fff]{{2,6}}?(?:{suffixes}))(?=[\u4e00-\u9fff]{{2,}}|\d{{4}}年)", organ)
    if not m or _no_area(m.group(1)) or m.group(1).startswith(("全", "各", "我", "本")):
        return None
    if not _ends_a_word(organ, m.end(1)):  # 某省乡|镇人民代表大会: 乡镇 is one word, not a 乡
        return None
    return m.group(1)


def _no_area(name: str) -> bool:
    """A name that is, or ends in, a word of ``not_region`` (幸福社区, 高新园区): a community
    or a park is not an administrative area."""
    return name.endswith(vocab("not_region"))


def _no_area_word(name: str) -> bool:
    """Like :func:`_no_area`, but a zone that is an area (威海经济技术开发区) stays."""
    suffixes = set(vocab("region_suffix"))
    return any(name.endswith(w) for w in vocab("not_region") if w not in suffixes)


def _ends_a_word(text: str, end: int) -> bool:
    """Whether position ``end`` of ``text`` falls between two of jieba's words."""
    pos = 0
    for word in cut(text):
        pos += len(word)
        if pos >= end:
            return pos == end
    return True


def self_kind(text: str, at_least: int = 2) -> str | None:
    """The kind of area a document calls its own (``全区``/``我区``/``本区`` → ``区``)."""
    counts = Counter()
    for suf in vocab("self_ref"):
        counts[suf] = sum(text.count(p + suf) for p in "全我本")
    kind, n = counts.most_common(1)[0] if counts else (None, 0)
    return kind if n >= at_least else None


#: The head of a text where a running head or headline names the area (舟山市定海区志).
HEAD_CHARS = 300


def is_taiwan(text: str) -> bool:
    return "中华民国" in text[:5000] or text.lstrip().startswith("法规名称")


def bare_place(title: str | None) -> str | None:
    """The title when it is nothing but an area's name (a yearbook entry headed ``东林镇``),
    for names jieba cuts apart (东林|镇): the entry is about that area."""
    if not title:
        return None
    suffixes = "|".join(vocab("region_suffix"))
    m = re.fullmatch(rf"[\u4e00-\u9fff]{{2,8}}?(?:{suffixes})", title.strip())
    if not m or _no_area(m.group(0)) or m.group(0).startswith(("全", "各", "我", "本")):
        return None
    return m.group(0)


def region(text: str, title: str | None, organization: str | None = None) -> str | None:
    place = bare_place(title)
    if place:
        return place
    if organization and is_place_word(organization):  # the document is an area's (如东, 洪洞县)
        return organization
    for source in (title, organization):
        if source:
            source = _drop_prefix(source)
            names = place_names(source)
            before_organ = named_before_organ(source)
            if names and before_organ and names[-1] in before_organ[-1]:
                inner = before_organ[-1].split(names[-1])[-1]  # 松溪县|白沙乡 (jieba cut 白沙|乡党委)
                if len(inner) >= 3:
                    names.append(inner)
            names = names or before_organ
            if names:  # the innermost area: 松溪县白沙乡党委 belongs to 白沙乡
                return names[-1]
    for source in (organization, title):  # 青山县交通运输局, 青松县2018年…工作情况汇报
        lead = leading_area(_drop_prefix(source)) if source else None
        if lead:
            return lead
    kind = self_kind(text)
    if kind is None:
        once = self_kind(text, at_least=1)  # 全区 said once: an area of that kind named in the head
        head = [n for n in place_names(text[:HEAD_CHARS]) if once and n.endswith(once)]
        if head:
            return head[-1]
        # the one area the text names before its organs (配合金溪县委组织部…)
        known = set(place_names(text[:5000]))
        named = {t for t in (_known_tail(n, known) for n in named_before_organ(text[:5000])) if t}
        return named.pop() if len(named) == 1 else None
    names = [n for n in place_names(text) if n.endswith(kind)] or split_names(text, kind)
    if not names:
        return None
    return Counter(names).most_common(1)[0][0]


#: jieba's part-of-speech tags of proper names (place, person, other); a word jieba's
#: dictionary lacks (tag "") may be a name too.
NAME_TAGS = frozenset({"ns", "nr", "nz", "nt", ""})


#: What follows a word at the start of its dictionary line: its frequency and its tag.
_FREQ_TAG = re.compile(r"\d+ (\S+)")


@cache
def dictionary_tag(word: str) -> str:
    """The word's tag in jieba's dictionary, ``""`` when it has none. One search of the
    file per word asked (a few per document): cheaper than indexing all 350k entries.
    The search is a plain substring search for the line's start (``\\n如东 ``), not a
    regular expression anchored at every line: a pattern opening with ``^`` gets no
    literal prefix scan, and each call cost ~40 ms of a small file's ~15 ms budget."""
    text = dictionary()
    if "\n" in word:  # cannot be one line's word; keep the general search's answer
        m = re.search(rf"^{re.escape(word)} \d+ (\S+)$", text, re.MULTILINE)
        return m.group(1) if m else ""
    key = word + " "
    for start in _line_starts(text, key):
        end = text.find("\n", start)
        m = _FREQ_TAG.fullmatch(text, start + len(key), len(text) if end == -1 else end)
        if m:
            return m.group(1)
    return ""


def _line_starts(text: str, key: str) -> Iterator[int]:
    """Offsets of the lines of ``text`` that begin with ``key``, in order."""
    if text.startswith(key):
        yield 0
    at = text.find("\n" + key)
    while at != -1:
        yield at + 1
        at = text.find("\n" + key, at + 1)


def is_place_word(word: str) -> bool:
    """Is ``word`` an area's name: one ending in a region suffix (``如东县``) or a bare
    name jieba's dictionary tags as a place (``如东``)?"""
    if word.endswith(vocab("region_suffix")) and not _no_area(word) and len(word) >= 3:
        return True
    return dictionary_tag(word) == "ns"


def split_names(text: str, kind: str) -> list[str]:
    """Names of areas of ``kind`` that jieba cuts apart (云岭|区): a word of two or three
    characters right before a token that is the suffix alone, opening a phrase (after
    ``《``, a quote, a bracket, punctuation or a line start) as a proper name does, and
    tagged as a name in jieba's dictionary or unknown to it, so that a verb before a bare
    suffix (指导|县党代会) is not taken for one. Only for the kind the
    document calls its own (全区), where such a name is most likely its area."""
    generic = vocab("generic_prefix")
    tokens = cut(text)
    out = []
    pos = 0
    for i, tok in enumerate(tokens):
        start, pos = pos, pos + len(tok)
        if i + 1 >= len(tokens) or tokens[i + 1] != kind:
            continue
        if not _CJK_ONLY.match(tok) or not 2 <= len(tok) <= 3:
            continue
        if start > 0 and text[start - 1] not in NAME_OPENERS:
            continue
        if dictionary_tag(tok) not in NAME_TAGS:  # 指导 is a verb, 云岭 a place name
            continue
        name = tok + kind
        if _no_area(name) or name[0] in "全各我本该" or name.startswith(generic):
            continue
        out.append(name)
    return out


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


#: How far into the first paragraph the title may stand when it ran into the body
#: (after a chapter's marker: 第四类 编制工作曹县编制委员会办公室为…).
TITLE_RUN_IN = 12


def organization(text: str, title: str | None) -> str | None:
    if bare_place(title):  # an entry about an area (红石镇): its organs are actors in it, not its subject
        return None
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
        # 某区人力资源和社会保障局2019年上半年工作总结及下半年工作计划: the organ before the year
        m = re.match(r"([\u4e00-\u9fff()（）]{2,30}?)\s*(?:19|20)\d{2}\s*年", t)
        if m and is_organ(m.group(1)):
            return m.group(1)
    from gongwen.metadata import organ  # the other kinds of evidence, after a well-formed title

    named = organ.self_abbreviated(text) or organ.from_title(title, text) or organ.form_field(text)
    if named:  # as the text writes it (中共宁德市委…研究室)
        return named
    issuer = issuer_line(text) or organ.informant(text)
    if issuer:
        return issuer
    # the subject of the first sentence of the body (the first few paragraphs, furniture aside)
    tried = 0
    for para in text.split("\n"):
        para = para.strip()
        if len(para) < 20 or para.startswith("\t") or "http" in para:
            continue
        tried += 1
        if tried > 3:
            break
        at = para.find(title, 0, len(title) + TITLE_RUN_IN) if title else -1
        if at >= 0 and len(para) - at - len(title) >= 20:  # the title run into the first sentence
            para = para[at + len(title):]                  # (its line break lost)
        body = _LEADING_DATE.sub("", _PARAGRAPH_LABEL.sub("", para))
        # 我们幸福社区党委以…: the organ speaks of itself by name (我镇党委 names none)
        body = re.sub(r"^我们(?=[\u4e00-\u9fff]{3})", "", body)
        m = re.match(r"([\u4e00-\u9fff()（）]{2,20}?)(?:[（(]简称[^）)]{1,12}[）)])?"
                     r"(?:以|负责|是|在|要|于|坚持|按照|根据|围绕|紧紧|作为|为|共)", body)
        if m and is_organ(m.group(1)) and not m.group(1).startswith(("各", "本", "我")):
            name = _drop_prefix(m.group(1))
            if name.startswith(("党委", "党组", "常委", "支部")):  # 党委会是局党委…: the body's fuller name
                name = organ.widen(re.sub(r"会$", "", name), text) or name
            return name
    return organ.meeting_body(text)  # after a subject: a report's passing mention of meetings is not it


def area_as_organ(text: str, title: str | None) -> str | None:
    """When no organ is named: the area a title opens with or the opening sentence has
    as its subject (a county's statistics bulletin, a report of 如东县's practice)."""
    from gongwen.metadata import organ

    return organ.title_area(title) or organ.subject_area(text)


#: Lines at the top of a text where a byline naming the issuer may stand (after the title).
BYLINE_LINES = 6
_BYLINE = re.compile(r"^[—\-－ \u3000]*([\u4e00-\u9fff（）()]{3,20})[ \u3000]*$")


def issuer_line(text: str) -> str | None:
    """The organ a byline under the title names (``中共青松县委``, ``——某乡党委``): a line
    near the top that is nothing but an organ's name."""
    lines = [ln for ln in text.split("\n")[:BYLINE_LINES + 1] if ln.strip()]
    for line in lines[1:BYLINE_LINES + 1]:
        m = _BYLINE.match(line)
        if m and is_organ(m.group(1)) and not m.group(1).startswith(("各", "本", "我", "全")):
            return _drop_prefix(m.group(1))
    return None


#: The page's source label (来源：某某县委组织部): who published the text on a government site.
_SOURCE_LABEL = re.compile(r"(?:来源|來源|发布单位|發布單位)\s*[:：]\s*([\u4e00-\u9fff()（）]{2,20})")


def source_organ(text: str, source_text: str = "") -> str | None:
    """The organ a page names as its source, when that is an organ (not a newspaper):
    the issuer of a report whose body never names itself as a subject."""
    for where in (text[:2000], source_text[:2000]):
        m = _SOURCE_LABEL.search(where)
        if m and is_organ(m.group(1)):
            return _drop_prefix(m.group(1))
    return None
