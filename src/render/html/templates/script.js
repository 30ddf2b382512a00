/* dangjian HTML report: progressive enhancement only. Without this script
   the page is complete: every section's body is in a <noscript>, every
   finding is in the table. */
(function () {
  "use strict";
  var doc = document;
  doc.documentElement.className += " js";
  var each = function (list, fn) { Array.prototype.forEach.call(list, fn); };

  /* A section's body is kept as text in its <noscript> and built when the
     section opens: a page of many branches opens fast. */
  function fill(d) {
    var n = d.querySelector("noscript.lazy");
    if (!n || n.parentNode !== d) return;
    var box = doc.createElement("div");
    box.innerHTML = n.textContent;
    while (box.firstChild) d.insertBefore(box.firstChild, n);
    d.removeChild(n);
  }
  doc.addEventListener("toggle", function (e) {
    var d = e.target;
    if (d.classList && d.classList.contains("branch") && d.open) fill(d);
  }, true);
  each(doc.querySelectorAll("details.branch[open]"), fill);
  function expandAll() {
    each(doc.querySelectorAll("details.branch"), function (d) { fill(d); d.open = true; });
  }
  /* Printing prints everything. */
  window.addEventListener("beforeprint", expandAll);
  if (window.matchMedia) {
    var mq = window.matchMedia("print");
    if (mq.addListener) mq.addListener(function (m) { if (m.matches) expandAll(); });
  }

  var tools = doc.querySelector(".tools");
  if (tools) {
    tools.hidden = false;
    tools.addEventListener("click", function (e) {
      var act = e.target.getAttribute && e.target.getAttribute("data-act");
      if (act === "expand") expandAll();
      else if (act === "collapse") each(doc.querySelectorAll("details.branch"), function (d) { d.open = false; });
      else if (act === "print") window.print();
    });
  }

  /* Filters and search over the findings table. */
  var form = doc.querySelector("form.filters");
  var rows = Array.prototype.slice.call(doc.querySelectorAll("table.findings > tbody > tr"));
  var none = doc.querySelector("#findings p.none");
  var texts = null;
  function val(name) {
    var el = form.elements[name];
    return el ? el.value : "";
  }
  function apply() {
    var b = val("b"), f = val("f"), s = val("s"), st = val("st");
    var q = val("q").replace(/^\s+|\s+$/g, "").toLowerCase();
    if (q && !texts) texts = rows.map(function (r) { return r.textContent.toLowerCase(); });
    var shown = 0;
    for (var i = 0; i < rows.length; i++) {
      var r = rows[i], ds = r.dataset;
      var ok = (!b || ds.b === b) && (!f || ds.f === f) && (!s || ds.s === s) &&
        (!st || ds.st === st) && (!q || texts[i].indexOf(q) >= 0);
      if (r.hidden === ok) r.hidden = !ok;
      if (ok) shown++;
    }
    form.elements.shown.value = shown + " / " + rows.length;
    if (none) none.hidden = shown > 0;
  }
  if (form) {
    form.hidden = false;
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    apply();
    doc.addEventListener("click", function (e) {
      var a = e.target.closest && e.target.closest("a.only");
      if (!a || !form.elements.b) return;
      form.elements.b.value = a.getAttribute("data-b");
      apply();
    });
  }

  /* The name of the grid cell under the pointer. */
  var tip = doc.getElementById("tip");
  doc.addEventListener("mousemove", function (e) {
    var svg = e.target.closest && e.target.closest("svg.grid");
    if (!svg || !tip) { if (tip) tip.hidden = true; return; }
    var ctm = svg.getScreenCTM();
    if (!ctm) return;
    var pt = svg.createSVGPoint();
    pt.x = e.clientX; pt.y = e.clientY;
    var p = pt.matrixTransform(ctm.inverse());
    var ds = svg.dataset, pitch = +ds.p;
    var col = Math.floor((p.x - ds.x0) / pitch), row = Math.floor((p.y - ds.y0) / pitch);
    var months = ds.m.split(" ");
    var letters = svg.querySelectorAll("g.lt > text"), labels = svg.querySelectorAll("g.lbl > text");
    if (col < 0 || row < 0 || col >= months.length || row >= letters.length) { tip.hidden = true; return; }
    var letter = letters[row].textContent.charAt(col), name = letter;
    var fig = svg.closest("figure");
    if (fig) each(fig.querySelectorAll(".legend li"), function (li) {
      if (li.firstChild.textContent === letter) name = li.lastChild.textContent;
    });
    tip.textContent = labels[row].textContent + " · " + months[col] + " · " + name;
    tip.style.left = (e.clientX + 12) + "px";
    tip.style.top = (e.clientY + 12) + "px";
    tip.hidden = false;
  });
})();
