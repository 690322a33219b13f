"""The portal's roles, named once: migrations, tests and the analytics reports refer to these."""

EDITORS = "Biên tập viên"
MODERATORS = "Kiểm duyệt viên"
COMMUNICATIONS = "Truyền thông"
WORKFLOW_NAME = "Duyệt tin trước khi xuất bản"
