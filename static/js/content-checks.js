// The portal's own content checks for Wagtail's checker (userbar and preview panel).
// Loaded only with the userbar; the rules and their options come from core/wagtail_hooks.py.
(function () {
  "use strict";

  var userbar = document.querySelector("wagtail-userbar");
  if (!userbar || typeof userbar.registerCheck !== "function") { return; }

  function normalise(text) {
    return (text || "")
      .toLowerCase()
      .replace(/[\s\u00a0]+/g, " ")
      .replace(/^[\s.,:;!?…»«›‹→()[\]"'“”-]+|[\s.,:;!?…»«›‹→()[\]"'“”-]+$/g, "");
  }

  // "photo-hoi-nghi_a1B2c3D.2e16d0ba.fill-640x360.jpg" -> "photo-hoi-nghi": drop Wagtail's
  // rendition suffix, the random suffix of a repeated upload and the extension.
  function fileStem(src) {
    var name = decodeURIComponent((src || "").split(/[?#]/)[0].split("/").pop() || "");
    name = name.replace(/\.[0-9a-f]{8}\.[^.]+\.[a-z0-9]+$/i, "").replace(/\.[a-z0-9]+$/i, "");
    return normalise(name.replace(/_[A-Za-z0-9]{7}$/, "").replace(/[_-]+/g, " "));
  }

  // Passes unless the alt text looks like a file name or is the image's own file name.
  userbar.registerCheck("portal-alt-not-file-name", function (node, options) {
    var alt = node.getAttribute("alt") || "";
    if (!alt.trim()) { return true; }
    if (new RegExp(options.pattern, "i").test(alt)) { return false; }
    var stem = fileStem(node.getAttribute("src"));
    return !stem || normalise(alt.replace(/[_-]+/g, " ")) !== stem;
  });

  // Passes unless the link's name is only a phrase such as "bấm vào đây" or "xem thêm".
  userbar.registerCheck("portal-link-text-has-purpose", function (node, options) {
    var name = node.getAttribute("aria-label") || node.textContent;
    var phrases = (options.phrases || []).map(normalise);
    return phrases.indexOf(normalise(name)) === -1;
  });
})();
