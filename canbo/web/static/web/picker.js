/* The type-ahead picker of the forms (canbo/web/widgets.py): asks /tim/goi-y/ as the user
   types, arrows/Enter/Escape or a tap choose, the chosen items are kept as hidden id:<n>
   values with their label. A list picker (data-picker-list) gets a filter box. Also the
   filter box of any list marked data-picker-list whose items carry data-filter (the check-in
   list). No dependencies. */
(function () {
  "use strict";
  function fold(s) {
    return (s || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[đĐ]/g, "d").toLowerCase();
  }
  function matches(q, text) {
    var have = fold(text);
    return fold(q).split(/\s+/).every(function (w) { return !w || have.indexOf(w) >= 0; });
  }
  function chip(box, name, id, label) {
    var li = document.createElement("li");
    var span = document.createElement("span");
    span.textContent = label;
    var hidden = document.createElement("input");
    hidden.type = "hidden"; hidden.name = name; hidden.value = "id:" + id;
    var x = document.createElement("button");
    x.type = "button"; x.className = "picker-remove"; x.textContent = "×";
    x.setAttribute("data-picker-remove", ""); x.setAttribute("aria-label", "× " + label);
    li.append(span, hidden, x);
    box.appendChild(li);
  }
  function initPicker(root) {
    if (root.dataset.ready) { return; }
    root.dataset.ready = "1";
    var input = root.querySelector("[data-picker-input]");
    var menu = root.querySelector(".picker-menu");
    var chosen = root.querySelector(".picker-chosen");
    var multiple = root.hasAttribute("data-multiple");
    var timer = null, active = -1, asked = "";
    function items() { return Array.prototype.slice.call(menu.querySelectorAll("li[data-id]")); }
    function close() {
      menu.hidden = true; active = -1;
      input.setAttribute("aria-expanded", "false"); input.removeAttribute("aria-activedescendant");
    }
    function mark(i) {
      var all = items();
      if (!all.length) { return; }
      active = (i + all.length) % all.length;
      all.forEach(function (li, k) {
        li.id = input.id + "_opt" + k;
        li.setAttribute("aria-selected", k === active ? "true" : "false");
      });
      input.setAttribute("aria-activedescendant", all[active].id);
      all[active].scrollIntoView({ block: "nearest" });
    }
    function choose(li) {
      if (!multiple) { chosen.innerHTML = ""; }
      if (!chosen.querySelector('input[value="id:' + li.dataset.id + '"]')) {
        chip(chosen, input.name, li.dataset.id, li.dataset.label);
      }
      input.value = ""; close(); input.focus();
    }
    function ask() {
      var q = input.value.trim();
      if (q.length < 2) { close(); menu.innerHTML = ""; return; }
      asked = q;
      fetch(root.dataset.url + "&q=" + encodeURIComponent(q), {
        headers: { "HX-Request": "true" }, credentials: "same-origin"
      }).then(function (r) { return r.text(); }).then(function (html) {
        if (asked !== q) { return; }
        menu.innerHTML = html; menu.hidden = false; active = -1;
        input.setAttribute("aria-expanded", "true");
      });
    }
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(ask, 200); });
    input.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown") { e.preventDefault(); if (menu.hidden) { ask(); } else { mark(active + 1); } }
      else if (e.key === "ArrowUp") { e.preventDefault(); mark(active - 1); }
      else if (e.key === "Escape") { close(); }
      else if (e.key === "Enter" && !menu.hidden) {
        var all = items();
        var pick = all[active >= 0 ? active : 0];
        if (pick) { e.preventDefault(); choose(pick); }
      }
    });
    input.addEventListener("blur", function () { setTimeout(close, 200); });
    menu.addEventListener("mousedown", function (e) { e.preventDefault(); });
    menu.addEventListener("click", function (e) {
      var li = e.target.closest("li[data-id]");
      if (li) { choose(li); }
    });
    chosen.addEventListener("click", function (e) {
      if (e.target.hasAttribute("data-picker-remove")) { e.target.closest("li").remove(); input.focus(); }
    });
  }
  function initFilter(root) {
    if (root.dataset.ready) { return; }
    root.dataset.ready = "1";
    var box = root.querySelector("[data-picker-filter]");
    if (!box) { return; }  // a long list is filtered on the server
    box.hidden = false;
    box.addEventListener("input", function () {
      root.querySelectorAll("[data-filter]").forEach(function (el) {
        el.hidden = !matches(box.value, el.dataset.filter);
      });
    });
  }
  function init(scope) {
    scope.querySelectorAll("[data-picker]").forEach(initPicker);
    scope.querySelectorAll("[data-picker-list]").forEach(initFilter);
  }
  document.addEventListener("DOMContentLoaded", function () { init(document); });
  document.addEventListener("htmx:afterSwap", function (e) { init(e.target); });
}());
