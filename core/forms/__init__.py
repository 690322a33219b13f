from .display import DisplaySettingsForm
from .pages import PublishGuardForm
from .search import SearchForm

__all__ = ["DisplaySettingsForm", "PublishGuardForm", "SearchForm"]
