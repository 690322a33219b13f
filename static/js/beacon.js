/* Visit analytics beacon: counts a page view without cookies (see analytics/ in the portal).
   Reads the page id from the data attributes of its own <script> element; sends the page id,
   the referring site's host name (never the full address) and whether the reader asked for
   reduced motion. Does nothing for prerendered pages until they are shown. */
(function () {
  "use strict";
  var script = document.querySelector("script[data-analytics-page]");
  if (!script || !window.fetch) { return; }

  function referrerHost() {
    try {
      return document.referrer ? new URL(document.referrer).hostname : "";
    } catch (error) {
      return "";
    }
  }

  function send() {
    var params = new URLSearchParams({ p: script.dataset.analyticsPage, r: referrerHost() });
    if (script.dataset.analyticsPreview) { params.set("preview", "1"); }
    if (window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches) {
      params.set("m", "1");
    }
    if (navigator.webdriver) { params.set("w", "1"); }
    fetch(script.dataset.analyticsEndpoint + "?" + params.toString(), {
      method: "GET", keepalive: true, credentials: "same-origin", cache: "no-store"
    }).catch(function () {});
  }

  if (document.prerendering) {
    document.addEventListener("prerenderingchange", send, { once: true });
  } else {
    send();
  }
})();
