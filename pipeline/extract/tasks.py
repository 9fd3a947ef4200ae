"""Tasks: every assignment of work to one owner, and the outline they sit in.

An owner is found, in this order: a unit heading ('1. Phòng Giáo dục và Đào tạo',
'- Sở Giáo dục và Đào tạo') over the items below it; a lead-in ('Đề nghị các cơ sở giáo
dục mầm non:', 'Giám đốc Sở ... có trách nhiệm:') over the bullets after it; 'X: action'
items; 'Đề nghị X ...' and '(Giao X chủ trì ...)' inside a sentence; a unit as the
subject of the sentence. Purposes, requirements and funding sections give no tasks;
the execution clause and the general 'nghiêm túc thực hiện' closing are boilerplate.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from ..record import Quantity, Section, Span, Task
from ..rules import Rules
from .base import Lines, Ref, bare, clean_value, compiled
from .closing import NOI_NHAN, is_archive_line
from .deadlines import find_deadline

_TOP = regex.compile(r"^(?P<label>[IVX]{1,5})\s*[.)/]\s*(?P<rest>.*)$|^(?P<label>Điều\s+\d+)\s*[.:]?\s*(?P<rest>.*)$")
_ITEM = regex.compile(r"^(?P<label>\d{1,2}(?:\.\d{1,2})*|[a-zđ])\s*[.)/]\s*(?P<rest>.*)$"
                      r"|^(?P<dash>[-+•–])\s*(?P<rest>.*)$")


@dataclass
class TaskFinder:
    rules: Rules
    owner_start: regex.Pattern = field(init=False)
    verb: regex.Pattern = field(init=False)

    def __post_init__(self) -> None:
        data = self.rules.table("tasks")
        heads = "|".join(regex.escape(h) for h in sorted(data["owner_heads"], key=len, reverse=True))
        prefixes = "|".join(regex.escape(p) for p in sorted(data["owner_prefixes"], key=len, reverse=True))
        self.owner_start = regex.compile(rf"^(?:(?:{prefixes})\s+)*(?:{heads})(?!\p{{Ll}})")
        verbs = "|".join(regex.escape(v) for v in sorted(data["action_verbs"], key=len, reverse=True))
        self.verb = regex.compile(rf"(?<!\p{{L}})(?:{verbs})(?!\p{{L}})", regex.IGNORECASE)
        strip = "|".join(regex.escape(p) for p in data["strip_prefixes"])
        self.strip = regex.compile(rf"^(?:{strip})\s+")
        leads = "|".join(regex.escape(v) for v in data["lead_ins"])
        self.lead = regex.compile(rf"(?<!\p{{L}})(?:{leads})\s+(?=\S)")
        openers = "|".join(regex.escape(v) for v in data.get("clause_openers", []))
        self.opener = regex.compile(rf"^(?:{openers})\s[^,;:]{{3,160}},\s*") if openers else None
        self.giao = regex.compile(r"\((?:Giao|giao)\s+(?P<owner>[^,;()]{3,60}?)\s+(?:chủ\s+trì|tham\s+mưu|thực\s+hiện)")
        self.boilerplate = [regex.compile(p) for p in data["boilerplate"]]
        self.unowned = [regex.compile(p) for p in data.get("boilerplate_unowned", [])]
        self.consequence = [regex.compile(p) for p in data.get("consequences", [])]
        self.skip_sections = [bare(s) for s in data["skip_sections"]]
        self.recurrence = [(regex.compile(r["pattern"], regex.IGNORECASE), r["value"]) for r in data["recurrence"]]
        self.not_after = regex.compile(
            r"(?:" + "|".join(regex.escape(w) for w in data["recurrence_not_after"]) + r")\s+$")
        self.quantity = regex.compile(data["quantity"])

    def owner_at(self, text: str) -> tuple[str, int] | None:
        """(owner, where the action starts) when `text` begins with a unit that acts."""
        start = self.owner_start.match(text)
        if not start or self.verb.match(text):
            return None  # 'Tổ chức ...' begins with a verb, not with the unit 'Tổ'

        verb = self.verb.search(text, start.end())
        stop = len(text)
        for cut in (verb, regex.compile(r"[:(]").search(text, start.end())):
            if cut:
                stop = min(stop, cut.start())
        owner = self.strip.sub("", clean_value(text[:stop]).rstrip(":,"))
        if not owner or len(owner) > 110:
            return None
        return owner, stop


def extract_tasks(lines: Lines, start: int, skip: set[int], doc_date: str | None,
                  rules: Rules) -> tuple[list[Task], list[Section], dict[str, Span]]:
    """Tasks and outline of the lines from `start` on, less `skip`; evidence per task."""
    finder = compiled(rules, TaskFinder)
    tasks: list[Task] = []
    evidence: dict[str, Span] = {}
    sections: list[Section] = []
    children: list[Section] = []
    section: str | None = None
    skipping = False
    heading_owner: str | None = None
    lead_owner: str | None = None
    intro_owner: str | None = None  # a lead-in before the numbered items
    has_roman = any(_TOP.match(r.text) and not r.text.startswith("Điều") for r in lines.refs[start:])

    def close_section() -> None:
        if sections:
            last = sections[-1]
            sections[-1] = Section(last.label, last.heading, tuple(children))
        children.clear()

    def add(owner: str, action: str, ref: Ref, named: bool = True) -> None:
        # named: the owner stands in the sentence itself, not in a heading above it
        action = clean_value(action)
        if not action or any(p.search(f"{owner} {action}") for p in finder.boilerplate):
            return
        if not named and any(p.search(action) for p in finder.unowned):
            return
        for one in _owners(owner, finder):
            for piece in _pieces(action, doc_date, finder):
                evidence[f"tasks[{len(tasks)}]"] = lines.span(ref)
                tasks.append(_task(one, piece, section, doc_date, finder))

    in_closing = False
    for ref in lines.refs[start:]:
        if ref.index in skip or ref.block.startswith(("header", "footer")) or ref.block == "table":
            continue
        text = ref.text.strip()
        # a Nơi nhận the layout left in the body: its list, to the Lưu line, gives no work
        if NOI_NHAN.match(text):
            in_closing = True
        if in_closing:
            in_closing = not is_archive_line(text)
            continue
        top = _TOP.match(text)
        if top and (has_roman or text.startswith("Điều")) and not (has_roman and text.startswith("Điều")):
            close_section()
            section = top.group("label")
            rest = top.group("rest").strip()
            sections.append(Section(section, rest or None))
            skipping = any(s in bare(rest) for s in finder.skip_sections) and not rest.startswith("Đề nghị")
            heading_owner = lead_owner = intro_owner = None
            if section.startswith("Điều") and rest:
                _sentence(rest, ref, finder, add)
            continue
        item = _ITEM.match(text)
        rest = item.group("rest").strip() if item else text
        label = item.group("label") if item and item.group("label") else None
        if item and not has_roman and label and label.isdigit() and "." not in label:
            close_section()
            section = label
            sections.append(Section(label, None))
            # 'yêu cầu các địa phương thực hiện như sau:' before the numbered items
            # stands over all of them, until an item names its own owner
            heading_owner, lead_owner = None, intro_owner
        elif item and label:
            children.append(Section(label, _heading(rest)))
        if skipping:
            continue
        found = finder.owner_at(rest) if item else None
        lead = finder.lead.match(rest) if item and not found else None
        if lead:
            # '3. Đề nghị Huyện đoàn Thanh Chương' over the items it asks of that unit
            behind = finder.owner_at(rest[lead.end():])
            if behind and _is_heading(rest[lead.end():], behind):
                heading_owner, lead_owner = behind[0], None
                continue
        if found and _is_heading(rest, found):
            heading_owner, lead_owner = found[0], None
            if item and item.group("dash"):
                children.append(Section(None, rest))
            continue
        colon = regex.match(r"^(?P<owner>[^:]{3,90}):\s*(?P<action>.*)$", rest)
        named = finder.owner_at(colon.group("owner")) if colon else None
        if named and len(named[0]) >= len(finder.strip.sub("", clean_value(colon.group("owner")))) - 1:
            owner = named[0]
            if colon.group("action"):
                add(owner, colon.group("action"), ref)
            heading_owner, lead_owner = owner, None
            continue
        if rest.endswith(":"):
            lead, directing = _lead_owner(rest, finder)
            if lead:
                # 'giao Giám đốc Công an tỉnh chỉ đạo thực hiện:' under '1. Công an tỉnh':
                # the heading's unit stays the owner (gold 03)
                lead_owner = heading_owner if heading_owner and heading_owner in lead else lead
                intro_owner = lead_owner if not item else None
                if directing:
                    add(directing[0], rest[directing[1]:], ref)
                continue
        if not item:
            lead_owner = None
        if _sentence(rest, ref, finder, add):
            continue
        owner = lead_owner or heading_owner
        if owner:
            add(owner, rest, ref, named=False)
    close_section()
    return tasks, sections, evidence


def _heading(text: str) -> str | None:
    """An outline heading is short; an item that is a whole sentence has none (gold convention)."""
    text = clean_value(text)
    return text if text and len(text) <= 120 and not text.endswith((".", ";")) else None


def _is_heading(rest: str, found: tuple[str, int]) -> bool:
    owner, stop = found
    tail = rest[stop:].strip(" :")
    return not tail and len(owner.split()) <= 16 and not rest.endswith((".", ";"))


_DIRECTS = regex.compile(r"(?<!\p{L})chỉ\s+đạo\s+(?=\p{Lu})")


def _lead_owner(text: str, finder: TaskFinder) -> tuple[str | None, tuple[str, int] | None]:
    """(the owner of the items below a lead-in, the unit that directs them with where its
    own duty starts, or None when no other unit directs)."""
    lead = finder.lead.search(text)
    if lead:
        found = finder.owner_at(text[lead.end():])
        if found:
            return found[0], None
    found = finder.owner_at(text)
    if found and regex.search(r"(?:có|chịu)\s+trách\s+nhiệm|có\s+nhiệm\s+vụ"
                              r"|thực\s+hiện\s+(?:các\s+)?(?:nội\s+dung|nhiệm\s+vụ)", text):
        directed = _directed(text, found, finder)
        return (directed, found) if directed else (found[0], None)
    return None, None


def _directed(text: str, found: tuple[str, int], finder: TaskFinder) -> str | None:
    """'UBND các tỉnh chỉ đạo Sở LĐTBXH phối hợp ... thực hiện các nội dung sau:': the unit
    directed does the items below; the one directing has the duty to direct."""
    directs = _DIRECTS.match(text, found[1])
    if directs:
        unit = finder.owner_at(text[directs.end():])
        if unit:
            return unit[0]
    return None


def _sentence(text: str, ref: Ref, finder: TaskFinder, add) -> bool:
    """Tasks that a sentence gives by itself: 'Đề nghị X ...', '(Giao X chủ trì ...)', subject X."""
    giao = finder.giao.search(text)
    if giao:
        add(clean_value(giao.group("owner")), text, ref)
        return True
    done = False
    for lead in finder.lead.finditer(text):
        if _PAST.search(text, 0, lead.start()):
            continue  # 'Phó Thủ tướng đã giao Bộ ...': an earlier assignment recounted
        found = finder.owner_at(text[lead.end():])
        if found:
            owner, stop = found
            add(owner, text[lead.end() + stop:], ref)
            done = True
    if done:
        return True
    found = finder.owner_at(text)
    if found and found[1] < len(text) and finder.verb.match(text, found[1]):
        add(found[0], text[found[1]:], ref)
        return True
    opener = finder.opener.match(text) if finder.opener else None
    if opener:
        found = finder.owner_at(text[opener.end():])
        if found and finder.verb.match(text, opener.end() + found[1]):
            add(found[0], text, ref)  # the opening clause belongs to the action
            return True
    # 'Điều 2. Tài liệu được đăng tải trên Cổng. Các Sở GDĐT ... khai thác, sử dụng ...':
    # a later sentence may have a unit as its subject
    for sentence in _SENTENCE_END.split(text)[1:]:
        if finder.strip.match(sentence):
            continue  # 'Đối với các cơ sở điều dưỡng: báo cáo ...' says what, not who
        found = finder.owner_at(sentence)
        if found and found[1] < len(sentence) and finder.verb.match(sentence, found[1]):
            add(found[0], sentence[found[1]:], ref)
            done = True
    return done


_PAST = regex.compile(r"(?<!\p{L})đã\s+$")
# a sentence ends at a full stop after a small letter, a digit, a bracket or an acronym
# of three capitals or more ('... mất BMNN. Đối với ...'); 'TP. Hồ Chí Minh' goes on
_SENTENCE_END = regex.compile(r"(?:(?<=[\p{Ll}\d)])|(?<=\p{Lu}{3}))\.\s+(?=\p{Lu})")
_LIST = regex.compile(r"^(?P<lead>[^:]{0,200}):\s*(?P<items>.+;.+)$")


def _owners(owner: str, finder: TaskFinder) -> list[str]:
    """The units an owner phrase names one by one: 'A; B', and 'Các Sở GDĐT, các cơ sở
    giáo dục' where each part after ', các' names a unit ('huyện, thành phố' does not)."""
    out = []
    for part in (p.strip() for p in owner.split(";")):
        pieces = regex.split(r",\s+(?=[Cc]ác\s)", part)
        if len(pieces) > 1 and all(finder.owner_at(p) for p in pieces[1:]):
            out.extend(p.strip() for p in pieces)
        elif part:
            out.append(part)
    return out


