// Progressive enhancement only: every feature here has a no-JavaScript equivalent.
(function () {
  "use strict";

  // Move focus to the error summary so screen-reader users hear the errors first.
  var summary = document.querySelector("[data-error-summary]");
  if (summary) { summary.focus(); }

  // Print: the link falls back to ?print=1 without JavaScript.
  document.querySelectorAll("[data-print-button]").forEach(function (link) {
    link.addEventListener("click", function (event) { event.preventDefault(); window.print(); });
  });

  // Read aloud: shown only when the browser can speak the page's language.
  var button = document.querySelector("[data-read-aloud]");
  var root = document.querySelector("[data-read-aloud-root]");
  if (!button || !root || !("speechSynthesis" in window)) { return; }
  var lang = document.documentElement.lang || "vi";
  function findVoice() {
    return window.speechSynthesis.getVoices().filter(function (voice) {
      return voice.lang && voice.lang.toLowerCase().indexOf(lang) === 0;
    })[0];
  }
  function setup() {
    var voice = findVoice();
    if (!voice) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      if (window.speechSynthesis.speaking) {
        window.speechSynthesis.cancel();
        button.textContent = button.dataset.labelStart;
        return;
      }
      var utterance = new SpeechSynthesisUtterance(root.innerText);
      utterance.voice = voice;
      utterance.lang = voice.lang;
      utterance.onend = function () { button.textContent = button.dataset.labelStart; };
      button.textContent = button.dataset.labelStop;
      window.speechSynthesis.speak(utterance);
    });
  }
  if (findVoice()) { setup(); } else { window.speechSynthesis.addEventListener("voiceschanged", setup, { once: true }); }
})();
