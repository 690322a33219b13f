"""Demo pictures drawn with Pillow: abstract scenes with a caption, each saved with alt text and credit."""

import io
import random
from dataclasses import dataclass

from django.core.files.images import ImageFile
from PIL import Image, ImageDraw
from wagtail.images import get_image_model

from core.images import PAGE_RENDITION_FILTERS


@dataclass(frozen=True)
class DemoPicture:
    title: str
    alt: str
    credit: str
    palette: tuple[str, str, str]


PICTURES = [
    DemoPicture(
        "demo-hoi-nghi",
        "Hội trường lớn với các đại biểu ngồi theo hàng, phía trước là sân khấu có màn hình",
        "Ảnh minh họa: Trung tâm Thông tin",
        ("#1f4e79", "#f2c14e", "#ffffff"),
    ),
    DemoPicture(
        "demo-chuyen-doi-so",
        "Sơ đồ các khối dữ liệu nối với nhau bằng đường kẻ, tượng trưng cho hệ thống số",
        "Đồ họa: Trung tâm Thông tin",
        ("#0b6e4f", "#08a045", "#e0f2e9"),
    ),
    DemoPicture(
        "demo-da-nang",
        "Cây cầu vắt qua sông trong ánh hoàng hôn màu cam",
        "Ảnh minh họa: Phóng viên thường trú",
        ("#c44536", "#f6ae2d", "#283d3b"),
    ),
    DemoPicture(
        "demo-lop-tap-huan",
        "Một lớp tập huấn, học viên ngồi trước máy tính xách tay",
        "Ảnh minh họa: Trung tâm Thông tin",
        ("#3d348b", "#7678ed", "#f7b801"),
    ),
    DemoPicture(
        "demo-ky-ket",
        "Hai đại diện bắt tay sau lễ ký kết hợp tác, phía sau là cờ hai nước",
        "Ảnh minh họa: Vụ Hợp tác quốc tế",
        ("#9b1c1c", "#ffcd00", "#f4f4f4"),
    ),
    DemoPicture(
        "demo-nong-thon",
        "Cánh đồng lúa xanh với những ngôi nhà nhỏ ở xa",
        "Ảnh minh họa: Phóng viên thường trú",
        ("#386641", "#a7c957", "#f2e8cf"),
    ),
    DemoPicture(
        "demo-trung-tam-du-lieu",
        "Dãy tủ máy chủ trong trung tâm dữ liệu với đèn tín hiệu xanh",
        "Ảnh minh họa: Trung tâm Thông tin",
        ("#14213d", "#fca311", "#e5e5e5"),
    ),
    DemoPicture(
        "demo-dich-vu-cong",
        "Người dân dùng điện thoại để nộp hồ sơ dịch vụ công trực tuyến",
        "Ảnh minh họa: Trung tâm Thông tin",
        ("#005f73", "#94d2bd", "#ee9b00"),
    ),
]


def draw_picture(picture: DemoPicture, size: tuple[int, int] = (1600, 900), seed: int = 0) -> bytes:
    """A deterministic abstract picture: a gradient sky, shapes and a horizon, as a JPEG."""
    rng = random.Random(f"{picture.title}-{seed}")
    width, height = size
    image = Image.new("RGB", size, picture.palette[0])
    draw = ImageDraw.Draw(image)
    top, bottom = (
        Image.new("RGB", (1, 1), picture.palette[0]).getpixel((0, 0)),
        Image.new("RGB", (1, 1), picture.palette[2]).getpixel((0, 0)),
    )
    for y in range(0, height, 4):
        t = y / height
        colour = tuple(int(top[i] * (1 - t) + bottom[i] * t) for i in range(3))
        draw.rectangle([0, y, width, y + 4], fill=colour)
    for _ in range(14):
        x, y = rng.randrange(width), rng.randrange(height // 2)
        r = rng.randrange(40, 220)
        draw.ellipse(
            [x - r, y - r, x + r, y + r], outline=picture.palette[1], width=rng.randrange(4, 14)
        )
    horizon = int(height * 0.68)
    draw.polygon(
        [(0, height), (0, horizon)]
        + [(x, horizon - rng.randrange(0, 120)) for x in range(0, width + 200, 200)]
        + [(width, height)],
        fill=picture.palette[1],
    )
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=82)
    return buffer.getvalue()


def ensure_demo_images() -> list:
    """The demo image pool (created once), with the renditions pages use made up front."""
    image_model = get_image_model()
    images = []
    for index, picture in enumerate(PICTURES):
        image = image_model.objects.filter(title=picture.title).first()
        if image is None:
            data = draw_picture(picture, seed=index)
            image = image_model(title=picture.title, description=picture.alt, credit=picture.credit)
            image.file = ImageFile(io.BytesIO(data), name=f"{picture.title}.jpg")
            image.file_size = len(data)
            image.save()
            for spec in PAGE_RENDITION_FILTERS:
                image.get_rendition(spec)
        images.append(image)
    return images
