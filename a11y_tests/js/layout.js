// Layout sanity at the current width. Returns where the page container's content box is, the
// content of <main> that lies outside it (the main column should line up with the header and
// footer), and anything cut off at the window's edge or wider than the window: content hidden by
// an overflow:hidden box, which the horizontal-scroll measure cannot see. Content marked
// [data-full-bleed] may span the window on purpose; it must still fit inside it.
const [containerSelectors, fullBleedSelector] = arguments;
const root = document.documentElement;
const viewWidth = root.clientWidth;
const TOLERANCE = 1;
const LEAVES = 'img, video, audio, iframe, svg, canvas, input, select, textarea, button, table, hr';

const describe = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
  + (el.classList.length ? '.' + [...el.classList].join('.') : '');
const hiddenOnPurpose = (el) => {
  for (let e = el; e && e !== document.body; e = e.parentElement) {
    const s = getComputedStyle(e);
    if (s.clip !== 'auto' || s.clipPath !== 'none') return true;
    const box = e.getBoundingClientRect();
    if ((box.width <= 1 || box.height <= 1) && s.overflow !== 'visible') return true;
  }
  return false;
};
// Inside a box the reader can scroll sideways (a wide table in its own scroll area): allowed.
const inScrollArea = (el) => {
  for (let e = el.parentElement; e && e !== document.body; e = e.parentElement) {
    const overflow = getComputedStyle(e).overflowX;
    if (overflow === 'auto' || overflow === 'scroll') return true;
  }
  return false;
};
const ownText = (el) => [...el.childNodes].filter(
  (n) => n.nodeType === Node.TEXT_NODE && n.data.trim());
// What a reader sees of an element: its text where it has some (a padded heading's box is wider
// than its words), else its own box (a picture, a player, a field).
const extent = (el, texts) => {
  if (el.matches(LEAVES) || !texts.length) return el.getBoundingClientRect();
  let left = Infinity;
  let right = -Infinity;
  for (const node of texts) {
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) {
      if (r.width) { left = Math.min(left, r.left); right = Math.max(right, r.right); }
    }
  }
  return {left: left, right: right, width: right > left ? right - left : 0, height: 1};
};
const shown = (el) => el.checkVisibility({visibilityProperty: true}) && !hiddenOnPurpose(el);
const px = (value) => Math.round(value);

// The first selector that finds something wins (the header's centred container, else the header).
const container = containerSelectors.map((s) => document.querySelector(s)).find(Boolean) || null;
let column = null;
if (container) {
  const box = container.getBoundingClientRect();
  const s = getComputedStyle(container);
  column = {
    left: box.left + parseFloat(s.paddingLeft) + parseFloat(s.borderLeftWidth),
    right: box.right - parseFloat(s.paddingRight) - parseFloat(s.borderRightWidth),
  };
}

const outside = [];
const main = document.querySelector('main');
if (column && main) {
  for (const el of main.querySelectorAll('*')) {
    const texts = ownText(el);
    if (!(texts.length || el.matches(LEAVES)) || el.closest(fullBleedSelector)) continue;
    if (!shown(el) || inScrollArea(el)) continue;
    const box = extent(el, texts);
    if (!box.width || !box.height) continue;
    if (box.left < column.left - TOLERANCE || box.right > column.right + TOLERANCE) {
      outside.push(`${describe(el)} spans ${px(box.left)}–${px(box.right)} px`);
    }
  }
}

const cutOff = [];
for (const el of document.body.querySelectorAll('*')) {
  const box = el.getBoundingClientRect();
  if (!box.width || !box.height) continue;
  const crosses = box.left < -TOLERANCE || box.right > viewWidth + TOLERANCE;
  // Wholly off screen is a deliberate way to hide (a skip link before it is focused).
  const offScreen = box.right <= 0 || box.left >= viewWidth;
  if (!crosses || offScreen || !shown(el) || inScrollArea(el)) continue;
  cutOff.push(`${describe(el)} spans ${px(box.left)}–${px(box.right)} px`
    + (box.width > viewWidth + TOLERANCE ? ` (${px(box.width)} px wide)` : ''));
}

return {
  viewWidth: viewWidth,
  container: container ? describe(container) : null,
  column: column && {left: px(column.left), right: px(column.right)},
  outside: outside,
  cutOff: cutOff,
};
