// Progressive enhancement only: every feature here has a no-JavaScript equivalent or is an extra.
(function () {
  "use strict";

  // Move focus to the error summary so screen-reader users hear the errors first.
  var summary = document.querySelector("[data-error-summary]");
  if (summary) { summary.focus(); }

  // Display menu: Escape closes it and gives focus back to its toggle (it opens without JS).
  document.querySelectorAll("[data-display-menu]").forEach(function (menu) {
    menu.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && menu.open) {
        menu.open = false;
        menu.querySelector("summary").focus();
      }
    });
  });

  // Print: the link opens the print view (?print=1) without JavaScript; with it, print at once.
  document.querySelectorAll("[data-print-button]").forEach(function (link) {
    link.addEventListener("click", function (event) { event.preventDefault(); window.print(); });
  });
  document.querySelectorAll("[data-print-now]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });

  // Read aloud: shown only when the browser can speak the page's language.
  var button = document.querySelector("[data-read-aloud]");
  var root = document.querySelector("[data-read-aloud-root]");
  if (!button || !root || !("speechSynthesis" in window)) { return; }
  var synth = window.speechSynthesis;
  var lang = (document.documentElement.lang || "vi").toLowerCase();

  function findVoice() {
    var voices = synth.getVoices().filter(function (voice) {
      return voice.lang && voice.lang.toLowerCase().replace("_", "-").split("-")[0] === lang;
    });
    return voices.filter(function (voice) { return voice.localService; })[0] || voices[0];
  }
  function textToRead() {
    // The article without its buttons and the print-only footer.
    var copy = root.cloneNode(true);
    copy.querySelectorAll(".article-tools, .print-source, figure img, iframe").forEach(function (node) { node.remove(); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }
  function stop() {
    synth.cancel();
    button.setAttribute("aria-pressed", "false");
  }
  var ready = false;
  function setup() {
    var voice = findVoice();
    if (ready || !voice) { return; }
    ready = true;
    button.hidden = false;
    button.addEventListener("click", function () {
      if (button.getAttribute("aria-pressed") === "true") { stop(); return; }
      var utterance = new SpeechSynthesisUtterance(textToRead());
      utterance.voice = voice;
      utterance.lang = voice.lang;
      utterance.onend = utterance.onerror = function () { button.setAttribute("aria-pressed", "false"); };
      synth.cancel();
      button.setAttribute("aria-pressed", "true");
      synth.speak(utterance);
    });
    window.addEventListener("pagehide", stop);
  }
  setup();
  if (!ready && "onvoiceschanged" in synth) { synth.addEventListener("voiceschanged", setup); }
})();
