"""The demo library's vocabulary: document types, fields, issuing bodies and subjects, in both languages.

Numbers follow the Vietnamese convention (Decree 30/2020/NĐ-CP): number/year/abbreviation of the
type-issuer. Every document here is invented for the demo.
"""

# slug, Vietnamese, English, symbol used in numbers
TYPES = [
    ("luat", "Luật", "Law", "QH15"),
    ("nghi-dinh", "Nghị định", "Decree", "NĐ-CP"),
    ("thong-tu", "Thông tư", "Circular", "TT-BTTTT"),
    ("quyet-dinh", "Quyết định", "Decision", "QĐ-BTTTT"),
    ("chi-thi", "Chỉ thị", "Directive", "CT-BTTTT"),
    ("cong-van", "Công văn", "Official letter", "BTTTT-VP"),
    ("ke-hoach", "Kế hoạch", "Plan", "KH-BTTTT"),
    ("bao-cao", "Báo cáo", "Report", "BC-BTTTT"),
    ("du-thao", "Dự thảo", "Draft", ""),
]

FIELDS = [
    ("chuyen-doi-so", "Chuyển đổi số", "Digital transformation"),
    ("an-toan-thong-tin", "An toàn thông tin", "Information security"),
    ("buu-chinh", "Bưu chính", "Postal services"),
    ("vien-thong", "Viễn thông", "Telecommunications"),
    ("bao-chi-xuat-ban", "Báo chí, xuất bản", "Press and publishing"),
    ("tai-chinh-ngan-sach", "Tài chính, ngân sách", "Finance and budget"),
    ("to-chuc-can-bo", "Tổ chức cán bộ", "Organisation and staff"),
]

ISSUERS = [
    ("quoc-hoi", "Quốc hội", "National Assembly"),
    ("chinh-phu", "Chính phủ", "Government"),
    ("thu-tuong", "Thủ tướng Chính phủ", "Prime Minister"),
    ("bo", "Bộ Thông tin và Truyền thông", "Ministry of Information and Communications"),
]

# Which body issues each type (a law comes from the National Assembly, a decree from Government).
ISSUER_OF_TYPE = {
    "luat": "quoc-hoi",
    "nghi-dinh": "chinh-phu",
    "chi-thi": "thu-tuong",
}

SIGNERS = [
    ("Nguyễn Văn An", "Bộ trưởng"),
    ("Trần Thị Bình", "Thứ trưởng"),
    ("Lê Minh Châu", "Thứ trưởng"),
    ("Phạm Quốc Dũng", "Chánh Văn phòng"),
]

# Subjects a document regulates: (Vietnamese phrase, English phrase, field slug).
SUBJECTS = [
    (
        "giao dịch điện tử trong hoạt động của cơ quan nhà nước",
        "electronic transactions in state agencies",
        "chuyen-doi-so",
    ),
    (
        "bảo đảm an toàn hệ thống thông tin theo cấp độ",
        "securing information systems by level",
        "an-toan-thong-tin",
    ),
    ("dịch vụ bưu chính công ích", "universal postal services", "buu-chinh"),
    ("quản lý tài nguyên viễn thông", "managing telecommunications resources", "vien-thong"),
    ("hoạt động báo chí trên không gian mạng", "journalism online", "bao-chi-xuat-ban"),
    (
        "lập và giao dự toán ngân sách năm 2026",
        "preparing the 2026 budget estimates",
        "tai-chinh-ngan-sach",
    ),
    (
        "chức năng, nhiệm vụ của các đơn vị thuộc Bộ",
        "the duties of the Ministry's departments",
        "to-chuc-can-bo",
    ),
    (
        "chữ ký số và dịch vụ chứng thực chữ ký số",
        "digital signatures and certification services",
        "an-toan-thong-tin",
    ),
    ("dữ liệu mở của cơ quan nhà nước", "open data of state agencies", "chuyen-doi-so"),
    ("phát triển hạ tầng băng rộng đến năm 2030", "broadband infrastructure to 2030", "vien-thong"),
    (
        "cung cấp thông tin trên cổng thông tin điện tử",
        "publishing information on government portals",
        "chuyen-doi-so",
    ),
    ("mã bưu chính quốc gia", "the national postcode", "buu-chinh"),
]

# How each type's title opens, in both languages.
TITLE_OPENING = {
    "luat": ("Luật về", "Law on"),
    "nghi-dinh": ("Nghị định quy định về", "Decree on"),
    "thong-tu": ("Thông tư hướng dẫn về", "Circular guiding"),
    "quyet-dinh": ("Quyết định ban hành quy chế về", "Decision issuing the rules on"),
    "chi-thi": ("Chỉ thị về tăng cường", "Directive on strengthening"),
    "cong-van": ("Công văn hướng dẫn thực hiện", "Official letter on implementing"),
    "ke-hoach": ("Kế hoạch triển khai", "Plan for"),
    "bao-cao": ("Báo cáo kết quả thực hiện", "Report on"),
    "du-thao": ("Dự thảo Thông tư về", "Draft Circular on"),
}

SUMMARY = (
    "{opening} {subject}: phạm vi điều chỉnh, đối tượng áp dụng, trách nhiệm của cơ quan, "
    "tổ chức, cá nhân và điều khoản thi hành."
)
SUMMARY_EN = (
    "{opening} {subject}: scope, who it applies to, the duties of agencies, organisations "
    "and individuals, and its entry into force."
)

ARTICLES = [
    ("Điều 1", "Phạm vi điều chỉnh", ["Văn bản này quy định về {subject}."]),
    (
        "Điều 2",
        "Đối tượng áp dụng",
        [
            "Cơ quan nhà nước ở trung ương và địa phương.",
            "Tổ chức, cá nhân có liên quan đến {subject}.",
        ],
    ),
    (
        "Điều 3",
        "Hiệu lực thi hành",
        ["Văn bản có hiệu lực kể từ ngày ký.", "Các cơ quan, đơn vị chịu trách nhiệm thi hành."],
    ),
]

# Law 104/2016 Art. 17-19: what a ministry must publish, and the filter that shows each in the demo.
PUBLIC_INFORMATION = [
    (
        "Văn bản quy phạm pháp luật",
        "Legal normative documents",
        "Điểm a khoản 1 Điều 17",
        "type=thong-tu",
    ),
    (
        "Chiến lược, chương trình, kế hoạch",
        "Strategies, programmes and plans",
        "Điểm e khoản 1 Điều 17",
        "type=ke-hoach",
    ),
    ("Dự thảo lấy ý kiến", "Drafts open for comment", "Điểm c khoản 1 Điều 17", "type=du-thao"),
    (
        "Báo cáo ngân sách, tài chính",
        "Budget and financial reports",
        "Điểm h khoản 1 Điều 17",
        "field=tai-chinh-ngan-sach",
    ),
    ("Báo cáo, thống kê", "Reports and statistics", "Điểm k khoản 1 Điều 17", "type=bao-cao"),
    (
        "Tổ chức bộ máy, chức năng, nhiệm vụ",
        "Organisation, duties and powers",
        "Điểm đ khoản 1 Điều 17",
        "field=to-chuc-can-bo",
    ),
    ("Văn bản còn hiệu lực", "Documents in force", "Khoản 1 Điều 19", "status=con-hieu-luc"),
]
