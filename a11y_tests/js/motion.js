// Animations and transitions longer than the limit (in seconds), on elements and pseudo-elements,
// plus smooth scrolling and any animation the page started from script.
const limit = arguments[0];
const seconds = (list) => list.split(',').map((v) => {
  v = v.trim();
  return v.endsWith('ms') ? parseFloat(v) / 1000 : parseFloat(v);
});
const describe = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
  + (el.classList.length ? '.' + [...el.classList].join('.') : '');
const problems = [];
for (const el of [document.documentElement, ...document.querySelectorAll('body, body *')]) {
  for (const pseudo of [null, '::before', '::after']) {
    const s = getComputedStyle(el, pseudo);
    const where = describe(el) + (pseudo || '');
    if (s.animationName !== 'none') {
      const longest = Math.max(...seconds(s.animationDuration));
      if (longest > limit) problems.push(`${where}: animation ${s.animationName} lasts ${longest}s`);
    }
    if (s.transitionProperty !== 'none') {
      const longest = Math.max(...seconds(s.transitionDuration).map((d, i) =>
        d + Math.max(0, seconds(s.transitionDelay)[i] || 0)));
      if (longest > limit) problems.push(`${where}: transition of ${s.transitionProperty} lasts ${longest}s`);
    }
  }
  if (problems.length > 30) break;
}
if (getComputedStyle(document.documentElement).scrollBehavior === 'smooth') {
  problems.push('html: smooth scrolling is on');
}
for (const animation of document.getAnimations()) {
  const timing = animation.effect && animation.effect.getComputedTiming();
  if (timing && (timing.activeDuration > limit * 1000 || timing.activeDuration === Infinity)) {
    const target = animation.effect.target;
    problems.push(`${target ? describe(target) : 'document'}: running animation of ${timing.activeDuration} ms`);
  }
}
return [...new Set(problems)];
