"""A small generator of plausible news text, from sentence parts written for this portal.

Deterministic for a given seed, so seeded corpora are reproducible and benchmarks comparable.
Vietnamese is the default vocabulary; other languages bring their own (see `text_en`).
"""

import random
from collections.abc import Sequence
from dataclasses import dataclass

SUBJECTS = [
    "Bộ",
    "Lãnh đạo Bộ",
    "Trung tâm Thông tin",
    "Văn phòng Bộ",
    "Vụ Kế hoạch – Tài chính",
    "Cục Chuyển đổi số",
    "Sở Thông tin và Truyền thông Đà Nẵng",
    "Ủy ban nhân dân tỉnh Quảng Nam",
    "Tổ công tác liên ngành",
    "Hội đồng thẩm định",
    "Đoàn công tác của Bộ",
    "Các đơn vị trực thuộc",
]
VERBS = [
    "đã tổ chức",
    "vừa công bố",
    "tiếp tục triển khai",
    "đã hoàn thành",
    "đang xây dựng",
    "chủ trì hội nghị về",
    "ký kết thỏa thuận về",
    "kiểm tra tiến độ",
    "hướng dẫn thực hiện",
    "tổng kết",
    "lấy ý kiến về",
    "đưa vào vận hành",
]
OBJECTS = [
    "chương trình chuyển đổi số năm 2026",
    "hệ thống dịch vụ công trực tuyến mức độ toàn trình",
    "kế hoạch đào tạo kỹ năng số cho cán bộ",
    "cơ sở dữ liệu dùng chung của ngành",
    "đề án hỗ trợ người khuyết tật tiếp cận thông tin",
    "bộ tiêu chí đánh giá cổng thông tin điện tử",
    "quy chế bảo đảm an toàn thông tin mạng",
    "nền tảng họp trực tuyến bảo mật",
    "chiến lược phát triển hạ tầng số tại Đà Nẵng",
    "chương trình hợp tác với các đối tác quốc tế",
    "quy trình tiếp nhận phản ánh, kiến nghị của người dân",
    "kho học liệu mở cho giáo viên vùng khó khăn",
]
CONTEXTS = [
    "tại Hà Nội",
    "tại thành phố Đà Nẵng",
    "theo hình thức trực tiếp kết hợp trực tuyến",
    "với sự tham dự của đại diện 63 tỉnh, thành phố",
    "trong quý IV",
    "nhằm nâng cao chất lượng phục vụ người dân",
    "theo đúng lộ trình đã đề ra",
    "với sự phối hợp của các bộ, ngành liên quan",
]
DETAILS = [
    "Theo báo cáo, tỷ lệ hồ sơ được xử lý đúng hạn đạt trên 95%.",
    "Các đại biểu đã thảo luận về những khó khăn, vướng mắc trong quá trình triển khai.",
    "Nhiều ý kiến đề nghị tăng cường đào tạo, bồi dưỡng kỹ năng số cho cán bộ ở cơ sở.",
    "Kết quả bước đầu cho thấy thời gian giải quyết thủ tục đã giảm gần một nửa.",
    "Người khuyết tật có thể đọc toàn bộ nội dung bằng trình đọc màn hình và bàn phím.",
    "Đơn vị chủ trì sẽ tổng hợp ý kiến và trình Lãnh đạo Bộ trước ngày 31 tháng 12.",
    "Dữ liệu được chuẩn hóa, bảo đảm kết nối, chia sẻ thông suốt giữa các hệ thống.",
    "Phát biểu kết luận, đồng chí Thứ trưởng yêu cầu các đơn vị bám sát kế hoạch.",
    "Hệ thống được kiểm thử độc lập về an toàn thông tin trước khi đưa vào vận hành chính thức.",
    "Mọi phản ánh của người dân đều được tiếp nhận và trả lời công khai trên cổng thông tin.",
]
HEADINGS = [
    "Kết quả nổi bật",
    "Những khó khăn cần tháo gỡ",
    "Nhiệm vụ trong thời gian tới",
    "Ý kiến của các địa phương",
    "Hỗ trợ người dân tiếp cận",
    "Lộ trình thực hiện",
]
QUOTES = [
    "Chuyển đổi số không chỉ là công nghệ mà trước hết là thay đổi cách làm việc để phục vụ người dân tốt hơn.",
    "Không để ai bị bỏ lại phía sau, kể cả người khuyết tật và người cao tuổi.",
    "Mỗi thủ tục được đơn giản hóa là một lần người dân bớt phải đi lại.",
]
QUOTE_AUTHORS = [
    "Thứ trưởng phụ trách chuyển đổi số",
    "Giám đốc Trung tâm Thông tin",
    "Đại diện Hội Người mù Việt Nam",
]
TAGS = [
    "chuyển đổi số",
    "dịch vụ công",
    "an toàn thông tin",
    "người khuyết tật",
    "Đà Nẵng",
    "hợp tác quốc tế",
    "đào tạo",
    "dữ liệu",
    "cải cách hành chính",
    "tiếp cận thông tin",
]
AUTHORS = ["Minh Anh", "Thu Hà", "Quốc Bảo", "Lan Phương", ""]


