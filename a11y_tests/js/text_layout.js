// With text enlarged, finds text that is clipped (by an overflow:hidden/clip box or the window's
// edge) or that overlaps other text, inside the given regions. Visually-hidden text (clipped on
// purpose for screen readers) is left out.
const regions = arguments[0];
const root = document.documentElement;
const viewWidth = root.clientWidth;
const clippedOnPurpose = (el) => {
  for (let e = el; e && e !== document.body; e = e.parentElement) {
    const s = getComputedStyle(e);
    if (s.clip !== 'auto' || s.clipPath !== 'none') return true;
    const box = e.getBoundingClientRect();
    if ((box.width <= 1 || box.height <= 1) && s.overflow !== 'visible') return true;
  }
  return false;
};
const describe = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
  + (el.classList.length ? '.' + [...el.classList].join('.') : '');
const seen = new Set();
const items = [];
for (const selector of regions) {
  for (const region of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(region, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (seen.has(node) || !node.data.trim()) continue;
      seen.add(node);
      const parent = node.parentElement;
      if (!parent || !parent.checkVisibility({visibilityProperty: true}) || clippedOnPurpose(parent)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const r of range.getClientRects()) {
        if (r.width < 1 || r.height < 1) continue;
        items.push({node, parent, top: r.top + scrollY, bottom: r.bottom + scrollY,
                    left: r.left, right: r.right, text: node.data.trim().slice(0, 30)});
      }
    }
  }
}
const problems = [];
const clipperCache = new Map();
const clippers = (el) => {
  if (clipperCache.has(el)) return clipperCache.get(el);
  const list = [];
  for (let e = el; e && e !== document.body; e = e.parentElement) {
    const s = getComputedStyle(e);
    if (['hidden', 'clip'].includes(s.overflowX) || ['hidden', 'clip'].includes(s.overflowY)) {
      const b = e.getBoundingClientRect();
      list.push({el: e, top: b.top + scrollY + parseFloat(s.borderTopWidth),
                 bottom: b.bottom + scrollY - parseFloat(s.borderBottomWidth),
                 left: b.left + parseFloat(s.borderLeftWidth), right: b.right - parseFloat(s.borderRightWidth),
                 x: ['hidden', 'clip'].includes(s.overflowX), y: ['hidden', 'clip'].includes(s.overflowY)});
    }
  }
  clipperCache.set(el, list);
  return list;
};
for (const item of items) {
  if (item.right > viewWidth + 1 || item.left < -1) {
    problems.push(`"${item.text}" in ${describe(item.parent)} runs past the window's edge`);
    continue;
  }
  for (const c of clippers(item.parent)) {
    const outX = c.x && (item.left < c.left - 1 || item.right > c.right + 1);
    const outY = c.y && (item.top < c.top - 1 || item.bottom > c.bottom + 1);
    if (outX || outY) {
      problems.push(`"${item.text}" in ${describe(item.parent)} is clipped by ${describe(c.el)}`);
      break;
    }
  }
}
items.sort((a, b) => a.top - b.top);
for (let i = 0; i < items.length && problems.length < 40; i++) {
  const a = items[i];
  for (let j = i + 1; j < items.length && items[j].top < a.bottom; j++) {
    const b = items[j];
    if (a.node === b.node) continue;
    const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
    const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
    if (w > 2 && h > 4) {
      problems.push(`"${a.text}" (${describe(a.parent)}) overlaps "${b.text}" (${describe(b.parent)})`);
    }
  }
}
return {checked: items.length, problems: problems.slice(0, 40)};
