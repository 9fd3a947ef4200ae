"""Test helpers: a dispatch signed the way an e-office system signs it (ký số).

The page is printed with blanks where the number and the day go (`Số:      /KH-THPT`,
`ngày      tháng 11 năm 2025`); signing lays signature widgets over the blanks whose
appearance prints the values, one of them flush against the printed word before it. The
certificate is self-signed, made here: enough for pyHanko to sign and for vanban to check.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
BODY = [
    "KẾ HOẠCH",
    "Tổ chức Hội thi giáo viên dạy giỏi cấp trường năm học 2025-2026",
    "Căn cứ Kế hoạch số 4644/KH-SGDĐT ngày 14/11/2025 của Sở Giáo dục và Đào tạo;",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "Nâng cao chất lượng đội ngũ giáo viên.",
    "II. TỔ CHỨC THỰC HIỆN",
    "1. Tổ chuyên môn",
    "- Đăng ký danh sách giáo viên dự thi, gửi về Phó Hiệu trưởng trước ngày 25/11/2025.",
]


@dataclass(frozen=True)
class Identity:
    key_path: Path
    cert_path: Path
    cert_pem: bytes


def make_identity(folder: Path, name: str = "Nguyễn Văn An") -> Identity:
    """A self-signed certificate and its key, as PEM files in `folder`."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name),
                         x509.NameAttribute(NameOID.ORGANIZATION_NAME, "TRƯỜNG THPT THỬ NGHIỆM"),
                         x509.NameAttribute(NameOID.COUNTRY_NAME, "VN")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=365))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                         crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
            .sign(key, hashes.SHA256()))
    folder.mkdir(parents=True, exist_ok=True)
    key_path, cert_path = folder / "key.pem", folder / "cert.pem"
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    pem = cert.public_bytes(serialization.Encoding.PEM)
    cert_path.write_bytes(pem)
    return Identity(key_path, cert_path, pem)


# where the printed page leaves its blanks, in PDF points from the bottom left
NUMBER_BLANK = (88.0, 760.0)   # after 'Số:'
DAY_AT = None                   # filled by blank_page(): the end of 'ngày'


def blank_page() -> tuple[bytes, dict[str, tuple[float, float, float, float]]]:
    """The unsigned dispatch and the boxes of its blanks (number, day, month)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("DejaVuSerif", FONT))
    buf = io.BytesIO()
    page = canvas.Canvas(buf, pagesize=A4)
    width, _ = A4
    size = 12
    page.setFont("DejaVuSerif", size)
    y = 800
    page.drawString(60, y, "TRƯỜNG THPT THỬ NGHIỆM")
    page.drawString(320, y, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    y -= 16
    page.drawString(355, y, "Độc lập - Tự do - Hạnh phúc")
    y -= 24
    boxes = {}
    page.drawString(60, y, "Số:")
    after = 60 + pdfmetrics.stringWidth("Số:", "DejaVuSerif", size)
    page.drawString(after + 36, y, "/KH-THPT")
    boxes["number"] = (after + 3, y - 6, after + 35, y + 16)
    head = "Hà Nội, ngày"
    page.drawString(320, y, head)
    day_at = 320 + pdfmetrics.stringWidth(head, "DejaVuSerif", size)
    page.drawString(day_at + 36, y, "tháng 11 năm 2025")
    boxes["day"] = (day_at, y - 6, day_at + 34, y + 16)  # flush against 'ngày'
    y -= 40
    for text in BODY:
        page.drawString(60 if text != "KẾ HOẠCH" else width / 2 - 30, y, text[:90])
        y -= 18
    y -= 20
    for left, right in (("Nơi nhận:", "KT. HIỆU TRƯỞNG"), ("- Các tổ chuyên môn (t/h);", "PHÓ HIỆU TRƯỞNG"),
                        ("- Lưu: VT.", "")):
        page.drawString(60, y, left)
        if right:
            page.drawString(360, y, right)
        y -= 16
    page.drawString(370, y - 40, "Nguyễn Văn An")
    page.showPage()
    page.save()
    return buf.getvalue(), boxes


def sign(data: bytes, identity: Identity, field: str, box: tuple[float, float, float, float], text: str) -> bytes:
    """`data` signed once more, as an incremental update: a signature widget over `box`
    whose appearance prints `text` without a border."""
    from pyhanko.pdf_utils import layout
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.sign import fields, signers
    from pyhanko.stamp import TextStampStyle

    signer = signers.SimpleSigner.load(str(identity.key_path), str(identity.cert_path))
    writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    fields.append_signature_field(writer, fields.SigFieldSpec(field, box=box, on_page=0))
    # the value at body size, at the left of the box, as e-office stamps print it
    placed = layout.SimpleBoxLayoutRule(x_align=layout.AxisAlignment.ALIGN_MIN,
                                        y_align=layout.AxisAlignment.ALIGN_MID,
                                        margins=layout.Margins.uniform(0),
                                        inner_content_scaling=layout.InnerScaling.NO_SCALING)
    style = TextStampStyle(stamp_text=text, border_width=0, background=None, inner_content_layout=placed,
                           text_box_style=TextBoxStyle(font_size=12, border_width=0))
    out = signers.PdfSigner(signers.PdfSignatureMetadata(field_name=field), signer=signer,
                            stamp_style=style).sign_pdf(writer)
    return out.getvalue()


def signed_dispatch(identity: Identity) -> bytes:
    """The dispatch as issued: number 230 and day 14 stamped by two signatures."""
    data, boxes = blank_page()
    data = sign(data, identity, "SoVanBan", boxes["number"], "230")
    return sign(data, identity, "NgayVanBan", boxes["day"], "14")


def add_revision(data: bytes) -> bytes:
    """An incremental update after the last signature that draws on the page (a box over
    the text): content no signature covers."""
    from pyhanko.pdf_utils.generic import StreamObject
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    box = writer.add_object(StreamObject(stream_data=b"1 1 1 rg 60 600 200 40 re f"))
    writer.add_stream_to_page(0, box)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def tamper(data: bytes) -> bytes:
    """One byte inside the signed range changed where no reader looks: the binary comment
    on the file's second line."""
    at = data.index(b"\n") + 2
    return data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1:]


def as_scan(data: bytes, dpi: int = 200) -> bytes:
    """The first page of `data` as an image-only PDF (a scan without a text layer)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        image = document[0].render(scale=dpi / 72.0).to_pil().convert("L")
    finally:
        document.close()
    buf = io.BytesIO()
    image.save(buf, "PDF", resolution=float(dpi))
    return buf.getvalue()
