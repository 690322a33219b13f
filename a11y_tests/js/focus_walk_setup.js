// Lists what Tab must reach (in DOM order) with each element's unfocused look, then logs every
// focus change: what got focus, how it looked focused, and how it looked once focus left.
// Returns the descriptions of the expected elements.
const describe = (el) => {
  if (!el || el === document.body || el === document.documentElement) return 'body';
  let text = (el.getAttribute('aria-label') || el.innerText || el.value || el.name || '').trim();
  text = text.replace(/\s+/g, ' ').slice(0, 40);
  return el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
    + (el.classList.length ? '.' + [...el.classList].join('.') : '') + (text ? ` "${text}"` : '');
};
const look = (el) => {
  const s = getComputedStyle(el);
  return {
    outline: s.outlineStyle === 'none' || parseFloat(s.outlineWidth) === 0 ? 'none'
      : [s.outlineStyle, s.outlineWidth, s.outlineColor, s.outlineOffset].join(' '),
    boxShadow: s.boxShadow,
    background: s.backgroundColor,
    border: [s.borderTopColor, s.borderBottomColor, s.borderBottomWidth].join(' '),
  };
};
const visible = (el) => el.checkVisibility({visibilityProperty: true, contentVisibilityAuto: true})
  && !el.closest('[inert]');
const selector = 'a[href], area[href], button, input, select, textarea, summary, [tabindex], '
  + 'audio[controls], video[controls], [contenteditable=""], [contenteditable="true"]';
const radiosSeen = new Set();
const expected = [];
for (const el of document.querySelectorAll(selector)) {
  if (el.tabIndex < 0 || el.disabled || !visible(el)) continue;
  if (el.tagName === 'INPUT' && el.type === 'hidden') continue;
  if (el.tagName === 'INPUT' && el.type === 'radio' && el.name) {
    // A radio group is one Tab stop: the checked radio, or the first when none is checked.
    const scope = el.form || document;
    const key = (el.form ? 'form:' : 'doc:') + el.name;
    if (radiosSeen.has(key)) continue;
    radiosSeen.add(key);
    const group = [...scope.querySelectorAll('input[type=radio]')].filter((r) => r.name === el.name);
    expected.push(group.find((r) => r.checked) || el);
    continue;
  }
  expected.push(el);
}
const state = {expected, baseline: expected.map(look), log: [], open: new Map()};
window.__a11yFocus = state;
document.addEventListener('focusin', (event) => {
  const el = event.target;
  const entry = {index: expected.indexOf(el), tag: el.tagName, what: describe(el), focused: look(el),
                 unfocused: null, focusVisible: el.matches(':focus-visible')};
  state.log.push(entry);
  state.open.set(el, entry);
}, true);
document.addEventListener('focusout', (event) => {
  const entry = state.open.get(event.target);
  if (entry) {
    state.open.delete(event.target);
    // The element has lost focus by now: its computed style is the unfocused one.
    entry.unfocused = look(event.target);
  }
  if (!event.relatedTarget) {
    // Focus left this document: out of the page, or into an embedded frame (which the document
    // only knows once the move is complete).
    const left = {index: -2, tag: 'BODY', what: 'body'};
    state.log.push(left);
    setTimeout(() => {
      const active = document.activeElement;
      if (active && active.tagName === 'IFRAME') Object.assign(left, {index: -1, tag: 'IFRAME', what: describe(active)});
    }, 0);
  }
}, true);
// Start from the top of the document, as a reader arriving on the page does (a page may have
// moved focus on load, e.g. to an error summary).
if (document.activeElement && document.activeElement !== document.body) {
  document.body.setAttribute('tabindex', '-1');
  document.body.focus();
  document.body.removeAttribute('tabindex');
  document.body.blur();
}
state.log.length = 0;
return expected.map(describe);
