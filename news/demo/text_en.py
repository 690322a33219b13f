"""English sentence parts for the demo news of the English site, written for this portal.

Titles are built as subject + verb + object, so every subject is singular, every verb is in the
present tense of a headline and every object is a noun phrase that fits after any verb.
British spelling, as on the rest of the English site.
"""

from news.demo.text import Vocabulary

__all__ = ["ENGLISH"]

ENGLISH = Vocabulary(
    subjects=(
        "The Ministry",
        "The Minister",
        "The Ministry's Information Centre",
        "The Ministry Office",
        "The Planning and Finance Department",
        "The Digital Transformation Agency",
        "The Da Nang Department of Information and Communications",
        "The Quang Nam Provincial People's Committee",
        "An inter-agency working group",
        "The appraisal council",
        "A Ministry delegation",
        "The Deputy Minister for digital affairs",
    ),
    verbs=(
        "launches",
        "announces",
        "continues to roll out",
        "completes the first phase of",
        "prepares the next phase of",
        "holds a conference on",
        "signs an agreement on",
        "reviews progress on",
        "issues guidance on",
        "takes stock of",
        "invites public comment on",
        "checks the rollout of",
    ),
    objects=(
        "the 2026 digital transformation programme",
        "the portal for fully online public services",
        "the digital skills training plan for civil servants",
        "the sector's shared database",
        "the scheme on accessible information for people with disabilities",
        "the criteria for assessing government websites",
        "the regulation on network information security",
        "the secure video-conferencing platform",
        "the digital infrastructure strategy for Da Nang",
        "the international cooperation programme",
        "the procedure for handling feedback from citizens",
        "the open learning library for teachers in remote areas",
    ),
    contexts=(
        "in Hanoi",
        "in Da Nang",
        "at a meeting held both in person and online",
        "with representatives of provinces and cities across the country",
        "in the fourth quarter",
        "to make services simpler for citizens and businesses",
        "in line with the agreed road map",
        "together with other ministries and agencies",
    ),
    details=(
        "According to the report, more than 95% of applications were processed on time.",
        "Delegates discussed the difficulties that local offices still face in putting the plan into practice.",
        "Several provinces asked for more digital skills training for staff at commune level.",
        "Early results show that the time needed to complete a procedure has fallen by almost half.",
        "Every page can be read with a screen reader and used with a keyboard alone.",
        "The lead unit will gather comments and submit a final draft to the Ministry's leadership by 31 December.",
        "Data are standardised so that systems can exchange information without anyone typing it in twice.",
        "Closing the meeting, the Deputy Minister asked every unit to keep to the agreed timetable.",
        "The system passed an independent security assessment before entering full operation.",
        "Every comment sent by the public receives an answer that is published on the portal.",
    ),
    headings=(
        "Main results",
        "Difficulties still to resolve",
        "Next steps",
        "Views from the provinces",
        "Helping everyone get access",
        "Timetable",
    ),
    quotes=(
        (
            "A form that works with a screen reader is a form that works for everyone.",
            "Head of the accessibility working group",
        ),
        (
            "We measure success by the time citizens save, not by the number of systems we build.",
            "Deputy Minister in charge of digital transformation",
        ),
        (
            "Open data only matters when people can find it, read it and reuse it.",
            "Director of the Information Centre",
        ),
        (
            "Local offices need training as much as they need new equipment.",
            "Representative of the Quang Nam Provincial People's Committee",
        ),
    ),
    tags=(
        "digital transformation",
        "public services",
        "information security",
        "accessibility",
        "Da Nang",
        "international cooperation",
        "training",
        "open data",
        "administrative reform",
        "access to information",
    ),
    authors=("Minh Anh", "Thu Hà", "English news desk", "Lan Phương", ""),
)
