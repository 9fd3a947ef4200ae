"""The grammar of assignment (rules/tasks.json) compiled once, where the rules are loaded.

How a Vietnamese directive gives work is data: the words that begin a unit's name, the
verbs that begin an action, the lead-ins that name who must act ('đề nghị', 'giao'), the
names of the fields of a field block or an assignment table, what is no duty (a right, a
permission, a disclaimer) and what is boilerplate. `compile_tasks` checks every entry and
every example, and raises `GrammarError` naming the entry and the fault: a bad overlay
stops the command at start instead of failing every file. The task extractor
(extract/tasks.py) reads documents with the compiled `TaskGrammar`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import regex

from .normalise import bare

_OPENING = regex.compile(r"[:(]")
_CLAUSE_COMMA = regex.compile(r",\s+")
_JOINTS = regex.compile(r"(?<!\p{L})(?:và|hoặc)(?!\p{L})|[,\s]")  # what is left of a run of verbs
# words that join clauses, never part of a unit's name: the words before them are a clause
# ('trường không có giáo viên ... nên không tổ chức'; 'Giảng viên ... chưa đủ định mức giờ chuẩn
# theo quy định thì sử dụng ...', QĐ 2442/QĐ-ĐHAG: a condition and its consequence)
_CLAUSE = regex.compile(r"(?<!\p{L})(?:nên|vì|nhưng|tuy|thì)(?!\p{L})")
_BRACKET = regex.compile(r"\([^()]{2,80}\)\s*")
# a bracket that spells the short form of the words before it is part of the name: 'Hiệu trưởng
# các trường ... trung học cơ sở (THCS), trung học phổ thông (THPT); Giám đốc trung tâm giáo dục
# nghề nghiệp - giáo dục thường xuyên (GDNN-GDTX) triển khai ...' (CV 2703/SGDĐT-VP Hà Nội);
# 'Sở Giáo dục và Đào tạo (GDĐT) đề nghị ...' (CV 2405/SGDĐT-CTTT Hà Nội)
_ACRONYM = regex.compile(r"\((?:\p{Lu}[\p{Lu}\d&]*)(?:[-–/ ]\p{Lu}[\p{Lu}\d&]*)*\)")
# the opening phrase ends at a comma or a colon, or before 'các' + a unit when its comma is left
# out, or before the head of such units ('Trong thời gian nghỉ hè lãnh đạo các nhà trường duy trì
# liên hệ ...', CV 2405/SGDĐT-CTTT Hà Nội)
# 'Đối với X', 'Riêng đối với X': X is whom the work concerns, never who does it
SCOPE_OPENER = regex.compile(r"^\s*(?:riêng\s+)?đối\s+với\s", regex.IGNORECASE)
# an opening phrase runs to this many characters before its subject (a Thông tư's 'Căn cứ quy mô
# đào tạo, điều kiện thực tế của cơ sở, đặc điểm của từng ngành, ..., người đứng đầu ...', TT
# 05/2026/TT-BGDĐT, is 270)
OPENER_CHARS = 400
# a verb told as done ('đã tổ chức'), not 'đã được' (which thing is meant), in an opening phrase
_TOLD = regex.compile(r"(?<!\p{L})đã\s+(?!được(?!\p{L}))\p{L}")
# an opening of condition, time or basis, whose 'đã' frames the work after it (TaskGrammar.after_opener)
_FRAMED = regex.compile(r"(?i)\s*(?:trường\s+hợp|khi|sau\s+khi|nếu|căn\s+cứ|trên\s+cơ\s+sở|theo|đối\s+với)(?!\p{L})")
_SUBJECT_AFTER = regex.compile(r"[,:]\s*|\s(?=(?:(?i:lãnh\s+đạo|thủ\s+trưởng|hiệu\s+trưởng)\s+)?[Cc]ác\s|\p{Lu})")
_TIME_WITHOUT_COLON = regex.compile(
    r"\s+(?P<value>(?:trong|trước|từ|chậm|theo|quý|quí|tháng|năm|thường|hằng|hàng|định)\s.*)$", regex.IGNORECASE)
_ITEM_LABEL = regex.compile(r"^\s*(?:[-+•–*]\s*)?(?:\d{1,2}(?:\.\d{1,2})*|[a-zđ]|[IVX]{1,5})?[.)]?$")
_SENTENCE_BOUNDARY = regex.compile(r"(?<=[.…;])\s+(?=\p{Lu})")
# a name does not end on a conjunction, nor on 'có' that opens what the unit has ('Đối với các
# trường có tổ chức bán trú, cần đặc biệt quan tâm ...', CV 4424/SGDĐT-CTTT Hà Nội: the schools
# that run boarding are whom the work is for, not an owner 'các trường có')
# a name ends on no conjunction and no 'để': a unit before 'để' + a verb is the one a paper goes to,
# for it to act ('... gửi Sở Lao động-Thương binh và Xã hội, Sở Tài chính để thẩm định ...', QĐ
# 1056/QĐ-CT Tuyên Quang; '... gửi về Sở GDĐT để tổng hợp'), not the subject of the sentence
_OPEN_END = regex.compile(r"(?<!\p{L})(?:và|hoặc|với|của|có|để)$")
_CLAUSE_END = regex.compile(r";|\.\s+(?=\p{Lu})")
_GIVEN = regex.compile(r"(?<!\p{L})được\s+$|(?<!\p{L})được\s+(?:giao|phân\s+công)\s+(?:chủ\s+trì|thực\s+hiện)\s+$")
# 'được giao' before the verb of the work given names who, unless a word of manner begins the action
# there (rules/tasks.json manner_words)
_GIVEN_ROLE = regex.compile(r"(?<!\p{L})được\s+(?:giao|phân\s+công)\s+$")
_TOPIC = regex.compile(r"(?<!\p{L})(?:về(?:\s+việc)?|nơi)\s+$")
_ANSWERABLE = regex.compile(r"(?<!\p{L})có\s+trách\s+nhiệm(?!\p{L})")
_CLAUSE_MARK = regex.compile(r"[.;:]")
_COMPARED = regex.compile(r"\s*[<>≤≥]")
_TIME_CLAUSE_END = regex.compile(r"\s+(?:sau\s+khi|trước\s+khi|ngay\s+khi|khi|ngoài\s+việc)$")
_PERSONAL_NAME = r"(?:\p{Lu}\p{Ll}*\s+){1,4}\p{Lu}\p{Ll}*"  # 'Lê Quang Hùng'
_POSSESSED = regex.compile(r"(?<!\p{L})của(?:\s+\p{L}+){0,3}\s*$")
# a name ending in 'do' and a body is a thing that body makes, the head of a relative clause whose
# verb is the body's ('các lớp tập huấn cán bộ quản lí, giáo viên cốt cán do Bộ GDĐT tổ chức kết
# thúc', CV 4606/BGDĐT-GDTrH, one document so far): no subject acting
_SAID_TO_BE = regex.compile(r"\s+là\s+")  # 'Nhiệm vụ của X là <the duty>'
_MADE_BY = regex.compile(r"(?<!\p{L})do\s+(?:\p{Lu}|các\s)[^,;]*$")


class GrammarError(ValueError):
    """An entry of rules/tasks.json that is missing, of the wrong kind, or wrong on its examples."""


@dataclass(frozen=True)
class TaskGrammar:
    owner_start: regex.Pattern  # the start of a unit that can own work
    unit_start: regex.Pattern  # the same in any case: a kind of unit in a list ('các đại học, học viện')
    verb: regex.Pattern  # an action verb (the owner ends before the first)
    compounds: regex.Pattern  # names of bodies holding a verb ('Ban tổ chức')
    not_duty: regex.Pattern  # an action that is a right, a permission, a disclaimer
    encourages: regex.Pattern  # 'khuyến khích': an encouragement, no duty (tasks.encouragements)
    aside_line: regex.Pattern  # an action wholly in brackets: the writer's aside ('(Kế hoạch này thay cho giấy mời)')
    renamed: regex.Pattern  # '(sau này là Cục Dân số)' after an owner: its other name, no part of it
    successor: regex.Pattern  # '(nay là Sở Tài chính)' after a body anywhere in a list: its new name, an aside
    unnamed: regex.Pattern  # 'cơ quan có thẩm quyền': whoever the law makes competent, no unit to chase
    not_duty_inside: regex.Pattern
    execution: tuple[str, ...]  # bare headings of the sections that assign the execution
    generic_action: regex.Pattern
    pointer_action: regex.Pattern  # 'thực hiện một số quy định dưới đây': the items below are the work
    kind_then_name: regex.Pattern  # 'phòng GDĐT các huyện': a kind in small letters, then a name
    kinds_named: regex.Pattern  # 'Giám đốc các Sở' before a colon: the names of the Sở follow
    request: regex.Pattern  # 'Đề nghị', 'nhờ': a request, not an order down the line
    appeal: regex.Pattern  # 'kêu gọi', 'vận động' after 'và': a second request, to others, ends the name
    referred: regex.Pattern  # 'Theo phân công tại Quyết định số ...': an owner cell naming no unit
    catch_all: regex.Pattern
    plan_for_all: regex.Pattern  # one's own plan to carry it out, asked of everyone: the general closing
    restating: regex.Pattern  # a closing that asks to carry out the letter itself ('các nội dung trên')
    appendix_heading: regex.Pattern  # 'PHỤ LỤC 1', with its title after it or on the next line
    appendix_title: regex.Pattern  # the title of an appendix that holds no work ('Đề cương báo cáo ...')
    fields: tuple[tuple[str, str], ...]  # (bare field name, role), longest first
    owner_label: regex.Pattern  # an owner field's name ('Đơn vị chủ trì'), which is no owner
    duties_of: regex.Pattern  # 'Trách nhiệm của X': X whole, to the colon
    duties_before_unit: regex.Pattern  # 'Trách nhiệm X' without 'của': X whole when it begins like a unit
    not_owner: regex.Pattern  # begins like a unit, names none ('Trường hợp', 'Phòng, chống')
    collocations: tuple[str, ...]  # pairs naming one kind of body ('cơ quan, đơn vị'), never split
    folded_collocations: tuple[str, ...]  # the same, casefolded once for the comparisons below
    school_kind: regex.Pattern  # a level of school that begins an owner in a listed sentence ('tiểu học')
    collective_list: regex.Pattern  # a list that names one collective ('Các sở, ban, ngành, đoàn thể, ...')
    aside: regex.Pattern  # a bracket that points back ('(như kính gửi)'): no part of a name
    co_actor: regex.Pattern  # 'cùng (với)' before those who act with the owner, as one
    described: regex.Pattern  # a body whose work the document describes ('Ban tổ chức' of a contest)
    content_lead: regex.Pattern  # a duty to write a paper whose content the items below list
    describes: regex.Pattern  # words after which a verb describes the unit ('trực tiếp quản lý')
    opens_described: regex.Pattern  # a text that opens with one of those words ('trực tiếp kiểm tra ...')
    negated: regex.Pattern  # 'không tổ chức': a negated action begins at 'không'
    time_inside: regex.Pattern  # a phrase of time after a name ('cuối học kỳ 1'): the owner ends before it
    strip: regex.Pattern
    lead: regex.Pattern
    note: regex.Pattern  # 'Lưu ý:' opens a note, no duty of the owner above
    object_of: regex.Pattern  # a word after which a unit is an object ('của', 'với'), or a verb
    opener: regex.Pattern | None  # an opening phrase before the subject ('Đối với ...', 'Trước ngày ...')
    condition: regex.Pattern  # an opening phrase that sets a condition ('Trường hợp ...', 'Nếu ...')
    main_clause: regex.Pattern  # the word opening the main clause after a condition ('... thì ...')
    singled: regex.Pattern  # 'trong đó lưu ý': the items below single out parts of the duty above
    singled_tail: regex.Pattern  # those words to the end of the duty's action
    describing: regex.Pattern  # an item that says what something is or holds ('Hồ sơ ... gồm có:')
    field_heading: regex.Pattern  # an item that names a field of work ('4. Công tác tổ chức kiểm tra học kì II')
    numbered_paper: regex.Pattern  # a document's number: the words holding it name a paper, no unit
    entitled: regex.Pattern  # '(thì | sẽ) được' + a verb: the clause says what someone receives
    regulation_types: frozenset[str]  # kinds of document that state norms (a Nghị định, a Thông tư)
    regulation_title: regex.Pattern  # a title that issues a regulation ('ban hành Quy chế ...')
    regulation_number: regex.Pattern  # the number of a legal normative document ('29/2025/QĐ-TTg')
    national_number: regex.Pattern  # that of the Government, the Prime Minister or a Bộ ('339/2025/NĐ-CP')
    national_types: frozenset[str]  # kinds of document only they issue (Nghị định, Thông tư)
    governed: regex.Pattern  # a class of persons a regulation governs ('Giảng viên', 'công chức')
    run_in: regex.Pattern  # a verb with a capital that opens an action after a name ('... kinh tế Giúp ...')
    responsible: regex.Pattern  # 'X có trách nhiệm:' over X's duties, whatever X's first word
    due: regex.Pattern  # a later sentence that says when the duty before it is due ('Hoàn thành ... trước ngày ...')
    due_counted: regex.Pattern  # the same with a time counted in days ('Hoàn thành chậm nhất trong 05 ngày ...')
    grade: regex.Pattern  # a grade of a scale ('Tốt', 'Khá', 'Không đạt'): a label that names no office
    giao: regex.Pattern
    boilerplate: tuple[regex.Pattern, ...]
    unowned: tuple[regex.Pattern, ...]
    consequence: tuple[regex.Pattern, ...]
    skip_sections: tuple[str, ...]
    listing_titles: tuple[str, ...]  # bare: the title of a list attached, no work in it
    positions: frozenset[str]  # bare: a post in a body, which is no work
    narrative_types: frozenset[str]  # kinds of document whose subject sentences recount, not assign
    addressee_kinds: frozenset[str]  # 'Công ty' alone in a letter to one firm: that firm (casefolded)
    skip_items: tuple[str, ...]  # the same and more for a numbered item's heading ('2. Hình thức')
    funding_sections: tuple[str, ...]  # a section on funds: a sentence naming its own unit is work there
    money: regex.Pattern  # ... when it is about the money ('dự toán', 'kinh phí')
    power_items: tuple[str, ...]  # a numbered item's heading over an office's powers ('8. Thẩm quyền Chủ tịch ...')
    with_duties: regex.Pattern  # such a heading that names duties too ('Thẩm quyền và trách nhiệm ...')
    conditions: regex.Pattern  # an item over the conditions that must hold ('... đáp ứng đủ các điều kiện sau đây:')
    rights: regex.Pattern  # an item over a list of rights ('Đơn vị thoát nước có các quyền sau:')
    held_by: regex.Pattern  # '<a role> là <the body>' closing an owner's words (group 'body')
    this_body: regex.Pattern  # 'Cơ quan này': the body the sentence before named
    in_charge_of: regex.Pattern  # 'phụ trách' in a post named by its fields: one owner
    field_cut: regex.Pattern  # such a post cut before its field ('Cán bộ phụ trách lĩnh vực')
    form_items: tuple[str, ...]  # those of them on a product's form, whose lines naming who acts are work
    recurrence: tuple[tuple[regex.Pattern, str], ...]
    not_after: regex.Pattern
    quantity: regex.Pattern
    dated_subject: regex.Pattern  # a name then the date of its deed ('Báo X ngày 26 tháng 3 năm 2019'): recounted
    pointer: regex.Pattern  # a lead-in's end pointing to the items below ('cụ thể như sau:')
    with_contents: regex.Pattern  # 'với các nội dung sau:': a paper made of the items below
    group_heading: regex.Pattern  # 'Đối với X' alone: X owns the items below (group 'unit')
    not_office: regex.Pattern  # a label of a field or a remark ('Thời gian', 'Lưu ý'), no office
    manner: regex.Pattern  # a word of manner opening an action ('chủ động', 'kịp thời')
    contact: regex.Pattern  # 'điện thoại:' at the end of a line: a number follows, no items
    members: regex.Pattern  # 'Các ủy viên là X, Y': the members named (group 'members')
    time_first: regex.Pattern  # 'Từ ngày ... đến ...: ' opening a schedule line (group 'when')
    obliges: regex.Pattern  # 'phải báo cáo': a note that states an obligation
    everyone: regex.Pattern  # an owner naming everyone concerned ('có liên quan')
    directs: regex.Pattern  # 'chỉ đạo' + a name: the units directed own the work
    directs_after: regex.Pattern  # the same after a clause of the issuer's own ('...; Phòng X chỉ đạo')
    person: regex.Pattern  # 'Ông Hoàng Hưng – ' opening a duty or a member's line
    person_holding: regex.Pattern  # 'Ông Lê Quang Hùng, ' before the office held
    person_label: regex.Pattern  # 'Ông Hoàng Văn Thuân - Trưởng đoàn: ' (groups 'owner', 'action')
    one_holder: regex.Pattern  # 'Đồng chí ' opening an owner: one person, however many offices follow

    def _opens_collocation(self, text: str) -> bool:
        """Whether `text` opens with a pair that names one kind of body: its first word is then a
        noun, whatever verb it spells ('Tổ chức, doanh nghiệp có giấy phép dịch vụ nổ mìn phải
        thông báo ...', CV 193/UBND-KT Lào Cai; 'tổ chức, cá nhân có liên quan')."""
        return text[:60].casefold().startswith(self.folded_collocations)

    def _inside_collocation(self, text: str, at: int) -> bool:
        """Whether `at` falls inside a pair that names one kind of body ('cơ quan, đơn vị')."""
        low = text.casefold()
        for key in self.folded_collocations:
            start = low.find(key, max(0, at - len(key)))
            while 0 <= start < at:
                if start + len(key) > at:
                    return True
                start = low.find(key, start + 1)
        return False

    def main_clause_after_condition(self, text: str) -> regex.Match | None:
        """The 'thì' that opens the main clause of a sentence that opens with a condition
        ('Trường hợp ... thì ...'), or None."""
        return self.main_clause.search(text) if self.condition.match(text) else None

    def appendix_without_work(self, line: str, following: Callable[[], str]) -> bool | None:
        """Whether a line opens an appendix that is an outline, a form or a list, which gives no
        work (True), or another appendix (False); None when it opens none. The title is on the
        heading's line or the next, which `following` reads only when needed
        (tasks.appendix_without_work)."""
        heading = self.appendix_heading.match(line.strip())
        if heading is None:
            return None
        title = (heading["title"] or "").strip() or following().strip()
        return self.appendix_title.match(title) is not None

    def opens_with_power(self, text: str) -> bool:
        """Whether a heading opens with what an office may decide ('Thẩm quyền ...', tasks.power_items)."""
        return any(bare(text).startswith(word) for word in self.power_items)

    def names_powers(self, text: str) -> bool:
        """Whether an item's heading names powers and no duties beside them ('8. Thẩm quyền Chủ tịch Hội đồng
        ...', not 'Thẩm quyền và trách nhiệm của ...')."""
        return self.opens_with_power(text) and not self.with_duties.match(text)

    def names_kind_list(self, head: str) -> bool:
        """Whether the words before a colon are a kind of body whose names follow ('Các sở: Y tế; ...', 'Giám
        đốc các Sở: Xây dựng, ...'), in any case of its first letter (tasks.kinds_to_name)."""
        return self.kinds_named.search(head[:1].lower() + head[1:]) is not None

    def regulates(self, doc_type: str | None, title: str | None, number: str | None = None) -> bool:
        """Whether a document is a regulation, whose articles state norms for the persons it
        governs (tasks.regulations): by its type, its title, or a number that carries its year."""
        return (doc_type or "").casefold() in self.regulation_types or bool(
            title and self.regulation_title.search(title)) or bool(number and self.regulation_number.match(number))

    def national(self, doc_type: str | None, number: str | None) -> bool:
        """Whether a regulation is the Government's, the Prime Minister's or a Bộ's: it assigns
        work only in its article on execution (tasks.regulations, national)."""
        return (doc_type or "").casefold() in self.national_types or bool(number and self.national_number.match(number))

    def encouraged(self, owner: str, action: str) -> bool:
        """Whether the unit is only encouraged: the encouraging word is in the owner's phrase or
        comes before it in the sentence ('Trong chu kỳ kiểm định, khuyến khích các cơ sở giáo dục
        ...'), not inside the work that follows it ('... có hình thức động viên, khuyến khích các em')."""
        if self.encourages.search(owner):
            return True
        found, named = self.encourages.search(action), action.find(owner)
        return found is not None and named > found.start()

    def entitles(self, action: str) -> bool:
        """Whether the first clause of an action is an entitlement ('... sẽ được thanh toán'): a
        bracket's commas and a decimal comma do not end the clause."""
        first = regex.split(r"[;:]|,(?!\d)|\.\s", _BRACKET.sub("", action), maxsplit=1)[0]  # '0,25' is one number
        return self.entitled.search(first) is not None

    def field(self, text: str) -> tuple[str, str] | None:
        """('owner', 'Sở Tài chính') for 'Đơn vị chủ trì: Sở Tài chính': a line of a field block."""
        text = " ".join(text.split())
        key = bare(text)  # as long as text: one letter for one letter, single spaces
        for name, role in self.fields:
            if key.startswith(name):
                # 'Đơn vị chủ trì thực hiện: ...', 'Đơn vị phối hợp (nếu có): ...', 'Đơn vị tham mưu,
                # thực hiện: ...' (KH 156/KH-UBND An Giang); 'Thời gian nộp bài viết: ...' (CV
                # 459/PGD&ĐT Hiệp Hòa): a time says what it times
                words = 4 if role in ("deadline", "owner") else 2
                rest = regex.match(rf"^(?:,?\s+\p{{Ll}}+){{0,{words}}}\s*(?:\([^)]*\))?\s*:\s*(?P<value>.*)$",
                                   text[len(name):])
                if rest and role == "owner" and regex.match(r"\s+các\s", text[len(name):]):
                    # 'Phụ trách các phòng, đơn vị: Văn phòng Sở; Chi cục ...' (QĐ 899/QĐ-SNNMT Gia
                    # Lai): the things an office oversees, a duty of its own, not a lead unit's field
                    return None
                if rest and role == "owner" and self._duty_not_unit(rest["value"]):
                    return None  # '* Phụ trách chuyên môn (PHT Trương Sơn): trực tiếp kiểm tra ...': an office's duty
                if rest and role == "setting" and self._assigns(rest["value"]):
                    # '1.3. Kinh phí thực hiện: Bố trí kinh phí để triển khai Đề án ...' (KH 156/KH-UBND An
                    # Giang), '4. Kinh phí thực hiện: Ngoài kinh phí ..., đề nghị UBND các huyện ... bố trí
                    # ...' (CV 1445/SLĐTBXH Quảng Bình): a topic's label over its work, no setting
                    return None
                if rest:
                    return role, rest["value"].strip(" ;,")
                value = text[len(name):].strip()
                named = role in ("owner", "partner") and len(name.split()) >= FIELD_NAME_WORDS
                if named and self.owner_start.match(value):
                    # a field that names its units with no colon, which OCR lost from the scan ('a) Đơn vị
                    # chủ trì Sở GDĐT, Sở LĐTBXH, UBND các quận, huyện ...' between lines with it, CV
                    # 5710/UBND-SGDĐT Đà Nẵng): a name of three words or more is no verb of a sentence
                    return role, value.strip(" ;,.")
                # 'Thời gian hoàn thành trong quí I/2023' after another field, without a colon
                bare_time = _TIME_WITHOUT_COLON.match(text, len(name)) if role == "deadline" else None
                if bare_time and name.endswith(("HOAN THANH", "THUC HIEN")):
                    return role, bare_time["value"].strip(" ;,")
        return None

    def _duty_not_unit(self, value: str) -> bool:
        """An owner field's value that is a duty, not a unit: it opens with a verb or a manner
        word, or in small letters without a unit ('các trường ...' is a unit)."""
        value = value.strip()
        return bool(value) and bool(self.opens_duty(value) or (value[0].islower() and not self.unit_start.match(value)))

    def opens_duty(self, text: str) -> bool:
        """Whether a text opens with a duty: a verb, a negated verb, or a descriptor's verbs
        ('trực tiếp kiểm tra kế hoạch dạy học', the duty of 'Phụ trách chuyên môn')."""
        return self.acts_at(text, 0) or bool(self.opens_described.match(text))

    def split_fields(self, text: str) -> list[str]:
        """A line cut where a field begins after a sentence: 'Đơn vị tham mưu thực hiện: Các sở,
        ngành, địa phương. Thời gian hoàn thành trong quí I/2023.' is two fields; '... hệ thống
        một cửa các cấp… Đơn vị tham mưu thực hiện: ...' a sentence and a field (KH 156/KH-UBND
        An Giang)."""
        cuts = [0]
        for boundary in _SENTENCE_BOUNDARY.finditer(text):
            if _ITEM_LABEL.match(text[:boundary.start()]):
                continue  # '4. Thời gian thực hiện: ...': the item's own label
            if self.field(text[boundary.end():]):
                cuts.append(boundary.end())
        return [text[a:b].strip() for a, b in zip(cuts, [*cuts[1:], len(text)]) if text[a:b].strip()]

    def _assigns(self, value: str) -> bool:
        """Whether a field's value gives work: it opens with a verb or a unit that acts, or asks."""
        return bool(self.verb.match(value) or self.lead.search(value) or self.owner_at(value))

    def column(self, cell: str) -> str | None:
        """The role of a table's header cell ('Đơn vị chủ trì' → 'owner'), or None. A cell that
        names two things joined by 'và' takes the role of the first that is a field ('Cấp trình
        và thời gian trình' over the months a draft goes to each level, QĐ 59/QĐ-BTNMT: the
        time's; 'Nội dung và đơn vị thực hiện': the work's; 'Họ và tên' is one name)."""
        for part in (cell, *regex.split(r"\s+và\s+", cell)[1:]):
            key = bare(part)
            role = next((role for name, role in self.fields if _names_field(key, name)), None)
            if role:
                return role
        return None

    def is_post(self, text: str) -> bool:
        """Whether `text` names posts in a body and nothing else ('Ủy viên kiêm Thư ký')."""
        parts = [p for p in regex.split(r"\s*(?:[,;]|(?<!\p{L})(?:kiêm|và)(?!\p{L}))\s*", text.strip(" .;")) if p]
        return bool(parts) and all(bare(part) in self.positions for part in parts)

    def acts_at(self, text: str, pos: int) -> bool:
        """Whether an action begins at `pos`: a verb, a verb negated ('không tổ chức'), or the
        verbs of a descriptor that owner_at took for the action when no verb came after them
        ('giáo viên phụ trách môn học trực tiếp kiểm tra, đánh giá kết quả thực hiện nhiệm vụ
        học tập', CV 1061/BGDĐT-GDTrH); or a phrase of time the verb follows, which owner_at cut
        from the name ('Phòng CTHSSV cuối học kỳ 1 và cuối năm gởi ...', TB 363/TB-ĐHDT)."""
        if self.verb.match(text, pos) or self.negated.match(text, pos) or self.opens_described.match(text[pos:]):
            return True
        time = self.time_inside.match(text, pos)
        verb = self.verb.search(text, time.end(), time.end() + TIME_PHRASE_CHARS) if time else None
        return verb is not None and not regex.search(r"[,;:.]", text[time.end():verb.start()])

    def _post_after_comma(self, text: str, cut: regex.Match) -> tuple[str, int] | None:
        """A post written in small letters after the opening phrase's comma, as a sentence goes
        on ('Căn cứ quy mô đào tạo, ..., người đứng đầu cơ sở hoạt động giáo dục nghề nghiệp có
        trách nhiệm:', TT 05/2026/TT-BGDĐT; 'Căn cứ ..., thủ trưởng cơ quan, đơn vị chịu trách
        nhiệm:'): a head of rules/tasks.json there is the subject as its capitalised form is. Only
        where the sentence says a duty falls on someone: elsewhere a small-letter noun after a comma
        is most often one more item of a list ('thanh tra theo kế hoạch, thanh tra đột xuất')."""
        rest = text[cut.end():]
        if not cut.group(0).strip() or not rest[:1].islower():
            return None
        return self._in_small_letters(rest)

    def _in_small_letters(self, text: str) -> tuple[str, int] | None:
        """The owner `text` opens with, a post written in small letters read as its capitalised
        form is ('chuyên viên phụ trách ...' as 'Chuyên viên phụ trách ...'), given back as written."""
        found = self.owner_at(text[:1].upper() + text[1:])
        return (text[:1] + found[0][1:], found[1]) if found else None

    def after_opener(self, text: str, small_posts: bool = False) -> tuple[str, int] | None:
        """(the subject, where its action starts) of a sentence that opens with a phrase: the
        subject follows one of the phrase's commas or its colon ('Đối với các môn học, hoạt động
        giáo dục còn lại: Các đơn vị tiếp tục thực hiện ...', CV 998/SGDĐT Bắc Giang; 'Trước ngày
        30 tháng 6 hằng năm, cơ quan, đơn vị ... thực hiện lập ...', QĐ 03/2025/QĐ-UBND Hà Nội),
        or, where the comma is left out, 'các' and a unit that acts ('Đối với các môn học tự chọn
        Tiếng Anh, Tin học các trường chủ động điều chỉnh ...', CV 348/SGDĐT Bắc Giang). With
        `small_posts`, where the sentence is known to name who is responsible, a post in small
        letters after a comma is the subject too (`_post_after_comma`)."""
        opener = self.opener.match(text) if self.opener else None
        if not opener:
            return None
        end = _CLAUSE_END.search(text, opener.end())
        end = end.start() if end else len(text)
        for cut in _SUBJECT_AFTER.finditer(text, opener.end(), min(end, opener.end() + OPENER_CHARS)):
            if text.count("(", 0, cut.start()) > text.count(")", 0, cut.start()):
                # inside a bracket: no subject there ('Định kỳ báo cáo Thủ tướng Chính phủ (qua Bộ Nội
                # vụ, Văn phòng Chính phủ) vào thứ Sáu hàng tuần ...', CT 21/CT-TTg)
                continue
            if self._inside_collocation(text, cut.start()):
                # a comma of a list that names one kind of body: no subject begins there ('Căn cứ tình
                # hình thực tế của cơ quan, đơn vị, địa phương, xây dựng kế hoạch ...', KH 70/KH-UBND
                # Cần Thơ, whose subject is the item's)
                continue
            verbs_before = self.verb.finditer(text, max(0, cut.start() - 30), cut.start())
            listed = any(v.end() == cut.start() for v in verbs_before)
            if cut.group(0).strip() and self.verb.match(text, cut.end()) and listed:
                # a comma between two verbs lists them and ends no clause ('... nếu phát sinh khó khăn, vướng
                # mắc hoặc có những nội dung cần điều chỉnh, bổ sung để phù hợp ..., các cơ quan, đơn vị chủ
                # động báo cáo UBND phường', KH 155/KH-UBND Phong Châu; 'Sau khi tiếp nhận, đăng ký và phân
                # loại, Văn thư chuyển văn bản ...', QĐ 3990/QĐ-SYT Gia Lai)
                continue
            if cut.group(0).strip() and self.acts_at(text, cut.end()):
                # 'Khi xảy ra vụ việc ..., báo cáo ngay ...': no subject, the action follows; unless
                # the verbs go on the opening phrase and a subject comes after them ('Sau khi tiếp
                # nhận, đăng ký và phân loại, Văn thư chuyển văn bản ...', QĐ 3990/QĐ-SYT Gia Lai)
                later = _CLAUSE_COMMA.search(text, cut.end(), end)
                found = self.owner_at(text[later.end():]) if later else None
                rest = self.verb.sub("", text[cut.end():later.start()]) if later else "x"
                if found and self.acts_at(text, later.end() + found[1]) and not _JOINTS.sub("", rest):
                    return found[0], later.end() + found[1]
                return None
            between = text[opener.end():cut.start()].strip()
            if not between and SCOPE_OPENER.match(text):
                # what follows 'Đối với' is whom the work concerns, never who does it ('Đối với các
                # cơ sở, công trình thuộc phạm vi quản lý, hướng dẫn chủ đầu tư ...', CV 7432/UBND-XD
                # Lào Cai; 'Riêng đối với cơ sở giáo dục mầm non, tổ chức ...', CV 1019/SGDĐT-VP)
                continue
            # 'Trong quá trình thực hiện Thủ trưởng các địa phương chủ động ...' (TB 565/TB-UBND
            # Quảng Ngãi): the verb of the opening phrase itself has no object here
            own_verbs = bool(between) and not self.verb.sub("", between).strip()
            if not cut.group(0).strip() and not own_verbs and (self.object_of.search(text, 0, cut.start())
                                                               or _POSSESSED.search(text, 0, cut.start())):
                # 'Căn cứ đề xuất của các địa phương ...', 'thành lập các đoàn': an object; '... báo
                # cáo của Tổng công ty Bưu điện Việt Nam về việc ...' (CV 5115/LĐTBXH-KHTC): a unit
                # a few words after 'của' is whose the thing is, not the subject
                continue
            if not cut.group(0).strip() and self._names_after_of(text, cut.start()):
                # a name in the list after 'của' is whose the thing is ('Căn cứ Kế hoạch số
                # 2959/KH-BNNMT-BCA ngày 29/3/2026 của Bộ Nông nghiệp và Môi trường và Bộ Công an về
                # việc triển khai ...', CV 8609/SNNMT-VPĐK Gia Lai), as one a few words after it is
                continue
            found = self.owner_at(text[cut.end():]) or (self._post_after_comma(text, cut) if small_posts else None)
            if found and _MADE_BY.search(found[0]):
                continue
            if found and not _FRAMED.match(text) and _TOLD.search(text, opener.end(), cut.start()):
                # an opening that tells what has been done is a story, and the names after its
                # commas are the story's objects, no subject given work ('Tại Đà Nẵng, thời gian gần
                # đây các đối tượng ... đã tổ chức tụ tập ..., lôi kéo học sinh, sinh viên, Cán bộ giáo
                # viên ... tham gia.', CV 115/CV-PA83 Công an Đà Nẵng, one document so far); 'đã' in a
                # clause of time, condition or basis frames the work after it ('Khi người khai hải quan
                # đã hoàn thành ..., Chi cục Hải quan ... thực hiện ...', CV 778/TCHQ-GSQL; 'Trường hợp
                # ... đã ...', CV 2638/LĐTBXH-KHTC; 'Căn cứ ... hợp đồng đã ký kết ..., nhà thầu tiến hành
                # ...', KH 2198/KH-UBND Bình Thuận), and 'đã được' says which thing is meant
                return None
            # a subject acts in its own clause: a name before a semicolon is the object of the
            # clause it ends, not the subject of the next ('Định kỳ thứ Hai hàng tuần tổng hợp
            # ..., trình Đảng ủy Chính phủ để báo cáo Ban Bí thư Trung ương Đảng; xây dựng Báo
            # cáo tổng thể ...', CT 21/CT-TTg: the Bộ Nội vụ's duty, whose heading names it)
            if found and text[cut.end():cut.end() + found[1]].rstrip().endswith(","):
                # no comma parts a subject from its verb: names before one close the opening phrase
                # ('Trên cơ sở báo cáo của Phòng Tổ chức cán bộ, Văn phòng Sở và các cơ quan, đơn vị
                # liên quan, tổng hợp lồng ghép ...', KH 115/KH-SNNMT Gia Lai: the heading's unit does
                # it; 'Căn cứ tình hình thực tế của cơ quan, đơn vị, địa phương, xây dựng kế hoạch', KH
                # 70/KH-UBND Cần Thơ)
                continue
            if found and cut.end() + found[1] <= end and self.acts_at(text, cut.end() + found[1]):
                return found[0], cut.end() + found[1]
        return None

    def without_work(self, text: str) -> bool:
        """Whether `text` holds no verb outside the names of bodies ('các bộ, ngành, cơ quan liên
        quan', 'Vụ Pháp chế'): a list of names, no clause."""
        return not any(self._verbs_outside_names(text, 0))

    def _names_after_of(self, text: str, end: int) -> bool:
        """Whether text[:end] ends inside a list of names that 'của' governs."""
        of = max(regex.finditer(r"(?<!\p{L})của\s+", text, endpos=end), key=lambda m: m.start(), default=None)
        names = text[of.end():end].strip() if of else ""
        return (bool(names) and len(names.split()) <= 16 and self.unit_start.match(names) is not None
                and self.without_work(names))

    def _verbs_outside_names(self, text: str, pos: int, names: list[regex.Match] | None = None):
        """The action verbs of `text` from `pos` on that are no part of a body's name: not inside
        a compound ('Ban tổ chức'), not written with a capital ('Sở Xây dựng', 'Sở Tư pháp');
        `names`: the compounds of `text`, when the caller has them."""
        inside = [m.span() for m in (self.compounds.finditer(text) if names is None else names)]
        for v in self.verb.finditer(text, pos):
            # a verb after 'được' says what the unit was given, not what it does: 'GV được phân
            # công dạy: Xây dựng kế hoạch ...', '4.2. Giáo viên được phân công' (KH 218/KH-THCSNH
            # Long Điền), 'Cơ quan, đơn vị được giao nhiệm vụ theo dõi ...' (KH CCHC Lâm Đồng); so
            # is the verb of the work given, after 'được giao' ('Cơ quan, tổ chức được giao chủ trì soạn
            # thảo tổ chức tốt việc soạn thảo ...', NQ 105/2025/UBTVQH15)
            if _GIVEN.search(text, 0, v.start()) or (_GIVEN_ROLE.search(text, 0, v.start())
                                                      and not self.manner.match(text, v.start())):
                continue
            # a verb after 'về' names a field of work, a topic: no predicate ('Vụ Các vấn đề chung về
            # xây dựng pháp luật', QĐ 173/QĐ-BTP; 'Ban Chỉ đạo về phát triển ...'); a verb after 'nơi'
            # says which office of its kind is meant, where the thing is done ('Chi cục Hải quan nơi
            # đăng ký tờ khai hướng dẫn ...', CV 778/TCHQ-GSQL; 'Ủy ban nhân dân cấp xã nơi thực hiện
            # nổ mìn', CV 193/UBND Lào Cai); 'về việc' names a paper's subject ('Căn cứ Kế hoạch số
            # 2959/KH-BNNMT-BCA ... của Bộ Nông nghiệp và Môi trường và Bộ Công an về việc triển khai
            # ...', CV 8609/SNNMT-VPĐK Gia Lai; the 'về việc' of every title cited)
            if _TOPIC.search(text, 0, v.start()):
                continue
            if not any(a <= v.start() < b for a, b in inside) and (
                    not text[v.start()].isupper() or self.run_in.match(text, v.start())):
                yield v

    def named_at(self, text: str) -> tuple[str, int] | None:
        """After 'giao', 'đề nghị', 'yêu cầu' the object is the owner whatever its first word,
        when it is a name written with capitals ('Giao Thường trực Hội đồng nhân dân Thành
        phố; các Ban ... giám sát ...', NQ 11/2025/NQ-HĐND Hà Nội; 'đề nghị Ủy ban Mặt trận
        Tổ quốc ... phối hợp ...')."""
        found = self.owner_at(text)
        if not found and text[:1].islower() and self.unit_start.match(text):
            # a post in small letters is asked all the same ('3. Giao công chức Văn phòng - Thống kê
            # phụ trách chuyển đổi số, CCHC Chủ trì, tham mưu ...', CV 397/UBND Phường 1 Vũng Tàu;
            # 'giao cho giáo viên chủ nhiệm theo dõi ...')
            return self._in_small_letters(text)
        if found or not regex.match(r"\p{Lu}\p{Ll}", text) or self.verb.match(text) or self.not_owner.match(text):
            return found
        verb = next(self._verbs_outside_names(text, 0), None)
        if verb is None:
            return None
        owner = " ".join(text[:verb.start()].split()).strip(" ;,")
        return (owner, verb.start()) if 2 <= len(owner.split()) <= 32 else None

    def scope_named(self, label: str) -> str | None:
        """X of a label 'Đối với X' when X names whom as a unit does, a passive descriptor and
        all: the party an inspection visits is 'đơn vị được kiểm tra' ('6.2. Đối với đơn vị được
        kiểm tra: Chuẩn bị báo cáo …', KH 1105/KH-ĐKT Lào Cai), as the party given work is 'các
        đơn vị được giao nhiệm vụ'; a label that names a topic ('Đối với chương trình …') or
        goes on to a verb of its own is None."""
        opener = SCOPE_OPENER.match(label)
        whom = label[opener.end():].strip(" .:") if opener else ""
        if not whom or len(whom) > NAME_CHARS or not self.unit_start.match(whom) or self.not_owner.match(whom):
            return None
        return None if next(self._verbs_outside_names(whom, 0), None) else whom

    def _names_a_field(self, text: str) -> bool:
        """'Đơn vị chủ trì: Sở ...', '1. Đơn vị thực hiện truyền thông' name a field; 'Cơ quan, đơn
        vị thực hiện tạm ứng, thanh toán ...' (QĐ 02/2025/QĐ-UBND Hà Nội) is a sentence whose
        subject only begins like one."""
        label = self.owner_label.match(bare(text))
        if not label:
            return False
        rest = text[label.end():].strip()
        return not rest or rest.startswith(":") or len(text.split()) <= 6

    def owner_at(self, text: str) -> tuple[str, int] | None:
        """(owner, where the action starts) when `text` begins with a unit that acts."""
        if "(" in text:
            # a body's name after the reorganisation, in brackets anywhere in a list of owners, is an
            # aside: its words are no verb and end no name ('Sở Nông nghiệp và Phát triển nông thôn (Sở
            # Nông nghiệp và Môi trường sau khi thực hiện sắp xếp, tinh gọn bộ máy), Sở Tài chính ...', QĐ
            # 373/QĐ-UBND Đắk Lắk: owner_renamings.successor); blanked, so that places stay where they were
            text = self.successor.sub(lambda m: " " * len(m.group(0)), text)
        duties = self.duties_of.match(text)
        if duties is None and (bare_words := self.duties_before_unit.match(text)):
            # 'Trách nhiệm Ủy ban nhân dân phường, xã, thị trấn' (rules/tasks.json duties_of.before_a_unit)
            named = text[bare_words.end():]
            if self.unit_start.match(named) and not (self.verb.match(named) and not self._opens_collocation(named)):
                duties = bare_words
        if duties:
            stop = text.find(":", duties.end())
            said = _SAID_TO_BE.search(text, duties.end()) if stop < 0 else None
            if said and self.acts_at(text, said.end()):
                # 'Nhiệm vụ của Thường trực Hội đồng sáng kiến là tiếp nhận, xử lý các đơn ...' (QĐ
                # 31/2023/QĐ-UBND Hà Nam, one document so far): the duty is said after 'là'
                owner = " ".join(text[duties.end():said.start()].split())
                return (owner, said.end()) if 0 < len(owner) <= NAME_CHARS else None
            stop = len(text) if stop < 0 else stop
            owner = " ".join(text[duties.end():stop].split()).rstrip(".;, ")
            return (owner, stop) if 0 < len(owner) <= 160 else None
        start = self.owner_start.match(text)
        if not start and regex.match(r"\p{Lu}{2,}\s+\p{Lu}{2,}", text):
            start = self.unit_start.match(text)  # a heading in capitals: 'ĐOÀN SỐ 1: Dự Lễ ...'
        if (not start or (self.verb.match(text) and not self._opens_collocation(text)) or self._names_a_field(text)
                or self.not_owner.match(text)):
            return None  # 'Tổ chức ...' begins with a verb, 'Đơn vị chủ trì: ...' with a field name
        if _COMPARED.match(text, start.end()):
            return None  # a class of units by size ('Khoa < 40 GV hoặc < 800 sv', 'Lớp > 24 sV': the
            # rates of QĐ 2442/QĐ-ĐHAG) is a condition, no unit: a name holds no comparison
        verb = None
        described = -1  # where the verbs of a descriptor ('trực tiếp quản lý, sử dụng ...') end
        # a name ending in its verb goes on in the verbs chained to it by a comma: 'cơ quan, đơn vị
        # quản lý, sử dụng công trình thực hiện lập ...' (QĐ 03/2025/QĐ-UBND Hà Nội)
        names = list(self.compounds.finditer(text))
        named_verbs = {c.end() for c in names if c.start() >= start.start()
                       and any(v.end() == len(c.group(0)) for v in self.verb.finditer(c.group(0)))}
        descriptor = None  # where the first descriptor begins
        for v in self._verbs_outside_names(text, start.end(), names):
            chained = (described >= 0 and not text[described:v.start()].strip(" ,")) or any(
                regex.fullmatch(r"\s*,\s*", text[end:v.start()]) for end in named_verbs if end <= v.start())
            if described >= 0 and not chained and regex.search(r"[;,]", text[described:v.start()]):
                # a verb past a semicolon, or past a comma after the descriptor's object, opens the
                # next duty of a list: the descriptor's verbs were the action ('Lãnh đạo khoa trực
                # tiếp quản lý công tác GVCN-CVHT, kiểm tra việc thực hiện ...', TB 363/TB-ĐHDT)
                break
            before = None if chained else self.describes.search(text[:v.start()])
            if chained or before:
                descriptor = descriptor or before
                described = v.end()  # 'đơn vị trực tiếp quản lý, sử dụng công trình': who, not what
                continue
            verb = v
            break
        if verb is None and descriptor is not None:
            # no verb after the descriptor's: it was the action ('giáo viên phụ trách môn học
            # trực tiếp kiểm tra, đánh giá kết quả học tập', CV 1061/BGDĐT-GDTrH)
            verb = descriptor
        # a bracket right after the unit names its part ('Văn phòng UBND tỉnh (Trung tâm Phục vụ
        # hành chính công tỉnh) tham mưu ...', KH CCHC 2026 of UBND Lâm Đồng): part of the owner
        opening = _OPENING.search(text, start.end())
        while opening and (acronym := _ACRONYM.match(text, opening.start())):
            opening = _OPENING.search(text, acronym.end())
        if opening and text[opening.start()] == "(" and (verb is None or verb.start() > opening.start()):
            bracket = _BRACKET.match(text, opening.start())
            after = self.verb.match(text, bracket.end()) if bracket else None
            if after:
                verb, opening = after, None
            elif bracket and not text[bracket.end():].strip(" .:") and self.unit_start.match(
                    text[opening.start() + 1:]):
                # so in a heading that is only the name: '2. Văn phòng Ủy ban nhân dân tỉnh (Trung tâm
                # Xúc tiến đầu tư và Hỗ trợ doanh nghiệp)' over its duties (KH 390/KH-UBND Đắk Nông)
                opening = None
        not_duty = self.not_duty_inside.search(text, start.end())
        answerable = _ANSWERABLE.search(text, start.end(), start.end() + NAME_CHARS)
        if (answerable and not_duty and not_duty.start() < answerable.start() and not_duty.group(0).startswith("được")
                and not _CLAUSE_MARK.search(text, start.end(), answerable.start())
                and (verb is None or verb.start() > not_duty.start())):
            # 'có trách nhiệm' closes its subject: a passive before it says which units are meant,
            # it grants nothing ('9. Các tổ chức, cá nhân được cấp giấy phép thăm dò, khai thác
            # khoáng sản có trách nhiệm bảo vệ khoáng sản …', the CV of UBND Lào Cai on unmined
            # minerals, 2026: one document so far). A verb before the passive ends the name there ('Giao Sở
            # Giáo dục và Đào tạo căn cứ Danh mục thủ tục hành chính được công bố tại Điều 1 ... có trách
            # nhiệm:', QĐ 179/QĐ-UBND Ninh Thuận: 'căn cứ' is what the Sở works from)
            verb, not_duty = answerable, None
        stop = len(text)
        cuts = (verb, opening, not_duty, self.negated.search(text, start.end()),
                self.time_inside.search(text, start.end()))
        for cut in cuts:
            if cut:
                stop = min(stop, cut.start())
        owner = self.strip.sub("", " ".join(text[:stop].split()).strip(" ;,").rstrip(":,"))
        owner = self.aside.sub("", owner)
        # a clause of time after the name is the action's ('Đơn vị dự toán cấp I trực thuộc Ủy ban nhân
        # dân Thành phố sau khi hoàn thành các bước công việc ..., tổng hợp ...', QĐ 03/2025/QĐ-UBND)
        owner = _TIME_CLAUSE_END.sub("", owner)
        # 'các địa phương và báo cáo ...': a name does not end on a conjunction. A name is short;
        # a list of names parted by semicolons is as long as its names ('Sở Giáo dục và Đào tạo,
        # Sở Lao động - Thương binh và Xã hội, Sở Y tế; Trường Chính trị tỉnh; các trường đại
        # học, cao đẳng, trung cấp trên địa bàn tỉnh; UBND các huyện, thị xã, thành phố chỉ đạo
        # ...', CV 2532/UBND-KGVX Quảng Nam; 'Các sở, ban, ngành; UBND các xã, phường, đặc khu;
        # các cơ quan, đơn vị có liên quan', KH tuyên truyền CCHC 2026 of UBND Lâm Đồng)
        appeal = self.appeal.match(text[stop:]) if regex.search(r"(?<!\p{L})và$", owner) else None
        if appeal:
            # 'đề nghị tổ dân phố, chính quyền địa phương và kêu gọi toàn thể nhân dân tăng cường giám
            # sát ...' (CV 1906/SGDĐT-CTTTT Đà Nẵng): those asked end where the writer calls on others,
            # and their work is the one both are asked for, after those called on
            owner = owner[:-3].rstrip(" ,")
            work = self.verb.search(text, stop + appeal.end())
            stop = work.start() if work else stop
        names = [name.strip() for name in owner.split(";")]
        if len(names) == 1 and len(owner) > NAME_CHARS:
            # so is a list parted by commas whose every part names a unit ('Thủ trưởng các cơ quan,
            # đơn vị, địa phương, các Chủ đầu tư, các đơn vị đầu mối giao kế hoạch, các cơ quan chủ trì
            # quản lý 02 Chương trình MTQG', TB 565/TB-UBND Quảng Ngãi)
            names = []
            for part in (name.strip() for name in _NAMED_PART.split(owner)):
                if names and not (self.owner_start.match(part) or self.unit_start.match(part)):
                    names[-1] += ", " + part  # 'các Cơ quan chủ trì Dự án, Tiểu dự án, Nội dung thành phần'
                else:
                    names.append(part)
        listed = len(names) == 1 or (len(names) <= LISTED_NAMES and all(
            len(name) <= NAME_CHARS and (self.owner_start.match(name) or self.unit_start.match(name))
            for name in names))
        if (not owner or len(names[0]) > NAME_CHARS or not listed
                or _CLAUSE.search(owner) or _OPEN_END.search(owner) or self.numbered_paper.search(owner)
                or self.dated_subject.search(owner)):
            return None  # 'trường không có giáo viên ... nên không tổ chức': a clause, no name
        if SCOPE_OPENER.match(text) and text[:stop].rstrip().endswith(","):
            # 'Đối với X, <verb> ...': X is whom the work concerns and the doer is the unit above
            # ('Đối với các cơ sở, công trình thuộc phạm vi quản lý, hướng dẫn chủ đầu tư ...' under
            # '1. Công an tỉnh, các sở, ban, ngành ...', CV 7432/UBND-XD Lào Cai; 'Đối với các trường
            # có tổ chức bán trú, cần đặc biệt quan tâm: ...', CV 4424/SGDĐT-CTTT Hà Nội); with a
            # colon or alone on its line 'Đối với X' heads X's own duties
            return None
        return owner, stop


NAME_CHARS = 110  # the longest name of a unit an owner phrase holds
FIELD_NAME_WORDS = 3  # the shortest field name read without its colon ('Đơn vị chủ trì', not 'Chủ trì')
TIME_PHRASE_CHARS = 40  # the longest phrase of time between a name and its verb ('cuối học kỳ 1 và cuối năm')
_NAMED_PART = regex.compile(r",\s+(?=các\s|\p{Lu})")  # where a list of names parted by commas names the next
LISTED_NAMES = 8  # the most names an owner phrase lists apart with semicolons, each a unit


def _names_field(key: str, name: str) -> bool:
    """Whether a bare header cell begins with a field's name, after at most two specks of OCR
    (a stamp's or a pen's marks read as 'S22 ĐZ' before 'Nhiệm vụ, giải pháp' in the appendix
    header of QĐ 146/QĐ-TTg; a text layer's cell starts with its name)."""
    at = key.find(name)
    if at < 0 or (at and key[at - 1] != " ") or (key[at + len(name):] and key[at + len(name)] != " "):
        return False
    specks = key[:at].split()
    # a speck is short and no syllable: a digit or a mark in it, or no vowel ('KẾT QUẢ' before
    # 'NHIỆM VỤ' are words, and the cell is the product's)
    return len(specks) <= 2 and all(len(speck) <= 3 and (not speck.isalpha() or not regex.search("[AEIOUY]", speck))
                                    for speck in specks)


def compile_tasks(data: dict[str, Any]) -> TaskGrammar:
    """rules/tasks.json compiled and checked against its own examples."""
    words = {key: _strings(data, key) for key in ("owner_heads", "owner_prefixes", "action_verbs", "lead_ins",
                                                   "strip_prefixes", "skip_sections", "recurrence_not_after",
                                                   "object_markers", "skip_items", "note_labels",
                                                   "listing_titles", "positions")}
    heads, prefixes = _alternatives(words["owner_heads"]), _alternatives(words["owner_prefixes"])
    school_kinds = _strings(_section(data, "school_kinds"), "words", "tasks.school_kinds")
    asking = words["lead_ins"]  # after a lead-in word a unit is the one asked
    collective_lists = _strings(_section(data, "collective_lists"), "words", "tasks.collective_lists")
    not_duties = _strings(_section(data, "not_duties"), "patterns", "tasks.not_duties")
    closing = _section(data, "generic_closing")
    fields = _section(_section(data, "fields"), "roles", "tasks.fields")
    roles = {"owner", "partner", "action", "deadline", "product", "setting"}
    unknown = sorted(set(k for k in fields if not k.startswith("#")) - roles)
    if unknown or "owner" not in fields or "action" not in fields:
        raise GrammarError(f"tasks.fields: the roles are {sorted(roles)} (owner and action needed); got {unknown}")
    named = sorted(((bare(name), role) for role in fields if not role.startswith("#")
                    for name in _strings(fields, role, "tasks.fields.roles")), key=lambda f: len(f[0]), reverse=True)
    # a field's name is no owner ('Đơn vị chủ trì: ...'), unless it is a unit's own word ('Đơn
    # vị hoàn thiện hồ sơ ...', CV 4646/SGDĐT-TCCB)
    head_keys = {bare(h) for h in words["owner_heads"]}
    owner_labels = "|".join(regex.escape(n) for n, role in named if role == "owner" and " " in n and n not in head_keys)
    openers = data.get("clause_openers", [])
    # a name written first in a sentence or inside one: 'Đơn vị dự toán cấp I ...', 'các đơn vị dự toán'
    compounds = sorted({regex.escape(case(w[:1]) + w[1:]) for w in _strings(_section(data, "owner_compounds"), "words",
                                                                          "tasks.owner_compounds")
                        for case in (str.upper, str.lower)})
    compounds += data["owner_compounds"].get("patterns", [])
    negations = _strings(_section(data, "negation"), "words", "tasks.negation")
    times = _strings(_section(data, "owner_time_phrases"), "patterns", "tasks.owner_time_phrases")
    prohibits = data["negation"].get("also_before", [])  # 'không để': a prohibition
    # 'tuyệt đối không để ...': the prohibition made absolute
    intensifiers = data["negation"].get("intensifiers", [])
    absolute = rf"(?:(?:{_alternatives(intensifiers)})\s+)?" if intensifiers else ""
    described = _strings(_section(data, "described_bodies"), "words", "tasks.described_bodies")
    conditions = _section(data, "condition_openers")
    regulations = _section(data, "regulations")
    persons = _alternatives(_strings(regulations, "governed_persons", "tasks.regulations"))
    main_words = _alternatives(_strings(conditions, "main_clause", "tasks.condition_openers"))
    # 'trong đó lưu ý:' after a duty: the items below single out parts of it
    singled_words = _alternatives(_strings(_section(data, "singled_out"), "words", "tasks.singled_out"))
    singled = rf"(?<!\p{{L}})trong\s+đó,?\s+(?:cần\s+)?(?:{singled_words})(?!\p{{L}})"
    describing_words = _alternatives(_strings(_section(data, "describing_items"), "words", "tasks.describing_items"))
    descriptors = _strings(_section(data, "descriptors"), "words", "tasks.descriptors")
    encouraging = _alternatives(_strings(_section(data, "encouragements"), "words", "tasks.encouragements"))
    fields_of_work = _alternatives(_strings(_section(data, "field_headings"), "words", "tasks.field_headings"))
    stages = _alternatives(_strings(_section(data, "field_headings"), "stages", "tasks.field_headings"))
    kinds_then_names = _strings(_section(data, "kinds_then_names"), "words", "tasks.kinds_then_names")
    to_name = _section(data, "kinds_to_name")
    requests = _strings(_section(data, "requests"), "words", "tasks.requests")
    appeals = _strings(_section(data, "requests"), "appeals", "tasks.requests")
    collocations = tuple(sorted(_strings(_section(data, "owner_collocations"), "words", "tasks.owner_collocations"),
                                key=len, reverse=True))
    pointers = _section(data, "lead_in_pointers")
    funding = _section(data, "funding_sections")
    directing_words = _section(data, "directing")
    directing = phrases(_strings(directing_words, "words", "tasks.directing"))
    joined = phrases(_strings(directing_words, "joined", "tasks.directing"))
    honorifics = _strings(_section(data, "honorifics"), "words", "tasks.honorifics")
    titled = phrases(honorifics)  # before a person's name in a heading or a label
    anyone = phrases(honorifics + _strings(_section(data, "honorifics"), "teachers", "tasks.honorifics"))
    not_offices = phrases(_strings(_section(data, "not_office_labels"), "words", "tasks.not_office_labels"))
    manners = phrases(_strings(_section(data, "manner_words"), "words", "tasks.manner_words"))
    contacts = phrases(_strings(_section(data, "contact_labels"), "words", "tasks.contact_labels"))
    times_first = phrases(_strings(_section(data, "time_first"), "words", "tasks.time_first"))
    grammar = TaskGrammar(
        # '22 GVCN', '05 giáo viên': a count before the unit is part of the owner
        # after 'các', 'quý' the unit may be written small ('các sở giáo dục và đào tạo', CV
        # 1617/BGDĐT-GDCTHSSV; 'quý Bộ', CV 8794/VPCP-KGVX); alone it opens with a capital
        owner_start=_rx(rf"^(?:\d{{1,4}}\s+)?(?:(?:(?:{prefixes})\s+)+(?i:{heads})|(?:{heads}))(?!\p{{Ll}})",
                        "tasks.owner_heads"),
        unit_start=_rx(rf"^(?:(?:{prefixes})\s+)*(?i:{heads})(?!\p{{L}})", "tasks.owner_heads"),
        verb=_rx(_verbs(words["action_verbs"], _strings(data, "verb_nouns")), "tasks.action_verbs", regex.IGNORECASE),
        compounds=_rx(rf"(?<!\p{{L}})(?:{'|'.join(sorted(compounds, key=len, reverse=True))})(?!\p{{L}})",
                      "tasks.owner_compounds"),
        co_actor=_rx(_string(_section(data, "co_actors"), "pattern", "tasks.co_actors"), "tasks.co_actors.pattern"),
        content_lead=_rx(_string(_section(data, "content_leads"), "pattern", "tasks.content_leads"),
                         "tasks.content_leads.pattern", regex.IGNORECASE),
        described=_rx(rf"^(?:{_alternatives(described)})(?!\p{{L}})", "tasks.described_bodies", regex.IGNORECASE),
        not_duty=_rx(rf"^(?:{'|'.join(not_duties)})", "tasks.not_duties.patterns", regex.IGNORECASE),
        encourages=_rx(rf"(?<!\p{{L}})(?:{encouraging})(?!\p{{L}})", "tasks.encouragements", regex.IGNORECASE),
        aside_line=_rx(_string(_section(data, "bracketed_asides"), "pattern", "tasks.bracketed_asides"),
                       "tasks.bracketed_asides.pattern"),
        renamed=_rx(_string(_section(data, "owner_renamings"), "pattern", "tasks.owner_renamings"),
                    "tasks.owner_renamings.pattern"),
        successor=_rx(_string(_section(data, "owner_renamings"), "successor", "tasks.owner_renamings"),
                      "tasks.owner_renamings.successor"),
        unnamed=_rx(_string(_section(data, "unnamed_bodies"), "pattern", "tasks.unnamed_bodies"),
                    "tasks.unnamed_bodies.pattern"),
        not_duty_inside=_rx(rf"(?<!\p{{L}})(?:{'|'.join(not_duties)})", "tasks.not_duties.patterns",
                            regex.IGNORECASE),
        execution=tuple(bare(w) for w in _strings(_section(data, "execution_sections"), "words",
                                                          "tasks.execution_sections")),
        generic_action=_rx(_string(closing, "action", "tasks.generic_closing"), "tasks.generic_closing.action",
                           regex.IGNORECASE),
        pointer_action=_rx(_string(_section(data, "pointer_actions"), "pattern", "tasks.pointer_actions"),
                           "tasks.pointer_actions.pattern"),
        kind_then_name=_rx(rf"^(?:{_alternatives(kinds_then_names)})\s+\p{{Lu}}", "tasks.kinds_then_names"),
        kinds_named=_rx(rf"(?<!\p{{L}})các\s+(?:{_alternatives(_strings(to_name, 'kinds', 'tasks.kinds_to_name'))})"
                        rf"(?:\s*,\s*(?:{_alternatives(_strings(to_name, 'more', 'tasks.kinds_to_name'))}))*\s*$",
                        "tasks.kinds_to_name"),
        request=_rx(rf"^(?:{_alternatives(requests)})(?!\p{{L}})", "tasks.requests", regex.IGNORECASE),
        appeal=_rx(rf"^(?:{_alternatives(appeals)})(?!\p{{L}})", "tasks.requests.appeals", regex.IGNORECASE),
        referred=_rx(_string(_section(data, "referred_owner"), "pattern", "tasks.referred_owner"),
                     "tasks.referred_owner.pattern"),
        catch_all=_rx(_string(closing, "owners", "tasks.generic_closing"), "tasks.generic_closing.owners",
                      regex.IGNORECASE),
        plan_for_all=_rx(_string(closing, "plan_for_all", "tasks.generic_closing"),
                         "tasks.generic_closing.plan_for_all", regex.IGNORECASE),
        restating=_rx(_string(_section(data, "restating_closing"), "pattern", "tasks.restating_closing"),
                      "tasks.restating_closing.pattern", regex.IGNORECASE),
        appendix_heading=_rx(_string(_section(data, "appendix_without_work"), "heading", "tasks.appendix_without_work"),
                             "tasks.appendix_without_work.heading"),
        appendix_title=_rx(_string(_section(data, "appendix_without_work"), "title", "tasks.appendix_without_work"),
                           "tasks.appendix_without_work.title"),
        fields=tuple(named),
        not_owner=_rx(rf"^(?:{_alternatives(_strings(_section(data, 'not_owners'), 'words', 'tasks.not_owners'))})"
                      rf"(?!\p{{L}})", "tasks.not_owners", regex.IGNORECASE),
        time_inside=_rx(rf"(?<=\s)(?:{'|'.join(times)})(?!\p{{L}})", "tasks.owner_time_phrases"),
        negated=_rx(rf"(?<!\p{{L}}){absolute}(?:{_alternatives(negations)})\s+"
                    rf"(?=(?:{_alternatives(words['action_verbs'] + prohibits)})(?!\p{{L}}))", "tasks.negation",
                    regex.IGNORECASE),
        describes=_rx(rf"(?<!\p{{L}})(?:{_alternatives(descriptors)})\s+$", "tasks.descriptors"),
        opens_described=_rx(rf"^(?:{_alternatives(descriptors)})\s", "tasks.descriptors", regex.IGNORECASE),
        # a body's other name in brackets is an aside wherever an owner is read (owner_renamings)
        aside=_rx("|".join([*_strings(_section(data, "owner_asides"), "patterns", "tasks.owner_asides"),
                            _string(_section(data, "owner_renamings"), "pattern", "tasks.owner_renamings"),
                            _string(_section(data, "owner_renamings"), "successor", "tasks.owner_renamings")]),
                  "tasks.owner_asides.patterns", regex.IGNORECASE),
        collocations=collocations,
        folded_collocations=tuple(pair.casefold() for pair in collocations),
        collective_list=_rx(rf"^(?:(?:{prefixes}|thủ\s+trưởng)\s+)*(?:{_alternatives(collective_lists)})(?!\p{{L}})",
                            "tasks.collective_lists", regex.IGNORECASE),
        school_kind=_rx(rf"^(?:{_alternatives(school_kinds)})(?!\p{{L}})", "tasks.school_kinds", regex.IGNORECASE),
        duties_of=_rx(rf"^(?:{_alternatives(_strings(_section(data, 'duties_of'), 'words', 'tasks.duties_of'))})\s+",
                      "tasks.duties_of", regex.IGNORECASE),
        duties_before_unit=_rx(
            rf"^(?:{_alternatives(_strings(_section(data, 'duties_of'), 'before_a_unit', 'tasks.duties_of'))})\s+",
            "tasks.duties_of.before_a_unit", regex.IGNORECASE),
        owner_label=_rx(rf"^(?:{owner_labels})(?!\p{{L}})" if owner_labels else r"(?!)", "tasks.fields.owner"),
        strip=_rx(rf"^(?:{'|'.join(regex.escape(p) for p in words['strip_prefixes'])})\s+", "tasks.strip_prefixes"),
        note=_rx(rf"^(?:{_alternatives(words['note_labels'])})\s*:\s*", "tasks.note_labels"),
        # a lead-in word inside a noun asks nothing: 'bàn giao cho Sở ...', 'họp giao ban', 'an
        # toàn giao thông' (verb_nouns)
        # 'được giao cho X' says whom work was given, in a description, not whom the sentence asks
        # ('các nhiệm vụ, giải pháp thuộc phạm vi Đề án được giao cho các địa phương chủ trì', QĐ
        # 146/QĐ-TTg; 'Cơ quan, đơn vị được giao nhiệm vụ theo dõi', KH CCHC of UBND Lâm Đồng)
        lead=_rx(r"(?<!(?<!\p{L})được\s+)" + _verbs(words["lead_ins"], _strings(data, "verb_nouns"), case=True)
                 + r"\s+(?=\S)", "tasks.lead_ins"),
        # after a lead-in word too a unit is the one asked, not a subject ('Tại công văn số 8014 ...,
        # Phó Thủ tướng ... đã giao Bộ Lao động - Thương binh và Xã hội xây dựng ...', CV 3354/VPCP-KGVX)
        object_of=_rx(rf"(?<!\p{{L}})(?:{_alternatives(words['object_markers'] + words['action_verbs'] + asking)})$",
                      "tasks.object_markers", regex.IGNORECASE),
        opener=_rx(rf"^(?!(?:{_alternatives(_strings(data, 'not_clause_openers'))})(?!\p{{L}}))"
                   rf"(?:{'|'.join(regex.escape(v) for v in openers)})(?!\p{{L}})", "tasks.clause_openers")
        if openers else None,
        condition=_rx(rf"^(?:{_alternatives(_strings(conditions, 'words', 'tasks.condition_openers'))})"
                      r"(?!\p{L})",
                      "tasks.condition_openers", regex.IGNORECASE),
        main_clause=_rx(rf"(?<!\p{{L}})(?:{main_words})\s+", "tasks.condition_openers.main_clause"),
        singled=_rx(singled, "tasks.singled_out"),
        singled_tail=_rx(rf"[;,.]?\s*{singled}[^;]*$", "tasks.singled_out"),
        describing=_rx(rf"^(?:\p{{Lu}}\p{{Ll}}*)(?:\s+\p{{L}}+){{0,8}}?\s+(?:{describing_words})(?:\s*:|\s)",
                       "tasks.describing_items"),
        # a field of work named alone; a stage named alone, with no comma opening its clause
        field_heading=_rx(rf"^(?:{fields_of_work})\s[^.;:]{{1,160}}$|^(?:{stages})\s[^.,;:]{{1,100}}$",
                          "tasks.field_headings"),
        regulation_types=frozenset(t.casefold() for t in _strings(regulations, "doc_types", "tasks.regulations")),
        regulation_title=_rx(rf"(?:{_alternatives(_strings(regulations, 'titles', 'tasks.regulations'))})",
                             "tasks.regulations.titles", regex.IGNORECASE),
        regulation_number=_rx(_string(regulations, "number", "tasks.regulations"), "tasks.regulations.number"),
        national_number=_rx(_string(regulations, "national", "tasks.regulations"), "tasks.regulations.national"),
        national_types=frozenset(t.casefold() for t in _strings(regulations, "national_types", "tasks.regulations")),
        governed=_rx(rf"^(?:(?:các|những|mỗi)\s+)?(?:{persons})(?!\p{{L}})", "tasks.regulations.governed_persons",
                     regex.IGNORECASE),
        entitled=_rx(_string(_section(data, "entitlements"), "pattern", "tasks.entitlements"),
                     "tasks.entitlements.pattern"),
        numbered_paper=_rx(_string(_section(data, "numbered_papers"), "pattern", "tasks.numbered_papers"),
                           "tasks.numbered_papers.pattern"),
        grade=_rx(rf"(?:{_alternatives(_strings(data, 'grades'))})", "tasks.grades", regex.IGNORECASE),
        due=_rx(_string(_section(data, "due_sentences"), "pattern", "tasks.due_sentences"),
                "tasks.due_sentences.pattern", regex.IGNORECASE),
        due_counted=_rx(_string(_section(data, "due_sentences"), "counted", "tasks.due_sentences"),
                        "tasks.due_sentences.counted", regex.IGNORECASE),
        responsible=_rx(_string(_section(data, "responsible_heading"), "pattern", "tasks.responsible_heading"),
                        "tasks.responsible_heading.pattern"),
        run_in=_rx(rf"(?:{_alternatives(_strings(data, 'run_in_verbs'))})(?!\p{{L}})", "tasks.run_in_verbs"),
        giao=regex.compile(r"\((?:Giao|giao)\s+(?P<owner>[^,;()]{3,60}?)\s+(?:chủ\s+trì|tham\s+mưu|thực\s+hiện)"),
        boilerplate=tuple(_rx(p, f"tasks.boilerplate[{i}]") for i, p in enumerate(_strings(data, "boilerplate"))),
        unowned=tuple(_rx(p, f"tasks.boilerplate_unowned[{i}]")
                      for i, p in enumerate(data.get("boilerplate_unowned", []))),
        consequence=tuple(_rx(p, f"tasks.consequences[{i}]") for i, p in enumerate(data.get("consequences", []))),
        skip_sections=tuple(bare(s) for s in words["skip_sections"]),
        listing_titles=tuple(bare(s) for s in words["listing_titles"]),
        positions=frozenset(bare(s) for s in words["positions"]),
        narrative_types=frozenset(t.casefold() for t in data.get("narrative_types", [])),
        addressee_kinds=frozenset(t.casefold() for t in _strings(data, "addressee_kinds")),
        skip_items=tuple(bare(s) for s in words["skip_sections"] + words["skip_items"]),
        funding_sections=tuple(bare(s) for s in _strings(funding, "words", "tasks.funding_sections")),
        money=_rx(rf"(?i)(?<!\p{{L}})(?:{_alternatives(_strings(funding, 'money', 'tasks.funding_sections'))})"
                  r"(?!\p{L})", "tasks.funding_sections.money"),
        power_items=tuple(bare(s) for s in _strings(_section(data, "power_items"), "words", "tasks.power_items")),
        with_duties=_rx(_string(_section(data, "power_items"), "with_duties", "tasks.power_items"),
                        "tasks.power_items.with_duties"),
        conditions=_rx(_string(_section(data, "condition_lists"), "pattern", "tasks.condition_lists"),
                       "tasks.condition_lists.pattern"),
        rights=_rx(_string(_section(data, "power_items"), "rights", "tasks.power_items"), "tasks.power_items.rights"),
        held_by=_rx(_string(_section(data, "held_roles"), "pattern", "tasks.held_roles"), "tasks.held_roles.pattern"),
        this_body=_rx(_string(_section(data, "held_roles"), "this_body", "tasks.held_roles"),
                      "tasks.held_roles.this_body"),
        in_charge_of=_rx(_string(_section(data, "in_charge_of"), "pattern", "tasks.in_charge_of"),
                         "tasks.in_charge_of.pattern", regex.IGNORECASE),
        field_cut=_rx(_string(_section(data, "in_charge_of"), "cut", "tasks.in_charge_of"), "tasks.in_charge_of.cut",
                      regex.IGNORECASE),
        form_items=tuple(bare(s) for s in _strings(data, "form_items")),
        recurrence=tuple((_rx(_string(r, "pattern", f"tasks.recurrence[{i}]"), f"tasks.recurrence[{i}].pattern",
                              regex.IGNORECASE), _string(r, "value", f"tasks.recurrence[{i}]"))
                         for i, r in enumerate(data.get("recurrence", []))),
        not_after=_rx(rf"(?:{_alternatives(words['recurrence_not_after'])})\s+$", "tasks.recurrence_not_after"),
        quantity=_rx(_string(data, "quantity", "tasks"), "tasks.quantity"),
        dated_subject=_rx(_string(_section(data, "dated_subjects"), "pattern", "tasks.dated_subjects"),
                          "tasks.dated_subjects.pattern"),
        pointer=_rx(_string(pointers, "pattern", "tasks.lead_in_pointers"), "tasks.lead_in_pointers.pattern"),
        with_contents=_rx(_string(pointers, "with_contents", "tasks.lead_in_pointers"),
                          "tasks.lead_in_pointers.with_contents"),
        group_heading=_rx(_string(_section(data, "group_headings"), "pattern", "tasks.group_headings"),
                          "tasks.group_headings.pattern"),
        not_office=_rx(rf"(?:{not_offices})(?!\p{{L}})", "tasks.not_office_labels"),
        manner=_rx(rf"(?:{manners})(?!\p{{L}})", "tasks.manner_words"),
        contact=_rx(rf"(?<!\p{{L}})(?:{contacts})\s*:$", "tasks.contact_labels"),
        members=_rx(_string(_section(data, "member_lists"), "pattern", "tasks.member_lists"),
                    "tasks.member_lists.pattern"),
        time_first=_rx(rf"^(?P<when>(?:{times_first})\s[^:;]{{0,50}}?\d[^:;]{{0,30}}):\s+(?=\p{{Lu}})",
                       "tasks.time_first"),
        obliges=_rx(_string(_section(data, "report_obligations"), "pattern", "tasks.report_obligations"),
                    "tasks.report_obligations.pattern"),
        everyone=_rx(_string(_section(data, "everyone_owners"), "pattern", "tasks.everyone_owners"),
                     "tasks.everyone_owners.pattern"),
        directs=_rx(rf"(?<!\p{{L}})(?:{directing})\s+(?=\p{{Lu}})", "tasks.directing"),
        directs_after=_rx(rf"(?<=[,;]\s*(?:\p{{Lu}}\S*\s+){{1,8}})(?:{directing})"
                          rf"(?:\s*(?:,|và)\s*(?:{joined}))*\s+", "tasks.directing"),
        person=_rx(rf"^(?:{anyone})\s+(?:\p{{Lu}}\p{{Ll}}*\s+){{0,4}}\p{{Lu}}\p{{Ll}}*\s*[-–:,]\s*",
                   "tasks.honorifics"),
        person_holding=_rx(rf"^(?:{titled})\s+{_PERSONAL_NAME}\s*,\s*(?=\p{{Lu}})", "tasks.honorifics"),
        # one person named by an honorific holds every office listed after it ('Đồng chí Ủy viên Ban
        # Thường vụ Đảng ủy, Chủ tịch Uỷ ban MTTQ Việt Nam xã lãnh đạo, chỉ đạo chung ...', KH 16/KH-MTTQ-BTT
        # xã Lương Minh; '1. Đồng chí Trưởng Ban xây dựng Đảng - Trưởng Tiểu ban:', KH 01/KH-TBTTKT xã Phố Bảng)
        one_holder=_rx(rf"^(?:{titled})\.?\s+\p{{Lu}}", "tasks.honorifics"),
        # ... or the office it holds, named whole to the colon whatever verbs its words spell
        # ('1. Đồng chí Trưởng Ban xây dựng Đảng - Trưởng Tiểu ban: Phụ trách chung, ...', KH
        # 01/KH-TBTTKT xã Phố Bảng)
        person_label=_rx(rf"^(?P<owner>(?:{titled})\.?\s+(?:{_PERSONAL_NAME}\s*[-–,]\s*[^:;.]{{2,80}}?"
                         rf"|\p{{Lu}}[^:;.]{{2,120}}?))\s*:\s*(?P<action>\S.*)$", "tasks.honorifics"),
    )
    _check_examples(data, grammar)
    return grammar


def _check_examples(data: dict[str, Any], grammar: TaskGrammar) -> None:
    """Each rule's own examples and non-examples hold, or the rules do not load."""
    checks = {
        "not_duties": lambda text: bool(grammar.not_duty.match(text)),
        "bracketed_asides": lambda text: grammar.aside_line.match(text) is not None,
        "owner_renamings": lambda text: grammar.renamed.search(text) is not None,
        "unnamed_bodies": lambda text: grammar.unnamed.search(text) is not None,
        "encouragements": lambda text: (found := grammar.owner_at(text) or grammar.after_opener(text)) is not None
        and grammar.encouraged(found[0], text),
        "generic_closing": lambda text: bool(grammar.generic_action.match(text)),
        "pointer_actions": lambda text: grammar.pointer_action.match(text) is not None,
        "kinds_then_names": lambda text: grammar.kind_then_name.match(text) is not None,
        "kinds_to_name": lambda text: grammar.kinds_named.search(text) is not None,
        "requests": lambda text: grammar.request.match(text) is not None,
        "referred_owner": lambda text: grammar.referred.match(text) is not None,
        "restating_closing": lambda text: bool(grammar.restating.match(text)),
        "owner_compounds": lambda text: (found := grammar.owner_at(text)) is not None and grammar.compounds.search(
            found[0]) is not None,
        "fields": lambda text: grammar.field(text) is not None,
        "duties_of": lambda text: grammar.owner_at(text) is not None,
        "condition_lists": lambda text: grammar.conditions.search(text) is not None,
        "not_owners": lambda text: grammar.owner_at(text) is None,
        "owner_asides": lambda text: grammar.aside.search(text) is not None,
        "co_actors": lambda text: grammar.co_actor.search(text) is not None,
        "held_roles": lambda text: grammar.held_by.search(text) is not None,
        "in_charge_of": lambda text: grammar.in_charge_of.search(text) is not None,
        "described_bodies": lambda text: grammar.described.match(text) is not None,
        "content_leads": lambda text: grammar.content_lead.search(text) is not None,
        "condition_openers": lambda text: grammar.main_clause_after_condition(text) is not None,
        "singled_out": lambda text: grammar.singled.search(text) is not None,
        "describing_items": lambda text: grammar.describing.match(text) is not None,
        "field_headings": lambda text: grammar.field_heading.match(text) is not None,
        "numbered_papers": lambda text: grammar.numbered_paper.search(text) is not None,
        "entitlements": lambda text: grammar.entitles(text),
        "regulations": lambda text: grammar.governed.match(text) is not None,
        "appendix_without_work": lambda pair: grammar.appendix_without_work(pair[0], lambda: pair[1]) is True,
        "lead_in_pointers": lambda text: grammar.pointer.search(text) is not None,
        "dated_subjects": lambda text: grammar.owner_at(text) is None,
        "group_headings": lambda text: grammar.group_heading.match(text) is not None,
        "not_office_labels": lambda text: grammar.not_office.match(text) is not None,
        "manner_words": lambda text: grammar.manner.match(text) is not None,
        "contact_labels": lambda text: grammar.contact.search(text) is not None,
        "member_lists": lambda text: grammar.members.match(text) is not None,
        "time_first": lambda text: grammar.time_first.match(text) is not None,
        "report_obligations": lambda text: grammar.obliges.search(text) is not None,
        "everyone_owners": lambda text: grammar.everyone.search(text) is not None,
        "directing": lambda text: grammar.directs.match(text) is not None,
        "honorifics": lambda text: grammar.person.match(text) is not None,
        "owner_time_phrases": lambda text: (found := grammar.owner_at(text)) is not None and (
            time := grammar.time_inside.search(text)) is not None and found[1] == time.start(),
    }
    # a section may hold a second pattern with examples of its own, under '<name>_examples'
    more = {("regulations", "number"): lambda text: grammar.regulation_number.match(text) is not None,
            ("regulations", "national"): lambda text: grammar.national_number.match(text) is not None,
            ("field_headings", "stage"): lambda text: grammar.field_heading.match(text) is not None,
            ("generic_closing", "plan_for_all"): lambda text: grammar.plan_for_all.match(text) is not None,
            ("lead_in_pointers", "with_contents"): lambda text: grammar.with_contents.search(text) is not None,
            ("power_items", "rights"): lambda text: grammar.rights.search(text) is not None,
            ("owner_renamings", "successor"): lambda text: grammar.successor.search(text) is not None,
            ("held_roles", "this_body"): lambda text: grammar.this_body.match(text) is not None,
            ("in_charge_of", "cut"): lambda text: grammar.field_cut.search(text) is not None}
    for (key, name), holds in [*(((key, None), holds) for key, holds in checks.items()), *more.items()]:
        section, where = data.get(key, {}), f"tasks.{key}" + (f".{name}" if name else "")
        prefix = f"{name}_" if name else ""
        for example in section.get(prefix + "examples", []):
            if not holds(example):
                raise GrammarError(f"{where}: its example {example!r} does not hold")
        for example in section.get(prefix + "non_examples", []):
            if holds(example):
                raise GrammarError(f"{where}: its non-example {example!r} holds")


def _rx(pattern: str, where: str, flags: int = 0) -> regex.Pattern:
    try:
        return regex.compile(pattern, flags)
    except regex.error as exc:
        raise GrammarError(f"{where}: the pattern does not compile ({exc}): {pattern[:80]!r}") from exc


def _verbs(verbs: list[str], nouns: list[str], case: bool = False) -> str:
    """The action verbs as one pattern; a verb written inside a noun of `nouns` is no verb there
    ('trình' in 'chương trình', 'quá trình', 'trình độ'): a verb that ends such a noun may not
    follow its first words, one that begins it may not precede its last."""
    def guarded(verb: str) -> str:
        before = [n[:-len(verb)].strip() for n in nouns if n.casefold().endswith(" " + verb.casefold())]
        after = [n[len(verb):].strip() for n in nouns if n.casefold().startswith(verb.casefold() + " ")]
        pattern = regex.escape(verb)
        # `case`: the words and their nouns are matched as written ('họp giao ban' is a meeting,
        # 'Giao Ban Dân tộc tỉnh tổng hợp' asks the Ban, TB 542/TB-UBND Quảng Ngãi)
        fold = "(?-i:" if case else "(?:"
        if before:
            pattern = rf"(?<!(?<!\p{{L}}){fold}{_alternatives(before)})\s+){pattern}"
        if after:
            pattern += rf"(?!\s+{fold}{_alternatives(after)})(?!\p{{L}}))"
        return pattern
    ordered = sorted(verbs, key=len, reverse=True)
    return rf"(?<!\p{{L}})(?:{'|'.join(guarded(v) for v in ordered)})(?!\p{{L}})"


def _alternatives(words: list[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


def phrases(words: Sequence[str]) -> str:
    """The words as alternatives, longest first, each space of a phrase any run of spaces
    ('Chậm nhất' as 'Chậm\\s+nhất': a line broken or spaced twice still reads)."""
    return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def _section(data: dict[str, Any], key: str, where: str = "tasks") -> dict[str, Any]:
    value = data.get(key)
    if not isinstance(value, dict):
        raise GrammarError(f"{where}.{key}: missing, or not an object")
    return value


def _strings(data: dict[str, Any], key: str, where: str = "tasks") -> list[str]:
    value = data.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise GrammarError(f"{where}.{key}: missing, or not a list of words")
    return value


def _string(data: dict[str, Any], key: str, where: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value:
        raise GrammarError(f"{where}.{key}: missing, or not a string")
    return value
