// Marks every visible control that shows text with data-a11y-lin="<n>" and returns, for each,
// the text a sighted person reads on it: its rendered text (aria-hidden text included, since it
// is seen), less what is hidden on purpose (display:none, visibility:hidden, clipped to a pixel
// as .visually-hidden is). For form fields the visible text is their <label>s'. The caller opens
// every <details> first, so controls in a folded menu are checked as they look when unfolded.
const CONTROLS = [
  'a[href]', 'button', 'summary', 'input[type=submit]', 'input[type=button]', 'input[type=reset]',
  '[role=button]', '[role=link]', '[role=tab]', '[role=menuitem]', '[role=menuitemcheckbox]',
  '[role=menuitemradio]', '[role=option]', '[role=checkbox]', '[role=radio]', '[role=switch]',
  'input:not([type=hidden])', 'select', 'textarea',
].join(',');
const FIELDS = new Set(['INPUT', 'SELECT', 'TEXTAREA']);
const TEXT_INPUTS = new Set(['submit', 'button', 'reset']);

const hiddenBetween = (el, root) => {
  for (let e = el; e; e = e.parentElement) {
    const s = getComputedStyle(e);
    if (s.display === 'none' || s.visibility !== 'visible') return true;
    const box = e.getBoundingClientRect();
    if ((box.width <= 1 || box.height <= 1) && s.overflow !== 'visible') return true;
    if (s.clipPath === 'inset(50%)' || s.clip === 'rect(0px, 0px, 0px, 0px)') return true;
    if (e === root) break;
  }
  return false;
};

const seenText = (root, skip) => {
  let text = '';
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!node.data.trim() || (skip && skip.contains(node))) continue;
    if (!parent.checkVisibility({visibilityProperty: true}) || hiddenBetween(parent, root)) continue;
    text += ' ' + node.data;
  }
  return text.replace(/\s+/g, ' ').trim();
};

const describe = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
  + (el.classList.length ? '.' + [...el.classList].join('.') : '');

const found = [];
for (const el of document.querySelectorAll(CONTROLS)) {
  if (!el.checkVisibility({visibilityProperty: true}) || hiddenBetween(el, null)) continue;
  let text;
  if (el.tagName === 'INPUT' && TEXT_INPUTS.has(el.type)) {
    text = (el.value || '').trim();
  } else if (FIELDS.has(el.tagName)) {
    text = [...(el.labels || [])].map((label) => seenText(label, el)).join(' ').trim();
  } else {
    text = seenText(el, null);
  }
  if (!text) continue;
  el.setAttribute('data-a11y-lin', String(found.length));
  found.push({text: text, what: describe(el)});
}
return found;
