"""Citations: the other documents a dispatch names (căn cứ, thực hiện, theo ...).

A citation is a type word ('Quyết định', 'Kế hoạch', 'văn bản' ...) followed by a number,
then perhaps its date, its issuer after 'của' and its title. A later mention of the same
number without a date is an alias of the first; a law named without a number is a
citation with number None. The issuer is kept as written: a 'của' that contradicts the
number's code is the audit's to report, not this stage's to fix.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import regex

from ..record import Citation, Span
from ..rules import Rules
from .base import Lines, Ref, bare, clean_value, compiled
from .dates import date_at, parse_date
from .header import normalise_number, repair_type_code


@dataclass
class _Found:
    citation: Citation
    ref: Ref
    start: int
    end: int  # end of the whole mention, title included
    aliases: list[str] = field(default_factory=list)


_OF = regex.compile(r"\s*,?\s*(?:(?:của|cùa)\s+(?:(?:của|cùa)\s+)?|do\s+)")  # 'của' before the issuer
_ISSUER_END = regex.compile(r"[,;()\n]|\.(?!\p{Lu})|\s+ngày\s|\s+tại\s")  # where an issuer's name ends at the latest
FIELD_WORDS = 4  # the most words of a body's field before a capitalised title word that is still its name


class CitationFinder:
    """Compiled once per Rules: the type words and the phrase boundaries."""

    def __init__(self, rules: Rules) -> None:
        data = rules.table("citations")
        words = sorted({*(t.name for t in rules.doc_types), *data["mention_words"]}, key=len, reverse=True)
        alternatives = "|".join(regex.escape(w) for w in words)
        so = data["number_word"]["pattern"]
        # 'số' typed twice by a slip is still one ('Công văn số số 6053/VPCP-KSTT', CV 397/UBND
        # Phường 1 Vũng Tàu, one document so far)
        self.type_word = regex.compile(
            rf"(?<!\p{{L}})(?P<type>{alternatives})(?P<between>(?:\s+(?:của\s+[^,;.()]{{3,80}}?\s+)?"
            rf"(?:(?:{so})(?:\s+(?:{so}))?)?)?\s*:?\s*)$",
            regex.IGNORECASE)
        self.so_before = regex.compile(rf"(?<!\p{{L}})(?:{so})\s*:?\s*$")
        self.number_word = regex.compile(so)
        self.issuer_inside = regex.compile(rf"của\s+(?P<issuer>[^,;.()]{{3,80}}?)\s+(?:{so})(?!\p{{L}})")
        starters = "|".join(regex.escape(s) for s in sorted(data["title_starters"], key=len, reverse=True))
        # a title's first word right after the kind of a body is the body's name ('Ban Chỉ đạo')
        kinds = "|".join(regex.escape(k) for k in data.get("body_kinds", {}).get("words", []))
        after_kind = rf"(?<!(?<!\p{{L}})(?:{kinds}))" if kinds else ""
        # a capitalised one in the first words after a ministry, a Sở or a Cục is its field ('Bộ Xây dựng',
        # 'Cục Quản lý và Xây dựng công trình thủy lợi')
        fields = "|".join(regex.escape(k) for k in data.get("body_kinds", {}).get("capitalised", []))
        field_name = (rf"(?!(?<=(?<!\p{{L}})(?-i:{fields})(?:\s+\S+){{0,{FIELD_WORDS}}}\s+)(?-i:\p{{Lu}}))"
                      if fields else "")
        self.starter = regex.compile(rf"{after_kind}\s+{field_name}(?:{starters})(?!\p{{L}})", regex.IGNORECASE)
        # '... của Chính phủ và Nghị định số ...': 'và' before a type of document begins the
        # next citation, not a second issuer (NQ 11/2025/NQ-HĐND Hà Nội, KH 20/KH-PGD&ĐT Hiệp Hòa)
        self.joint_post = regex.compile(rf"(?:{'|'.join(regex.escape(w) for w in data['joint_posts']['words'])})\s+",
                                        regex.IGNORECASE)
        # so does 'và' before an article of one ('... của Chính phủ và Điều 8 Thông tư số 01/2018/TT-VPCP ...',
        # QĐ 179/QĐ-UBND Ninh Thuận; 'khoản 4 Điều 36 Nghị định số 61/2018/NĐ-CP' opens the same sentence)
        self.next_document = regex.compile(
            rf"\s+và\s+(?:(?:{alternatives})(?!\p{{L}})|(?:điểm|khoản|Điều)\s+\d)")
        # '... Nghị quyết 50/NQ-CP ngày 08/4/2022 của Chính phủ và Công văn số 366/UBND-TH ...'
        # (KH 156/KH-UBND An Giang), '... Quyết định của Thủ tướng Chính phủ số 142/2008/QĐ-TTg
        # ngày 27/10/2008, số 53/2010/QĐ-TTg ngày 20/8/2010 và số 62/2011/QĐ-TTg' (CV 2403/TTg-KGVX):
        # 'và' or a comma before another number begins the next citation, and ends this one's title
        self.next_number = regex.compile(
            rf"(?:^(?:và\s+)?|\s+và\s+|\s*,\s*(?:và\s+)?)(?:(?:{alternatives})\s+)?(?:{so})\s*\d", regex.IGNORECASE)
        self.issuer_before = regex.compile(data["issuer_before"]["pattern"])
        self.lowercase_ok = frozenset(data["issuer_lowercase"]["words"])
        self.inner_max = int(data["issuer_lowercase"].get("inner_max", 0))
        self.inner_stop = frozenset(data["issuer_lowercase"].get("inner_stop", []))
        heads = "|".join(regex.escape(h) for h in sorted(data["issuer_heads"], key=len, reverse=True))
        self.heads = heads
        self.proposer_before = regex.compile(data["proposer_before"]["pattern"].replace("$heads", heads))
        # '... đã được UBND tỉnh, Chủ tịch UBND tỉnh chỉ đạo tại Chỉ thị số ...' (TB 565/TB-UBND
        # Quảng Ngãi): a name that ends in a verb of directing is the agent of a clause, no proposer
        self.ends_directing = regex.compile(rf"\s(?:{starters})$")
        _expect("proposer_before", data["proposer_before"].get("examples", []), self.issuer_named_before)
        # the issuer written right after the date without 'của', up to the title or the next
        # document ('Kế hoạch số 145/KH-UBND ngày 18/3/2022 Uỷ ban nhân dân tỉnh về việc triển khai
        # ...', '... ngày 18/3/2022 Uỷ ban nhân dân tỉnh và các Kết luận chỉ đạo ...', KH 156/KH-UBND
        # An Giang): a body named where the issuer stands is the issuer
        self.unmarked_issuer = regex.compile(
            rf"\s+(?P<issuer>(?:{heads})(?!\p{{Ll}})[^,;.()]{{0,60}}?)(?=\s+(?:về\s+việc|về|V/v|và)\s|\s*[,;.]|\s*$)")
        # '... của Bộ trưởng Bộ Giáo dục và Đào tạo (GDĐT' : an abbreviation may follow the issuer
        self.late_issuer = regex.compile(
            rf"\s+của\s+(?P<issuer>(?:{heads})(?!\p{{Ll}})[^;()]*?)(?:\s*\(\p{{Lu}}[\p{{Lu}}&]*\)?)?$")
        self.subject = regex.compile(data["subject_issuer"]["pattern"])
        self.date_before = regex.compile(data["subject_issuer"]["date_before"])
        self.law_lead = regex.compile(data["law_before_number"])
        self.list_continues = regex.compile(data["list_continues"])
        laws = data["laws"]
        self.law = regex.compile(rf"(?<!\p{{L}})(?P<name>{laws['head']}.*?)(?={laws['stop']}|$)")
        self.amending_law = regex.compile(rf"(?<!\p{{L}})(?P<name>{laws['amending']})")
        self.abbreviation = regex.compile(data["abbreviation_defined"]["pattern"])
        unnumbered = data.get("unnumbered", {})
        grounds = "|".join(regex.escape(t) for t in sorted(unnumbered.get("grounds", []), key=len, reverse=True))
        self.grounds = regex.compile(
            rf"^\s*(?:[-+]\s*)?Căn\s+cứ\s+(?P<type>{grounds})\s+(?P<rest>\S.*)$") if grounds else None
        quoted = "|".join(regex.escape(t) for t in sorted(unnumbered.get("quoted", []), key=len, reverse=True))
        self.approved_by = regex.compile(
            rf"\s*,?\s*(?:được\s+)?(?:phê\s+duyệt|ban\s+hành)?\s*(?:kèm\s+)?(?:theo|tại)\s+\p{{Lu}}\p{{L}}*(?:\s+\p{{L}}+){{0,2}}\s+(?:{so})\s*\d")
        self.quoted = regex.compile(
            rf"(?<!\p{{L}})(?P<type>{quoted})\s+[“\"](?P<title>[^”\"]{{5,200}})[”\"]") if quoted else None
        self.congress = regex.compile(rf"(?<!\p{{L}}){unnumbered['congress']}") if "congress" in unnumbered else None
        def congress(text: str) -> str | None:
            found = self.congress.search(text) if self.congress else None
            return found.group(0) if found else None

        _expect("unnumbered.congress", [*unnumbered.get("congress_examples", []),
                                        *([text, None] for text in unnumbered.get("congress_non_examples", []))],
                congress)
        # an appendix heading that names the document it comes with ('(Kèm theo Quyết định số
        # 146/QĐ-TTg ...)'): under the document's own code it is the document, not a citation
        self.own_reference = regex.compile(data["own_reference"]["pattern"])
        self.known_bodies = sorted((_body_key(name) for name in data.get("known_bodies", {}).get("names", [])),
                                   key=len, reverse=True)
        _expect("known_bodies", data.get("known_bodies", {}).get("examples", []), self.known_body)
        names = data.get("known_bodies", {})
        # each known name's words as written, with their bare letters, longest first
        self.spellings = sorted(((words, [bare(w) for w in words]) for words in
                                 (name.split() for name in [*names.get("names", []), *names.get("spellings", [])])),
                                key=lambda spelled: len(spelled[0]), reverse=True)
        self.rules = rules

    def known_body(self, text: str) -> str | None:
        """The name of a known body that `text` opens with, as written there ('Bộ tài chính',
        'Sở giáo dục và Đào tạo'): rules/citations.json known_bodies, compared on bare letters
        with 'và', '&' and dashes aside."""
        seen: list[tuple[str, int]] = []  # each word's key and where it ends in `text`
        for word in regex.finditer(r"\S+", text[:200]):
            key = _word_key(word.group())
            if key and key not in _NAME_JOINERS:
                seen.append((key, word.end()))
        keys = tuple(k for k, _ in seen)
        for name in self.known_bodies:
            if keys[:len(name)] == name:
                return text[:seen[len(name) - 1][1]].rstrip(",.;:")
        return None

    def respelled(self, issuer: str) -> str:
        """An issuer read by OCR with the known names in it written as they are, marks aside
        ('Chính phú' → 'Chính phủ', 'Bộ trưởng Bộ Giáo dục và Dào tạo' → '... Đào tạo':
        rules/citations.json known_bodies.spellings)."""
        words, out, at = issuer.split(), [], 0
        while at < len(words):
            for name, keys in self.spellings:
                if [bare(w) for w in words[at:at + len(name)]] == keys:
                    out.extend(name)
                    at += len(name)
                    break
            else:
                out.append(words[at])
                at += 1
        return " ".join(out)

    def issuer_after(self, text: str, pos: int) -> tuple[str | None, int]:
        """'của Thủ tướng Chính phủ phê duyệt ...' → ('Thủ tướng Chính phủ', end); 'cùa', no word of
        the language, is 'của' mistyped or misread ('174/2008/QĐ-TTgngày 31/12/2008 cùa Thủ tướng Chính
        phủ', the text-recognised Word copy of QĐ 2442/QĐ-ĐHAG; one document so far). 'của' typed
        twice is one ('Thông tư số 30/2024/TT-BGDĐT ... của của Bộ trưởng Bộ Giáo dục và Đào tạo', QĐ
        105/QĐ-UBND Kon Tum), as 'số số' is."""
        match = _OF.match(text, pos)
        if not match:
            return None, pos
        rest = text[match.end():]
        stop = len(rest)
        joint = self.joint_post.match(rest)  # 'Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ': one issuer
        after = joint.end() if joint else 0
        # 'UBND TP.HCM': a full stop inside an abbreviation is no boundary
        boundaries = (self.starter.search(rest, after), self.next_document.search(rest, after),
                      _ISSUER_END.search(rest, after))
        for boundary in boundaries:
            if boundary:
                stop = min(stop, boundary.start())
        issuer = self.trim_issuer(rest[:stop])
        known = self.known_body(rest[:stop])
        if known and len(clean_value(known)) > len(issuer):
            # 'của Bộ tài chính', 'của Sở giáo dục và Đào tạo Vĩnh Long': a known body written in small
            # letters, then its place ('known' is the text as written, so its length is where it ends)
            issuer = clean_value(f"{known} {self.trim_issuer(rest[len(known):stop])}")
        return (issuer.rstrip(" :") or None), match.end() + stop

    def issuer_named_before(self, head: str) -> str | None:
        """'các Quyết định của Thủ tướng Chính phủ số ...', 'theo đề nghị của Giám đốc Công an
        tỉnh tại Tờ trình số ...': the issuer before the number, when nothing but the issuer
        lies between 'của' and the type word. Words the name cannot hold end it there, and
        then 'của' belongs to another document: in 'Thông tư số 13/2022/TT-BGDĐT … của Bộ
        Giáo dục và Đào tạo hướng dẫn thực hiện Quyết định số 1665/QĐ-TTg', the Bộ issued the
        Thông tư, not the Quyết định (likewise 'Công văn số … của Sở GDĐT triển khai Kế hoạch
        số …')."""
        proposer = self.proposer_before.search(head)
        if proposer and not self.ends_directing.search(proposer.group("issuer")):
            # 'Công ty TNHH VLXD Sơn Thạch tại Văn bản số ...': the nearest name is the paper's
            return clean_value(proposer.group("issuer"))
        match = self.issuer_before.search(head)
        if match:
            named = regex.sub(r"\s+(?:số|tại)$", "", clean_value(match.group("issuer")))  # '... Sở Tư pháp số'
            return named if self.trim_issuer(named) == named else None
        return None

    def trim_issuer(self, phrase: str) -> str:
        """End an issuer at the first lower-case word that cannot be part of a name:
        the second syllable of a capitalised word is ('Giáo dục'), a second lower-case
        word in a row is not ('Chính phủ nghị định'), nor 'và' before a lower-case word."""
        words = phrase.split()
        kept: list[str] = []
        for i, word in enumerate(words):
            lower = word[:1].islower()
            prev_cap = bool(kept) and kept[-1][:1].isupper()
            if lower and word == "và":
                nxt = words[i + 1] if i + 1 < len(words) else ""
                if not nxt[:1].isupper():
                    break
            elif lower and not prev_cap and word not in self.lowercase_ok and not self._inner(words, i):
                break
            kept.append(word)
        return clean_value(" ".join(kept))

    def _inner(self, words: list[str], i: int) -> bool:
        """Whether the lower-case words from `i` are inside a name that a capitalised word
        goes on with ('... chất lượng giáo dục Đông A')."""
        for j in range(i, min(len(words), i + self.inner_max + 1)):
            word = words[j]
            if word[:1].isupper():
                return j > i
            if not word.isalpha():
                return False
            if word in self.inner_stop:
                # 'số' stops a name before a number only: 'Ban Chỉ đạo Chuyển đổi số tỉnh Sơn La'
                # (KH 07-KH/BTC Sơn La) holds it, as the digital-transformation bodies' names do
                after = words[j + 1] if j + 1 < len(words) else ""
                if not (self.number_word.fullmatch(word) and after[:1].isalpha()):
                    return False
        return False

    def title_after(self, text: str, pos: int) -> tuple[str | None, int]:
        rest = text[pos:]
        # '(GDĐT)' after an issuer defines an abbreviation; the title comes after it
        lead = regex.match(r"\s*(?:\([^()]{1,15}\))?\s*,?\s*(?:về\s+việc\s+|về\s+|V/v\s+)?", rest)
        body = rest[lead.end():]
        # a title also ends where the sentence's own subject begins: '..., Sở Giáo dục và Đào
        # tạo (GDĐT) xây dựng Kế hoạch' after the last căn cứ
        end = regex.search(rf";|\.(?:\s|$)|\)|\s+\((?!\p{{Lu}}{{2,}})|,\s+(?:{self.heads})\s[^,;]*\(\p{{Lu}}|$", body)
        if self.next_document.match(" " + body):
            return None, pos  # 'và Điều 8 Thông tư số …' right after the issuer: the next document, no title
        following = self.next_number.search(body)
        if following and (not end or following.start() < end.start()):
            end = following
        title = clean_value(body[:end.start()]) if end else clean_value(body)
        if not title or len(title) < 4:
            return None, pos
        return title[:400], pos + lead.end() + (end.start() if end else len(body))


_NAME_JOINERS = frozenset({"VA", "&", "-", "–"})


def _expect(where: str, examples, read) -> None:
    """Each (text, expected) example of a rules entry read as it says, else the entry is refused
    at start (a None expected: a non-example, which must give nothing)."""
    for text, expected in examples:
        got = read(text)
        if got != expected:
            raise ValueError(f"rules/citations.json {where}: {text!r} gives {got!r}, not {expected!r}")


def _word_key(word: str) -> str:
    return bare(word.strip(",.;:()")).strip(",.;:()")


def _body_key(name: str) -> tuple[str, ...]:
    return tuple(k for k in (_word_key(w) for w in name.split()) if k and k not in _NAME_JOINERS)


def extract_citations(lines: Lines, own_number: str | None, start: int, skip: set[int],
                      rules: Rules, finder: CitationFinder | None = None) -> tuple[list[Citation], dict[str, Span]]:
    """Citations in the lines from `start` on (the body after the title), less the lines of
    `skip` (the Nơi nhận and signer), in order of first mention."""
    finder = finder or compiled(rules, CitationFinder)
    found: list[_Found] = []
    own = number_key(own_number) if own_number else None
    own_code = serial_and_code(own_number)[1] if own_number and "/" in own_number else None
    refs = [r for r in lines.refs[start:] if r.index not in skip]
    spans = lines.spans(rules)
    number_pattern = rules.pattern("number")
    for ref in refs:
        text = ref.text
        for s_start, _, label in spans.get(ref.index, []):
            match = number_pattern.match(text, s_start) if label == "number" else None
            if match is None:
                continue
            if not regex.search(r"\p{L}", match.group("symbol")):
                continue  # a date such as 27/9/2024, not a number
            before = text[:match.start()]
            lead = finder.type_word.search(before)
            law = finder.law_lead.search(before)
            if lead and law and lead.start() >= law.end("name"):
                # 'Luật giáo dục đại học (Luật số: 08/2012/QH13)': the bracket numbers the name; a type
                # word inside the name is another paper's ('Luật Thực hiện dân chủ ở cơ sở ngày 27 tháng 6
                # năm 2025 và Chỉ thị số 33/CT-TTg', KH 70/KH-UBND Cần Thơ)
                lead = None
            elif lead:
                law = None
            if law is not None:
                # an amending law ends where the name it amends does ('Luật sửa đổi, bổ sung một số
                # điều của Luật giáo dục đại học (Luật sô: 34/2018/QH14)', CV 2274/BGDĐT-QLCL)
                law = next((m for m in finder.amending_law.finditer(before)
                            if len(before[:m.end()].rstrip()) == law.end("name")), law)
            inherited = None
            if not lead and not law and found and found[-1].ref is ref and finder.list_continues.search(before):
                inherited = found[-1].citation  # 'các Quyết định ... số 142/2008/QĐ-TTg ..., số 53/2010/QĐ-TTg'
            coded = None
            if not (lead or law or inherited) and finder.so_before.search(before):
                coded = _doc_type("", repair_type_code(normalise_number(match), rules, lines.is_ocr(ref)), rules)
            if not (lead or law or inherited or coded):
                continue
            mention_start = (lead or law).start() if (lead or law) else match.start()
            number = repair_type_code(normalise_number(match), rules, lines.is_ocr(ref))
            if own and number_key(number) == own:
                continue
            if own_code and _names_itself(text, match.start(), own_code, finder):
                continue  # its serial may differ (a handwritten number misread): the audit says so
            date, pos = date_at(text, match.end())
            issuer, pos2 = finder.issuer_after(text, pos)
            if issuer is None and date is not None:
                unmarked = finder.unmarked_issuer.match(text, pos)
                if unmarked:
                    issuer = finder.trim_issuer(unmarked.group("issuer")) or None
                    if issuer:  # the title begins where the name ends ('Chính phủ quy định về ...')
                        words = list(regex.finditer(r"\S+", text, pos=unmarked.start("issuer"),
                                                    endpos=unmarked.end("issuer")))
                        pos2 = words[len(issuer.split()) - 1].end()
            if date is None and issuer is not None:
                # '2647/TB-SGDĐT của Sở GDĐT An Giang ngày 07 tháng 07 năm 2023': the date
                # may follow the issuer
                date, after = date_at(text, pos2)
                pos2 = after if date else pos2
            head = text[:mention_start]
            if issuer is None and inherited is not None:
                issuer = inherited.issuer
            if issuer is None:
                inside = finder.issuer_inside.search(lead.group("between") or "") if lead else None
                named = None if inside else finder.issuer_named_before(head)
                before_issuer = inside or finder.subject.search(head)
                if named:
                    issuer = named
                elif before_issuer:
                    issuer = finder.trim_issuer(before_issuer.group("issuer" if "issuer" in before_issuer.groupdict()
                                                                      else "subject"))
            if date is None:
                earlier = finder.date_before.search(head)
                if earlier:
                    date = parse_date(earlier.group("date"))
            title, end = finder.title_after(text, pos2)
            if issuer is None and title:
                late = finder.late_issuer.search(title)  # '... quy định về X của Bộ trưởng Bộ Y tế'
                if late:
                    issuer = finder.trim_issuer(late.group("issuer"))
                    title = clean_value(title[:late.start()])
            if law is not None:
                doc_type, title = "Luật", clean_value(law.group("name"))
            elif inherited is not None:
                doc_type = _doc_type("", number, rules) or inherited.doc_type
            else:
                doc_type = _doc_type(lead.group("type") if lead else "", number, rules)
            mention = clean_value(text[mention_start:match.end()])
            if issuer and lines.is_ocr(ref):
                issuer = finder.respelled(issuer)
            _add(found, Citation(doc_type=doc_type, number=number, date=date, issuer=issuer, title=title,
                                 text=clean_value(text[mention_start:max(end, pos2)])), ref, mention_start,
                 max(end, pos2), mention)
    abbreviations = _defined_abbreviations(refs, finder)
    _laws(found, refs, finder, abbreviations)
    _unnumbered(found, refs, finder)
    _congresses(found, refs, finder, abbreviations)
    found = _whole_numbers(found)
    found.sort(key=lambda f: (f.ref.index, f.start))
    _share_issuers(found)
    citations, evidence = [], {}
    for i, f in enumerate(found):
        citations.append(Citation(**{**f.citation.to_dict(), "aliases": tuple(dict.fromkeys(f.aliases))}))
        evidence[f"citations[{i}]"] = lines.span(f.ref, f.start, f.end)
    return citations, evidence


def _whole_numbers(found: list[_Found]) -> list[_Found]:
    """Without the numbers cut at the hyphen before their issuer's code where the whole number is
    cited too: a table's cell that wraps 'Thông tư số 04/2020/TT-' / 'BTP ngày 28/5/2020' across its
    lines, read row by row with the other columns between, gives '04/2020/TT', which is the
    04/2020/TT-BTP of the same list ('Thông tư liên tịch số 146/2012/TTLT-' and 146/2012/TTLT-BTC-BTP
    likewise; the 'Căn cứ pháp lý' column of QĐ 313/QĐ-UBND Phú Thọ). A kind's code with no issuer's
    code after it is no number a document is issued under."""
    keys = [number_key(f.citation.number) for f in found if f.citation.number]
    def cut(number: str | None) -> bool:
        if not number or "-" in number.rpartition("/")[2]:
            return False
        key = number_key(number)
        return any(other.startswith(key + "-") for other in keys)
    return [f for f in found if not cut(f.citation.number)]


def _names_itself(text: str, pos: int, own_code: str, finder: CitationFinder) -> bool:
    """The number at `pos` is in a heading that names the document it comes with, under the
    document's own code: QĐ 146/QĐ-TTg's appendix '(Kèm theo Quyết định số 146/QĐ-TTg ngày 28
    tháng 01 năm 2022 của Thủ tướng Chính phủ)', CV 7991/BGDĐT-GDTrH's '(Kèm theo Công văn số
    7991/BGDĐT-GDTrH ngày 17/12/2024 của Bộ GDĐT)'. Inside a sentence ('Quy chế ban hành kèm theo
    Quyết định số 05/QĐ-UBND') the words cite another document: the pattern holds to headings."""
    return any(m.start("number") <= pos < m.end("number") and serial_and_code(m["number"])[1] == own_code
               for m in finder.own_reference.finditer(text))


def number_key(number: str) -> str:
    """A document number compared without spaces, case or đ/d ('292 /KH-SGDĐT' = '292/kh-sgddt')."""
    return regex.sub(r"\s+", "", number).casefold().replace("đ", "d")


def serial_and_code(number: str) -> tuple[str, str]:
    """'230 /KH-THPT.PB' → ('230', 'kh-thpt.pb'): the register's serial and the code that says
    which issuer and which kind of document, compared without spaces, case or đ/d."""
    serial, _, code = number_key(number).partition("/")
    return serial.lstrip("0"), code.rstrip(".")


def _doc_type(word: str, number: str, rules: Rules) -> str | None:
    """The type from the number's code (349/TB-VPCP is a Thông báo even when called
    'văn bản'), else from the word before it; a number without a type code is a công văn."""
    parts = regex.split(r"[-/]", number)
    for part in parts[1:3]:
        found = rules.doc_type_by_code(part)
        if found:
            return found.name
    named = rules.doc_type_by_name(word)
    if named:
        return named.name
    if word.casefold() in ("công văn", "văn bản"):
        return rules.table("doc_types")["cong_van"]
    return None


_JOINED = regex.compile(r"\s*(?:,|và|,\s*và)\s*")


def _share_issuers(found: list[_Found]) -> None:
    """'Công văn số 4216/UBND-NC ngày 02/12/2021 và Công văn số 4478/UBND-NC ngày 18/11/2022 của
    Chủ tịch UBND tỉnh' (QĐ 254/QĐ-UBND Sơn La), 'Quyết định số 142/2008/QĐ-TTg ngày 27/10/2008
    và số 53/2010/QĐ-TTg của Thủ tướng Chính phủ': documents joined by 'và' or a comma with no
    issuer or title of their own share the issuer named after the last of them."""
    for i in range(len(found) - 2, -1, -1):
        this, following = found[i], found[i + 1]
        if (this.citation.issuer is None and this.citation.title is None and following.citation.issuer
                and this.ref.index == following.ref.index
                and _JOINED.fullmatch(this.ref.text[this.end:following.start])):
            this.citation = Citation(**{**this.citation.to_dict(), "issuer": following.citation.issuer,
                                        "aliases": ()})


def _add(found: list[_Found], citation: Citation, ref: Ref, start: int, end: int, mention: str) -> None:
    for f in found:
        same_number = f.citation.number and number_key(f.citation.number) == number_key(citation.number or "")
        if not same_number:
            continue
        if citation.date and f.citation.date and citation.date != f.citation.date:
            continue  # two documents share a number (02/CT-TTg of 2018 and of 2019)
        if citation.date is None or citation.date == f.citation.date:
            if citation.date is None:
                f.aliases.append(mention)
            if f.citation.issuer is None and citation.issuer:
                f.citation = Citation(**{**f.citation.to_dict(), "issuer": citation.issuer, "aliases": ()})
            if f.citation.date is None and citation.date:
                f.citation = Citation(**{**f.citation.to_dict(), "date": citation.date, "aliases": ()})
            return
        if f.citation.date is None:
            f.citation = Citation(**{**f.citation.to_dict(), "date": citation.date, "aliases": ()})
            return
    found.append(_Found(citation, ref, start, end))


def _laws(found: list[_Found], refs: list[Ref], finder: CitationFinder, abbreviations: dict[str, str]) -> None:
    """Laws and ordinances named without a number, outside the titles of other citations.
    A law amending others is one law; a name written with an abbreviation the document
    defined ('Luật Bảo vệ BMNN') is the same law as the one written out."""
    covered = {(f.ref.index, s) for f in found for s in range(f.start, f.end)}
    bills = _bill_items(refs)
    for ref in refs:
        amending = list(finder.amending_law.finditer(ref.text))
        inside = {s for m in amending for s in range(m.start(), m.end())}
        matches = amending + [m for m in finder.law.finditer(ref.text) if m.start() not in inside]
        for match in sorted(matches, key=lambda m: m.start()):
            if (ref.index, match.start()) in covered:
                continue
            # a joiner before a stop word is the sentence's ('Luật Ngân sách nhà nước và theo khả năng ...')
            name = regex.sub(r"\s+(?:và|hoặc)$", "", clean_value(match.group("name")))
            after = ref.text[match.end():]
            if regex.match(r"\s*số\s*\d", after) or len(name.split()) < 2:
                continue  # numbered: the number pass has it
            if (_DRAFT_AFTER.match(after) or _DRAFT_BEFORE.search(ref.text, 0, match.start())
                    or _cell_of_its_own(ref.text, match.start(), name)
                    or (ref.index in bills and _opens_item(ref.text, match.start()))):
                # a bill is no document yet: 'Luật Hộ tịch (sửa đổi)' in a programme of bills (NQ
                # 105/2025/UBTVQH15), 'Luật Đất đai (sửa đổi)' and 'dự án Luật ...' among the drafts a
                # ministry prepares (QĐ 59/QĐ-BTNMT): the law in force is cited by its own name. A
                # table's cell that holds a law's name and nothing else is an entry of such a list
                # ('5 | Luật Nhà ở | Chính phủ | ...', the bills of NQ 105/2025/UBTVQH15; '1 | 37 |
                # Luật Địa chất và Khoáng sản | Cục Khoáng sản ...', the drafts of QĐ 59/QĐ-BTNMT); a law
                # in force is named inside a sentence of a cell ('... theo quy định của Luật Quản lý,
                # sử dụng tài sản công ...', NQ 11/2025/NQ-HĐND Hà Nội); so is an item that opens with
                # a law's name under a lead-in that announces bills ('... đối với 13 dự án luật sau
                # đây:' / 'a) Luật Hộ tịch (sửa đổi);' / 'b) Luật Thủ tục ban hành quyết định hành
                # chính;', NQ 105/2025/UBTVQH15)
                continue
            if _in_a_title_again(found, ref.text[:match.start()], name):
                continue
            year = regex.match(r"\s+(?:năm\s+)?(\d{4})\b", after)
            if year and "năm" in after[:year.end()]:
                name = f"{name} năm {year.group(1)}"
            date, _ = date_at(ref.text, match.end())
            bare_day = _BARE_DAY.match(after) if date is None else None
            if bare_day:
                date = parse_date(bare_day.group(1))  # '... và Luật viên chức 6/12/2019' (QĐ of UBND Ngãi Giao)
            passed = _PASSED_BY.match(after)
            if passed and date is None:
                date, _ = date_at(after, passed.end())  # '... thông qua ngày 23/6/2014'
            doc_type = next((kind for kind in ("Pháp lệnh", "Hiến pháp") if name.startswith(kind)), "Luật")
            dated = regex.match(r"Hiến\s+pháp\s+(?:năm\s+)?\d{4}", name)
            if dated:
                # the Constitution is named by its year, with 'năm' or without: what follows is the
                # sentence's ('Hiến pháp 2013;', 'Hiến pháp năm 2013 sau sửa đổi, bổ sung', KH
                # 01/KH-TBTTKT xã Phố Bảng), and each is the one Constitution
                name = dated.group(0)
            folded = _expand(name, abbreviations).casefold()
            misread = next((f for f in found if f.citation.number is None and f.citation.title
                            and f.citation.doc_type == doc_type
                            and _year_bare(f.citation.title) == _year_bare(name)), None)
            if misread:
                # the same name with a mark misread ('Luật sửa đổi, bỗ sung ...' and '..., bổ sung ...';
                # 'Mặt trận Tô quốc' for 'Tổ quốc', KH 70/KH-UBND Cần Thơ): one law, no shorter name
                if name != misread.citation.title:
                    misread.aliases.append(name)
                continue
            known = next((f for f in found if f.citation.number is None and f.citation.title and
                          # a later mention that says less is the law named before ('Pháp lệnh ưu
                          # đãi người có công' after '... với cách mạng năm 2020', CV 2638/LĐTBXH-KHTC)
                          (_goes_on(folded, _expand(f.citation.title, abbreviations).casefold(),
                                    _expand(name, abbreviations)) or
                           _expand(f.citation.title, abbreviations).casefold().startswith(folded))), None)
            if known:
                if passed and known.citation.issuer is None:
                    # said again with who passed it ('Luật hải quan được Quốc hội khóa XIII kỳ họp thứ 7
                    # thông qua ngày 23/6/2014', CV 19046/BTC-TCHQ): the law named before has its issuer
                    known.citation = replace(known.citation, issuer=clean_value(passed["issuer"]),
                                             date=known.citation.date or date)
                longer = known.citation.title
                rest = _expand(longer, abbreviations)[len(_expand(name, abbreviations)):]
                if regex.match(r"\s*(?:,|(?:và|hoặc|để)(?!\p{L}))", rest):
                    # the earlier mention ran on with a joiner past the name this one ends at ('Luật Ngân
                    # sách nhà nước và phù hợp với ...', then '... và theo khả năng ...', KH 2922 Vĩnh Long)
                    known.citation = replace(known.citation, title=name)
                    known.aliases.append(longer)
                elif name != longer:
                    known.aliases.append(name)
                continue
            shared = next(((f, common) for f in found if f.citation.number is None and f.citation.title
                           and f.citation.doc_type == doc_type
                           and (common := _shared_name(f.citation.title, name))), None)
            if shared:
                earlier, common = shared
                earlier.aliases.extend(t for t in (earlier.citation.title, name) if t != common)
                earlier.citation = replace(earlier.citation, title=common)
                continue
            found.append(_Found(Citation(doc_type=doc_type, number=None, date=date,
                                         issuer=clean_value(passed["issuer"]) if passed else None, title=name,
                                         text=clean_value(ref.text[match.start():match.end() + 40])),
                                ref, match.start(), match.end()))


# who passed a law, said after its name: the Quốc hội or its standing committee ('được Quốc hội
# khóa XIII kỳ họp thứ 7 thông qua ngày 23/6/2014', CV 19046/BTC-TCHQ)
_BARE_DAY = regex.compile(r"\s+(\d{1,2}/\d{1,2}/\d{4})(?![\d/])")  # a law's day written with no 'ngày'
_PASSED_BY = regex.compile(r"\s+(?:đã\s+)?được\s+(?P<issuer>Quốc\s+hội|Ủy\s+ban\s+[Tt]hường\s+vụ\s+Quốc\s+hội)"
                           r"(?![\p{L}])[^.;]{0,60}?\s+thông\s+qua")


def _year_bare(name: str) -> str:
    """A name's bare letters, 'năm' before a year left out ('Hiến pháp năm 2013' = 'Hiến pháp 2013')."""
    return regex.sub(r"(?<!\p{L})NAM\s+(?=\d{4})", "", bare(name))


def _goes_on(longer: str, name: str, written: str) -> bool:
    """Whether a later mention, `longer` (folded; `written` as written), is the law `name` said
    before with more after it: its year or day, a joiner ('Luật Bảo vệ bí mật nhà nước năm
    2018'); not another law whose name begins alike ('Luật Giáo dục đại học' after 'Luật Giáo
    dục' is a law of its own)."""
    if not longer.startswith(name):
        return False
    rest = written[len(name):]  # as written, its capitals count (folding keeps Vietnamese lengths)
    if regex.match(r"\s*,|\s+(?:năm|ngày|số|và|hoặc|để)(?!\p{L})", rest):
        return True
    # a law's name goes on in small words ('đại học', 'nghề nghiệp'); a capital or a label after
    # it begins the sentence's next words ('Luật Giá Sở quản lý ngành ...', 'Luật Giá b1', QĐ
    # 70/2024/QĐ-UBND Hà Nội)
    return not regex.match(r"\s+\p{Ll}{2,}(?:\s|$)", rest)


def _shared_name(one: str, other: str) -> str | None:
    """The name of a law two mentions share when each runs on past it into its own sentence:
    a law's name is fixed, the words after it change with the sentence ('Luật Giao thông đường
    bộ và câu hỏi tự luận', 'Luật Giao thông đường bộ, làm bài tự luận ...', CV 6103/BGDĐT-GDTrH;
    'Luật Ngân sách nhà nước và phù hợp với ...', '... và theo khả năng cân đối ...', KH
    2922/KH-SGDĐT Vĩnh Long). Only where both go on with a joiner ('và', a comma): 'Luật Giáo
    dục' and 'Luật Giáo dục đại học' are two laws."""
    a, b = (regex.findall(r"[^\s,]+|,", name) for name in (one, other))
    n = 0
    while n < min(len(a), len(b)) and a[n].casefold() == b[n].casefold():
        n += 1
    while n and (a[n - 1] == "," or a[n - 1].casefold() in _JOINERS):
        n -= 1  # the shared words end before a joiner both go on with
    if n < 3 or n in (len(a), len(b)) or not all(w[n] == "," or w[n].casefold() in _JOINERS for w in (a, b)):
        return None
    return " ".join(a[:n]).replace(" ,", ",")


_JOINERS = {"và", "hoặc", "để"}


def _in_a_title_again(found: list[_Found], before: str, name: str) -> bool:
    """Whether a law's name closes the title of a document cited before, written again with the
    words that lead to it: 'Nghị định số 105/2025/NĐ-CP ... quy định chi tiết một số điều và biện
    pháp thi hành Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ' among the Căn cứ and again in the
    table of QĐ 1696/QĐ-UBND Lào Cai, the second time with its number misspaced ('NĐ- CP'): the
    Nghị định is meant, not the law."""
    lead = " ".join(before.split()[-4:])
    return len(lead) > 10 and any(
        f.citation.title and f.citation.title.endswith(name) and
        " ".join(f.citation.title[:-len(name)].split()[-4:]) == lead for f in found)


_ITEM_LABEL = regex.compile(r"^\s*(?:[-+•–]\s*)?(?:[a-zđ]|\d{1,2})[.)]\s+")
_BILLS_LEAD = regex.compile(r"(?i:dự\s+án|dự\s+thảo)[^:]*:\s*$")


def _opens_item(text: str, start: int) -> bool:
    """Whether what begins at `start` is the first thing of an item, right after its label."""
    label = _ITEM_LABEL.match(text)
    return label is not None and label.end() == start


def _bill_items(refs: list[Ref]) -> set[int]:
    """The lines of the items under a lead-in that announces bills or drafts ('... đối với 13 dự
    án luật sau đây:'), up to the first line that is no item."""
    out: set[int] = set()
    listing = False
    for ref in refs:
        if _ITEM_LABEL.match(ref.text) and listing:
            out.add(ref.index)
            continue
        listing = bool(_BILLS_LEAD.search(ref.text))
    return out


def _cell_of_its_own(text: str, start: int, name: str) -> bool:
    """Whether `name`, written from `start` on, fills a cell of a table's row alone."""
    if " | " not in text or (text[:start].strip() and not text[:start].rstrip().endswith("|")):
        return False
    end = text.find("|", start)
    return clean_value(text[start:end if end >= 0 else len(text)]).strip(" .;") == name


_DRAFT_AFTER = regex.compile(r"\s*\((?:sửa\s+đổi|thay\s+thế)\)")
_DRAFT_BEFORE = regex.compile(r"(?i:dự\s+án|dự\s+thảo)\s+$")
_NUMBERED = regex.compile(r"\d\s*/\s*(?:\d{4}\s*/\s*)?\p{Lu}")  # 12/KH-UBND, 09/2017/NĐ-CP; not a date
_TITLE_END = regex.compile(r"\s*,?\s*(?=ngày\s+\d)|\s+của\s+(?=\p{Lu})|\s*[,;]\s*(?=\p{Lu})|[;.]?\s*$")


def _unnumbered(found: list[_Found], refs: list[Ref], finder: CitationFinder) -> None:
    """Documents named by type without a number: in a Căn cứ clause, or quoted."""
    covered = {(f.ref.index, s) for f in found for s in range(f.start, f.end)}
    for ref in refs:
        hits: list[tuple[int, int, str, str, str | None, str | None]] = []
        offset = 0
        for clause in ref.text.split(";"):
            grounds = finder.grounds.match(clause) if finder.grounds else None
            if grounds and not _NUMBERED.search(clause):
                rest_at = offset + grounds.start("rest")
                rest = ref.text[rest_at:offset + len(clause)]
                lead = regex.match(r"(?:về\s+việc|về|V/v)\s+", rest)
                start = rest_at + (lead.end() if lead else 0)
                stop = _TITLE_END.search(ref.text, start, offset + len(clause))
                end = stop.start() if stop else offset + len(clause)
                date, after = date_at(ref.text, end)
                issuer, after = finder.issuer_after(ref.text, after)
                hits.append((offset + grounds.start("type"), max(end, after), grounds.group("type"),
                             clean_value(ref.text[start:end]), date, issuer))
            offset += len(clause) + 1
        for match in finder.quoted.finditer(ref.text) if finder.quoted else ():
            if finder.approved_by.match(ref.text, match.end()):
                continue  # 'Đề án “…” theo Quyết định số 1002/QĐ-TTg': the decision is cited
            hits.append((match.start(), match.end(), match.group("type"), clean_value(match.group("title")),
                         None, None))
        for start, end, doc_type, title, date, issuer in hits:
            if (ref.index, start) in covered or len(title.split()) < 3:
                continue
            if any(f.citation.number is None and f.citation.title == title for f in found):
                continue
            found.append(_Found(Citation(doc_type=doc_type, number=None, date=date, issuer=issuer, title=title,
                                         text=clean_value(ref.text[start:end])), ref, start, end))


def _congresses(found: list[_Found], refs: list[Ref], finder: CitationFinder, abbreviations: dict[str, str]) -> None:
    """A congress's resolution named by the congress (rules/citations.json unnumbered.congress),
    once: the same congress written again with a defined abbreviation or its words in another
    order ('Nghị quyết Đại hội XIV Công đoàn Giáo dục Việt Nam' and 'Nghị quyết Đại hội CĐGD Việt
    Nam lần thứ XIV', CV 172/CĐGD) is an alias of the first."""
    if finder.congress is None:
        return
    covered = {(f.ref.index, s) for f in found for s in range(f.start, f.end)}
    named: dict[tuple[str, frozenset[str]], _Found] = {}
    for ref in refs:
        for match in finder.congress.finditer(ref.text):
            if (ref.index, match.start()) in covered:
                continue
            title = clean_value(match.group(0))
            words = frozenset(bare(_expand(title, abbreviations)).casefold().split())
            key = (match["ordinal"], words - {"lan", "thu", match["ordinal"].casefold()})
            if key in named:
                if title != named[key].citation.title and title not in named[key].aliases:
                    named[key].aliases.append(title)
                continue
            named[key] = _Found(Citation(doc_type="Nghị quyết", number=None, date=None, issuer=None, title=title,
                                         text=title), ref, match.start(), match.end())
            found.append(named[key])


def _defined_abbreviations(refs: list[Ref], finder: CitationFinder) -> dict[str, str]:
    """'bí mật nhà nước (BMNN)' → {'BMNN': 'bí mật nhà nước'}: the words before the
    parenthesis whose initials spell the abbreviation."""
    defined: dict[str, str] = {}
    for ref in refs:
        for match in finder.abbreviation.finditer(ref.text):
            abbr, words = match.group("abbr"), match.group("words").split()
            if len(words) >= len(abbr):
                meaning = words[-len(abbr):]
                if "".join(bare(w)[0] for w in meaning) == bare(abbr):
                    defined.setdefault(abbr, " ".join(meaning))
    return defined


def _expand(name: str, abbreviations: dict[str, str]) -> str:
    for abbr, meaning in abbreviations.items():
        name = regex.sub(rf"(?<!\p{{L}}){abbr}(?!\p{{L}})", meaning, name)
    return name
