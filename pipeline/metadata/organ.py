"""Where a document names its own organ besides a well-formed title (RECORDS.md ``organization``).

Each function reads one kind of evidence and returns the organ's name as the text
writes it, or None:

- :func:`self_abbreviated` — the organ a law-form text abbreviates as itself:
  ``连江县南竿乡公所(以下简称本所)``;
- :func:`from_title` — the organ or meeting body a title opens with, the genre words
  after it dropped (``县委常委会``|会议议事和决策规章制度, ``曾达乡党政班子``|议事规则),
  widened to the fuller name the body uses (``党组``会议制度 of a text speaking of
  ``局党组`` → 局党组);
- :func:`form_field` — a budget form's field (``预算单位：奉节县…人民政府``);
- :func:`title_area` — the area a title opens with when no organ does;
- :func:`subject_area` — an area as the subject of the opening sentence
  (``近年来,绩溪县以…``): the report is that area's.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from gongwen import lexicon
from gongwen.metadata.place import HERE, NAME_OPENERS, is_place_word, vocab
from gongwen.metadata.title import cues as title_cues

_CJK_NAME = r"[\u4e00-\u9fffA-Z()（）]"
#: ``X(以下简称本所)``; the brackets may have been stripped (``X 以下简称本所 置…``), the phrase
#: 以下简称本 still ends the name.
_SELF = re.compile(rf"({_CJK_NAME}{{2,30}}?)\s*[（(]?\s*以下简称本[\u4e00-\u9fff]")
_YEAR_PREFIX = re.compile(r"^(?:(?:19|20)\d{2}\s*年(?:度)?|[\d\s]+)")
_LEADING_NOISE = re.compile(r"^(?:第\s*[一二三四五六七八九十百\d]+\s*条\s*|本[刊报]讯\s*)")
_CODE = re.compile(r"^[\dA-Za-z]+[-－—]")


@cache
def form_fields() -> tuple[str, ...]:
    return tuple(lexicon.of_kind(HERE / "places.tsv", "form_field"))


def _is_body(name: str) -> bool:
    return len(name) >= 2 and name.endswith(vocab("body_end")) and not name.startswith(("全", "各"))


def self_abbreviated(text: str) -> str | None:
    """``X(以下简称本会)``: X is the organ the text is about."""
    m = _SELF.search(text[:5000])
    return m.group(1).strip("（）() ") if m else None


def from_title(title: str | None, text: str) -> str | None:
    """The organ or body a title opens with (see the module doc)."""
    if not title:
        return None
    t = _YEAR_PREFIX.sub("", title.strip())
    genre = vocab("title_type") + title_cues("genre_end")  # read once, not per title
    best = None
    for end in range(min(len(t), 24), 1, -1):
        head = t[:end]
        if not re.fullmatch(r"[\u4e00-\u9fffA-Z()（）]+", head) or not _is_body(head):
            continue
        rest = t[end:]
        if not rest or rest.startswith(("会议", "议事", "工作", "主要", "内设", "学习", "理论", "决策", "组织",
                                        "职责", "职能", "部门", "整体", "项目", "亮点", "年度", "关于")) \
                or re.match(r"(?:19|20)\d{2}", rest) or rest.endswith(genre):
            best = head
            break
    if best is None:
        return None
    if best.endswith("会会议"):  # 县委常委会|会议: the body, not its meeting
        best = best[:-2]
    core = re.sub(r"会议$", "", best) if best.endswith(("党组会议", "党委会议")) else best
    return widen(core, text) or best


def widen(core: str, text: str) -> str | None:
    """The fuller name the text gives a bare body (``党组`` → ``局党组``): the organ or area
    word most often standing right before it, when it does so at least twice."""
    if len(core) > 4 or is_place_word(core[:3]):
        return None
    ends = "|".join(("公司", "中心", "街道", "局", "镇", "乡", "县", "区", "市", "村", "院", "厅", "办"))
    found = Counter(m.group(1) for m in re.finditer(rf"({ends}){re.escape(core)}", text))
    if not found:
        return None
    prefix, n = found.most_common(1)[0]
    return prefix + core if n >= 2 else None


def title_area(title: str | None) -> str | None:
    """The area a title opens with when no organ does: ``洪洞县``国民经济和社会发展统计公报,
    a headline ``如东:以…`` — the document is that area's."""
    if not title:
        return None
    from gongwen.metadata.place import dictionary_tag, leading_area
    from gongwen.tokenize import cut

    t = _YEAR_PREFIX.sub("", title.strip())
    m = re.match(r"([\u4e00-\u9fffA-Z]{2,8})[:：]", t)
    if m and is_place_word(m.group(1)):
        return m.group(1)
    # the same headline with its colon stripped (如东以…): a place word, then a preposition
    words = cut(t)
    if len(words) > 1 and is_place_word(words[0]) and dictionary_tag(words[1][:1]) == "p":
        return words[0]
    return leading_area(t)