def _pieces(action: str, doc_date: str | None, finder: TaskFinder) -> list[str]:
    """The separate tasks in one owner's action.

    - Each sentence that opens with an action verb or an opening clause is a task of its
      own ('Sở Tư pháp: Phối hợp ... kiểm tra .... Phối hợp ... tham mưu ...'); any other
      sentence ('Thời gian: trước ngày 15/10') stays with the one before it. A later
      sentence that states a consequence ('... sẽ không được tổng hợp') is left out.
    - A list after a colon whose clauses carry two or more deadlines gives one task per
      clause: each deliverable is chased by its own date ('chỉ đạo: xây dựng Kế hoạch ...
      trước ngày 28/2/2023; lập dự toán ...; báo cáo ... trước ngày 10/11/2023'). A list
      with one deadline or none is one duty described in parts, and stays whole.
    """
    sentences: list[str] = []
    for sentence in _SENTENCE_END.split(action):
        if sentences and any(p.search(sentence) for p in finder.consequence):
            continue  # what befalls work not done is no part of the duty
        opens = finder.verb.match(sentence) or (finder.opener and finder.opener.match(sentence))
        if sentences and not opens:
            sentences[-1] = f"{sentences[-1]}. {sentence}"
        else:
            sentences.append(sentence)
    pieces: list[str] = []
    for sentence in sentences:
        listed = _LIST.match(sentence)
        clauses = [c.strip(" .") for c in listed.group("items").split(";")] if listed else []
        dated = [c for c in clauses if c and _dated(find_deadline(c, doc_date, finder.rules))]
        if len(dated) >= 2:
            pieces.extend(c for c in clauses if c)
        else:
            pieces.append(sentence)
    return [p for p in (clean_value(p) for p in pieces) if p]


def _dated(deadline) -> bool:
    return deadline is not None and (deadline.start is not None or deadline.end is not None)


def _task(owner: str, action: str, section: str | None, doc_date: str | None, finder: TaskFinder) -> Task:
    deadline = find_deadline(action, doc_date, finder.rules)
    recurrence = None
    for pattern, value in finder.recurrence:
        match = pattern.search(action)
        if match and not finder.not_after.search(action[:match.start()]):
            recurrence = value
            break
    if recurrence and deadline and deadline.start is None and deadline.end is None and "giờ" not in deadline.text:
        deadline = None
    quantity = None
    q = finder.quantity.search(action)
    if q:
        quantity = Quantity(value=int(q["value"]), unit=clean_value(q["unit"]), text=clean_value(q.group(0)))
    return Task(owner=owner, action=action, deadline=deadline, recurrence=recurrence, quantity=quantity,
                section=section)
