// Keyboard shortcuts of the review pages. No inline script anywhere: the CSP forbids it.
(function () {
  "use strict";
  function click(selector) {
    var el = document.querySelector(selector);
    if (el && !el.disabled) { el.click(); return true; }
    return false;
  }
  function focus(selector) {
    var el = document.querySelector(selector);
    if (el) { el.focus(); if (el.select) { el.select(); } return true; }
    return false;
  }
  // Queue page: j/k move a highlighted row, Enter (or o) opens it.
  var rows = Array.prototype.slice.call(document.querySelectorAll("#file tr.ligne"));
  var current = -1;
  function select(i) {
    if (!rows.length) { return; }
    i = Math.max(0, Math.min(rows.length - 1, i));
    if (current >= 0) { rows[current].classList.remove("courante"); }
    current = i;
    rows[i].classList.add("courante");
    var link = rows[i].querySelector("a.ouvrir");
    if (link) { link.focus({ preventScroll: true }); }
    rows[i].scrollIntoView({ block: "nearest" });
  }
  document.addEventListener("keydown", function (e) {
    var t = e.target;
    if (t && t.matches && t.matches("input, textarea, select")) {
      if (e.key === "Escape") { t.blur(); }
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey) { return; }
    var k = e.key, done = false;
    if (k === "/") { done = focus("#recherche"); }
    else if (rows.length) {
      if (k === "j") { select(current + 1); done = true; }
      else if (k === "k") { select(current - 1); done = true; }
      else if ((k === "Enter" || k === "o") && current >= 0) { done = click("#file tr.courante a.ouvrir"); }
    } else if (k === "j") { done = click("#suivante"); }
    else if (k === "k") { done = click("#precedente"); }
    else if (/^[1-9]$/.test(k)) { done = click("#accepter-" + k + " button"); }
    else if (k === "r") { done = click("#form-rejeter button"); }
    else if (k === "d") { done = focus("#doublon"); }
    else if (k === "c") { done = focus("#note"); }
    else if (k === "u") { done = click("#form-annuler button"); }
    if (done) { e.preventDefault(); }
  });
}());
