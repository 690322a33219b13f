from .feedback import UsefulVote
from .pages import ConsultationIndexPage, DraftConsultationPage, QuestionIndexPage
from .submissions import DraftComment, Question, Submission, Topic

__all__ = [
    "ConsultationIndexPage",
    "DraftComment",
    "DraftConsultationPage",
    "Question",
    "QuestionIndexPage",
    "Submission",
    "Topic",
    "UsefulVote",
]