@dataclass(frozen=True)
class Vocabulary:
    """The sentence parts of one language; a title is subject + verb + object, so they must agree."""

    subjects: Sequence[str]
    verbs: Sequence[str]
    objects: Sequence[str]
    contexts: Sequence[str]
    details: Sequence[str]
    headings: Sequence[str]
    quotes: Sequence[tuple[str, str]]  # (quote, attribution)
    tags: Sequence[str]
    authors: Sequence[str]


VIETNAMESE = Vocabulary(
    subjects=SUBJECTS,
    verbs=VERBS,
    objects=OBJECTS,
    contexts=CONTEXTS,
    details=DETAILS,
    headings=HEADINGS,
    quotes=list(zip(QUOTES, QUOTE_AUTHORS, strict=True)),
    tags=TAGS,
    authors=AUTHORS,
)


class NewsWriter:
    # Every vocabulary is drawn from in the same order with the same calls on `rng`: the
    # Vietnamese corpus for a given seed must stay what the benchmarks were measured on.
    def __init__(self, seed: int = 2026, vocabulary: Vocabulary = VIETNAMESE) -> None:
        self.rng = random.Random(seed)
        self.vocabulary = vocabulary

    def title(self) -> str:
        words = self.vocabulary
        subject, verb, obj = (
            self.rng.choice(words.subjects),
            self.rng.choice(words.verbs),
            self.rng.choice(words.objects),
        )
        return f"{subject} {verb} {obj}"

    def sentence(self) -> str:
        words = self.vocabulary
        if self.rng.random() < 0.5:
            return self.rng.choice(words.details)
        text = f"{self.rng.choice(words.subjects)} {self.rng.choice(words.verbs)} {self.rng.choice(words.objects)} {self.rng.choice(words.contexts)}."
        return text[0].upper() + text[1:]

    def paragraph(self, sentences: int = 4) -> str:
        return " ".join(self.sentence() for _ in range(sentences))

    def lead(self, title: str) -> str:
        return f"{title} {self.rng.choice(self.vocabulary.contexts)}. {self.rng.choice(self.vocabulary.details)}"

    def body(self) -> list[dict]:
        """StreamField data (raw JSON form) for an article body: paragraphs, a heading, maybe a quote."""
        blocks: list[dict] = [{"type": "paragraph", "value": f"<p>{self.paragraph()}</p>"}]
        blocks.append(
            {
                "type": "heading",
                "value": {"text": self.rng.choice(self.vocabulary.headings), "level": "h2"},
            }
        )
        blocks.append({"type": "paragraph", "value": f"<p>{self.paragraph(5)}</p>"})
        if self.rng.random() < 0.4:
            quote, attribution = self.vocabulary.quotes[
                self.rng.randrange(len(self.vocabulary.quotes))
            ]
            blocks.append({"type": "quote", "value": {"quote": quote, "attribution": attribution}})
        blocks.append({"type": "paragraph", "value": f"<p>{self.paragraph(3)}</p>"})
        return blocks

    def tags(self) -> list[str]:
        return self.rng.sample(self.vocabulary.tags, self.rng.randrange(1, 4))

    def author(self) -> str:
        """A byline, or "" for an unsigned article (some demo articles have none, as real ones do)."""
        return self.rng.choice(self.vocabulary.authors)
