// What the on-demand panels (ask-panel.js, ../output/output-panel.js) build their DOM with.

/** An element: `props` set as properties where the element has them (`testid` as
 * data-testid), else as attributes; null children skipped. */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'testid') node.dataset.testid = value;
    else if (key in node) node[key] = value;
    else node.setAttribute(key, value);
  }
  node.append(...children.filter((c) => c !== null));
  return node;
}

/** Adds the stylesheet at `url` to the page, once. */
export function stylesheet(url) {
  const href = new URL(url).href;
  if (![...document.querySelectorAll('link')].some((link) => link.href === href)) {
    document.head.append(el('link', { rel: 'stylesheet', href }));
  }
}
