"""The rich-text features the templates style accessibly, in a module settings can import.

Headings come from HeadingBlock (with an explicit level); no h1 and no underline in body text,
because an underline reads as a link to sighted readers.
"""

BODY_RICH_TEXT_FEATURES = [
    "bold",
    "italic",
    "ol",
    "ul",
    "link",
    "document-link",
    "superscript",
    "subscript",
]
