// Tiny DOM helpers: build elements without innerHTML (text is never parsed as markup).
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v);
    else if (k === "class") el.className = v;
    else if (k === "dataset") Object.assign(el.dataset, v);
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

export const actorHref = (id) => `#/actor/${encodeURIComponent(id)}`;
export const docHref = (id, fact) => `#/doc/${encodeURIComponent(id)}${fact ? `?fact=${encodeURIComponent(fact)}` : ""}`;

// Colours: PLOVER categories (cooperation in blues and greens, conflict in reds and oranges).
export const CATEGORY_COLOURS = {
  AGREE: "#2b8cbe", CONSULT: "#3182bd", SUPPORT: "#31a354", CONCEDE: "#74c476",
  COOPERATE: "#006d2c", AID: "#41ab5d", RETREAT: "#9ecae1", REQUEST: "#6baed6",
  ACCUSE: "#fd8d3c", REJECT: "#e6550d", THREATEN: "#d94801", PROTEST: "#f16913",
  SANCTION: "#a63603", MOBILIZE: "#cb181d", COERCE: "#a50f15", ASSAULT: "#67000d",
  DIE: "#252525", DISASTER: "#636363", STATEMENT: "#969696",
};
export const TYPE_COLOURS = {
  PERSON: "#1f77b4", ORG: "#9467bd", GPE: "#2ca02c", LOC: "#8c564b", NORP: "#e377c2", TITLE: "#7f7f7f",
};
export const PREDICATE_COLOURS = {
  LEADS: "#7b3294", MEMBER_OF: "#c2a5cf", HOLDS_TITLE: "#a6dba0", SUPPORTS: "#008837",
  ALLIED_WITH: "#1a9641", RIVAL_OF: "#fdae61", FIGHTS: "#d7191c", CONTROLS: "#5e3c99",
  PRESENT_IN: "#b2abd2", LOCATED_IN: "#bababa", AFFILIATED_WITH: "#80cdc1",
};
export const categoryColour = (c) => CATEGORY_COLOURS[c] || "#555";
