"""Tasks: every assignment of work to one owner, and the outline they sit in.

An owner is found, in this order: a unit heading ('1. Phòng Giáo dục và Đào tạo',
'- Sở Giáo dục và Đào tạo') over the items below it; a lead-in ('Đề nghị các cơ sở giáo
dục mầm non:', 'Giám đốc Sở ... có trách nhiệm:') over the bullets after it; 'X: action'
items; 'Đề nghị X ...' and '(Giao X chủ trì ...)' inside a sentence; a unit as the
subject of the sentence. Purposes, requirements and funding sections give no tasks;
the execution clause and the general 'nghiêm túc thực hiện' closing are boilerplate.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from functools import partial

import regex

from ..grammar import SCOPE_OPENER, TaskGrammar
from ..record import Deadline, Quantity, Section, Span, Task
from ..rules import Rules, RulesError
from .base import Lines, Ref, bare, clean_value, compiled
from .closing import KINH_GUI, NOI_NHAN, is_archive_line
from .deadlines import find_deadline, month_bounds
from .units import UnitMatcher

# a part numbered 'II.', 'II)', or 'II-' as the Party's and its committees' documents write it ('II-
# TỔ CHỨC THỰC HIỆN', KH 07-KH/BTC of the Sơn La digital-transformation contest; 'III- NHIỆM VỤ ...').
# A numeral with a slash and a year is a quarter wrapped onto its own line, no part: 'Từ Quý II/2027 đến
# Quý' / 'III/2029.' (QĐ 2463/QĐ-UBND Lào Cai), as 'Quý III/2026' is written in KH 289/KH-UBND Gia Lai.
# An article followed by the law it belongs to is a citation wrapped onto a new line, no article of this
# document: '... điểm đ khoản 5' / 'Điều 33 Nghị định số 06/2021/NĐ-CP ...' (CV 2826/SCT-CN Lào Cai), as
# 'Điều 39 Luật Quản lý, sử dụng vũ khí' and 'Điều 5 Thông tư số 10/2021/TT-BXD' run in the same letter.
_TOP = regex.compile(r"^(?P<label>[IVX]{1,5})\s*(?:[.)]|/(?!\s*\d)|[-–](?=\s*\p{Lu}))\s*(?P<rest>.*)$"
                     r"|^(?P<label>Điều\s+\d+)(?!\d|\s+(?:của|Luật|Bộ\s+luật|Nghị\s+(?:định|quyết)|Thông\s+tư|Quyết\s+định"
                     r"|Chỉ\s+thị|Pháp\s+lệnh|Hiến\s+pháp)\b)\s*[.:]?\s*(?P<rest>.*)$")
_ARTICLE_NUMBER = regex.compile(r"Điều\s+(\d+)")
_COLLECTIVE = regex.compile(r"(?i:các|những)\s")  # bodies named by their kind, many at once
_CHAPTER = regex.compile(r"^(?:Chương|CHƯƠNG)\s+[IVXLC\d]+\b[.:]?\s*(?P<rest>.*)$")
_GARBLED_DIGITS = "Š§"
# '30/04-01/05 năm 2019' (a title's last line) is a date, not item 30; '1.000 chuyên gia' (a
# wrapped line of QĐ 146/QĐ-TTg) is a number, not item 1: a label's dot is followed by no digit,
# and a label of parts ('2.1 Nội dung') needs no dot after it
_ITEM = regex.compile(r"^(?P<label>\d{1,2}(?:\.\d{1,2})*|[a-zđ])\s*(?:\.(?!\d)|\)|/(?!\d))\s*(?P<rest>.*)$"
                      r"|^(?P<label>\d{1,2}(?:\.\d{1,2})+)\s+(?=\p{Lu})(?P<rest>.*)$"
                      # OCR reads a label's dot as a comma ('9, Các tổ chức kinh tế ...', QĐ
                      # 146/QĐ-TTg; '9, VNPT Sơn La ...', KH 07-KH/BTC Sơn La): before a name it is one
                      r"|^(?P<label>\d{1,2}),\s+(?=\p{Lu}[\p{L}&])(?P<rest>.*)$"
                      # a number and a dash before a capital, as Roman numerals take one ('2 - Sở Lao
                      # động, Thương binh và Xã hội có trách nhiệm.', QĐ 1056/QĐ-CT Tuyên Quang; 'II - ...')
                      r"|^(?P<label>\d{1,2})\s*[-–]\s*(?=\p{Lu})(?P<rest>.*)$"
                      # a digit of a label OCR read as a sign Vietnamese text never uses ('Š. Trung tâm
                      # Phục vụ hành chính công' for 5, CT 11/CT-UBND Hà Nội; '§. Thông báo và hướng dẫn
                      # các kiểm định viên ...' for 8, CV 2274/BGDĐT-QLCL): an item of the first rank
                      rf"|^(?P<label>[{_GARBLED_DIGITS}])\s*\.\s+(?=\p{{Lu}})(?P<rest>.*)$"
                      r"|^\((?P<sub>\d{1,2}|[a-zđ])\)\s*(?P<rest>.*)$"  # '(1) Tiếp tục phối hợp ...'
                      r"|^(?P<dash>[-+•–]|\*(?=\s))\s*(?P<rest>.*)$")


def _grammar(rules: Rules) -> TaskGrammar:
    if rules.tasks is None:
        raise RulesError("rules file tasks.json is missing: tasks cannot be read")
    return rules.tasks


def extract_tasks(lines: Lines, start: int, skip: set[int], doc_date: str | None, rules: Rules,
                  doc_type: str | None = None, title: str | None = None, number: str | None = None
                  ) -> tuple[list[Task], list[Section], dict[str, Span]]:
    """Tasks and outline of the lines from `start` on, less `skip`; evidence per task. In a
    document that tells rather than directs (`narrative_types`: a báo cáo) only a lead-in
    assigns work; in a regulation the persons it governs get no task outside its articles
    on duties and execution (`regulations`)."""
    finder = _grammar(rules)
    narrative = (doc_type or "").casefold() in finder.narrative_types
    regulation = finder.regulates(doc_type, title, number)
    tasks: list[Task] = []
    # beside each task: where it was read, whether it is a row of an assignment table, and whether
    # it was read under a section that assigns the execution
    read: list[tuple[Span, bool, bool]] = []
    sections: list[Section] = []
    children: list[Section] = []
    section: str | None = None
    skipping = False
    funding = False  # inside a section on funds: only a sentence that names its unit gives work
    outline = False  # inside an appendix that is a report outline or a form: no work in it
    heading_owner: str | None = None
    lead_owner: str | None = None
    intro_owner: str | None = None  # a lead-in before the numbered items
    lead_rank: int | None = None  # the rank of the item that holds the lead-in
    item_rank: int | None = None  # the rank of the last numbered item
    # a table's group rows are no sections ('I | Trình Quốc hội ...' in the table appended to NQ
    # 105/2025/UBTVQH15 leaves its articles the sections)
    romans = [r.index for r in lines.refs[start:]
              if _TOP.match(r.text) and not r.text.startswith("Điều") and r.block != "table" and " | " not in r.text]
    has_roman = bool(romans)
    # a decision's articles stand before the Roman sections of what it issues or appends ('Điều 1. Công bố
    # ...' / '1. Sở Y tế thực hiện ...' over 'I. DANH MỤC THỦ TỤC HÀNH CHÍNH ...' of its Phụ lục, the scan
    # of QĐ 308/QĐ-UBND Tây Ninh): its articles are its sections up to the first Roman one
    first_roman = romans[0] if romans else None
    # ... and an article after a Roman heading is still the decision's when its number goes on from the
    # decision's own: the Roman parts are then the text of an article ('Điều 1. Phê duyệt Bộ chỉ số ...:' /
    # 'I. Bộ chỉ số DDCI Quảng Nam 2023, gồm:' / 'II. Phân loại Phiếu khảo sát ...' / 'Điều 2. Tổ chức thực
    # hiện', QĐ 1254/QĐ-UBND Quảng Nam; 'Điều 1. Phê duyệt Đề án ...' / 'I. QUAN ĐIỂM' ... / 'Điều 2.', QĐ
    # 146/QĐ-TTg; QĐ 461/QĐ-UBND Ninh Bình), where what a decision issues numbers its own from 'Điều 1'
    last_article = 0
    # the body has sections when one opens before the closing (an appendix's numbering does not count)
    body_end = min(skip, default=len(lines))
    has_sections = any(_TOP.match(r.text) or ((m := _ITEM.match(r.text)) and m.group("label"))
                       for r in lines.refs[start:body_end])

    def close_section() -> None:
        if sections:
            last = sections[-1]
            sections[-1] = Section(last.label, last.heading, tuple(children))
        children.clear()

    def add(owner: str, action: str, ref: Ref, named: bool = True, when: str | None = None,
            product: str | None = None, heading: bool = False, partners: str | None = None,
            assigned: bool = False, labelled: bool = False) -> bool:
        # a table cell or a block's content field is one task, however many sentences it has
        # named: the owner stands in the sentence itself, not in a heading above it
        # the colon after a lead-in's addressees is no part of the work ('10. Đề nghị Ủy ban Mặt trận
        # Tổ quốc Việt Nam tỉnh Lào Cai và các cơ quan liên quan: Tăng cường giám sát …')
        action = clean_value(action).lstrip(": ")
        # a heading's name is read whole, a later name in brackets too (rules/tasks.json owner_renamings)
        owner = finder.renamed.sub("", owner).strip() or owner
        person = finder.person.match(action)
        if person:
            # '1. Hiệu trưởng: Ông Hoàng Hưng – Chỉ đạo tổng thể ...' (KH 230/KH-THPT.PB): the
            # person holding the office, then the duty; 'Bà Trịnh Thị Trang - Phó Trưởng Phòng
            # Công tác HĐND ...' under 'Thư ký:' (TB 11/TB-ĐGS Bình Dương) names a member, no duty
            if not finder.acts_at(action, person.end()):
                return False
            action = action[person.end():]
        if not action or _boilerplate(f"{owner} {action}", finder) or (named and finder.described.match(owner)):
            # boilerplate; a contest's organisers as the subject of its rules, whose work they
            # describe (a heading 'Ban tổ chức:' over duties in a plan that sets one up still gives work)
            return False
        if not _WORD.search(action):
            return False  # '70%', '1.760': a figure of a table read line by line, no work
        if finder.unnamed.search(owner):
            return False  # 'cơ quan có thẩm quyền': whoever the law makes competent (tasks.unnamed_bodies)
        if not assigned and columns is None and ref.block != "table" and len(action.split()) <= SHORT_WORDS \
                and not finder.verb.search(action):
            # a short line of the body without a verb names no work: a post, an acronym, the
            # debris OCR reads from the stamps of a letter scanned behind ('P.TCNS', 'HCTC', 'V2 in'
            # under the scanned CV 1666/UBND-VX Hải Phòng; 'HIỆU TRƯỞNG' between the items of KH
            # 133/KH-THCSTT Lai Vung). A table's cell may be that short ('TV', 'Thư kí': a member's
            # role in the board of KH 230/KH-THPT.PB), and so may a field of work whose unit is named
            # beside it ('(2) Cải cách thể chế (Vụ Pháp chế).', QĐ 2537/QĐ-BNN-TCCB)
            return False
        if not named and _requirement_on_a_thing(action, finder):
            return False  # 'Đề kiểm tra phải đáp ứng các yêu cầu sau: ...': what a thing must be, no duty
        if _NAME_ONLY.match(action):
            # 'Phạm Xuân Bình' read after the last item of a PDF whose signature block the text
            # layer lays out inside the body (the born-digital copy of seed 004): a signer, no work
            return False
        if (not named or finder.everyone.search(owner)) and any(p.search(action) for p in finder.unowned):
            return False  # 'nếu có khó khăn, vướng mắc, các cơ quan, tổ chức, cá nhân phản ánh ...'
        if regulation and not executing and finder.governed.match(owner):
            return False  # 'Giảng viên phải dành ít nhất 1/3 ...' in a Quy định: a norm, no task
        if finder.encouraged(owner, action):
            return False  # 'khuyến khích các cơ sở giáo dục ...': encouraged, not obliged
        if _only_names(action, finder):
            return False  # 'Cơ quan thu lệ phí: Sở Lao động – Thương binh và Xã hội tỉnh Cao Bằng; ...': who, not what
        if finder.aside_line.match(action):
            return False  # '(Kế hoạch này thay cho giấy mời)': an aside of the writer's, set apart
        after_owner = _past_owner(action, owner)
        if (finder.not_duty.match(action) or (after_owner is not None and finder.not_duty.match(after_owner))
                or finder.entitles(action)):
            # a right, a permission, a disclaimer, an entitlement: nobody must do anything; said
            # after the subject too ('Tuy nhiên đến nay, Văn phòng Chính phủ chưa nhận được ...')
            return False
        if finder.pointer_action.match(action):
            return False  # 'phối hợp thực hiện một số quy định dưới đây ...': the items below are the work
        everyone = finder.catch_all.search(owner) is not None
        if everyone and (finder.generic_action.match(action) or finder.plan_for_all.match(action)):
            return False  # 'đề nghị ... và các đơn vị liên quan phối hợp triển khai thực hiện'
        first, *after = (part for sentence in _SENTENCE_END.split(action) for part in sentence.split(";"))
        generic = finder.generic_action.match(first) or (everyone and finder.plan_for_all.match(first))
        if generic and not (heading or labelled) and all(any(p.search(rest) for p in finder.unowned)
                                                          for rest in after):
            # 'Nhận được công văn này, đề nghị các trường THCS triển khai thực hiện. Trong quá trình
            # tổ chức thực hiện nếu có khó khăn, vướng mắc, cần báo cáo ...' (CV 231/PGD&ĐT-THCS); '...
            # chịu trách nhiệm tổ chức triển khai thực hiện nghiêm túc các nội dung nêu trên; trong quá
            # trình thực hiện nếu phát sinh khó khăn, ...' (CV 7432/UBND-XD Lào Cai). An item of the
            # execution that one unit heads is that unit's part, though it only asks to carry the
            # letter out ('2. Các trường THPT: Khẩn trương tổ chức triển khai, thực hiện nghiêm túc
            # Công văn này.', CV 471/SGDĐT-GDPT Đồng Tháp): no closing
            return False
        nonlocal line_tasks
        if line_tasks[0] != ref.index:
            line_tasks = (ref.index, len(tasks))
        tasked.add(ref.index)
        pieces = [(None, action)] if when is not None or product is not None else _pieces(
            action, doc_date, finder, rules)
        owners = _owners(owner, finder, listed=not heading, cell=columns is not None)
        for n, one in enumerate(owners):
            for subject, piece in pieces:
                if subject is not None and n:
                    continue  # a sentence with its own subject is that subject's, once
                if not _WORD.search(piece):
                    continue  # a piece with no word: a phone number after a name's duty ('096.808.7683 (2)', QĐ 2280)
                if _restates(piece, owner, finder):
                    continue  # '... khẩn trương triển khai đầy đủ, thực hiện tốt các nội dung trên./.'
                read.append((lines.span(ref), columns is not None, executing))
                task = _task(subject or one, piece, section, doc_date, finder, rules, when, product)
                if partners:  # 'Đơn vị phối hợp: ...': recorded beside the owner, never an owner
                    task = replace(task, cooperating=tuple(p.rstrip(".") for p in _owners(partners, finder)))
                tasks.append(task)
        return True

    in_closing = False
    closed = False  # past this document's closing (its Nơi nhận or signature)
    previous, last_line = ".", -1  # the last body line read, and where it stands
    line_tasks = (-1, 0)  # the line the last tasks came from, and the first of them
    addressees = False  # inside the Kính gửi list
    quoted = 0  # how many quotation marks are open: a quoted text (a law's article) gives no work
    # a quotation closes with its mark: an opening mark that no closing mark follows anywhere below
    # quotes nothing, it is a dash or a bullet misread ('“ Quy đổi hoạt động coi thi ...' in the
    # text-recognised Word copy of QĐ 2442/QĐ-ĐHAG, whose articles 7 to 15 it would have swallowed;
    # '“tả lu' on the last page of the scanned QĐ 2605/QĐ-BGDĐT); a table's rows are read apart
    # from the text around them, their marks close nothing of it
    bracket_owned = _bracket_owners(lines, start, skip, finder)
    last_close = max((ref.index for ref in lines.refs[start:] if _CLOSING_QUOTE.search(ref.text)
                      and ref.block != "table" and " | " not in ref.text), default=-1)
    executing = False  # inside a section that assigns the execution ('Tổ chức thực hiện')
    detail_of: str | None = None  # the numbered item whose task the items below describe
    columns: list[str | None] | None = None  # the roles of the columns of an assignment table
    # a table's columns, header and spans kept over the text lines between its rows, for the
    # rows after them ('Bộ Công Thương;' left over from a cell that ran on, in a scan's OCR)
    dormant: tuple[list[str | None], tuple[int, list[str]] | None, frozenset[int]] | None = None
    header: tuple[int, list[str]] | None = None  # the line and cells of the table's header row
    spanned: frozenset[int] = frozenset()  # the columns a header cell to their left spans
    last_owner: str | None = None  # a table row with an empty owner cell shares the row above's
    block: dict[str, str] = {}  # the fields of a field block read so far
    item_tasks: tuple[int, str, int] | None = None  # the last item: tasks before it, its text, its line
    tasked: set[int] = set()  # the lines that gave tasks
    block_first = -1  # the line a field block begins on
    time_mark = 0  # the tasks read before the last lone time field: a later one times none of them
    group: tuple[int, int] | None = None  # a numbered item that may head a group: tasks before it, its line
    heading_rank: int | None = None  # the rank of the numbered item that named the heading's unit
    item_skip: int | None = None  # the rank of a numbered item that names no work ('2. Hình thức')
    lead_line: int | None = None  # the line of the last lead-in that ends with a colon
    mark_skip: str | None = None  # the mark of a bulleted heading that names no work ('• Yêu cầu về ...')
    form_item = False  # that item says the form of a product: lines naming who acts are work
    labelled_mark: str | None = None  # the mark of a dash item 'X: its work' that named its own owner
    # a dash item 'Đối với X:' heading the items of a deeper mark: its mark, and the heading it
    # stands under, which the next item of its mark returns to
    scope_group: tuple[str, str | None, int | None] | None = None
    listing: str | None = None  # the mark of a dash item whose duty lists below it what it covers
    listing_tasks: tuple[int, int | None] = (0, None)  # that duty's tasks (their end once a name is read)
    programme: str | None = None  # the mark of a clock slot whose steps follow ('- Từ 07 giờ 30 ...:')
    # a lead-in whose own action is concrete: (tasks before it, owner, action, line, section); it
    # is a task itself unless the items below it take its owner
    pending: tuple[int, str, str, Ref, str | None] | None = None

    def settle_lead() -> None:
        """The lead-in's work was not divided among the items below it: it is the task ('...
        yêu cầu Hiệu trưởng các đơn vị tham gia, chỉ đạo ..., viết tin bài ..., cụ thể như sau:'
        over the topics, the form and the rules of the articles, CV 459/PGD&ĐT Hiệp Hòa)."""
        nonlocal pending, section
        if pending is None:
            return
        (since, owner, action, at, where), pending = pending, None
        now, section = section, where
        before = len(tasks)
        add(owner, finder.singled_tail.sub("", action), at)  # '...; trong đó lưu ý': the items single out
        section = now
        added, where = tasks[before:], read[before:]
        del tasks[before:], read[before:]
        tasks[since:since], read[since:since] = added, where

    def go_on(ref: Ref, text: str) -> None:
        """The tasks of the line above take `text`, and the line after it may go on too."""
        nonlocal line_tasks
        dated = find_deadline(text, doc_date, rules)
        for i in range(line_tasks[1], len(tasks)):
            action = f"{tasks[i].action} {text}"
            # a deadline in the words that go on dates the task as if it had been read whole ('...
            # phù hợp với tình hình thực tiễn.' / 'Hoàn thành và báo cáo UBND tỉnh trước ngày
            # 20/02/2025.', TB 11/TB-UBND Quảng Ngãi)
            whole = find_deadline(action, doc_date, rules) if dated else None
            changed = {"deadline": whole} if whole and _dated(whole) and not tasks[i].recurrence else {}
            tasks[i] = replace(tasks[i], action=action, **changed)
        line_tasks = (ref.index, line_tasks[1])

    def drop_since(since: int) -> None:
        """Take back the tasks an item gave once what follows shows it was no duty of its own."""
        del tasks[since:], read[since:]

    def flush_block() -> None:
        nonlocal block, time_mark
        fields, block = block, {}
        owner, action = fields.get("owner"), fields.get("action")
        if not owner:
            # '- Mỗi đơn vị chọn ít nhất 01 bài viết, tin nộp về phòng GD&ĐT ... - Thời gian nộp bài
            # viết: Chậm nhất trước 10 giờ 30 phút, ngày 26 tháng 10': the time of the work above
            # a time field that says the work is done already dates nothing ('- Thời gian thực hiện:
            # Đã khắc phục xong từ tháng 6/2024.', KH of UBND Bỉm Sơn on state secrets)
            done = regex.match(r"\s*(?i:đã)\s", fields.get("deadline", ""))
            for timed in (_timed(fields, times, tasks[time_mark:], section) if times and not done else ()):
                tasks[time_mark + timed] = replace(
                    tasks[time_mark + timed], deadline=find_deadline(fields["deadline"], doc_date, rules)
                    or _day_of(fields["deadline"], doc_date))
            if set(fields) == {"deadline"}:
                time_mark = len(tasks)
            return
        if not action and item_tasks is not None and plain is not None and plain[0] + 1 == block_first \
                and plain[0] - 1 == item_tasks[2]:
            # '3.2. Xác thực thông tin người tham gia BHYT ...' / 'Tiếp tục triển khai thực hiện nghiêm túc
            # công tác xác thực ...' / 'Đơn vị tham mưu thực hiện: Bảo hiểm xã hội tỉnh ...' (KH 156/KH-UBND
            # An Giang): the item names the topic, the paragraph under it is the work
            drop_since(item_tasks[0])
            action = plain[1]
        if action and item_tasks is not None and item_tasks[2] + 1 == block_first \
                and _states_duty(item_tasks[1], finder):
            # 'a. Chủ động tự kiểm tra 100% các văn bản ... khi có yêu cầu.' / '- Nội dung: tập trung tự
            # kiểm tra đối với các vấn đề ...' / '- Đơn vị thực hiện: ...' (KH 852/KH-SYT TP.HCM): an
            # item that states its duty in a sentence is the work, its content field only says what
            # the work looks at; under a title ('1. Tập huấn ...') the content field is the work
            drop_since(item_tasks[0])
            action = item_tasks[1]
        works = _topic_works(lines, block_first, skip, finder) if not action else []
        if len(works) >= 2:
            # a block that closes a topic gives its owner every work item of the topic above it
            # ('1. Nâng cao vai trò chỉ đạo ...' / '1.1. Tổ chức quán triệt ...' / '1.2. Trong chỉ
            # đạo điều hành, ...' / 'Đơn vị chủ trì: Sở Lao động - Thương binh và Xã hội; Ủy ban nhân
            # dân các huyện, thị xã, thành phố.' / 'Đơn vị phối hợp: ...', KH 280/KH-UBND Lào Cai; the
            # topics of KH 111/KH-UBND Bà Rịa-Vũng Tàu, each closed by '+ Cơ quan chủ trì: ...')
            for work, text in works:
                if work.index not in tasked:
                    add(_field_owner(owner, finder), text, work, when=fields.get("deadline", ""),
                        product=fields.get("product"), partners=fields.get("partner"))
            return
        if not action:
            # '1. Tập huấn ... - Đơn vị chủ trì: Sở GDĐT - Thời gian: ...': the item above is the action
            if item_tasks is None or item_tasks[2] + 1 != block_first:
                return
            since, action, _ = item_tasks
            label = finder.owner_label.match(bare(action))
            if (label and not bare(action)[label.end():].strip(" :.")) or len(action.split()) < 3:
                # '1. Đơn vị tổ chức' over '- Đơn vị chủ trì: Sở ...' says who runs the event, not work;
                # an item that only begins with a field's words is work ('a) Thực hiện kiểm soát chất
                # lượng công bố, công khai thủ tục hành chính ...' over its fields, QĐ 173/QĐ-BTP)
                return
            drop_since(since)
        if action:
            add(_field_owner(owner, finder), action, block_ref, when=fields.get("deadline", ""),
                product=fields.get("product"), partners=fields.get("partner"))

    block_ref: Ref | None = None
    times: str | None = None  # the name of a time field that may time the work above it
    # the mark of the next item after each line ('-', '+', or '#' for a label), to tell a paragraph
    # inside a list of dashes from text after the list
    next_mark: dict[int, str | None] = {}
    mark = None
    for ref in reversed(lines.refs[start:]):
        next_mark[ref.index] = mark
        found = _ITEM.match(ref.text)
        if found:
            mark = found.group("dash") or "#"
        if ref.index in skip or NOI_NHAN.match(ref.text) or any(p.search(ref.text) for p in finder.unowned):
            mark = None  # the Nơi nhận's dashes, a closing ('Trên đây là ...') end the body's lists
    last_item: tuple[int, str | None, str] | None = None  # the last item's line, its dash and its text
    plain: tuple[int, str] | None = None  # the last line read that is no item: its line and text
    content: tuple[int, str | None] | None = None  # a paper's content below a duty: its rank, its first dash
    chapter_title = chapter_executing = False  # after 'Chương V' its title; inside a chapter on execution
    article_owner: str | None = None  # the body an article on the execution is titled with
    for ref, text in _segments(lines.refs[start:], finder):
        if ref.index in skip:
            # past the Nơi nhận and the signature an appendix begins: no owner runs on into it
            # (KH 21/KH-PGD&ĐT Hiệp Hòa: its staff list after the signer)
            closed = True
            settle_lead()
            heading_owner = lead_owner = intro_owner = None
            if section and section.startswith("Điều"):
                # the decision's articles end at its closing: what it issues begins with a preamble of its
                # own ('Thực hiện Luật ..., Ủy ban nhân dân tỉnh Sơn La ban hành Kế hoạch ... với các nội
                # dung như sau:' before 'I. MỤC ĐÍCH, YÊU CẦU' of the plan QĐ 2307/QĐ-UBND Sơn La issues)
                close_section()
                section = None
            continue
        if ref.block.startswith(("header", "footer")) or ref.block == "note":
            continue  # a footnote cites and explains; it gives no work
        if closed and KINH_GUI.match(text):
            # a letter addressed to someone after this document's closing is another document sent
            # with it, whose work is its own: the Sở's proposal behind the UBND's answer to it (CV
            # 1666/UBND-VX Hải Phòng, 'Xét đề nghị của Sở ... (gửi kèm theo)'), a forwarded công văn
            # behind the letter that forwards it; an appendix or a regulation issued with a decision
            # has no Kính gửi
            break
        appendix = finder.appendix_without_work(text, partial(_next_text, ref, lines)) if ref.block != "table" else None
        if appendix is not None:
            # an appendix that is a report outline or a form says what a report covers, its unit
            # headings and verbs give no work, to the next appendix (tasks.appendix_without_work:
            # 'PHỤ LỤC 1' / 'Đề cương Báo cáo tổng kết ...', QĐ 2307/QĐ-UBND Sơn La)
            settle_lead()
            outline = appendix
            heading_owner = lead_owner = intro_owner = None
        if outline:
            continue
        chapter = _CHAPTER.match(text)
        if chapter or (chapter_title and text.isupper() and not _TOP.match(text)):
            # a regulation's chapter ('Chương V' / 'TỔ CHỨC THỰC HIỆN', NĐ 277/2025/NĐ-CP): its title,
            # on its line or the next in capitals, makes every article in it one on the execution
            title = chapter["rest"] if chapter else text
            chapter_title = bool(chapter) and not title.strip()
            # by the words it opens with: 'NỘI DUNG CHI ... ĐỐI VỚI CÁC NHIỆM VỤ CỦA QUỸ' (QĐ
            # 34/2025/QĐ-TTg) holds 'nhiệm vụ của' and is no chapter on the execution
            chapter_executing = any(bare(title).startswith(s) for s in finder.execution)
            continue
        chapter_title = False
        if text.isupper() and bare(text).startswith(finder.listing_titles):
            # a list attached ('DANH SÁCH Thành viên Hội đồng ...') names who or what, no work: its
            # rows give none, to the next section or article (rules/tasks.json listing_titles)
            settle_lead()
            skipping, columns = True, None
            heading_owner = lead_owner = intro_owner = None
            continue
        split = " | " in text or ref.block == "table"
        cells = _split_number_cell([c.strip() for c in text.split("|")]) if split else []
        roles = [finder.column(c) for c in cells]
        # a body line with ' | ' is a table's row only inside an assignment table or as its
        # header: a PDF's text layer may split a damaged line at a wide gap ('Dự Lễ kỷ niệm tại
        # | Thanh V n ...', TB 633/TB-UBND Hiệp Hòa)
        if (cells and columns is None and dormant and ref.block == "table" and not skipping
                and len(cells) == len(dormant[0])):
            # a table's row of the header's width after lines read outside it goes on under that
            # header: a table over many pages is cut by what the reader could not place in a cell
            # (the lead bodies of a row listed one per line under it, a page's number; the Phụ lục
            # of QĐ 707/QĐ-TTg read by OCR, 17 pages of 'STT | Nội dung hành động | Hành động cụ
            # thể | ...' whose rows read apart gave no task; one document so far). A section's
            # heading ends the table (below)
            columns, header, spanned = dormant
            dormant = None
        if cells and (ref.block == "table" or columns or ("owner" in roles and "action" in roles)):
            if block:
                flush_block()  # a table ends the field block above it
            heads = "action" in roles and ("owner" in roles or "deadline" in roles)
            below = (_sub_header(header[1], columns, cells, finder)
                     if columns and header and header[0] == ref.index - 1 and not heads else None)
            if heads:
                columns, last_owner = _lead_by_place(roles, cells), None
                dormant = None
                header, spanned = (ref.index, cells), frozenset()
                continue
            if below:
                columns, spanned = below
                continue
            named = [at for at, text in enumerate(header[1]) if text.strip()] if columns and header else []
            if columns and len(cells) == len(named) < len(columns) and not skipping and ref.block == "table":
                # the rows of a table that runs on to the next page, drawn there as a table of its
                # own without the columns that the header's merged cells spread over ('5 | Tổ chức
                # đào tạo ... | Sở Nội vụ | Sở Tài chính ... | ... | 2026-2030' under 'TT | Nhiệm vụ |
                # | | | Cơ quan chủ trì | ...', the Phụ lục of KH 289/KH-UBND Gia Lai): a cell for
                # each named column
                placed = [""] * len(columns)
                for at, cell in zip(named, cells):
                    placed[at] = cell
                cells = placed
            if columns and 2 <= len(cells) < len(columns) and not skipping and ref.block == "table":
                # a DOCX row ends where its last filled cell does: the empty 'Ghi chú' is left off
                # ('14 | Đẩy nhanh công tác bồi thường ... | UBND các xã, phường | ... | Thường xuyên',
                # the appendix of the KH of UBND Lào Cai on Chỉ thị 11-CT/TU): the cells keep their places
                cells += [""] * (len(columns) - len(cells))
            if columns and len(cells) == len(columns) and not skipping:
                row: dict[str, str] = {}
                for at, (role, cell) in enumerate(zip(columns, cells)):
                    # of the columns one header cell spans, the first filled one speaks ('Tháng
                    # 11/2024 | Tháng 12/2024' under 'Cấp trình và thời gian trình': the unit's
                    # time is the first level's)
                    if role and not (at in spanned and row.get(role)):
                        row[role] = cell
                # bodies that take part may fill several columns ('Cơ quan chủ trì thẩm tra | Cơ quan
                # tham gia thẩm tra', NQ 105/2025/UBTVQH15): all of them are partners
                row["partner"] = ", ".join(c for role, c in zip(columns, cells) if role == "partner" and c)
                owner = row.get("owner") or last_owner
                if "owner" not in columns and row.get("action"):
                    # a schedule with no owner column: a row whose work names who does it is that one's
                    # ('1 | 24/03/2014 | P.ĐTĐH gửi danh sách sinh viên đủ điều kiện tốt nghiệp về Khoa.',
                    # TB 03/TB-ĐTĐH UIT); a row of bare work is the plan's content (KH 136/KH-THCSNH)
                    subject = _subject(row["action"], finder, later=False)
                    owner, row["action"] = subject if subject else (None, row["action"])
                filled = [cell for role, cell in zip(columns, cells) if role not in (None, "action") and cell]
                if row.get("action") and not filled and (not finder.acts_at(row["action"], 0)
                                                         or _GROUP_LABEL.match(cells[0])):
                    # a row that fills its work cell alone with no verb heads the rows below it ('I |
                    # Giai đoạn 2021-2025 | | | |', the appendix of KH 1254/KH-BGDĐT; 'A | CÁC KHOẢN
                    # THU TRONG CÂN ĐỐI NSĐP | | |', NQ 11/2025/NQ-HĐND Hà Nội): no one's work, and the
                    # owner of the group above does not run on into the next
                    last_owner = None
                    continue
                if closed and row.get("action") and finder.is_post(row["action"]):
                    continue  # a member list attached: a post is no work (rules/tasks.json positions)
                if owner and finder.referred.match(owner):
                    owner = None  # 'Theo phân công tại Quyết định số 1441/QĐ-UBND ...': no unit named here
                if owner and row.get("action"):
                    add(owner, row["action"], ref, when=row.get("deadline", ""), product=row.get("product"),
                        partners=row.get("partner"))
                last_owner = owner if "owner" in columns else None
            continue
        if _TOP.match(text):
            dormant = None
        elif columns:
            dormant = (columns, header, spanned)
        columns = None
        if not text:
            continue  # a blank line inside a field block does not end it
        if ref.index in bracket_owned and not skipping:
            if block:
                flush_block()
            add(*bracket_owned[ref.index], ref, assigned=True)
            continue
        field = finder.field(_ITEM.sub(lambda m: m.group("rest"), text)) if not skipping else None
        dash = _ITEM.match(text)
        if (field and field[0] == "owner" and heading_owner and last_item and dash and dash.group("dash")
                and dash.group("dash") == last_item[1]):
            # '- Phụ trách: Phòng Địa chất và Khoáng sản ...' among the dashes of 'đ) Phó Giám đốc Trần
            # Đình Chương' (QĐ 899/QĐ-SNNMT Gia Lai): a sibling of the duties above names what the
            # office oversees; a lead unit's field stands under the item it serves ('1. Tập huấn ...'
            # / '- Đơn vị chủ trì: Sở GDĐT')
            field = None
        if field:
            role, value = field
            if role == "action" and "action" in block:
                flush_block()
            if value:
                if not block:
                    block_first = ref.index
                    numbered = _ITEM.match(text)
                    # '4. Thời gian thực hiện: Từ tháng 4 đến tháng 12' is the plan's own period
                    times = None if numbered and not numbered.group("dash") else text.split(":")[0]
                block[role] = value
                block_ref = ref
            continue
        if block:
            flush_block()
        # a Nơi nhận the layout left in the body: its list, to the Lưu line, gives no work
        if NOI_NHAN.match(text):
            in_closing = closed = True
        if in_closing:
            in_closing = not is_archive_line(text)
            continue
        # the addressees of a công văn name who is written to, not what they must do
        if KINH_GUI.match(text):
            addressees = True
            continue
        if addressees:
            if regex.match(r"^[-+•–]\s", text) and not finder.pointer.search(text):
                continue
            # '- Trường TC DTNT - GDTX huyện Bắc Quang Nhằm tổ chức ..., Sở GD&ĐT chỉ đạo ... thực
            # hiện các công việc sau:' (CV 1019/SGDĐT-VP Hà Giang): the text layer ran the last
            # addressee into the lead-in, which is read as the letter's own text, not an item
            addressees = False
            text = regex.sub(r"^[-+•–]\s+", "", text)
        closes_below = ref.index <= last_close
        if not closes_below:
            quoted = 0
        was_quoted = quoted > 0 or (text.startswith(("“", '"')) and closes_below)
        for mark in regex.findall(r"[“”\"]", text):  # '... tập sự” “1. Trong thời gian ...' reopens
            # a straight quote closes an open curly one ('chương trình “Đối thoại về cải cách hành
            # chính" trên sóng ...', KH tuyên truyền CCHC 2026 of UBND Lâm Đồng) or opens a quote
            opens = mark == "“" or (mark == '"' and quoted == 0)
            quoted = quoted + 1 if opens else max(0, quoted - 1)
        if quoted and not was_quoted and not _opens_quoted_text(text):
            quoted = 0  # '... nền tảng “Bình dân học vụ số tại địa chỉ ...': a name left unclosed
        if was_quoted:
            continue
        wrapped = text[:1].islower() and not _ITEM.match(text) and not previous.endswith((".", ";", ":", "!", "?"))
        previous_index, previous = last_line, text
        last_line = ref.index
        if wrapped and ref.block != "table":
            # a line in small letters goes on with the sentence above it, which a PDF wrapped
            # ('... hỗ trợ học sinh kết nối, sử dụng / phòng học trực tuyến an toàn ...', CV
            # 1247/BGDĐT-GDCTHSSV): no unit begins here; the tasks of the line above take it
            if line_tasks[0] == previous_index:
                go_on(ref, text)
            continue
        then = finder.main_clause_after_condition(text)
        if (then and not finder.owner_at(text[then.end():]) and not _ITEM.match(text)
                and line_tasks[0] == previous_index and line_tasks[1] < len(tasks) and ref.block != "table"):
            # a paragraph that sets a condition and names no new subject after its 'thì' goes on with
            # the duty above it: 'Trường hợp không đảm bảo điều kiện cổ phần hóa thì phối hợp ... Hoàn
            # thành và báo cáo UBND tỉnh ... trước ngày 08/02/2025.' after item 1 (TB 11/TB-UBND Quảng
            # Ngãi), as the sentence does (TB 04/TB-UBND An Phú)
            go_on(ref, text)
            continue
        if (last_item and last_item[1] and next_mark.get(ref.index) == last_item[1] and line_tasks[0] == previous_index
                and line_tasks[1] < len(tasks) and not _ITEM.match(text) and not _TOP.match(text)
                and not text.startswith("*") and ref.block != "table" and " | " not in text
                and not text.endswith(":") and not finder.verb.match(text)
                and _subject(text, finder, later=False) is None):
            # a paragraph between two dashes of one list goes on with the dash above it ('- Trang trí
            # khánh tiết: ...' / 'Các khẩu hiệu được treo tại vị trí phù hợp ...' / '- Hình thức tổ
            # chức Khai giảng: ...', CV 1019/SGDĐT-VP Hà Giang; '- Giáo viên bộ môn lưu trữ, theo dõi
            # hồ sơ ...' / 'Cuối năm học nộp lại cho tổ chuyên môn.', KH 174/KH-THCSNH Long Điền):
            # the list goes on after it, and its owner with it. A paragraph that opens with its
            # work ('Tuyên truyền và hướng dẫn ...') or its own subject is a duty of its own
            go_on(ref, text)
            continue
        top = _TOP.match(text)
        roman = has_roman and ref.index >= first_roman
        numbered = _ARTICLE_NUMBER.match(text) if top else None
        own_article = numbered is not None and int(numbered[1]) == last_article + 1
        if top and (roman or text.startswith("Điều")) and not (roman and text.startswith("Điều") and not own_article):
            settle_lead()
            close_section()
            section = top.group("label")
            if numbered:
                last_article = int(numbered[1])
            rest = top.group("rest").strip()
            sections.append(Section(section, rest or None))
            # a section is skipped by what it is named first ('III. KINH PHÍ THỰC HIỆN'); an
            # article that only mentions funds ('Điều 7. Tạm ứng, thanh toán, quyết toán kinh
            # phí', QĐ 02/2025/QĐ-UBND Hà Nội) assigns work like any other
            skipping = any(bare(rest).startswith(s) for s in finder.skip_sections)
            funding = any(bare(rest).startswith(s) for s in finder.funding_sections)
            # an article on who has the power to do a step ('Điều 10. Thẩm quyền, trách nhiệm theo dõi, đánh giá,
            # xếp loại chất lượng công chức', NĐ 335/2025/NĐ-CP) belongs to the procedure, not to its execution
            executing = (any(s in bare(rest) for s in finder.execution) and not finder.opens_with_power(rest)) or (
                chapter_executing and section.startswith("Điều"))
            heading_owner = lead_owner = intro_owner = detail_of = item_skip = heading_rank = mark_skip = None
            article_owner = None
            # the numbered items of the last section end with it: a lead-in that opens the new
            # section stands over all the section's items ('III. TỔ CHỨC THỰC HIỆN' / 'Giao phòng
            # Quản lý Công nghiệp triển khai, thực hiện các công việc liên quan:' / '1. …' after the
            # '1.' to '4.' of 'II. NỘI DUNG', the draft KH /KH-SCT of the Sở Công Thương Lào Cai, 2026:
            # one document so far)
            scope_group = item_rank = None
            named = finder.owner_at(rest) if section.startswith("Điều") and rest else None
            if (named and named[1] < len(rest) and not rest.rstrip().endswith((".", ":", ";"))
                    and _ITEM.match(_next_text(ref, lines) or "") and not finder.duties_of.match(rest)):
                # an article's title is a noun phrase, no sentence: one that begins with a body's name
                # over numbered clauses names that body whole, its verbs say which body ('Điều 14. Các
                # cơ quan, đơn vị và cá nhân tại các đơn vị triển khai CSDL' / '1. Cập nhật thông tin
                # ...', QĐ 32/2023/QĐ-UBND Ninh Thuận, one document so far); a title closed by a stop
                # is a sentence ('Điều 3. Chánh Văn phòng ... chịu trách nhiệm thi hành Quyết định này.')
                named = (rest.strip(), len(rest))
            if named and not executing and (named[1] < len(rest.rstrip(" .:")) or finder.duties_of.match(rest)):
                # outside a chapter on the execution only a title that is a body's name and nothing
                # else names whose clauses follow: a regulation's 'Chương 5' whose title a copy lost
                # over 'Điều 15. Sở Thông tin và Truyền thông' / 'Điều 16. Sở Tài chính' (QĐ
                # 22/2023/QĐ-UBND Đắk Nông), as 'Điều 20. Bộ Giáo dục và Đào tạo' under its chapter
                # (NĐ 277/2025/NĐ-CP); 'Điều 8. Cơ sở dữ liệu về giá' names a thing (not_owners)
                named = None
            collective = bool(named) and bool(finder.duties_of.match(rest)) and bool(_COLLECTIVE.match(named[0]))
            if named and _is_heading(rest, named) and not finder.everyone.search(named[0]) and not collective:
                # an article on the execution titled with a body's name gives it the clauses below
                # ('Điều 20. Bộ Giáo dục và Đào tạo' / '1. Chủ trì, phối hợp ...', 'Điều 26. Ủy ban
                # nhân dân cấp tỉnh', NĐ 277/2025/NĐ-CP), as a unit heading does in a plan; 'Trách
                # nhiệm của các đơn vị liên quan' names nobody, its clauses name their owners ('1. Giao
                # Sở Lao động - Thương binh và Xã hội chủ trì ...', QĐ 69/2024/QĐ-UBND Hà Nội), nor does
                # 'Trách nhiệm của các cơ quan, tổ chức' over '1. Trách nhiệm của Bộ Nội vụ' ... '5.
                # Doanh nghiệp, tổ chức, cá nhân đưa người lao động ...' (QĐ 34/2025/QĐ-TTg)
                article_owner = heading_owner = named[0]
                heading_rank = 0
            elif section.startswith("Điều") and rest and not _article_title(rest):
                leads = rest.endswith(":") and _ITEM.match(_next_text(ref, lines))
                lead, directing = _lead_owner(rest, finder) if leads else (None, None)
                if lead and not directing:
                    # an article whose own sentence is a lead-in gives its clauses to the unit it names,
                    # as a lead-in paragraph does ('Điều 2. Giao Sở Giáo dục và Đào tạo căn cứ Danh mục
                    # ... có trách nhiệm:' over '1. Tổ chức niêm yết công khai ...', QĐ 179/QĐ-UBND Ninh
                    # Thuận; 'Điều 2. Giao thủ trưởng các đơn vị thuộc Bộ:' over '1. Căn cứ nội dung, nhiệm
                    # vụ, giải pháp ...', QĐ 1819/QĐ-BGDĐT)
                    lead_owner = intro_owner = lead
                    lead_line = ref.index
                    if _asks(rest, finder) and (own := _lead_action(rest, lead, finder)) is not None:
                        pending = (len(tasks), lead, own, ref, section)
                else:
                    _sentence(rest, ref, finder, add)
            elif rest and not skipping:
                # a section named for whom it is ('I. ĐỐI VỚI CƠ SỞ GIÁO DỤC', 'II. ĐỐI VỚI TỔ CHỨC
                # KIỂM ĐỊNH CHẤT LƯỢNG GIÁO DỤC' under 'Bộ GDĐT đề nghị ... thực hiện tốt các nhiệm vụ
                # sau:', CV 2274/BGDĐT-QLCL; 'II. TRÁCH NHIỆM CỦA CÁC ĐƠN VỊ') gives its items without a
                # subject to that unit, to the end of the section
                owner = _section_owner(rest, finder)
                if owner:
                    heading_owner, heading_rank = owner, 0
            continue
        item = _ITEM.match(text)
        rest = item.group("rest").strip() if item else text
        if not rest.endswith(":") and finder.responsible.match(rest):
            # 'X có trách nhiệm.' with nothing after it: a heading, its colon typed as a stop or left out ('1.
            # Trưởng Ban Quản lý Khu kinh tế có trách nhiệm' over a) to c), QĐ 13/2023/QĐ-UBND Lai Châu; 'a)
            # Trường các điểm thi có trách nhiệm' over its dashes, CV 1906/SGDĐT-CTTTT Đà Nẵng)
            rest = rest.rstrip(" .") + ":"
        label = (item.group("label") or item.group("sub")) if item else None
        last_item = (ref.index, item.group("dash"), rest) if item else last_item
        plain = None if item else (ref.index, rest)  # a paragraph, which a field block may follow
        if label and label[0].isdigit() and not item.group("sub"):
            item_rank = _depth(label)
        if item and programme is not None and (label or item.group("dash") == programme):
            programme = None  # the next item of the slot's rank ends its programme
        slot = _CLOCK_SLOT.match(rest) if item else None
        if slot or (programme is not None and item):
            # a ceremony's or a meeting's programme: a slot of the clock ('- Từ 07 giờ 30 đến 08 giờ
            # 15:', '* Đối với trường tiểu học, ... - Từ 07 giờ 00 đến 07 giờ 30: Phân luồng ...')
            # and its steps ('+ Chào cờ Tổ quốc, hát Quốc ca', '+ Đánh trống khai trường') say what
            # happens when, not who must do it; a step that names who does it is that one's
            # ('+ Hiệu trưởng nhà trường đọc lời chào mừng ...', CV 2703/SGDĐT-VP Hà Nội: the only
            # programme of the samples so far; the spec: a meeting time is no deadline of a task)
            if slot:
                programme = item.group("dash") or label or ""
            step = rest[slot.end():] if slot else rest
            found = finder.owner_at(step)
            if found and finder.acts_at(step, found[1]):
                add(found[0], step[found[1]:], ref)
            continue
        restored = scope_group is not None and item is not None and bool(label or item.group("dash") == scope_group[0])
        if restored:
            _, heading_owner, heading_rank = scope_group  # '- Cung cấp ...' after the '+' items of '- Đối với X:'
            scope_group = None
        if label and heading_rank is not None and _depth(label) <= heading_rank:
            # '3. Chế độ thông tin báo cáo' after '1. Phòng GD&ĐT', '2. Các nhà trường': an item of
            # the unit headings' rank ends the last unit's duties (KH 21/KH-PGD&ĐT Hiệp Hòa)
            heading_owner = heading_rank = None
        if item and labelled_mark is not None:
            if item.group("dash") == labelled_mark and not restored:
                # '+ Các trường học, cơ sở giáo dục có diện tích nhỏ, hẹp: tổ chức tập trung khai
                # giảng ...' then '+ Không tổ chức diễu hành ...' (CV 2703/SGDĐT-VP Hà Nội): a
                # sibling does not take the owner one item named for its own work
                heading_owner = None
            labelled_mark = None
        if item and item.group("label") and not has_roman and label.isdigit() and "." not in label:
            close_section()
            section = label
            sections.append(Section(label, None))
            # 'yêu cầu các địa phương thực hiện như sau:' before the numbered items
            # stands over all of them, until an item names its own owner; an article titled with
            # a body's name stands over its clauses
            heading_owner, lead_owner = article_owner, intro_owner
            # the item is a section on the execution when it is headed so ('5. Tổ chức thực hiện', '3.
            # Trách nhiệm của các đơn vị'), not when a sentence of it assigns ('5. Ủy ban nhân dân cấp xã
            # phân công người theo dõi ...' in 'Điều 14. Người tham gia thực hiện phổ cập', NĐ 277/2025/NĐ-CP)
            executing = executing or any(bare(rest).startswith(s) or (s in bare(rest) and _short_heading(rest))
                                         for s in finder.execution)
        elif item and label and not item.group("sub"):  # '(1)' numbers notes as often as items: no outline
            children.append(Section(label, _heading(rest)))
        if item and label and item_skip is not None and _depth(label) <= item_skip:
            item_skip = None
        mark = item.group("dash") if item else None
        if mark_skip is not None and (label or mark == mark_skip):
            mark_skip = None
        if (mark and _topic(rest, finder, words=10) and any(bare(rest).startswith(s) for s in finder.skip_items)
                and not any(bare(rest).startswith(s) for s in finder.form_items)):
            # a bulleted heading of requirements or purposes ('• Yêu cầu về nhiệm vụ thực tập', '•
            # Yêu cầu về sản phẩm' over '- Tiếp cận và tìm hiểu thực tế ...', KH 46/KH-KHMT VKU)
            # names no work, nor do the items below it up to the next bullet of its kind
            mark_skip = mark
            continue
        if mark_skip is not None:
            continue
        if item and label and label[0].isdigit() and (finder.conditions.search(rest) or finder.rights.search(rest)):
            # '2. ... phải chứng minh được sáng kiến đáp ứng một trong các điều kiện sau đây:': what must
            # hold, to the next item of its rank, whoever it names (rules/tasks.json condition_lists);
            # '1. Đơn vị thoát nước có các quyền sau:': what it may do (power_items.rights)
            item_skip, form_item = _depth(label), False
            continue
        if item and label and label[0].isdigit() and _skip_heading(rest, finder) and not (
                rest.endswith(":") and _lead_owner(rest, finder)[0]):
            # ('1. Yêu cầu Thủ trưởng các cơ quan, đơn vị, ... trong đó lưu ý:' asks units, it
            # heads no requirements: TB 565/TB-UBND Quảng Ngãi)
            # '2. Hình thức' over how the article must look, '1. Mục đích': what, not who (CV
            # 459/PGD&ĐT Hiệp Hòa); the items below it, to the next item of its rank, give no work
            item_skip = _depth(label)
            form_item = any(bare(rest).startswith(s) for s in finder.form_items)
            continue
        if funding and not skipping:
            # a section on funds says where the money comes from, which gives no work, and who must
            # budget for it, which does: a sentence there names its own unit or gives nothing ('III.
            # KINH PHÍ THỰC HIỆN' / '- Hằng năm, căn cứ nhiệm vụ được giao ..., các sở, ban, ngành tỉnh
            # và Ủy ban nhân dân các xã, phường cùng các cơ sở giáo dục phổ thông xây dựng Kế hoạch và
            # dự toán kinh phí ...', KH 1251/KH-UBND Đồng Tháp; 'Giao Sở Tài nguyên và Môi trường lập dự toán
            # chi tiết, gửi Sở Tài chính thẩm định ...', QĐ 2130/QĐ-UBND Thanh Hóa), when it is about the money
            if finder.money.search(rest):
                _sentence(rest, ref, finder, add)
            continue
        if skipping or (item_skip is not None and not (form_item and _names_who_acts(rest, finder))):
            # under an item on the form of a product a line that names who acts is work all the
            # same ('2. Hình thức đề kiểm tra' over '- Hiệu trưởng nhà trường thành lập hội đồng biên
            # soạn đề kiểm tra ...', KH 168/KH-THCS Tân Thành, Bình Tân; '3. Hình thức tuyên truyền'
            # over 'c) Các sở, ban, ngành; UBND các xã, phường, đặc khu đưa nội dung CCHC vào các
            # cuộc họp ...', KH tuyên truyền CCHC 2026 of UBND Lâm Đồng), or asks one to ('- TD, MT,
            # Nhạc: 6,7,8,9, HĐTN 6: giao GVBM quyết định hình thức kiểm tra.', KH 168)
            continue
        if item and label and content is not None and _depth(label) <= content[0]:
            content = None
        if content is not None:
            dash = item.group("dash") if item else None
            if dash and content[1] is None:
                content = (content[0], dash)
            # a line of the paper's content that names who does it, at the first level under the
            # duty, is that one's work ('- GV, CBQL cập nhật đầy đủ thông tin ...'); the rest is content
            if not (dash and dash == content[1] and _subject(rest, finder, later=False)):
                continue
        if item and label and label[0].isdigit() and finder.content_lead.search(rest):
            # a duty to write a plan or a report 'căn cứ vào các nội dung, yêu cầu sau đây:' is one
            # task; the items below it, to the next item of its rank, are what the paper holds (CV
            # 231/PGD&ĐT-THCS Châu Thành), as the plan an issuer frames 'với các nội dung sau:' is
            # its own text (seed 000, plan d1a, KH 362/KH-SGDĐT Đồng Tháp)
            owner = lead_owner or heading_owner
            if not _sentence(rest, ref, finder, add) and owner:
                add(owner, rest, ref, named=False, heading=not lead_owner)
            content = (_depth(label), None)
            continue
        # '1. Quán triệt các văn bản chuẩn bị đầu năm học' over the paragraph 'Quán triệt đến toàn
        # thể cán bộ ...' (CV 1019/SGDĐT-VP Hà Giang): the heading names the work the paragraph is
        paragraph = bool(group) and not item and group[1] + 1 == ref.index and finder.acts_at(rest, 0)
        topic_over_dashes = bool(group) and item is not None and bool(item.group("dash")) and (
            group[2] or finder.acts_at(rest, 0) or finder.owner_at(rest) is not None)
        if group and (paragraph or topic_over_dashes or (item and (item.group("sub") or (label and not label.isdigit())
                                                                   or (label and "." in label)))):
            # '1. Hoàn thiện hạ tầng công nghệ thông tin' over '(1) ...', '(2) ...': a group's
            # heading, its work is in the items below it. Over dashes a heading that names a topic
            # is one ('1. Công tác chuẩn bị cho năm học mới 2020 - 2021', CV 2703/SGDĐT-VP Hà Nội),
            # and so is one whose dashes are work themselves ('2. Tổ chức ôn tập kiến thức cho học
            # sinh' over '- Các đơn vị bố trí thời khóa biểu ...', CV 2616/SGDĐT-GDTrH Quảng Nam);
            # over dashes that are no work the heading is the work ('3. Lựa chọn và thực hiện Khẩu
            # hiệu tuyên truyền tại đơn vị' over the slogans, CV 4728/SGDĐT-HSSV)
            since, at = group[:2]
            if at + 1 == ref.index:
                drop_since(since)
                # the heading was a topic: the dashes below are work, not its details ('4. Công tác đảm
                # bảo an ninh, an toàn ...' over '- Công tác phòng, chống dịch Covid-19 ...: tiếp tục
                # quán triệt ...', CV 2703/SGDĐT-VP Hà Nội)
                detail_of = None
        group = None
        if item:
            item_tasks = (len(tasks), rest, ref.index)
            if item.group("label") and label.isdigit() and not rest.endswith((".", ";", ":")):
                group = (len(tasks), ref.index, not finder.verb.match(rest))
        if label:
            detail_of = None
        elif (detail_of and item and not finder.verb.match(rest) and not finder.owner_at(rest)
              and not finder.after_opener(rest)):
            continue  # '5. Lựa chọn khẩu hiệu tuyên truyền' and its slogans below: what, not more work
        if item and label and rest.endswith((")", "):")):
            # a long note in brackets after a heading's name says more of the unit, it holds no work
            # ('2. Đối với công chức, viên chức và người lao động ngành Nông nghiệp và Môi trường
            # (công chức, ... thuộc UBND cấp xã, ...)', '3. Giao Phòng Tổ chức cán bộ (Cơ quan thường
            # trực Tổ kiểm tra việc chấp hành kỷ luật, kỷ cương của Sở)', KH 115/KH-SNNMT Gia Lai).
            # A heading that reads as one with its note keeps it: a short note is part of the name
            # ('Ủy ban nhân dân các quận, huyện, thị xã (chính quyền cấp cơ sở)', QĐ 33/2025/QĐ-UBND
            # Hà Nội), and so are the firms a unit is ('Đơn vị thi công (Công ty cổ phần ... và Công
            # ty TNHH MTV ...)', KH 155/KH-UBND Phong Châu)
            noted = _TRAILING_NOTE.sub(r"\1", rest)
            named, whole = finder.owner_at(noted), finder.owner_at(rest)
            if noted != rest and not (whole and _is_heading(rest, whole)) and (
                    finder.group_heading.match(noted) or finder.lead.match(noted)
                    or (named and _is_heading(noted, named))):
                rest = noted
        found = finder.owner_at(rest) if item else None
        if item and item.group("dash"):
            bare_name = rest.rstrip(" ;,.")
            listed = finder.owner_at(bare_name) if listing is not None and found else None
            if (listing is not None and item.group("dash") != listing and listed
                    and _is_heading(bare_name, listed) and not finder.acts_at(rest, found[1])):
                # '- Trực tiếp theo dõi các đơn vị:' over '+ Trung tâm Y tế Phú Thiện;' (QĐ 342/QĐ-SYT
                # Gia Lai), '- Phối hợp với các đơn vị sau:' over '+ Trường THCS ...': the names listed
                # under a duty are what it covers, they own no item after them; they go on its action
                start, end = listing_tasks if listing_tasks[1] is not None else (listing_tasks[0], len(tasks))
                listing_tasks = (start, end)
                for i in range(start, end):
                    tasks[i] = replace(tasks[i], action=f"{tasks[i].action} {' '.join(text.split())}")
                continue
            if rest.endswith(":") and finder.acts_at(rest, 0):
                listing, listing_tasks = item.group("dash"), (len(tasks), None)
            elif item.group("dash") == listing:
                listing = None
        elif item:
            listing = None
        if item and label and not found and executing and not finder.lead.match(rest) and _names_a_unit(rest, finder):
            found = (clean_value(rest).rstrip(":"), len(rest))  # '2. Liên đoàn Vovinam Việt Nam' over its duties
        elif (item and label and found and executing and found[1] < len(rest) and _short_heading(rest)
              and finder.unit_start.match(rest) and _duty_follows(ref, lines, finder)):
            # '14. Các tổ chức, hộ gia đình, cá nhân sử dụng đất' over 'Có trách nhiệm phối hợp ...' (KH
            # 155/KH-UBND Phong Châu): a unit heading whose verbs say which units, its duties below
            found = (clean_value(rest).rstrip(":"), len(rest))
        elif (item and label and label[0].isdigit() and found and executing and found[1] < len(rest)
              and finder.unit_start.match(rest) and _short_heading(rest, LONG_HEADING_WORDS)
              and _duties_listed(ref, lines, finder)):
            # over lettered duties a unit heading may be longer ('5. Doanh nghiệp, tổ chức, cá nhân
            # đưa người lao động Việt Nam đi làm việc ở nước ngoài theo hợp đồng' / 'a) Thu, nộp tiền
            # đóng góp Quỹ ...', QĐ 34/2025/QĐ-TTg)
            heading_owner, lead_owner = clean_value(rest).rstrip(":"), None
            heading_rank = _depth(label)
            continue
        members = finder.members.match(clean_value(rest)) if executing and item and label and ":" not in rest else None
        if members and not rest.rstrip().endswith(".") and not finder.verb.search(members["members"]):
            # '2.3. Các ủy viên là Chủ tịch Công đoàn, Bí thư Đoàn TNCSHCM, ... và các tổ trưởng chuyên
            # môn' over their duties (KH 20/KH-THPT Nguyễn Bỉnh Khiêm): the members own the items below
            heading_owner, lead_owner = members["members"], None
            heading_rank = _depth(label)
            continue
        # a dash too when its colon opens the items below ('- Đối với các Sở, ban, ngành có các HTTT
        # triển khai tới UBND cấp xã:' over its '+' items, CT 11/CT-UBND Hà Nội)
        group_of = finder.group_heading.match(rest) if item and (label or rest.rstrip().endswith(":")) else None
        if group_of and finder.unit_start.match(group_of["unit"]) and not _has_subject(group_of["unit"], finder):
            # '1. Đối với các đơn vị chưa tham gia đánh giá ngoài.' over what those units do:
            # the whole group is the owner, its descriptor's verbs and all (KH 20/KH-PGD&ĐT Hiệp
            # Hòa; 'Riêng các trường ...' likewise)
            if not label:
                scope_group = (item.group("dash"), heading_owner, heading_rank)
            heading_owner, lead_owner = clean_value(group_of["unit"]), None
            heading_rank = _depth(label) if label else None
            continue
        heads = None  # the unit a heading line names over the items below it
        lead = finder.lead.match(rest) if item and not found else None
        if lead:
            # '3. Đề nghị Huyện đoàn Thanh Chương' over the items it asks of that unit; the post
            # asked may be written in small letters ('1. Giao chuyên viên phụ trách công tác kỷ
            # luật, kỷ cương hành chính' over its a) b), KH of the Phòng KT-HT-ĐT Hòa Cường on Chỉ
            # thị 34-CT/TU), as in a sentence ('3. Giao công chức Văn phòng - Thống kê ...', CV 397/UBND)
            behind = finder.named_at(rest[lead.end():])
            if behind and _is_heading(rest[lead.end():], behind):
                heads = behind[0]
        elif (item and found and not rest.rstrip().endswith(":") and finder.responsible.match(rest)
              and not finder.lead.match(rest)):
            # a heading 'X có trách nhiệm' with no stop over the items X does ('a) Trường các điểm thi
            # có trách nhiệm' over its dashes, CV 1906/SGDĐT-CTTTT Đà Nẵng)
            heads = found[0]
        elif (item and label and (kinds := _KIND_COLON.match(rest))
              and finder.names_kind_list(kinds["head"])
              and not rest.rstrip().endswith((".", ";", ":")) and len(rest.split()) <= LONG_HEADING_WORDS):
            # a heading that names the bodies of one kind after its colon ('4. Các sở: Xây dựng, Giao thông
            # vận tải, Nông nghiệp và Phát triển nông thôn, Công Thương' over their duties, QĐ
            # 44/2023/QĐ-UBND Ninh Bình; '9. Các sở: Y tế; Công Thương; ...', QĐ 25/2023/QĐ-UBND Thanh
            # Hóa): the list is their name, its 'Xây dựng' no verb
            heads = clean_value(rest)
        elif (item and label and found and finder.field_cut.search(found[0])
              and _short_heading(rest, LONG_HEADING_WORDS) and not finder.responsible.match(rest)):
            # a post named by its field runs to the heading's end, the field's words that spell verbs and all
            # ('3. Cán bộ phụ trách lĩnh vực giám sát và phản biện xã hội' over its dashes, KH 16/KH-MTTQ-BTT xã
            # Lương Minh, one document so far)
            heads = clean_value(rest).rstrip(":")
        elif found and _is_heading(rest, found):
            heads = found[0].rstrip(".")
            if item and item.group("dash"):
                children.append(Section(None, rest))
        if heads is not None:
            heading_owner, lead_owner = heads, None
            heading_rank = _depth(label) if label else None
            continue
        colon = regex.match(r"^(?P<owner>[^:]{3,90}):\s*(?P<action>.*)$", rest)
        if (colon and finder.kinds_named.search(colon["owner"]) and not finder.verb.search(colon["owner"])
                and not rest.rstrip().endswith(":")):
            # the colon opens the names of the bodies of that kind ('Xây dựng' is a Sở here): in an
            # execution clause no duty ('Giám đốc các Sở: Xây dựng, Tài chính, Nông nghiệp và Môi
            # trường; ...', QĐ 33/2025/QĐ-UBND Hà Nội; QĐ 326/QĐ-UBND Gia Lai); under an office's
            # heading what that office chairs or oversees ('- Chủ tịch các Hội đồng: thi đua khen
            # thưởng, kỷ luật; ...', 'c) Phụ trách các Phòng, đơn vị: Tổ chức cán bộ, ...' under '1.
            # Giám đốc Cao Thanh Thương', QĐ 899/QĐ-SNNMT Gia Lai)
            if heading_owner:
                add(heading_owner, rest, ref, named=False, heading=True)
            continue
        person = finder.person_label.match(rest)
        if person and finder.verb.search(person["action"]):  # 'Phụ trách chung; chỉ đạo ...': its duties
            owner = clean_value(person["owner"])
            add(owner, person["action"], ref)
            heading_owner, lead_owner = owner, None
            heading_rank = _depth(label) if label else None
            continue
        named = finder.owner_at(colon.group("owner")) if colon else None
        whole = named is not None and len(named[0]) >= len(finder.strip.sub("", clean_value(colon["owner"]))) - 1
        # a line that opens with a lead-in asks the unit after it ('3. Giao công chức Văn phòng -
        # Thống kê phụ trách chuyển đổi số, CCHC Chủ trì, tham mưu ...', CV 397/UBND Phường 1 Vũng
        # Tàu): its dash joins a name, it parts no label from a duty
        labelled = _LABELLED.match(rest) if not whole and executing and item and not finder.lead.match(rest) else None
        office = _office(labelled["owner"], labelled["action"], finder) if labelled else None
        if office:
            # under 'Trách nhiệm của từng thành viên', 'Tổ chức thực hiện' a label is the office
            # that owns the duty after it, whatever its first word ('2.1. Trưởng ban (Bà Ngô Thị
            # Kiều Huệ): thông báo ...', '* Phụ trách chuyên môn (PHT Trương Sơn): trực tiếp kiểm
            # tra ...', KH 20/KH-THPT Nguyễn Bỉnh Khiêm)
            colon, named, whole = labelled, office, True
        if colon and not whole and (scoped := finder.scope_named(colon["owner"])):
            named, whole = (scoped, len(colon["owner"])), True
        if whole:
            owner = named[0]
            # 'Học sinh nữ: Áo dài trắng, quần đen.' says what, with no verb: no work (TB
            # 137/TB-THPTUVK); 'Sở Tư pháp: Lồng ghép tuyên truyền ...' gives work
            action = colon.group("action")
            own = finder.owner_at(action) if SCOPE_OPENER.match(colon["owner"]) else None
            if own and finder.acts_at(action, own[1]):
                # 'Đối với X:' says whom the work concerns; a clause after it with a subject of its
                # own is that subject's ('6.1. Đối với Đoàn kiểm tra: Các thành viên Đoàn thực hiện
                # nghiêm túc Kế hoạch …', KH 1105/KH-ĐKT Lào Cai; 'Đối với các môn học …: Các đơn
                # vị tiếp tục thực hiện …', CV 998/SGDĐT Bắc Giang)
                add(own[0], action[own[1]:], ref)
            elif (action and not _names_only(action, finder) and finder.verb.search(action)
                  and not finder.pointer.search(action)):
                # ... unless it points to the items below, where the work is ('a) Đối với các cơ sở
                # giáo dục chưa được đánh giá ngoài: Chủ động thực hiện tự đánh giá, ..., cụ thể:'
                # over '- Các cơ sở giáo dục đại học tiếp tục ...', CV 2274/BGDĐT-QLCL)
                add(owner, action, ref, labelled=True)
                labelled_mark = item.group("dash") if item else None
            if item and item.group("dash") and not label and action.strip() and scope_group is None:
                # a dash whose label owns the work after its colon owns that dash and what goes on
                # under it, not the items after it ('- Chi cục Hải quan nơi vận chuyển đến: Sau khi
                # ...' then '2. Khai báo nhiều tờ khai ...', CV 778/TCHQ-GSQL, one document so far):
                # the next item of its rank or above goes back to the heading's owner
                scope_group = (item.group("dash"), heading_owner, heading_rank)
            heading_owner, lead_owner = owner, None
            heading_rank = _depth(label) if label else None
            continue
        if rest.endswith(":") and not finder.contact.search(rest):
            lead, directing = _lead_owner(rest, finder)
            if lead:
                settle_lead()
                if not item and detail_of and item_tasks and item_tasks[0] < len(tasks):
                    # a numbered heading whose text goes on to a lead-in ('2. Tổ chức Lễ Khai giảng' ...
                    # 'Để tổ chức tốt ..., các cơ sở giáo dục thực hiện các nội dung sau:', CV
                    # 1019/SGDĐT-VP Hà Giang) names the topic; the lead-in says who does its items
                    drop_since(item_tasks[0])
                detail_of = None
                # 'giao Giám đốc Công an tỉnh chỉ đạo thực hiện:' under '1. Công an tỉnh':
                # the heading's unit stays the owner (gold 03)
                lead_owner = heading_owner if heading_owner and heading_owner in lead else lead
                # the lead-in before the numbered items stands over them all; one inside an item
                # stands over that item's own list only
                intro_owner = lead_owner if not item and item_rank is None else intro_owner if not item else None
                # a lead-in in a numbered item's text ends with that item ('2. Tổ chức Lễ Khai giảng'
                # ... 'Để tổ chức tốt ..., các cơ sở giáo dục thực hiện các nội dung sau:' ... '3.
                # Công tác khác', CV 1019/SGDĐT-VP Hà Giang)
                lead_rank = _depth(label) if label else item_rank
                lead_line = ref.index
                if directing:
                    add(directing[0], rest[directing[1]:], ref)
                elif _asks_itself(rest, lead, ref, lines, finder):
                    # '..., đề nghị các đơn vị liên hệ:' over a contact, not over items: the
                    # sentence is the duty (CV 79/TTTT-CTGD)
                    add(lead, rest, ref)
                elif _asks(rest, finder) and (own := _lead_action(rest, lead_owner, finder)) is not None:
                    pending = (len(tasks), lead_owner, own, ref, section)
                continue
        if not item and not paragraph and not (lead_line is not None and ref.index == lead_line + 1):
            # a paragraph ends a lead-in's list, unless it is the lead-in's only item ('b) Tổ chức
            # làm nhiệm vụ bồi thường có trách nhiệm:' over 'Tiến hành kiểm kê ...', TB 04/TB-UBND An Phú)
            lead_owner = None
        if label and lead_rank is not None and _depth(label) <= lead_rank:
            # a lead-in that is itself an item ('1. Các bộ, cơ quan ngang bộ, ... có trách nhiệm:'
            # over 'a)' to 'e)') ends at the next item of its rank ('2. Bộ Tài chính có trách nhiệm
            # hướng dẫn ...', NĐ 335/2025/NĐ-CP; '2. Đề nghị Hội Liên hiệp Phụ nữ tỉnh ...' after '1.
            # Giao Sở Y tế chủ trì: - ...')
            lead_owner, lead_rank = intro_owner, None
        trailing = _TRAILING_OWNER.search(rest) if item else None
        presenter = finder.owner_at(trailing["tail"]) if trailing else None
        if presenter and finder.acts_at(trailing["tail"], presenter[1]) and len(
                trailing["tail"][presenter[1]:].split()) <= 6:
            # '1. Phân tích đề thi tốt nghiệp năm 2025 (môn Lịch sử) – Trường THPT Cao Lãnh 2 thực hiện.'
            # (KH 58/KH-THPTCL2): an agenda item names who does it after the work
            add(presenter[0], rest[:trailing.start()], ref)
            continue
        # a note ('Lưu ý: ...', 'Ghi chú: ...') says who acts or gives no work: it is no duty of
        # the owner above ('* Lưu ý: Người trực tiếp kiểm tra chuyên đề nào thì theo dõi ...', KH
        # 20/KH-THPT Nguyễn Bỉnh Khiêm)
        note = finder.note.match(rest)
        rest = rest[note.end():] if note else rest
        # ... unless it states an obligation of its own ('* Lưu ý: Đối với các vụ lộ, mất BMNN xảy
        # ra phải báo cáo ngay về UBND tỉnh ...' under the units of item 1, QĐ 254/QĐ-UBND Sơn La)
        obliged = bool(note) and bool(finder.obliges.search(rest))
        owner = None if note and not obliged else lead_owner or heading_owner
        if obliged and owner is None and line_tasks[0] == previous_index and line_tasks[1] < len(tasks):
            # the note goes with the item just above it: its owners owe it
            for above_owner in dict.fromkeys(t.owner for t in tasks[line_tasks[1]:]):
                add(above_owner, rest, ref, named=False)
            continue
        if (owner is None and not item and executing and last_item is not None and last_item[1] is None
                and last_item[0] == previous_index == line_tasks[0] and line_tasks[1] < len(tasks)
                and not last_item[2].rstrip().endswith(":") and not finder.numbered_paper.search(rest)
                and _subject(rest, finder, later=False) is None and _acts_after_opener(rest, finder)):
            # a paragraph right after a numbered item, with no subject of its own, goes on with the
            # work of that item: each of its sentences is a duty of that item's owners ('1. Các
            # sở, ban ngành thành phố, ..., Ủy ban nhân dân xã, phường căn cứ chức năng, nhiệm vụ được
            # giao, tổ chức chỉ đạo ...' / 'Căn cứ tình hình thực tế ..., xây dựng kế hoạch .... Tổng
            # hợp báo cáo kết quả thực hiện gửi về Sở Nội vụ', KH 70/KH-UBND Cần Thơ; '2. Phó Chủ tịch
            # UBND phường phụ trách lĩnh vực kinh tế Giúp Chủ tịch ...' / 'Chỉ đạo Phòng Nông nghiệp và
            # Môi trường chủ trì ...', KH 155/KH-UBND Phong Châu). Not after an item that announces a
            # list with its colon, nor a paragraph that names a paper ('Quyết định số 416/QĐ-TTg; ...'
            # run on from the line above, QĐ 435/QĐ-UBND Kon Tum)
            owners_above = list(dict.fromkeys(t.owner for t in tasks[line_tasks[1]:]))
            for part in (p for p in _SENTENCE_END.split(rest) if p.strip()):
                for above_owner in owners_above:
                    add(above_owner, part, ref, named=False)
            continue
        above = partial(add, owner, ref=ref, named=False, heading=not lead_owner) if owner else None
        if _sentence(rest, ref, finder, add, preamble=narrative or (has_sections and section is None), above=above,
                     under_unit=bool(item) and owner is not None and not lead_owner and owner == heading_owner):
            continue
        if item and (_topic(rest, finder) or finder.field_heading.match(clean_value(rest))):
            # 'Hình thức', 'Một số yêu cầu cụ thể': the name of a topic, no work; '4. Công tác tổ
            # chức kiểm tra học kì II': a field of work, whose duties are the lines below it
            continue
        if owner and lead_owner and item and finder.describing.match(rest):
            continue  # 'Hồ sơ thanh toán khối lượng GVCN gồm có :', 'Hình thức tư vấn có thể là ...': what, not a duty
        if owner and add(owner, rest, ref, named=False, heading=not lead_owner):
            if pending and lead_owner == pending[1] and not finder.singled.search(pending[2]):
                # the items divide the lead-in's work, unless they only single out parts of it ('...
                # thực hiện nghiêm túc chỉ đạo của UBND tỉnh ...; trong đó lưu ý: a) ... b) ...', TB
                # 565/TB-UBND Quảng Ngãi): then the lead-in is a duty of its own too
                pending = None
            if label:
                detail_of = label
    if block:
        flush_block()
    settle_lead()
    close_section()
    repeated = _repeated(tasks, [row for _, row, _ in read], rules)
    kept = [i for i in range(len(tasks)) if i not in repeated]
    if regulation and finder.national(doc_type, number) and any(under for _, _, under in read):
        # a national regulation that has an article on its execution assigns the work there; its
        # other articles state the procedure that everyone it governs follows, each time, not a
        # duty this document gives ('Điều 5. Quy trình xét duyệt ...' before 'Điều 9. Tổ chức thực
        # hiện', NĐ 339/2025/NĐ-CP; the articles of NĐ 335/2025/NĐ-CP on how a civil servant is
        # rated, before its 'Điều 26. Tổ chức thực hiện'). A province's regulation on who manages
        # what assigns its duties article by article (QĐ 70/2024/QĐ-UBND Hà Nội)
        kept = [i for i in kept if read[i][2]]
    tasks = _addressee_named([tasks[i] for i in kept], lines, finder)
    return tasks, sections, {f"tasks[{n}]": read[i][0] for n, i in enumerate(kept)}


def _addressee_named(tasks: list[Task], lines: Lines, finder: TaskGrammar) -> list[Task]:
    """In a letter to one firm, an owner that is the firm's kind alone ('Công ty', 'Doanh
    nghiệp') is that firm (tasks.addressee_kinds): written as the letter's own duties name it
    ('DNTN Thành Hương Nghĩa Lộ', whose last words the salutation's name ends with), or else as
    the salutation does ('Kính gửi: Công ty cổ phần Mông Sơn', CV 4378/SCT-CN Lào Cai)."""
    if not any(t.owner.casefold() in finder.addressee_kinds for t in tasks):
        return tasks
    salutation = next((ref.text for ref in lines.refs[:40] if KINH_GUI.match(ref.text)), None)
    if salutation is None:
        return tasks
    addressee = clean_value(KINH_GUI.sub("", salutation)).strip(" .;")
    a_firm = any(addressee.casefold().startswith(kind + " ") for kind in finder.addressee_kinds)
    if not a_firm or regex.search(r"[;,]|\s[-–]\s", addressee):
        return tasks  # written to many, or to no firm
    tail = addressee.split()[-2:]
    named = [t.owner for t in tasks if t.owner.casefold() not in finder.addressee_kinds
             and t.owner.split()[-2:] == tail]
    name = max(named, key=named.count) if named else addressee
    return [replace(t, owner=name) if t.owner.casefold() in finder.addressee_kinds else t for t in tasks]


SHORT_WORDS = 4  # a line of the body this short, and without a verb, is a label, not a duty

# 'Label: action', and in a responsibilities section 'Label - Action' ('2.3. Các ủy viên là ... -
# Căn cứ vào kế hoạch ...', KH 20/KH-THPT Nguyễn Bỉnh Khiêm)
# a person's name alone: two to five words, each a capital and small letters
_NAME_ONLY = regex.compile(r"^(?:\p{Lu}\p{Ll}*\s+){1,4}\p{Lu}\p{Ll}*\.?$")
# an item whose text before its colon holds a time of the clock: a slot of a programme
_CLOCK_SLOT = regex.compile(r"^[^:]{0,120}?(?<!\d)\d{1,2}\s*(?:giờ|h)\s*\d{0,2}(?!\d)[^:]{0,60}:\s*")
_LABELLED = regex.compile(r"^(?P<owner>[^:]{3,160}?)(?::|\s+[-–]\s+(?=\p{Lu}))\s*(?P<action>.*)$")


def _office(label: str, action: str, finder: TaskGrammar) -> tuple[str, int] | None:
    """(the office a label names, its length) when the label is a short name with a capital
    and no verb outside its brackets, and the text after it acts."""
    name = finder.aside.sub("", clean_value(label)).strip()
    if (finder.strip.match(name) or (finder.opener and finder.opener.match(name)) or finder.not_office.match(name)
            or finder.grade.fullmatch(name)):
        # a grade of a scale is no office ('- Tốt : hoàn thành 100%', '- Kém : không thực hiện ...',
        # TB 363/TB-ĐHDT Duy Tân)
        return None  # 'Đối với chương trình ...: ...', 'Về tổ chức Cuộc thi: ...', 'Lưu ý: ...'
    members = finder.members.match(name)
    name = members["members"] if members else name
    words = name.split()
    plain = regex.sub(r"\([^)]*\)", "", name)
    if not (0 < len(words) <= 24 and name[0].isupper() and not finder.verb.search(plain)):
        return None
    joined = f"{name} - {action}"
    if any(c.start() <= len(name) < c.end() for c in finder.compounds.finditer(joined)):
        return None  # 'Trung tâm Văn hóa - Thông tin và Thể thao huyện ...': the dash is inside a name
    return (name, len(label)) if finder.opens_duty(action) else None


def _restates(action: str, owner: str, finder: TaskGrammar) -> bool:
    """Whether the action only asks to carry out the letter itself, from its start or right
    after the owner it names ('Sở GDĐT Quảng Nam yêu cầu Thủ trưởng các đơn vị nhanh chóng
    triển khai thực hiện công văn này', CV 2616/SGDĐT-GDTrH)."""
    after_owner = _past_owner(action, owner)
    return bool(finder.restating.match(action) or (after_owner is not None and finder.restating.match(after_owner)))


def _past_owner(action: str, owner: str) -> str | None:
    """What an action says after the owner it names itself (a subject read after an opening
    clause stays in its sentence: 'Tuy nhiên đến nay, Văn phòng Chính phủ chưa nhận được ...');
    None when it does not name it."""
    named_at = action.find(owner) if owner else -1
    return action[named_at + len(owner):].strip(" ,") if named_at >= 0 else None


ARTICLE_TITLE_WORDS = 8  # the longest title of an article read as a name, not as a sentence


def _article_title(rest: str) -> bool:
    """Whether what follows 'Điều N.' is the article's title, a name that gives no work ('Điều 9.
    Thanh tra, kiểm tra' over the clauses of the regulation of QĐ 87/2026/QĐ-UBND Đồng Tháp;
    'Điều 7. Tạm ứng, thanh toán, quyết toán kinh phí', QĐ 02/2025/QĐ-UBND Hà Nội): short, with
    no stop. An article's own sentence gives work ('Điều 2. Bộ Công Thương chủ trì, phối hợp ...',
    NQ 141/NQ-CP, whose text layer breaks it at the page's end, with no stop on its first line)."""
    rest = rest.strip()
    return rest[-1:] not in ".;:…/" and len(rest.split()) <= ARTICLE_TITLE_WORDS


def _boilerplate(text: str, finder: TaskGrammar) -> bool:
    """A sentence that gives no work; a general closing that goes on to a duty of its own, after
    'và' or a semicolon, is work ('... nghiêm túc thực hiện các nội dung tại Công văn này và báo
    cáo kết quả xử lý ... về Bộ GDĐT', CV 1247/BGDĐT-GDCTHSSV; '... căn cứ Kế hoạch này nghiêm
    túc thực hiện; khẩn trương rà soát những hạn chế ...', KH 3070/KH-UBND Bỉm Sơn)."""
    for pattern in finder.boilerplate:
        found = pattern.search(text)
        if found:
            more = regex.search(r"(?:(?<!\p{L})và|;)\s+", text[found.end():])
            if not more:
                return True
            # ... unless that duty is the general one again ('thông báo để Công ty ... được biết và
            # phối hợp triển khai thực hiện./.', CV 1629/SCT-CN Lào Cai)
            duty = found.end() + more.end()
            return not finder.acts_at(text, duty) or bool(finder.generic_action.match(text[duty:]))
    return False


def _segments(refs: list[Ref], finder: TaskGrammar):
    """(line, text) for each line, a line cut in two where a field begins after a sentence
    ('... hệ thống một cửa các cấp… Đơn vị tham mưu thực hiện: Các sở, ngành, địa phương.
    Thời gian hoàn thành trong quí I/2023.', KH 156/KH-UBND An Giang); table rows stay whole."""
    for ref in refs:
        text = ref.text.strip()
        if ref.block == "table" or " | " in text:
            yield ref, text
            continue
        for piece in finder.split_fields(text) or [text]:
            yield ref, piece




def _asks(text: str, finder: TaskGrammar) -> bool:
    """Whether a lead-in asks another unit ('yêu cầu Hiệu trưởng các đơn vị ...'), not the issuer
    saying what it does by issuing ('Phòng GD&ĐT Hiệp Hòa xây dựng kế hoạch ... với nội dung cụ
    thể sau:', KH 21/KH-PGD&ĐT Hiệp Hòa)."""
    return any(not _RECOUNTED.search(text, 0, lead.start()) for lead in finder.lead.finditer(text))


def _lead_action(text: str, owner: str, finder: TaskGrammar) -> str | None:
    """The lead-in's own action, when it names work of its own ('tham gia, chỉ đạo cho đơn vị
    mình, viết tin bài ..., cụ thể như sau:'), not only a pointer to the items ('thực hiện
    một số nội dung sau:', 'triển khai thực hiện như sau:')."""
    at = text.find(owner)
    if at < 0:
        return None
    found = finder.owner_at(text[at:])
    asked = (text[at + found[1]:] if found else "").strip(" ,")
    if finder.pointer_action.match(asked) or finder.with_contents.search(asked):
        # 'tập trung thực hiện một số nhiệm vụ sau:' (CV 7432/UBND-XD Lào Cai); '... nghiêm túc tổ chức
        # triển khai Chiến dịch “45 ngày đêm ...” trên địa bàn Thành phố, với các nội dung trọng tâm sau:'
        # (CT 11/CT-UBND Hà Nội): what is asked is what the items below say, they are the work
        return None
    action = finder.pointer.sub("", asked).strip(" ,:")
    if (len(action.split()) < 4 or not finder.acts_at(action, 0) or finder.generic_action.match(action)
            or _SENTENCE_END.search(action)):  # the colon closes another sentence than the request
        return None
    return action


def _next_text(ref: Ref, lines: Lines) -> str:
    """The text of the line after `ref`, a blank line between them skipped; '' when none."""
    return next((r.text.strip() for r in lines.refs[ref.index + 1:ref.index + 3] if r.text.strip()), "")


def _asks_itself(text: str, owner: str, ref: Ref, lines: Lines, finder: TaskGrammar) -> bool:
    """A lead-in with a colon asks for the items below it, unless no item follows and its own
    verb is no pointer to them ('như sau:', 'các nội dung sau:')."""
    following = _next_text(ref, lines)
    if (not following or _ITEM.match(following) or _TOP.match(following)
            or finder.pointer.search(text) or not _asks(text, finder)):
        return False
    at = text.find(owner)
    return at >= 0 and finder.acts_at(text, at + len(owner) + 1)


def _opens_quoted_text(text: str) -> bool:
    """Whether a quotation left open at the end of a line runs on over the lines below: a
    quoted text opens at the line's end or on a clause of its own ('... quy định về tập sự”
    “1. Trong thời gian tập sự, ...', CV 4646/SGDĐT-TCCB quoting Nghị định 115/2020). A name
    quoted without its closing mark does not ('học tập qua nền tảng “Bình dân học vụ số tại địa
    chỉ ...', CV of the Ban Chỉ đạo of Lâm Đồng)."""
    tail = text[max(text.rfind("“"), text.rfind('"')) + 1:].strip()
    clause = _ITEM.match(tail)
    return not tail or bool(clause and not clause.group("dash"))


def _repeated(tasks: list[Task], rows: list[bool], rules: Rules) -> set[int]:
    """The body's tasks that an assignment table repeats: a plan that assigns its work in a
    table ('Phân công nhiệm vụ theo Phụ lục') may name some of it in the body too ('Giao Công
    an tỉnh tham mưu ...' and the table's row of Công an tỉnh, KH CCHC 2026 of UBND Lâm Đồng);
    the row, with its time and product, stands for both. Same owner, however spelled ('Văn
    phòng Ủy ban nhân dân tỉnh (Trung tâm Phục vụ hành chính công tỉnh)' in the body, 'Văn
    phòng UBND tỉnh' in the row, KH CCHC 2026-2030 of UBND Lâm Đồng; 'Sở GD&ĐT' and 'Sở Giáo dục
    và Đào tạo'), and most of the words shared."""
    units = compiled(rules, UnitMatcher)

    def unit(owner: str) -> set[str]:  # an owner of words the table ignores ('Các đơn vị') as written
        return units.tokens(owner) or {bare(owner)}

    table = [(unit(t.owner), _words(t.action)) for t, row in zip(tasks, rows) if row]
    out = set()
    for i, (task, row) in enumerate(zip(tasks, rows)):
        if row or not table:
            continue
        owner, words = unit(task.owner), _words(task.action)
        # a body duty that says much more than the row (the words they share under a third of its own)
        # is a duty of its own, the row its summary
        # ('Có trách nhiệm phối hợp ... kê khai, đăng ký đất đai; cung cấp đầy đủ, trung thực các thông
        # tin, giấy tờ ...; tạo điều kiện ...' in the body, 'Phối hợp kê khai, đăng ký đất đai; cung cấp
        # đầy đủ hồ sơ, tài liệu' in the Phụ lục of KH 155/KH-UBND Phong Châu)
        if any(o == owner and len(words & w) >= 0.8 * min(len(words), len(w))
               and len(words & w) >= 0.3 * max(len(words), len(w)) for o, w in table):
            out.add(i)
    return out


def _words(text: str) -> set[str]:
    return set(regex.findall(r"\w+", text.casefold()))


def _timed(fields: dict[str, str], times: str, tasks: list[Task], section: str | None) -> list[int]:
    """The tasks above that a lone time field times. A field named for a piece of work times
    that piece: of the last few tasks of its section, the one whose action holds most of the
    words the name adds ('Thời gian nộp bài viết' → the task that 'nộp' a 'bài viết', CV
    459/PGD&ĐT Hiệp Hòa), the nearest on a tie. A field named for the work as a whole ('Thời
    gian thực hiện hoàn thành: Từ tháng 10/2023 đến tháng 12/2023' closing each step of KH
    2198/KH-UBND Bình Thuận) times every task of its step: those of its section back to the one
    an earlier time field dated. None that has a deadline already."""
    if set(fields) != {"deadline"}:
        return []
    above = [i for i in range(len(tasks) - 1, -1, -1) if tasks[i].section == section]
    named = set(regex.findall(r"\w+", bare(times))[2:])  # the words after 'Thời gian'
    if not above:
        return []
    if named <= _WHOLE_WORK:
        step = []
        for i in above:
            if tasks[i].deadline is not None:
                break
            step.append(i)
        return step
    chosen = max(above[:4], key=lambda i: (len(named & set(regex.findall(r"\w+", bare(tasks[i].action)))), i))
    return [chosen] if tasks[chosen].deadline is None else []


_WHOLE_WORK = {"THUC", "HIEN", "HOAN", "THANH", "DU", "KIEN"}  # 'Thời gian (dự kiến) thực hiện, hoàn thành'


def _field_owner(value: str, finder: TaskGrammar) -> str:
    """The owner an owner field names: 'Văn phòng UBND tỉnh chủ trì, phối hợp với Sở ...' ends
    where its verb begins, and at its sentence's end ('Đơn vị tham mưu, thực hiện: Các sở, ngành,
    địa phương. Thực hiện thường xuyên.', KH 156/KH-UBND An Giang)."""
    value = _SENTENCE_END.split(value)[0].rstrip(".")
    named = finder.owner_at(value)
    return named[0] if named else value


TOPIC_LINES = 40  # a topic closed by its owner's block runs over at most this many lines


def _topic_works(lines: Lines, first: int, skip: set[int], finder: TaskGrammar) -> list[tuple[Ref, str]]:
    """The work items of the topic a field block closes, each with its line and its text past
    its label: the items and paragraphs between the topic's numbered heading ('1. Nâng cao vai
    trò ...', a rank above them) and the block's first line (`first`). [] where another block,
    a section's heading or the end of the search comes first, or where no item is deeper than
    the heading. A title among them ('1.1. Về công tác tham mưu, chỉ đạo, triển khai', KH
    156/KH-UBND An Giang) names a part of the topic and is no work: work begins with its verb or
    an opening phrase."""
    works: list[tuple[Ref, str]] = []
    deepest = None

    def work(ref: Ref, text: str) -> None:
        if (finder.acts_at(text, 0) or (finder.opener and finder.opener.match(text))) and not (
                finder.field_heading.match(clean_value(text))):
            works.append((ref, text))

    for ref in reversed(lines.refs[max(0, first - TOPIC_LINES):first]):
        text = ref.text.strip()
        if not text or ref.index in skip:
            continue
        item = _ITEM.match(text)
        body = item.group("rest") if item else text.lstrip("-+•– ")
        if ref.block == "table" or finder.field(body):
            return []
        label = item.group("label") if item else None
        if label and (label[0].isdigit() or label[0] in _GARBLED_DIGITS):
            rank = _depth(label)
            if deepest is not None and rank < deepest:
                return works[::-1]  # the topic's heading
            deepest = rank if deepest is None else max(deepest, rank)
            work(ref, body)
        elif _TOP.match(text) or _CHAPTER.match(text):
            return []  # a section's heading: no topic of numbered items closes here
        else:
            work(ref, body.lstrip("-+•– "))
    return []


def _depth(label: str) -> int:
    """The rank of an item's label: '2' is 1, '2.1' is 2, a letter ('a') lies below them all."""
    return label.count(".") + 1 if label[0].isdigit() or label[0] in _GARBLED_DIGITS else 9


def _names_who_acts(text: str, finder: TaskGrammar) -> bool:
    """Whether a line names the unit that acts: as its subject ('Hiệu trưởng nhà trường thành lập
    ...') or after a lead-in word ('... HĐTN 6: giao GVBM quyết định hình thức kiểm tra.')."""
    if _subject(text, finder, later=False):
        return True
    asked = finder.lead.search(text)
    return bool(asked and finder.named_at(text[asked.end():]))


def _topic(text: str, finder: TaskGrammar, words: int = 6) -> bool:
    """A short item without a verb or a full stop names a topic ('Hình thức', 'Một số yêu cầu
    cụ thể', CV 459/PGD&ĐT Hiệp Hòa; 'Nội dung chương trình', KH 4644/KH-SGDĐT); a bullet's
    heading may run to `words` ('• Yêu cầu về nhiệm vụ thực tập', KH 46/KH-KHMT VKU)."""
    text = clean_value(text)
    return len(text.split()) <= words and not text.endswith((".", ";")) and not finder.verb.search(text)


def _skip_heading(text: str, finder: TaskGrammar) -> bool:
    """A numbered item headed by a word of tasks.skip_items, as a topic or a lead-in: '2. Hình
    thức', '1. Mục đích:'. The words of the heading may hold a verb of their own ('1. Tiêu chuẩn
    đánh giá', KH 2312/KH-SGDĐT Gia Lai): only what follows them must have none."""
    key = bare(text)
    if finder.names_powers(text):
        return _short_heading(text)  # '8. Thẩm quyền Chủ tịch Hội đồng sáng kiến': powers (rules power_items)
    word = next((s for s in finder.skip_items if key.startswith(s)), None)
    if word is None:
        return False
    tail = text[len(word):]
    # ... and name no unit: '4. Yêu cầu đối với các trường THCS' heads the schools' duties (CV
    # 1357/PGDĐT Long Điền)
    names_unit = any(finder.unit_start.match(tail[gap.end():]) for gap in regex.finditer(r"\s+", tail))
    return _topic(text, finder) or text.endswith(":") or (_topic(tail, finder) and not names_unit)


def _section_owner(title: str, finder: TaskGrammar) -> str | None:
    """The unit a section's title names as the one it is for, as printed ('CƠ SỞ GIÁO DỤC' of 'I.
    ĐỐI VỚI CƠ SỞ GIÁO DỤC'), or None: a title in capitals is read in small letters."""
    text = title.rstrip(" :")
    readable = text[:1] + text[1:].lower() if text.isupper() else text
    found = finder.owner_at(readable)
    if not found or not _is_heading(readable, found):
        return None
    at = readable.find(found[0])
    return text[at:at + len(found[0])] if at >= 0 else found[0]


def _has_subject(text: str, finder: TaskGrammar) -> bool:
    """'..., Sở GDĐT hướng dẫn ...': a clause after a comma with a unit and its verb (then
    'Đối với ...' opens a sentence, not a heading)."""
    for comma in regex.finditer(r",\s+", text):
        if regex.search(r"(?<!\p{L})được\s", text[:comma.start()]):
            continue  # 'đã được Sở GD&ĐT, UBND tỉnh đánh giá': the agents of a passive, no subject
        found = finder.owner_at(text[comma.end():])
        if found and finder.acts_at(text, comma.end() + found[1]):
            return True
    return False


def _names_only(text: str, finder: TaskGrammar) -> bool:
    """'Các trường mầm non: Thái Sơn, Hương Lâm': names of members, no work."""
    parts = [p.strip() for p in regex.split(r"[,;]", text.strip(" .;")) if p.strip()]
    return (bool(parts) and not finder.verb.search(text)
            and all(p[:1].isupper() and len(p.split()) <= 4 for p in parts))


_BRACKET_OWNER = regex.compile(r"^(?P<work>.*\S)\s*\((?P<unit>[^()]{2,80})\)\s*[.;]?\s*$")
BRACKET_OWNED_ITEMS = 3  # a plan that names its units so does it item after item


def _bracket_owners(lines: Lines, start: int, skip: set[int], finder: TaskGrammar) -> dict[int, tuple[str, str]]:
    """{line: (owner, work)} of the items that end with the unit that does them in brackets:
    '(2) Cải cách thể chế (Vụ Pháp chế).', '+ Triển khai chương trình, kế hoạch thực hiện Nghị quyết
    số 01/NQ-CP của Chính phủ (Vụ Kế hoạch).' (QĐ 2537/QĐ-BNN-TCCB, the plan on the reform index: one
    document so far).
    Read only where a document does it item after item: a single name in brackets after another
    says which part of it is meant ('- Phối hợp với Vụ Cải cách hành chính (Bộ Nội vụ).'), and
    work that has a subject of its own keeps it."""
    found: dict[int, tuple[str, str]] = {}
    for ref in lines.refs[start:]:
        item = _ITEM.match(ref.text) if ref.index not in skip else None
        owned = _BRACKET_OWNER.match(item.group("rest")) if item else None
        if not owned:
            continue
        unit, work = clean_value(owned["unit"]), clean_value(owned["work"])
        if (finder.unit_start.match(unit) and finder.without_work(unit)
                and not finder.owner_at(work) and len(work.split()) >= 2):
            found[ref.index] = (unit, work)
    return found if len(found) >= BRACKET_OWNED_ITEMS else {}


_ITEM_MARK = regex.compile(r"^[-+•–]\s+")
_ROW_LABEL = regex.compile(r"^(?:\d+(?:\.\d+)*\.?|[IVXL]{1,5}|[a-zđ]\))$")  # '1', '2.1.', 'IV', 'a)'


def _lead_by_place(roles: list[str | None], cells: list[str]) -> list[str | None]:
    """The roles of a header's columns, the lead's found by its place when its name is not read.
    An assignment table puts the lead bodies' column just before the partners' ('Cơ quan chủ trì |
    Cơ quan phối hợp', QĐ 146/QĐ-TTg and KH 289/KH-UBND Gia Lai; 'Sở, ngành chủ trì tham mưu | Đơn
    vị phối hợp thực hiện', the KH of UBND Lào Cai on Chỉ thị 11-CT/TU): a named column there that no
    field name reads is the lead's (the OCR of QĐ 707/QĐ-TTg read 'Bộ ngành chủ trì' as 'Pộ ngành')."""
    if "owner" in roles or "partner" not in roles:
        return roles
    at = roles.index("partner")
    if at == 0 or roles[at - 1] is not None or not cells[at - 1].strip():
        return roles
    return [*roles[:at - 1], "owner", *roles[at:]]


def _sub_header(header: list[str], columns: list[str | None], cells: list[str],
                finder: TaskGrammar) -> tuple[list[str | None], frozenset[int]] | None:
    """The roles of a table's columns read again from the row under its header, when a header
    cell spans several columns and that row names each ('Đơn vị thực hiện' over 'Chủ trì |
    Phối hợp'; 'Cấp trình và thời gian trình' over 'Bộ trưởng | Chính phủ | Thủ tướng Chính
    phủ', the appendices of QĐ 59/QĐ-BTNMT); with the columns a head spans whose cell below
    names no role of its own, each taking the head's role. None when the row is a row of data.

    A scraper writes the spanned columns of the header empty; the row below either keeps every
    column, those the tall cells of the header fill left empty ('| | Theo NQ 01 | | Chủ trì |
    Phối hợp |'), or leaves those out and holds only the names of the spanned columns ('| Chủ
    trì | Phối hợp | |', the same decision's fourth appendix)."""
    groups: list[list[int]] = []
    for at, cell in enumerate(header):
        if cell or not groups:
            groups.append([at])
        else:
            groups[-1].append(at)
    wide = [at for group in groups if len(group) > 1 for at in group]
    filled = [at for at, cell in enumerate(cells) if cell]
    if not wide or not filled or _ROW_LABEL.match(cells[0]):
        return None
    if all(at in wide for at in filled):
        below = dict(enumerate(cells))
    elif len(filled) <= len(wide) and all(not cell for cell in cells[len(wide):]):
        below = dict(zip(wide, cells))
    else:
        return None
    roles, spanned = list(columns), set()
    roles += [None] * (len(header) - len(roles))
    for group in groups:
        for at in group[1:] if len(group) > 1 else ():
            named = finder.column(below.get(at, "")) if below.get(at) else None
            roles[at] = named or roles[group[0]]
            if not named:
                spanned.add(at)
        if len(group) > 1 and below.get(group[0]):
            roles[group[0]] = finder.column(below[group[0]]) or roles[group[0]]
    return roles, frozenset(spanned)


def _split_number_cell(cells: list[str]) -> list[str]:
    """'STT Họ và tên | Chức vụ | Nhiệm vụ': a PDF's text layer may join the narrow number
    column to the next cell; the rows ('1 | Nguyễn Văn A | PHT | TV') keep them apart."""
    first = regex.match(r"^(?P<n>S?TT)\s+(?P<rest>\S.*)$", cells[0])
    return [first["n"], first["rest"], *cells[1:]] if first else cells


def _short_heading(text: str, words: int = 12) -> bool:
    text = clean_value(text)
    return 0 < len(text.split()) <= words and not text.endswith((".", ";", ":", ","))


LONG_HEADING_WORDS = 24  # a unit named with what it does, over its lettered duties


def _duties_listed(ref: Ref, lines: Lines, finder: TaskGrammar) -> bool:
    """Whether the next line is a lettered item with no subject of its own ('a) Thu, nộp tiền
    đóng góp Quỹ ...'): a duty, whose owner the line above names."""
    following = _next_text(ref, lines)
    item = _ITEM.match(following)
    rest = item.group("rest").strip() if item else ""
    lettered = bool(item) and bool(item.group("label")) and item.group("label")[:1].isalpha()
    return lettered and rest[:1].isupper() and finder.owner_at(rest) is None


def _duty_follows(ref: Ref, lines: Lines, finder: TaskGrammar) -> bool:
    """Whether the next line is a paragraph of duty with no subject of its own: it opens with a
    capital and a verb ('Có trách nhiệm phối hợp ...', 'Chủ trì, phối hợp ...')."""
    following = _next_text(ref, lines)
    return (following[:1].isupper() and not _ITEM.match(following) and finder.acts_at(following, 0)
            and finder.owner_at(following) is None)


def _names_a_unit(text: str, finder: TaskGrammar) -> bool:
    """A short item that names, with capitals and without a verb or a full stop, a body
    under a section that assigns the execution: a unit heading whatever its first word
    ('2. Liên đoàn Vovinam Việt Nam', '3. Công ty TNHH Nestlé Việt Nam')."""
    text = clean_value(text).rstrip(":")
    words = text.split()
    return (0 < len(words) <= 10 and text[0].isupper() and not text.endswith((".", ";"))
            and not finder.verb.search(text) and sum(w[0].isupper() for w in words) >= 2)


def _heading(text: str) -> str | None:
    """An outline heading is short; an item that is a whole sentence has none (gold convention)."""
    text = clean_value(text)
    return text if text and len(text) <= 120 and not text.endswith((".", ";")) else None


def _is_heading(rest: str, found: tuple[str, int]) -> bool:
    owner, stop = found
    # a note in brackets after the name qualifies it ('a) Chi cục Hải quan nơi đăng ký tờ khai (nơi
    # đi):', CV 778/TCHQ-GSQL, one document so far): still a heading
    tail = _BRACKETED_NOTE.sub("", rest[stop:]).strip(" :")
    # a heading that is only a name may end with a full stop ('3. Trách nhiệm của Chủ đầu tư, ...
    # Ban quản trị nhà chung cư.', QĐ 33/2025/QĐ-UBND Hà Nội)
    # a heading may list several units ('8. Các sở, ban, ngành; UBND các xã, phường, đặc khu;
    # các cơ quan, đơn vị có liên quan', KH tuyên truyền CCHC 2026 of UBND Lâm Đồng)
    # or with commas ('3. Trách nhiệm của Sở Tài nguyên và Môi trường, Sở Nông nghiệp và Phát triển
    # nông thôn và các cơ quan có liên quan:', QĐ 66/2021/QĐ-UBND An Giang), each name short; a line
    # that a table's cells ran into is none ('1. Ban Giám hiệu, giáo viên lượng fan đông nhờ tài và
    # học sinh nhà trường năng và cá tính riêng biệt hơn nữa', KH 4644/KH-SGDĐT)
    # as long as it takes when each is a body's proper name ('13. Đề nghị Ủy ban Mặt trận Tổ quốc
    # Việt Nam tỉnh, Liên đoàn Lao động tỉnh, Hội Nông dân tỉnh, Tỉnh đoàn, Hội liên hiệp Phụ nữ tỉnh,
    # Hội Cựu chiến binh tỉnh' over their dashes, KH 108/KH-UBND Đắk Lắk)
    words = len(owner.split())
    names = regex.split(r",\s*|\s+và\s+(?=các\s|\p{Lu})", owner)
    listed = ";" in owner or (len(names) > 1 and all(len(name.split()) <= 16 for name in names))
    proper = 1 < len(names) <= HEADING_NAMES and all(name[:1].isupper() and len(name.split()) <= PROPER_NAME_WORDS
                                                     for name in names)
    # the bound holds for each of the parts semicolons set apart ('3. Các sở, ban, ngành, các đoàn thể chính trị -
    # xã hội; Uỷ ban nhân dân các huyện, thị xã, thành phố và các cơ quan, đơn vị có liên quan:' over a) to đ),
    # QĐ 31/2023/QĐ-UBND Hà Nam; the Lâm Đồng heading above)
    parted = ";" in owner and all(len(part.split()) <= 24 for part in owner.split(";"))
    return not tail and (words <= 16 or (listed and (words <= 24 or proper or parted))) and not rest.endswith(";")


HEADING_NAMES = 8  # the most bodies a heading lists by their proper names
PROPER_NAME_WORDS = 10  # the longest proper name of a body in such a list ('Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh')


_BRACKETED_NOTE = regex.compile(r"^\s*\([^()]{1,40}\)")
_TRAILING_NOTE = regex.compile(r"\s*\([^()]{41,300}\)\s*(:?)$")  # a short note is part of the name


# an agenda item's last part after a spaced dash: who does the work before it
_TRAILING_OWNER = regex.compile(r"\s[-–]\s+(?P<tail>[^-–]{3,120}?)[.;]?$")


def _lead_owner(text: str, finder: TaskGrammar) -> tuple[str | None, tuple[str, int] | None]:
    """(the owner of the items below a lead-in, the unit that directs them with where its
    own duty starts, or None when no other unit directs)."""
    # the lead-in is the sentence its colon ends; the sentences before it in the paragraph tell what
    # led to the letter, and a request they retell is no lead-in ('... Trong đó Công ty đề nghị Sở Công
    # Thương hướng dẫn các nội dung, thủ tục tiếp theo .... Sau khi nghiên cứu, Sở Công Thương có ý
    # kiến như sau:', CV 2826/SCT-CN Lào Cai, one document so far). A last sentence that only points
    # ('... tiếp tục tăng cường việc ứng dụng công nghệ thông tin trong thực hiện KĐCLGD. Cụ thể như
    # sau:', CV 5778/BGDĐT-QLCL) leaves the lead-in in the sentence before it.
    ends = [0, *(end.end() for end in _SENTENCE_END.finditer(text))]
    while len(ends) > 1 and len(text[ends[-1]:].split()) <= _POINTER_WORDS:
        ends.pop()
    before, text = text[:ends[-1]], text[ends[-1]:]
    opened = finder.opener.match(text) if finder.opener else None
    parted = text.find(";", opened.end()) if opened else -1
    if parted >= 0 and finder.responsible.match(text[parted + 1:].strip()):
        # an opening of basis closed by a semicolon ('1. Trên cơ sở những nhiệm vụ chủ yếu trong Kế hoạch
        # này; Giám đốc các Sở, ..., Chủ tịch UBND các huyện, thành phố có trách nhiệm:', QĐ 335/QĐ-UBND
        # Ninh Thuận, one document so far): the subject after it leads the items
        before, text = text[:parted + 1], text[parted + 1:].strip()
    heading = finder.responsible.match(text)
    if heading and not finder.lead.match(text):
        # 'b) Tổ chức làm nhiệm vụ bồi thường có trách nhiệm:' (TB 04/TB-UBND An Phú); after an
        # opening phrase the owner is the subject after its comma ('Căn cứ quy mô đào tạo, điều
        # kiện thực tế của cơ sở, ..., người đứng đầu cơ sở hoạt động giáo dục nghề nghiệp có
        # trách nhiệm:', TT 05/2026/TT-BGDĐT)
        framed = finder.after_opener(text, small_posts=True)
        owner = framed[0] if framed else clean_value(heading["owner"])
        # a role said to be held by a body names that body: 'Cơ quan thường trực Hội đồng Sáng kiến
        # cấp tỉnh là Sở Khoa học và Công nghệ, có trách nhiệm:', and '... là phòng Kinh tế/ Kinh tế và
        # Hạ tầng các huyện, thành phố. Cơ quan này có trách nhiệm:' points back to it (QĐ
        # 28/2023/QĐ-UBND Đồng Tháp, one document so far)
        held = finder.held_by.search(owner) or (
            finder.this_body.match(owner) and finder.held_by.search(before.rstrip(" .")))
        if held and finder.unit_start.match(held["body"]):
            owner = held["body"]
        return owner, None
    for lead in finder.lead.finditer(text):  # 'an toàn giao thông' holds a 'giao' that asks nothing
        if _RECOUNTED.search(text, 0, lead.start()):
            continue  # 'Bộ GDĐT đã yêu cầu các Sở ...': an earlier request recounted (CV 1061/BGDĐT-GDTrH)
        found = finder.owner_at(text[lead.end():])
        if found:
            return found[0], None
    issuer_directs = finder.directs_after.search(text) if finder.pointer.search(text) else None
    if issuer_directs:
        # '...; Phòng GD&ĐT Châu Thành chỉ đạo các trường trung học cơ sở (THCS) thực hiện các nội
        # dung cụ thể như sau:' (CV 231/PGD&ĐT-THCS Châu Thành): the units directed do the items,
        # a list of them however long, to the verb of their work ('chỉ đạo và đôn đốc phòng GD&ĐT
        # các huyện, thành phố và các cơ sở giáo dục trực thuộc, ... thực hiện', CV 1019/SGDĐT-VP)
        behind = text[issuer_directs.end():]
        directed = finder.owner_at(behind)
        verb = finder.verb.search(behind)
        if directed is None and verb and finder.unit_start.match(behind):
            directed = (clean_value(behind[:verb.start()]).rstrip(" ,"), verb.start())
        if directed:
            return directed[0], None
    # the subject may follow an opening phrase ('Để tổ chức tốt và hiệu quả Lễ Khai giảng ..., các
    # cơ sở giáo dục thực hiện các nội dung sau:', CV 1019/SGDĐT-VP Hà Giang)
    responsible = _RESPONSIBLE.search(text)
    found = finder.owner_at(text) or finder.after_opener(text, small_posts=bool(responsible))
    if found and (responsible or regex.search(r"thực\s+hiện\s+(?:các\s+)?(?:nội\s+dung|nhiệm\s+vụ)", text)
                  or _leads_as_lead_unit(text, found, finder)):
        directed = _directed(text, found, finder)
        return (directed, found) if directed else (found[0], None)
    return None, None


_RESPONSIBLE = regex.compile(r"(?:có|chịu)\s+trách\s+nhiệm|có\s+nhiệm\s+vụ")
_KIND_COLON = regex.compile(r"^(?P<head>[^:]{3,40}):\s*\S")  # 'Các sở: ...'
_POINTER_WORDS = 4  # 'Cụ thể như sau:', 'Nội dung cụ thể như sau:' name nobody
_LEAD_ROLE = regex.compile(r"chủ\s+trì(?:,?\s+phối\s+hợp\s+với\s+(?P<partners>[^:;.]+?))?"
                          r"(?:\s+(?:thực\s+hiện|triển\s+khai))?\s*:\s*$")


def _leads_as_lead_unit(text: str, found: tuple[str, int], finder: TaskGrammar) -> bool:
    """'1. Ủy ban Dân tộc chủ trì, phối hợp với các bộ, ngành, cơ quan liên quan:' over a) b) c)
    (QĐ 752/QĐ-TTg, one document so far): a unit's role in the work, and the bodies it works
    with, over the items that are its duties. Not a lead-in that holds work of its own before its
    colon ('... chủ trì, phối hợp với các sở, ban, ngành liên quan tiếp tục tổ chức chương
    trình ...:', KH tuyên truyền CCHC 2026 of UBND Lâm Đồng). The role alone leads as well: 'a) Sở Lao
    động-Thương binh và Xã hội chủ trì:' over its dashes (QĐ 335/QĐ-UBND Ninh Thuận)."""
    role = _LEAD_ROLE.match(text, found[1])
    return bool(role) and (role["partners"] is None or finder.without_work(role["partners"]))


def _directed(text: str, found: tuple[str, int], finder: TaskGrammar) -> str | None:
    """'UBND các tỉnh chỉ đạo Sở LĐTBXH phối hợp ... thực hiện các nội dung sau:': the unit
    directed does the items below; the one directing has the duty to direct."""
    directs = finder.directs.match(text, found[1])
    if directs:
        unit = finder.owner_at(text[directs.end():])
        if unit:
            return unit[0]
    return None


def _sentence(text: str, ref: Ref, finder: TaskGrammar, add, preamble: bool = False, above=None,
              under_unit: bool = False) -> bool:
    """Tasks that a sentence gives by itself: 'Đề nghị X ...', '(Giao X chủ trì ...)', subject X.

    In the preamble (before the first section of a document that has sections) only a
    lead-in assigns: a unit as subject there is the issuer saying what it does by issuing
    ('Nhà trường xây dựng Kế hoạch ..., cụ thể như sau:', 'Phòng GDĐT ... xây dựng Kế
    hoạch ... với các nội dung sau:'). `above` takes the sentences before the first subject,
    which belong to the owner above."""
    giao = finder.giao.search(text)
    if giao and not _RECOUNTED.search(text, 0, giao.start()):
        add(clean_value(giao.group("owner")), text, ref)
        return True
    done = False
    # the subject may follow an opening phrase ('Trên cơ sở báo cáo tự đánh giá ..., phòng GDĐT
    # tiếp nhận, kiểm tra hồ sơ ... nếu đủ điều kiện đề nghị Sở GDĐT thành lập đoàn ...', CV
    # 2446/SGDĐT Gia Lai; 'Kết thúc năm học các cụm, khối thi đua ... đánh giá, lựa chọn ... đề
    # nghị Sở xét khen thưởng', KH 2312/KH-SGDĐT Gia Lai): what it proposes is its own duty
    subject = finder.owner_at(text) or finder.after_opener(text)
    for lead in finder.lead.finditer(text):
        if _RECOUNTED.search(text, 0, lead.start()):
            continue  # 'Phó Thủ tướng đã giao Bộ ...': an earlier assignment recounted
        if subject and subject[1] <= lead.start() and finder.verb.search(text, subject[1], lead.start()):
            # the subject already acts: what it asks of others is its duty ('Sở Giáo dục và Đào
            # tạo, ...; UBND các huyện ... chỉ đạo các cơ quan, đơn vị liên quan khẩn trương yêu cầu
            # tất cả các trẻ mầm non, học sinh ... phải khai báo y tế', CV 2532/UBND-KGVX Quảng
            # Nam; 'Thủ trưởng các đơn vị chỉ đạo ..., yêu cầu giáo viên ...')
            continue
        if (under_unit and subject is None and not finder.request.match(lead.group(0).strip())
                and (lead.start() == 0 or finder.verb.search(text, 0, lead.start()))):
            # an item under a unit's heading that asks others asks them as that unit's duty: the
            # units asked are those the unit manages, not owners of this document ('9. Sở Nông
            # nghiệp và Môi trường' ... '- Yêu cầu các đơn vị hoạt động khai thác khoáng sản đầu
            # tư, lắp đặt ...', '... đồng thời yêu cầu các tổ chức, cá nhân hoạt động khoáng sản
            # chấp hành ...', KH of UBND Lào Cai on Chỉ thị 11-CT/TU, 2026). 'Đề nghị' asks a body
            # the issuer does not direct, for the issuer: that body owns the work ('- Đề nghị các cơ
            # quan báo, đài trên địa bàn Tỉnh tổ chức tuyên truyền ...' under 'Sở Thông tin và
            # Truyền thông', KH 349/KH-UBND Đồng Tháp)
            continue
        # 'Giao X ...' in a decision or resolution gives X work whatever X's first word
        # ('Giao Thường trực Hội đồng nhân dân Thành phố ... giám sát ...', NQ 11/2025/NQ-HĐND
        # Hà Nội; 'giao Giám đốc Công an tỉnh chỉ đạo ...', QĐ 254/QĐ-UBND Sơn La)
        behind = text[lead.end():]
        giao = lead.group(0).strip().casefold() == "giao"
        # 'Giao cho X ...' is 'Giao X ...' ('Giao cho Văn phòng Sở - Bộ phận Tổ chức cán bộ ... chủ
        # trì, phối hợp ...', TB 1709/TB-SGDĐT Quảng Nam; 'Giao cho Thủ trưởng các cơ sở giáo dục
        # chịu trách nhiệm ...', CV 878/SGDĐT-VP Quảng Nam)
        to = _TO.match(behind) if giao else None
        skip = to.end() if to else 0
        found = finder.named_at(behind[skip:]) if giao else finder.owner_at(behind)
        if found:
            owner, stop = found
            # a later sentence with a subject of its own is that subject's ('Sở GDĐT Quảng Nam yêu
            # cầu Thủ trưởng các đơn vị nhanh chóng triển khai .... Trong quá trình thực hiện nếu có
            # vấn đề vướng mắc, các đơn vị báo cáo về Sở GDĐT ...', CV 2616/SGDĐT-GDTrH Quảng Nam)
            parts = _SENTENCE_END.split(text[lead.end() + skip + stop:])
            subjects = [None] + [_subject(part, finder, later=True) for part in parts[1:]]
            # ... and so is one that asks a unit of its own, taken at its own lead-in ('Yêu cầu
            # Trưởng phòng GDĐT các đơn vị triển khai thực hiện kịp thời. Trong quá trình thực
            # hiện, nếu có khó khăn, vướng mắc, đề nghị các đơn vị báo cáo ...', CV 2446/SGDĐT Gia Lai)
            asks = [False] + [bool((ask := finder.lead.search(part)) and finder.owner_at(part[ask.end():]))
                              for part in parts[1:]]
            own = next((i for i, subject in enumerate(subjects) if subject or asks[i]), len(parts))
            add(owner, ". ".join(parts[:own]), ref)
            for later in subjects[own:]:
                if later:
                    add(later[0], later[1], ref)
            done = True
    if done or preamble:
        return done
    # each sentence with a subject of its own is that subject's task, with the sentences after
    # it that have none ('Mỗi đơn vị chọn ít nhất 01 bài viết, tin nộp về phòng GD&ĐT. Phòng
    # GD&ĐT rà soát, lựa chọn ...', CV 459/PGD&ĐT Hiệp Hòa; 'Điều 2. Tài liệu được đăng tải trên
    # Cổng. Các Sở GDĐT ... khai thác, sử dụng ...'); a first sentence without one belongs to
    # the owner above, not to a subject found later
    when = None
    timed = finder.time_first.match(text)
    if timed:
        # a schedule line: its time, a colon, then who does what ('- Từ ngày 27/12/2021 đến
        # 30/12/2021: Các Sở GDĐT nhận Công văn và triển khai cuộc thi ...', '- Tháng 02/2022: Ban
        # Giám khảo tổ chức chấm thi ...', CV 6103/BGDĐT-GDTrH): the time is the task's deadline
        when, text = timed.group("when"), text[timed.end():]
    parts = _SENTENCE_END.split(text)
    subjects = [_subject(part, finder, later=i > 0) for i, part in enumerate(parts)]
    first = next((i for i, found in enumerate(subjects) if found), None)
    if first and above is not None and not finder.describing.match(parts[0]):
        # 'a) Đối với chương trình ...: Định kỳ phát sóng .... Trong quá trình triển khai thực hiện,
        # Sở Nội vụ phối hợp ...' under '1. Sở Nội vụ' (KH tuyên truyền CCHC 2026 of UBND Lâm Đồng);
        # unless they say what something is (tasks.describing_items: '11. Hình thức tư vấn có thể
        # là gặp trực tiếp, .... Tối thiểu mỗi giảng viên có 2 buổi/1 tháng ...', TB 363/TB-ĐHDT)
        above(". ".join(parts[:first]))
    for i, found in enumerate(subjects):
        if found is None:
            continue
        following = next((j for j in range(i + 1, len(parts)) if subjects[j]), len(parts))
        add(found[0], ". ".join([found[1], *parts[i + 1:following]]), ref, when=when)
        done = True
    return done




def _acts_after_opener(text: str, finder: TaskGrammar) -> bool:
    """Whether a sentence opens with its work: a verb, or a verb after an opening phrase and its
    comma ('Căn cứ tình hình thực tế của cơ quan, đơn vị, địa phương, xây dựng kế hoạch ...')."""
    opener = finder.opener.match(text) if finder.opener else None
    if not opener:
        return finder.verb.match(text) is not None
    # the phrase ends at one of its commas, in the first sentence ('..., thi cử, sinh hoạt ...' of a
    # later sentence says nothing of the first)
    end = _SENTENCE_END.search(text)
    return any(finder.verb.match(text, comma.end())
               for comma in _OPENER_COMMA.finditer(text, opener.end(), end.start() if end else len(text)))


_OPENER_COMMA = regex.compile(r",\s*")  # where an opening phrase may end


def _subject(sentence: str, finder: TaskGrammar, later: bool) -> tuple[str, str] | None:
    """(the unit that is the subject of a sentence, its action) or None. The action keeps an
    opening phrase before the subject ('Căn cứ nội dung điều chỉnh này, các đơn vị trường học
    vận dụng ...', CV 348/SGDĐT-GDTH Bắc Giang). A sentence that ends with a colon announces
    what follows: after 'Căn cứ ...' its subject is the issuer framing its document ('Căn cứ
    Quyết định số 736/QĐ-BGDĐT ..., Sở GD&ĐT hướng dẫn ..., cụ thể như sau:')."""
    if later and finder.strip.match(sentence) and not finder.after_opener(sentence):
        return None  # 'Đối với các cơ sở điều dưỡng: báo cáo ...' says what, not who
    found = finder.owner_at(sentence)
    if found and found[1] < len(sentence) and finder.acts_at(sentence, found[1]):
        return found[0], sentence[found[1]:]
    announces = sentence.rstrip().endswith(":") and not finder.contact.search(sentence.rstrip())
    then = finder.main_clause_after_condition(sentence)
    if then:
        # 'Trường hợp tổ chức, hộ gia đình, cá nhân không chấp hành ... thì Nhà nước triển khai kiểm
        # đếm bắt buộc' (TB 04/TB-UBND An Phú): who fails the condition is no subject; the main
        # clause after 'thì' has it, if any ('Trường hợp không đảm bảo tiến độ thì Sở ... báo cáo')
        found = finder.owner_at(sentence[then.end():])
        return (found[0], sentence) if found and finder.acts_at(sentence[then.end():], found[1]) else None
    found = finder.after_opener(sentence) if not announces else None
    if found:
        return found[0], sentence
    # a run-in label that names the work, then a sentence with its own subject: the subject acts
    # ('b) Sơ kết phong trào thi đua: Sở Giáo dục và Đào tạo sơ kết, xét khen thưởng ...', KH
    # 2312/KH-SGDĐT Gia Lai; 'Về tổ chức Cuộc thi tìm hiểu về cải cách hành chính: Sở Nội vụ chủ
    # trì, ...', KH tuyên truyền CCHC 2026 of UBND Lâm Đồng). A label without a verb names no work
    # but a place, a form or a step ('Địa điểm: Phòng tiếp công dân ...', TB 173/TB-SGDĐT Hà
    # Giang; 'Mẫu CVHT-02 : CVHT tổng hợp ...', TB 363/TB-ĐHDT; 'Bước 1: Văn thư tiếp nhận ...',
    # the notes that restate the steps of QĐ 3990/QĐ-SYT Gia Lai)
    run_in = _RUN_IN.match(sentence)
    # a label whose verb takes a plural object ('các ...') announces its members, not a clause:
    # 'đ) Tham gia các Ban Chỉ đạo, Hội đồng, Ủy ban, Hội, Hiệp hội: Ban chỉ đạo ...; Hiệp hội
    # Thiết bị Giáo dục Việt Nam; ...', 'b) Phụ trách các đơn vị: Vụ Giáo dục Tiểu học; ...' (QĐ
    # 1844/QĐ-BGDĐT: the bodies a Thứ trưởng sits on and leads, one document so far)
    named = (run_in and finder.verb.search(sentence, 0, run_in.end())
             and not _PLURAL_OBJECT.search(sentence, 0, run_in.end()))
    found = finder.owner_at(sentence[run_in.end():]) if named else None
    if found and finder.acts_at(sentence, run_in.end() + found[1]):
        return found[0], sentence
    return None


# a plural object in a run-in label: 'các' before a noun ('Phụ trách các đơn vị:')
_PLURAL_OBJECT = regex.compile(r"(?<!\p{L})các\s+\p{L}")
# a short label and its colon before a sentence that opens with a capital; a label of place says
# where, and the name after it is the place ('Nơi tiếp công dân: Phòng tiếp công dân (Tầng 1) ...',
# TB 173/TB-SGDĐT Hà Giang)
_RUN_IN = regex.compile(r"^(?!(?:Nơi|Địa\s+điểm|Địa\s+chỉ)\s)\p{Lu}[^:;.()]{2,60}?:\s+(?=\p{Lu})")


_CLOSING_QUOTE = regex.compile(r'[”"]')
_WORD = regex.compile(r"\p{L}{2}")
_THING_MUST = regex.compile(r"^(?P<subject>\p{Lu}[^\s,;:]*(?:\s+[^\s,;:]+){0,6}?)\s+(?:cần\s+)?phải\s")
# a table's group label: a part numbered in Roman numerals or capitals ('VI | Xây dựng và phát
# triển chính quyền điện tử, chính quyền số', KH CCHC 2026 of UBND Lâm Đồng; 'I | Giai đoạn
# 2021-2025', KH 1254/KH-BGDĐT) heads the rows below it even when its words hold a verb
_GROUP_LABEL = regex.compile(r"^\s*(?:[IVXL]{1,5}|[A-ZĐ])\s*[.)]?\s*$")  # capitals: 'a', 'b' number sub-items
# a lead after 'đã' recounts an assignment made before ('Phó Thủ tướng đã giao Bộ ...'); after
# 'về việc' it is the subject of another paper, named ('bút phê chỉ đạo của Chủ tịch UBND tỉnh
# về việc giao Sở Nội vụ chủ trì ...', CV 5174/SNV-CCVC Gia Lai; 'Tờ trình số 570/Ttr-STNMT ...
# về việc đề nghị phê duyệt kế hoạch kiểm tra ...', QĐ of UBND tỉnh Sơn La): neither asks now
# A lead after 'trong đó' retells what the document just cited holds ('Thực hiện Kế hoạch số 306/KH-UBND
# ... của UBND tỉnh ...; trong đó, UBND tỉnh giao Sở Nông nghiệp và Môi trường chủ trì hướng dẫn ...',
# CV 8719/SNNMT-QLĐĐ Gia Lai; 'Văn bản số 01/CV-MS ... của Công ty ... Trong đó Công ty đề nghị Sở Công
# Thương hướng dẫn ...', CV 2826/SCT-CN Lào Cai): the letter's own work comes after it. With no
# subject of its own the lead is the document's ('Trong đó giao Giám đốc Công an tỉnh chỉ đạo thực
# hiện:' under '1. Công an tỉnh', QĐ 254/QĐ-UBND Sơn La)
# A lead in the same clause as a numbered paper said to have been sent retells what that paper
# asked ('ngày 16/8/2018 Bộ Lao động - Thương binh và Xã hội đã có Công văn số 3395/LĐTBXH-KHTC gửi
# Tổng công ty Bưu điện Việt Nam về việc ... và đề nghị Tổng công ty Bưu điện Việt Nam cần có các giải
# pháp ...', CV 5115/LĐTBXH-KHTC; 'Bộ Công an đã có Văn bản số 787/C06-P3 ngày 29/01/2026 đề nghị Cục
# Đăng kiểm Việt Nam ban hành ...', CV 3686/UBND-XD Lào Cai)
_RECOUNTED = regex.compile(r"(?<!\p{L})(?:đã|về\s+việc)\s+$"
                           r"|(?<!\p{L})[Tt]rong\s+đó\s*,?\s+(?:[^\s,;.:]+\s+){1,6}$"
                           r"|(?<!\p{L})đã\s+(?:có|ban\s+hành|gửi)\s+(?:[Cc]ông\s+văn|[Vv]ăn\s+bản|[Tt]ờ\s+trình"
                           r"|[Tt]hông\s+báo)\s+số\s+[^.;:]*$")
_TO = regex.compile(r"\s*cho\s+(?=\p{L})")  # 'giao cho' + a name or a post
# a sentence ends at a full stop after a small letter, a digit, a bracket or an acronym
# of three capitals or more ('... mất BMNN. Đối với ...', '... nộp về Phòng GD&ĐT. Phòng ...');
# 'TP. Hồ Chí Minh' goes on
_SENTENCE_END = regex.compile(r"(?:(?<=[\p{Ll}\d)])|(?<=[\p{Lu}&]{2}\p{Lu}))\.\s+(?=\p{Lu})")
_LIST = regex.compile(r"^(?P<lead>[^:]{0,200}):\s*(?P<items>.+;.+)$")


_PASSIVE = regex.compile(r"(?<!\p{L})được\s")


def _owners(owner: str, finder: TaskGrammar, listed: bool = True, cell: bool = False) -> list[str]:
    """The units an owner phrase names one by one: 'A; B', and 'Các Sở GDĐT, các cơ sở giáo
    dục' where each part after ', các' names a unit. In a sentence that asks them to act, a
    list of kinds of unit is one owner each ('yêu cầu ... các đại học, học viện; các trường
    đại học, cao đẳng sư phạm', CV 1617/BGDĐT-GDCTHSSV); a heading over a section names
    its addressees together ('3. Các trường trung học phổ thông, trung tâm GDNN-GDTX', plan
    d1) unless each is a kind of its own ('2. Các phòng GDĐT và các đơn vị trực thuộc', KH
    1070/KH-SGDĐT An Giang) or a named office ('Chủ tịch Công đoàn, Bí thư Đoàn TNCSHCM,
    Trưởng ban Thanh tra nhân dân và các tổ trưởng chuyên môn', KH 20/KH-THPT Nguyễn Bỉnh
    Khiêm). 'Phòng GDĐT huyện, thành phố' and 'Các trường THCS, THPT' name one: 'thành phố' and
    'THPT' begin no unit. A table's lead cell names its units apart with semicolons only; with
    commas or 'và' it names them together ('Cơ quan thuế, các đơn vị cấp tỉnh và các địa phương',
    KH CCHC 2026-2030 of UBND Lâm Đồng)."""
    head, colon, _ = owner.partition(":")
    if colon and finder.names_kind_list(head):
        return [clean_value(owner)]  # 'Các sở: Y tế; Công Thương; ...': the bodies of one kind, named whole
    out = []
    # a cell may list its units as dashed items ('- Cục Khoáng sản Việt Nam; - Cục Địa chất Việt
    # Nam', the first appendix of QĐ 59/QĐ-BTNMT as a scraper wrote it): the dash is no part of a name
    parts = (_ITEM_MARK.sub("", p.strip()) for whole in owner.split(";") for p in _slashed(whole, finder))
    for part in (finder.person_holding.sub("", p) for p in parts):
        if cell and not finder.co_actor.search(part) and len(named := _named_bodies(part, finder)) > 1:
            out.extend(named)  # 'BCH Quân sự, phòng Tổng hợp' (the defence plan of EVN's Trung tâm): two bodies
            continue
        if finder.in_charge_of.search(part) or finder.one_holder.match(part.strip()):
            # a post named by the fields it is in charge of is one owner, its fields a list of its own
            # ('Các Phó chủ tịch phụ trách lĩnh vực Dân tộc, Tôn giáo và các Hội quần chúng', KH 16/KH-MTTQ-BTT
            # xã Lương Minh; 'Phó Giám đốc Sở phụ trách lĩnh vực', QĐ 3990/QĐ-SYT Gia Lai), and one person an
            # honorific names holds every office listed after it ('Đồng chí Ủy viên Ban Thường vụ Đảng ủy, Chủ
            # tịch ...', KH 16/KH-MTTQ-BTT)
            out.append(part.strip())
            continue
        co_actor = finder.co_actor.search(part)
        if co_actor and not cell and _AND.search(part, 0, co_actor.start()):
            # after owners already listed with 'và', 'cùng' lists one more: 'các sở, ban, ngành tỉnh và cơ sở giáo
            # dục có liên quan cùng Ủy ban nhân dân các xã, phường' are three (KH 831/KH-UBND Đồng Tháp), as
            # '... và Ủy ban nhân dân các xã, phường cùng các cơ sở giáo dục phổ thông' (KH 1251/KH-UBND Đồng Tháp)
            part, co_actor = part[:co_actor.start()] + " và " + part[co_actor.end():], None
        if cell or co_actor:
            # those who act together ('học sinh cùng với cha mẹ hoặc người giám hộ', TB 211/TB-THPT.UVK;
            # 'Giáo viên chủ nhiệm cùng với giáo viên bộ môn, Tổng phụ trách', KH 174/KH-THCSNH)
            # are one owner
            out.append(part)
            continue
        roles = [p.strip() for p in part.split(",")]
        each = [p.strip() for p in regex.split(r",\s+|\s+và\s+", part)]
        if _one_kind(each, finder):
            roles = each  # 'Sở A, Sở B và Sở C': 'và' parts the last post of the kind as the commas do
        if not listed and len(roles) > 1 and _one_kind(roles, finder):
            # a heading that lists holders of one kind of post names each ('3. Đối với giáo viên
            # chủ nhiệm, giáo viên bộ môn:', '2. Đối với tổ trưởng, tổ phó chuyên môn:', KH
            # 174/KH-THCSNH Long Điền): every teacher does the duties below, not the two together
            out.extend(one for role in roles for one in _owners(role, finder, listed))
            continue
        if _EVERY_LEVEL.search(part) and all(p[:1].islower() for p in regex.split(r",\s+", part)[1:]):
            # kinds in small letters closed by 'các cấp' are one collective at every level ('Cấp ủy,
            # chính quyền, cơ quan nhà nước các cấp tiếp tục quán triệt ...', KH 70/KH-UBND Cần Thơ; 'các
            # cấp ủy đảng, chính quyền các cấp')
            out.append(part.strip())
            continue
        kept = part
        for pair in finder.collocations:  # 'cơ quan, đơn vị' names one kind of body
            kept = regex.sub(regex.escape(pair), lambda m: m.group(0).replace(", ", "\x00").replace(" và ", "\x01"),
                             kept, flags=regex.I)
        # 'Các sở, ban, ngành và Ủy ban nhân dân các xã': 'và' joins two units as a comma does;
        # a part that begins no unit stays with the one before ('Sở Giáo dục và Đào tạo',
        # 'Phòng GDĐT huyện, thành phố', 'Các trường THCS, THPT')
        # ', và' is one joint ('Đảng ủy, HĐND, UBMTTQ, và các đoàn thể', CV 397/UBND Phường 1)
        # 'hoặc' between two names gives the duty to each as 'và' does ('Trưởng phòng chuyên môn
        # thuộc Sở hoặc Chánh Văn phòng Sở phân công người trực tiếp xử lý', QĐ 3990/QĐ-SYT Gia
        # Lai; 'Giám đốc Sở hoặc Phó Giám đốc Sở phụ trách lĩnh vực', the same procedure's steps)
        parts = regex.split(r"(,\s+(?:và\s+)?|\s+(?:và|hoặc)\s+)" if listed
                            else r"((?:,(?:\s+và)?|\s+(?:và|hoặc))\s+(?=[Cc]ác\s|\p{Lu}))", kept)
        owners = [parts[0]]
        # 'Các sở, ban, ngành, đoàn thể, tổ chức chính trị - xã hội, đơn vị, địa phương' is one
        # collective; a name with a capital after it is another owner (rules: collective_lists)
        collective = listed and bool(finder.collective_list.match(parts[0].replace("\x00", ", ")))
        for sep, piece in zip(parts[1::2], parts[2::2]):
            if collective and piece[:1].islower() and not piece.startswith("các "):
                # a second 'các' begins another owner, after 'và' ('Các phòng, khoa, bộ môn và các đơn vị
                # khác có chức năng ...', QĐ 2442/QĐ-ĐHAG: one 'các', one collective) or a comma ('Các
                # sở, ban ngành thành phố, các cơ quan, đơn vị trung ương, ...', KH 70/KH-UBND Cần Thơ)
                owners[-1] += sep + piece
                continue
            if not listed and _PASSIVE.search(owners[-1]):
                owners[-1] += sep + piece  # 'các đơn vị đã được Sở GD&ĐT, UBND tỉnh đánh giá ...': agents
                continue
            # after 'và' only a named body or 'các ...' begins another owner: 'Phụ huynh học
            # sinh và học sinh' are read together (TB 211/TB-THPT.UVK); but 'và' that closes an
            # enumeration whose commas already parted owners parts the last one as well ('giáo
            # viên, HSSV, cha mẹ HSSV và cán bộ quản lý cần cung cấp thông tin ...', CV
            # 1247/BGDĐT-GDCTHSSV; 'Giáo viên, nhân viên và học sinh ...')
            # a kind in small letters before a capitalised name is a named body too ('các cơ sở giáo
            # dục trực thuộc và phòng GDĐT các huyện, thị xã, thành phố', CV 2860/SGDĐT Quảng Nam)
            named = (("và" not in sep and "hoặc" not in sep) or piece[:1].isupper() or piece.startswith("các ")
                     or len(owners) >= 2 or bool(finder.kind_then_name.match(piece)))
            if named and not finder.not_owner.match(piece) and (
                    finder.unit_start.match(piece) or (listed and finder.school_kind.match(piece))):
                owners.append(piece)
                # the kinds in small letters go with the collective only until another owner is
                # named: 'Thủ trưởng các sở, ban ngành tỉnh, Chủ tịch UBND các huyện, thị xã, thành phố,
                # đơn vị được giao kế hoạch vốn' is three (TB 565/TB-UBND Quảng Ngãi)
                collective = False
            else:
                owners[-1] += sep + piece
        out.extend(o.strip().replace("\x00", ", ").replace("\x01", " và ") for o in owners if o.strip())
    return out


_AND = regex.compile(r"\s+và\s+")
_EVERY_LEVEL = regex.compile(r",.*\s+các\s+cấp$")  # a list closed by 'các cấp' (every level)
_SLASH = regex.compile(r"\s*/\s*(?=\p{Lu})")


def _slashed(owner: str, finder: TaskGrammar) -> list[str]:
    """The bodies a slash lists: a slash between two names of bodies, each of two words or
    more, names both, each by its kind ('4. Bộ Chỉ huy Quân sự tỉnh/Ban Chỉ huy Bộ đội Biên
    phòng tỉnh' over duties both have, CV 193/UBND-KT Lào Cai; the heads of two kinds of school
    in 'Hiệu trưởng/Giám đốc đánh trống khai trường', CV 1019/SGDĐT Hà Giang). 'UBND xã/phường'
    is one body ('phường' is no name of its own), '12/QĐ-UBND' a number."""
    pieces = _SLASH.split(owner.strip())
    if len(pieces) > 1 and all(len(p.split()) >= 2 and finder.unit_start.match(p) for p in pieces):
        return pieces
    return [owner]


_PROPER_NAME = regex.compile(r"^\S+(?:\s+\p{Ll}\S*)*?\s+(?:\p{Lu}|\d)")


def _by_proper_name(part: str, finder: TaskGrammar) -> bool:
    """Whether `part` names a body by its proper name: a unit's head, then a capitalised word or
    a number after its small words ('phòng Tổng hợp', 'BCH Quân sự', 'Ban Quản lý Khu kinh tế')."""
    return bool(finder.unit_start.match(part) and _PROPER_NAME.match(part))


def _named_bodies(cell: str, finder: TaskGrammar) -> list[str]:
    """The bodies a table's owner cell names one by one, when every part of it is a body by its
    proper name: a kind followed by a capitalised name or an acronym of one ('BCH Quân sự, phòng
    Tổng hợp', the defence plan of EVN's Trung tâm, the one document of this shape so far). Kinds
    of body ('Cơ quan thuế, các đơn vị cấp tỉnh và các địa phương', KH CCHC of UBND Lâm Đồng) and a
    name with 'và' in it ('Sở Giáo dục và Đào tạo') give one owner, as a collective is done
    together: the empty list says so."""
    parts = [p.strip() for p in regex.split(r",\s+(?:và\s+)?|\s+và\s+", cell.strip().rstrip(".")) if p.strip()]
    if len(parts) < 2:
        return []
    if any(regex.match(r"(?i)(?:các|những)\s", part) or not _by_proper_name(part, finder) for part in parts):
        return []
    return parts


DUTY_SENTENCE_WORDS = 10  # a title this long that opens with a verb and ends in a full stop is a sentence


def _states_duty(item: str, finder: TaskGrammar) -> bool:
    """Whether a numbered item states its duty in a sentence of its own, not a title: it opens with
    a verb, runs to a full stop and is longer than a title ('a. Chủ động tự kiểm tra 100% các văn
    bản ... khi có yêu cầu.', KH 852/KH-SYT TP.HCM), where a title names the work in a few words
    without a stop ('2.1. Tuyên truyền người dân sử dụng tài khoản VNeID ...', KH 156/KH-UBND An
    Giang)."""
    item = item.strip()
    return (item.endswith(".") and len(item.split()) >= DUTY_SENTENCE_WORDS
            and finder.opens_duty(item))


def _only_names(action: str, finder: TaskGrammar) -> bool:
    """Whether an action only names units, with no act: the value of a field that says which
    body does something the field's label names ('4. Cơ quan thu lệ phí: Sở Lao động – Thương binh
    và Xã hội tỉnh Cao Bằng; Ban Quản lý Khu kinh tế tỉnh Cao Bằng.', NQ 33/2022/NQ-HĐND Cao Bằng,
    the one document of this shape so far). A post held is no such name ('Ủy viên TT' in the
    member list of QĐ 781/QĐ-ĐHCĐ is kept as the member's part)."""
    parts = [p.strip(" .") for p in action.split(";") if p.strip(" .")]
    if not parts or not all(_by_proper_name(p, finder) and not finder.verb.match(p) and not finder.is_post(p)
                            for p in parts):  # 'Ủy viên TT': a post held, kept
        return False
    # a verb's word with a capital is a word of a name ('Ban Quản lý Khu kinh tế')
    return not any(m.group(0)[:1].islower() for m in finder.verb.finditer(action))


def _requirement_on_a_thing(action: str, finder: TaskGrammar) -> bool:
    """Whether an item under an owner opens with a subject of its own that is a thing, not a
    unit, and says what it must be: 'Đề kiểm tra phải đáp ứng các yêu cầu sau: vừa sức, ...' (CV
    2616/SGDĐT-GDTrH Quảng Nam), 'Đồng phục nhà trường phải thiết kế giản dị, ...' (CV
    2703/SGDĐT-VP Hà Nội): a requirement on the paper or the uniform, no duty of the owner above.
    An opening phrase is no such subject ('Trong quá trình học phải tập trung theo dõi ...', KH
    133/KH-THCSTT; 'Kết thúc đợt thực tập sinh viên phải hoàn thiện ...', KH 46/KH-KHMT)."""
    found = _THING_MUST.match(action)
    if not found:
        return False
    subject = found["subject"]
    return not (finder.verb.search(subject) or (finder.opener and finder.opener.match(subject))
                or finder.owner_at(subject + " làm") or finder.unit_start.search(subject))


def _one_kind(parts: list[str], finder: TaskGrammar) -> bool:
    """Whether every part names a unit and all open with the same word, a leading 'các' aside:
    posts or bodies of one kind ('giáo viên chủ nhiệm, giáo viên bộ môn', KH 174/KH-THCSNH; 'Các
    cơ sở giáo dục đại học, cơ sở giáo dục nghề nghiệp', QĐ 29/2025/QĐ-TTg)."""
    heads = {regex.sub(r"^(?:các|những)\s+", "", p.casefold()).split()[0] for p in parts if p.split()}
    return len(heads) == 1 and all(finder.unit_start.match(p) for p in parts)


def _pieces(action: str, doc_date: str | None, finder: TaskGrammar,
            rules: Rules) -> list[tuple[str | None, str]]:
    """The separate tasks in one owner's action, each with its own subject where a later
    sentence names one.

    - Each sentence that opens with an action verb or an opening clause is a task of its
      own ('Sở Tư pháp: Phối hợp ... kiểm tra .... Phối hợp ... tham mưu ...'); any other
      sentence ('Thời gian: trước ngày 15/10') stays with the one before it. A later
      sentence that states a consequence ('... sẽ không được tổng hợp') is left out.
    - A list (after a colon or not) whose clauses carry two or more deadlines gives one task per
      clause: each deliverable is chased by its own date ('chỉ đạo: xây dựng Kế hoạch ...
      trước ngày 28/2/2023; lập dự toán ...; báo cáo ... trước ngày 10/11/2023'). A list
      with one deadline or none is one duty described in parts, and stays whole.
    - A later sentence that opens with a unit that acts is that unit's work: the chain of a
      contest's entries ('Các trường ... tập hợp tất cả bài thi ... gửi về Bưu điện huyện, thành
      phố. Bưu điện huyện, thành phố tổng hợp bài, đóng dấu hủy tem ...', KH 349/KH-UBND Đồng
      Tháp), as after a lead-in ('... Trong quá trình thực hiện ..., các đơn vị báo cáo ...', CV
      2616/SGDĐT-GDTrH Quảng Nam).
    """
    sentences: list[list] = []  # [subject or None, text]
    for sentence in _SENTENCE_END.split(action):
        if sentences and any(p.search(sentence) for p in finder.consequence):
            continue  # what befalls work not done is no part of the duty
        # 'Riêng đối với cơ sở giáo dục mầm non, tổ chức Khai giảng ...' (CV 1019/SGDĐT-VP Hà
        # Giang) names whom the work is for, not who does it
        found = finder.owner_at(sentence) if sentences and not SCOPE_OPENER.match(sentence) else None
        if found and found[1] < len(sentence) and finder.acts_at(sentence, found[1]):
            sentences.append([found[0], sentence[found[1]:].strip()])
            continue
        # a prohibition opens its own duty as a verb does ('Tuyệt đối không để xảy ra tình trạng thất
        # thoát ...; chủ động phối hợp ...', CV 193/UBND-KT Lào Cai: rules/tasks.json negation)
        opens = (finder.verb.match(sentence) or finder.negated.match(sentence)
                 or (finder.opener and finder.opener.match(sentence)))
        if opens and sentences and finder.due.match(sentence) and (
                finder.due_counted.match(sentence) or _dated(find_deadline(sentence, doc_date, rules))):
            opens = None  # 'Hoàn thành và báo cáo UBND tỉnh trước ngày 20/02/2025.': when the duty is due
        if opens and sentences and finder.condition.match(sentence):
            # a later sentence that sets a condition says what happens to the duty above, it
            # is none of its own ('... có trách nhiệm phối hợp ... Trường hợp ... không chấp hành
            # ... thì Nhà nước triển khai kiểm đếm bắt buộc', TB 04/TB-UBND An Phú; '... Trường hợp
            # không đảm bảo ...', TB 11/TB-UBND Quảng Ngãi)
            opens = None
        if opens and sentences and any(p.search(sentence) for p in finder.unowned):
            opens = None  # '... Trong quá trình tổ chức thực hiện nếu có khó khăn, vướng mắc báo cáo về Bộ'
        if opens and sentences and finder.not_duty.match(sentence):
            # a later sentence that says who answers for the outcome, or what one may do, goes with
            # the duty above and is none of its own ('... phấn đấu giải ngân đạt kết quả cao nhất.
            # Chịu trách nhiệm trước UBND tỉnh, Chủ tịch UBND tỉnh kết quả triển khai ...', TB
            # 565/TB-UBND Quảng Ngãi; '... Chủ tịch UBND cấp xã chịu trách nhiệm toàn diện trước
            # Chủ tịch UBND tỉnh nếu để xảy ra ...', KH of UBND Lào Cai on Chỉ thị 11-CT/TU)
            opens = None
        if sentences and not opens:
            sentences[-1][1] = f"{sentences[-1][1]}. {sentence}"
        else:
            sentences.append([sentences[-1][0] if sentences else None, sentence])
    pieces: list[tuple[str | None, str]] = []
    for subject, sentence in sentences:
        listed = _LIST.match(sentence)
        # without a colon too: '... xây dựng Kế hoạch cụ thể ... trước ngày 06/03/2023; định kỳ
        # trước ngày 18 hằng tháng báo cáo ...' (KH 156/KH-UBND An Giang)
        clauses: list[str] = []
        for clause in (c.strip(" .") for c in (listed.group("items") if listed else sentence).split(";")):
            if clauses and clause and not finder.verb.search(clause):
                # a clause with no verb is no duty of its own: it goes on naming what the one
                # before it does ('... báo cáo Chính phủ kết quả thực hiện Chương trình 5 năm giai
                # đoạn 2021-2025; 2025-2030', KH 1254/KH-BGDĐT)
                clauses[-1] = f"{clauses[-1]}; {clause}"
            else:
                clauses.append(clause)
        # a clause that says how often it recurs is timed as one with a date ('Định kỳ thứ Hai hàng
        # tuần tổng hợp tình hình ...; xây dựng Báo cáo tổng thể ... trước ngày 06 tháng 7 năm
        # 2026', CT 21/CT-TTg: the weekly summary and the one report are chased apart)
        dated = [c for c in clauses if c and (_dated(find_deadline(c, doc_date, rules)) or _recurrence(c, finder))]
        if len(dated) >= 2:
            pieces.extend((subject, c) for c in clauses if c)
        else:
            pieces.append((subject, sentence))
    return [(subject, p) for subject, p in ((s, clean_value(p)) for s, p in pieces) if p]


_BARE_DAY = regex.compile(r"(?<![\d/])(?:ngày\s+)?(?P<d>\d{1,2})\s*(?:tháng\s*|/)\s*(?P<m>\d{1,2})"
                          r"(?:\s*(?:năm\s*|/)\s*(?P<y>\d{4}))?(?![\d/])")


# the day of a document cited ('theo Quyết định số 77/QĐ- UBND ngày 18/01/2023'): not the day of the work
_CITED_DAY = regex.compile(r"(?:số\s*|(?<![\d/]))\d+\s*/\s*(?=[\d/]*\p{L})[\p{L}\d/&.\s-]{1,30}\s+ngày\s*$",
                          regex.IGNORECASE)  # 'theo Nghị quyết 50/NQ-CP ngày 08/4/2022' (KH 156/KH-UBND An Giang)


def _day_of(when: str, doc_date: str | None) -> Deadline | None:
    """A time column or field that gives a day and no phrase of deadline ('Từ 20 giờ 15 phút -
    20 giờ 45 phút ngày 23 tháng 01', a schedule of broadcasts in KH tuyên truyền CCHC 2026 of
    UBND Lâm Đồng; '07/12' in KH 230/KH-THPT.PB's calendar): the work is on that day. A year
    left unwritten is the document's own."""
    match = next((m for m in _BARE_DAY.finditer(when) if not _CITED_DAY.search(when, 0, m.start("d"))), None)
    year = int(match["y"]) if match and match["y"] else (int(doc_date[:4]) if doc_date else None)
    if not match or year is None:
        return None
    try:
        day = dt.date(year, int(match["m"]), int(match["d"])).isoformat()
    except ValueError:
        return None
    # a day is when the work is due, like any single deadline (spec; 'Ngày 24/05/2023' in the
    # schedule of KH 46/KH-KHMT, '24/03/2014' in TB 03/TB-ĐTĐH UIT); a span of hours that day
    # starts on it too ('Từ 20 giờ 15 phút - 20 giờ 45 phút ngày 23 tháng 01')
    spans = regex.match(r"\s*(?i:từ)(?!\p{L})", when) is not None
    return Deadline(text=clean_value(_SENTENCE_END.split(when)[0]), start=day if spans else None, end=day)


# a time column that holds a year or a span of years alone: OCR may leave a stray mark beside it
# ('2022 _')
_BARE_YEARS = regex.compile(r"^[\W_]*(?P<a>(?:19|20)\d\d)(?:\s*[-–]\s*(?P<b>(?:19|20)\d\d))?[\W_]*$")


def _years_of(when: str) -> Deadline | None:
    """A time column or field that gives a year alone ('2022', '2023' in the time column of the
    appendix of KH 1254/KH-BGDĐT) says the work is done within that year, as 'Năm 2026' in the
    time column of KH CCHC 2026-2030 of UBND Lâm Đồng says it with its noun; a span of years
    ('2022 - 2025', '2022 - 2030' in the appendix of QĐ 146/QĐ-TTg) from the first's start to the
    last's end."""
    match = _BARE_YEARS.match(when)
    if not match or (match["b"] and match["b"] < match["a"]):
        return None
    text = clean_value(when.strip(" _-–.,;:"))
    return Deadline(text=text, start=f"{match['a']}-01-01", end=f"{match['b'] or match['a']}-12-31")


_BARE_MONTH = regex.compile(r"^[\W_]*(?:trong\s+)?tháng\s+(?P<m>\d{1,2})[\W_]*$", regex.IGNORECASE)


def _month_of(when: str, doc_date: str | None) -> Deadline | None:
    """A time column or field that gives a month alone ('Tháng 12', 'Tháng 3' in the time
    column of the second appendix of QĐ 59/QĐ-BTNMT, one document so far) says the work is done
    within that month of the document's year, as a year alone in such a column says it of that
    year (_years_of). In running text a month alone may be the period a report covers
    ('báo cáo tháng 11'), so the deadline rules leave it (rules/deadlines.json dl_month)."""
    match = _BARE_MONTH.match(when)
    if not match or not doc_date or not 1 <= int(match["m"]) <= 12:
        return None
    first, last = month_bounds(int(doc_date[:4]), int(match["m"]))
    return Deadline(text=clean_value(when.strip(" _-–.,;:")), start=first.isoformat(), end=last.isoformat())


def _recurrence(text: str, finder: TaskGrammar) -> str | None:
    for pattern, value in finder.recurrence:
        match = pattern.search(text)
        if match and not finder.not_after.search(text[:match.start()]):
            return value
    return None


def _dated(deadline) -> bool:
    return deadline is not None and (deadline.start is not None or deadline.end is not None)


def _task(owner: str, action: str, section: str | None, doc_date: str | None, finder: TaskGrammar, rules: Rules,
          when: str | None = None, product: str | None = None) -> Task:
    """One task; `when` and `product` are the time and product fields of a block or a table
    row, where the deadline and the quantity are written apart from the action."""
    deadline = find_deadline(when, doc_date, rules) if when else None  # '' : no time field
    if when and deadline is None:
        deadline = _day_of(when, doc_date) or _years_of(when) or _month_of(when, doc_date)
    deadline = deadline or find_deadline(action, doc_date, rules)
    # a time column or field says how the work repeats before the action does ('Hằng năm',
    # 'Trước ngày 31/01 năm liền kề' beside a task: the KH CCHC 2026-2030 draft of UBND Lâm Đồng)
    recurrence = _recurrence(when, finder) if when else None
    recurrence = recurrence or _recurrence(action, finder)
    if recurrence and deadline and deadline.start is None and deadline.end is None and "giờ" not in deadline.text:
        deadline = None
    quantity = None
    q = (finder.quantity.search(product) if product else None) or finder.quantity.search(action)
    if q:
        quantity = Quantity(value=int(q["value"]), unit=clean_value(q["unit"]), text=clean_value(q.group(0)))
    return Task(owner=owner, action=action, deadline=deadline, recurrence=recurrence, quantity=quantity,
                section=section)
