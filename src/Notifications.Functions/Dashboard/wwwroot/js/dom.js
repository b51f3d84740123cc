// Small DOM helpers: every text goes in as text (never HTML), so nothing the API returns can inject markup.

/** Creates an element: h('p', { class: 'hint' }, 'text', child). Attributes starting with "on" become listeners. */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) el.firstChild.remove();
  return el;
}

/** The id of the input that shows the API's field `name` ("reporter.email" → "f-reporter-email"). */
export function fieldId(name) {
  return 'f-' + name.replace(/[^A-Za-z0-9]+/g, '-').replace(/-+$/, '');
}