def form_field(text: str) -> str | None:
    """The organ a budget form's field names (``预算单位：…``, ``部门(单位)名称 | …``)."""
    head = text[:4000]
    for field in form_fields():
        for m in re.finditer(rf"{re.escape(field)}\s*[:：|]?\s*(?:\|\s*)*\n?\s*([^\s|:：]{{3,40}})", head):
            value = _CODE.sub("", m.group(1)).strip("（）() ")
            if _is_body(value) and not value.startswith(("本", "部门", "单位")):
                return value
    return None


#: Words that open what a subject does (近年来,绩溪县|以…, 孝昌|全县积极…).
_SUBJECT_VERB = r"(?:以|坚持|按照|根据|围绕|紧紧|紧扣|聚焦|立足|始终|全面|大力|着力|积极|通过|把|将|在|全县|全市|全区|全镇|共|为|是)"


def subject_area(text: str) -> str | None:
    """An area that is the subject of one of the first sentences (``近年来,绩溪县以…``)."""
    tried = 0
    for para in text.split("\n"):
        para = _LEADING_NOISE.sub("", para.strip())
        if len(para) < 20 or para.startswith("\t") or "http" in para:
            continue
        tried += 1
        if tried > 3:
            break
        for sent in re.split(r"[。！？]", para)[:2]:
            body = re.sub(r"^(?:\d{1,2}\s*月\s*\d{1,2}\s*日|(?:19|20)\d{2}\s*年(?:以来)?|近年来|近几年来|今年以来|年内|去年|今年)[,，、\s]*",
                          "", sent.strip())
            m = re.match(rf"([\u4e00-\u9fff]{{2,8}}?){_SUBJECT_VERB}", body)
            if m and is_place_word(m.group(1)):
                return m.group(1)
    return None


#: A body's meeting as rules name it (公司党委会议, 市政府常务会议, 市规划委员会会议).
_MEETING = re.compile(r"([\u4e00-\u9fff]{1,10}?(?:政府|党委|党组|常委会|委员会|办公会|班子|支部|公司))(?:常务|全体)?会议")


_ITEM_OPENING = re.compile(r"(?:^|[\n。；;:：])[ \u3000]*(?:[一二三四五六七八九十\d]+[、.．]|[(（][一二三四五六七八九十\d]+[)）])"
                           r"[ \u3000]*$")


def meeting_body(text: str) -> str | None:
    """The body whose meetings the text regulates, named at least twice in its opening or
    opening one of its items (RECORDS.md: where the text never names its issuer,
    organization is that body)."""
    found: Counter[str] = Counter()
    heading = set()
    for m in _MEETING.finditer(text[:3000]):
        body = m.group(1)
        before = text[max(0, m.start() - 12):m.start()]
        if body.startswith(("全", "各", "本", "我", "召开", "参加", "列席", "出席")) \
                or (m.start() > 0 and text[m.start() - 1] not in NAME_OPENERS):
            continue  # a name opens a phrase; 党委成员因故不能出席党委会议 is no body's name
        found[body] += 1
        if _ITEM_OPENING.search(before):
            heading.add(body)  # 一、公司党委会议主要讨论…: an item opening with the meeting
    if not found:
        return None
    body, n = found.most_common(1)[0]
    return body if n >= 2 or body in heading else None


_INFORMED = re.compile(r"从([\u4e00-\u9fff]{2,14}?)获悉")


def informant(text: str) -> str | None:
    """The organ a news item names as its source (``记者从区委组织部获悉``)."""
    from gongwen.metadata.place import is_organ

    m = _INFORMED.search(text[:600])
    return m.group(1) if m and is_organ(m.group(1)) else None
