"""Captions, transcripts and story text for the demo products, written for this portal (vi and en)."""

CAPTIONS = {
    "vi": """WEBVTT

00:00:00.000 --> 00:00:01.000
Xin chào quý vị và các bạn.

00:00:01.000 --> 00:00:02.000
Đây là bản tin video của Bộ.

00:00:02.000 --> 00:00:03.000
[Nhạc nền nhẹ]
""",
    "en": """WEBVTT

00:00:00.000 --> 00:00:01.000
Hello, and welcome.

00:00:01.000 --> 00:00:02.000
This is the Ministry's video bulletin.

00:00:02.000 --> 00:00:03.000
[Soft background music]
""",
}

VIDEO_TRANSCRIPT = {
    "vi": "<p><b>Người dẫn:</b> Xin chào quý vị và các bạn. Đây là bản tin video của Bộ.</p>"
    "<p>[Nhạc nền nhẹ. Hình ảnh: một thanh màu vàng chạy ngang màn hình xanh.]</p>",
    "en": "<p><b>Presenter:</b> Hello, and welcome. This is the Ministry's video bulletin.</p>"
    "<p>[Soft background music. On screen: a yellow bar moves across a blue background.]</p>",
}

AUDIO_TRANSCRIPT = {
    "vi": "<p><b>Người dẫn:</b> Chào mừng bạn đến với chương trình Chính sách trong tuần.</p>"
    "<p><b>Khách mời:</b> Từ tháng này, người dân có thể nộp hồ sơ hoàn toàn trực tuyến.</p>"
    "<p>[Tiếng chuông kết thúc chương trình]</p>",
    "en": "<p><b>Host:</b> Welcome to Policy Weekly.</p>"
    "<p><b>Guest:</b> From this month, citizens can file their applications entirely online.</p>"
    "<p>[Closing chime]</p>",
}

SERIES = {
    "vi": {
        "slug": "chinh-sach-trong-tuan",
        "title": "Chính sách trong tuần",
        "description": "Mỗi tuần một chính sách mới được giải thích ngắn gọn, dễ hiểu.",
        "author": "Trung tâm Thông tin – Bộ",
        "owner_email": "podcast@example.gov.vn",
    },
    "en": {
        "slug": "policy-weekly",
        "title": "Policy Weekly",
        "description": "One new policy a week, explained briefly and plainly.",
        "author": "Information Centre – Ministry",
        "owner_email": "podcast@example.gov.vn",
    },
}

INFOGRAPHIC_DATA = [("2023", 38), ("2024", 52), ("2025", 71), ("2026", 86)]

TEXT = {
    "vi": {
        "index_intro": "Video, podcast, phóng sự ảnh, đồ họa thông tin và e-magazine của Bộ; "
        "mỗi sản phẩm đều có phụ đề, bản ghi lời hoặc mô tả bằng chữ.",
        "video": (
            "Hội nghị chuyển đổi số năm 2026: những điểm chính",
            "Tóm tắt bằng video các quyết định chính của hội nghị chuyển đổi số toàn ngành.",
        ),
        "audio": (
            "Dịch vụ công trực tuyến toàn trình",
            "Tập đầu tiên của chương trình Chính sách trong tuần: nộp hồ sơ không cần đến cơ quan.",
        ),
        "photo": (
            "Một ngày ở trung tâm dữ liệu",
            "Phóng sự ảnh về công việc của những người giữ cho các hệ thống số của Bộ luôn hoạt động.",
        ),
        "infographic": (
            "Dịch vụ công trực tuyến qua các con số",
            "Tỷ lệ hồ sơ được nộp trực tuyến tăng từ 38% năm 2023 lên 86% năm 2026.",
        ),
        "emagazine": (
            "Chuyển đổi số ở vùng cao: hành trình ba năm",
            "Câu chuyện dài về cách một xã miền núi đưa dịch vụ công lên điện thoại của người dân.",
        ),
        "photo_captions": [
            "Kỹ thuật viên kiểm tra tủ máy chủ lúc 7 giờ sáng.",
            "Màn hình giám sát hiển thị tình trạng các hệ thống theo thời gian thực.",
            "Nhóm trực ca trao đổi trước khi bàn giao.",
            "Người dân nhận kết quả hồ sơ qua điện thoại nhờ hệ thống vận hành ổn định.",
        ],
        "table_caption": "Tỷ lệ hồ sơ dịch vụ công nộp trực tuyến theo năm",
        "table_header": ["Năm", "Tỷ lệ nộp trực tuyến (%)"],
        "description": "Đồ họa là biểu đồ cột cho thấy tỷ lệ hồ sơ nộp trực tuyến tăng đều qua bốn năm:",
        "graphic_alt": "Biểu đồ cột: tỷ lệ hồ sơ nộp trực tuyến tăng từ 38% (2023) lên 86% (2026)",
        "emag_sections": [
            (
                "h2",
                "Điểm xuất phát",
                "Ba năm trước, người dân phải đi hơn 20 km để nộp một bộ hồ sơ.",
            ),
            ("h3", "Những khó khăn ban đầu", "Sóng điện thoại yếu và ít người quen dùng ứng dụng."),
            ("h2", "Thay đổi", "Xã mở lớp hướng dẫn mỗi tối thứ Bảy tại nhà văn hóa."),
            ("h2", "Kết quả", "Năm nay, bốn trên năm bộ hồ sơ được nộp ngay tại nhà."),
        ],
        "pull_quote": (
            "Giờ tôi nộp hồ sơ cho con ngay trên điện thoại, không mất ngày công nào.",
            "Chị Lò Thị Mai, người dân trong xã",
        ),
    },
    "en": {
        "index_intro": "The Ministry's videos, podcasts, photo stories, infographics and e-magazines; "
        "every product has captions, a transcript or a text description.",
        "video": (
            "Digital Transformation Conference 2026: the key points",
            "A video summary of the main decisions of the sector-wide digital transformation conference.",
        ),
        "audio": (
            "Fully online public services",
            "The first episode of Policy Weekly: filing an application without visiting an office.",
        ),
        "photo": (
            "A day at the data centre",
            "A photo story about the people who keep the Ministry's digital systems running.",
        ),
        "infographic": (
            "Online public services in numbers",
            "The share of applications filed online rose from 38% in 2023 to 86% in 2026.",
        ),
        "emagazine": (
            "Digital transformation in the highlands: a three-year journey",
            "A long read on how a mountain commune brought public services to people's phones.",
        ),
        "photo_captions": [
            "A technician checks the server racks at 7 a.m.",
            "Monitoring screens show the state of every system in real time.",
            "The shift team talks before the handover.",
            "A citizen receives a decision on her phone, thanks to systems that stay up.",
        ],
        "table_caption": "Share of public-service applications filed online, by year",
        "table_header": ["Year", "Filed online (%)"],
        "description": "The graphic is a bar chart showing the share of applications filed online rising "
        "steadily over four years:",
        "graphic_alt": "Bar chart: applications filed online rose from 38% (2023) to 86% (2026)",
        "emag_sections": [
            (
                "h2",
                "Where it started",
                "Three years ago, people travelled more than 20 km to file one application.",
            ),
            ("h3", "Early difficulties", "Mobile signal was weak and few people used apps."),
            (
                "h2",
                "What changed",
                "The commune ran evening classes every Saturday at the community hall.",
            ),
            ("h2", "Results", "This year, four in five applications were filed from home."),
        ],
        "pull_quote": (
            "Now I file my child's papers on my phone, without losing a day's work.",
            "Ms Lo Thi Mai, a resident of the commune",
        ),
    },
}
