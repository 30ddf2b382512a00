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

  /* Filters and search over the findings table. The first rows are in the
     table; the others are in <noscript class="more-rows"> chunks, read as
     text: a row is built when a filter first shows it, and at most `limit`
     rows are in the table at once. */
  var form = doc.querySelector("form.filters");
  var tbody = doc.querySelector("table.findings > tbody");
  var moreBox = doc.querySelector("#findings p.more");
  var none = doc.querySelector("#findings p.none");
  var STEP = 1000, limit = STEP;
  var rows = [], chunks = [];
  var count = tbody ? +(tbody.parentNode.getAttribute("data-rows") || 0) : 0;
  var unescape = function (v) {
    return v.replace(/&quot;/g, "\"").replace(/&#x27;|&#39;/g, "'").replace(/&#x2f;/g, "/")
      .replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  };
  var attr = function (head, name) {
    var m = head.match(new RegExp(" " + name + "=\"([^\"]*)\""));
    return m ? unescape(m[1]) : "";
  };
  if (tbody) {
    each(tbody.children, function (tr) {
      rows.push({ el: tr, html: null, b: tr.dataset.b, f: tr.dataset.f, s: tr.dataset.s, st: tr.dataset.st, text: null });
    });
    each(doc.querySelectorAll("noscript.more-rows"), function (n) {
      chunks.push(n.textContent);
      n.parentNode.removeChild(n);
    });
  }
  /* Reads chunks into rows until there are `n` (all without `n`). */
  function ensure(n) {
    while (chunks.length && (n === undefined || rows.length < n)) {
      var parts = chunks.shift().split(/(?=<tr )/);
      parts.shift();
      parts.forEach(function (p) {
        var html = p.slice(0, p.lastIndexOf("</tr>") + 5);
        var head = html.slice(0, html.indexOf(">"));
        rows.push({ el: null, html: html, b: attr(head, "data-b"), f: attr(head, "data-f"),
          s: attr(head, "data-s"), st: attr(head, "data-st"), text: null });
      });
    }
  }
  function text(r) {
    if (r.text === null) {
      r.text = (r.el ? r.el.textContent : unescape(r.html.replace(/<[^>]*>/g, " "))).toLowerCase();
    }
    return r.text;
  }
  function build(list) {
    var todo = list.filter(function (r) { return !r.el; });
    if (!todo.length) return;
    var t = doc.createElement("template");
    t.innerHTML = "<table><tbody>" + todo.map(function (r) { return r.html; }).join("") + "</tbody></table>";
    var trs = t.content.querySelectorAll("tbody > tr");
    todo.forEach(function (r, i) { r.el = trs[i]; r.html = null; });
  }
  function val(name) {
    var el = form.elements[name];
    return el ? el.value : "";
  }
  function apply() {
    var b = val("b"), f = val("f"), s = val("s"), st = val("st");
    var q = val("q").replace(/^\s+|\s+$/g, "").toLowerCase();
    var any = b || f || s || st || q;
    if (any) ensure(); else ensure(limit);
    var shown = [], total = 0;
    for (var i = 0; i < rows.length; i++) {
      var r = rows[i];
      var ok = (!b || r.b === b) && (!f || r.f === f) && (!s || r.s === s) &&
        (!st || r.st === st) && (!q || text(r).indexOf(q) >= 0);
      if (!ok) continue;
      total++;
      if (shown.length < limit) shown.push(r);
    }
    if (!any) total = Math.max(total, count);
    build(shown);
    var frag = doc.createDocumentFragment();
    shown.forEach(function (r) { r.el.hidden = false; frag.appendChild(r.el); });
    tbody.textContent = "";
    tbody.appendChild(frag);
    form.elements.shown.value = (shown.length < total ? shown.length + " / " + total + " / " : total + " / ") + Math.max(count, rows.length);
    if (moreBox) moreBox.hidden = shown.length >= total;
    if (none) none.hidden = total > 0;
  }
  if (form && tbody) {
    form.hidden = false;
    form.addEventListener("input", function () { limit = STEP; apply(); });
    form.addEventListener("change", function () { limit = STEP; apply(); });
    apply();
    if (moreBox) moreBox.addEventListener("click", function () { limit += STEP; apply(); });
    doc.addEventListener("click", function (e) {
      var a = e.target.closest && e.target.closest("a.only");
      if (!a || !form.elements.b) return;
      form.elements.b.value = a.getAttribute("data-b");
      limit = STEP;
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
