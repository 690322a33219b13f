"""The collection endpoint the beacon script and the <noscript> pixel call."""

import base64

from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt

from core.security.ratelimit import rate_limited

from .collect import BadHit, record_hit

# The smallest transparent GIF: what the <noscript> pixel asks for.
PIXEL = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")


@csrf_exempt  # takes no action on anyone's behalf; other methods are only counted as excluded
@rate_limited("analytics")
def hit(request: HttpRequest) -> HttpResponse:
    """Count a visit: 204 (or a 1x1 GIF for the pixel), never cached, 400 for a malformed call."""
    try:
        record_hit(request)
    except BadHit as error:
        response = HttpResponse(str(error), status=400, content_type="text/plain; charset=utf-8")
    else:
        if request.GET.get("t") == "gif":
            response = HttpResponse(PIXEL, content_type="image/gif")
        else:
            response = HttpResponse(status=204)
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
