from .display import DisplaySettingsForm
from .pages import PublishGuardForm

__all__ = ["DisplaySettingsForm", "PublishGuardForm"]
