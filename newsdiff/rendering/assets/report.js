/* newsdiff HTML report: choosing quotes, following findings to their evidence, choosing columns.
   Reads the page's own JSON (#newsdiff-data) and never writes markup: only classes, attributes and
   textContent change, so nothing from an article is ever parsed as HTML. */
(function () {
  "use strict";
  var doc = document;
  doc.documentElement.classList.add("js");
  var data = JSON.parse(doc.getElementById("newsdiff-data").textContent);
  var status = doc.getElementById("status");
  var shownCount = doc.getElementById("shown-count");
  var MARKS = ["selected", "counterpart", "ev-active"];

  function all(selector, context) {
    return Array.prototype.slice.call((context || doc).querySelectorAll(selector));
  }
  function columnOf(el) {
    return el ? el.closest(".column") : null;
  }
  function say(message) {
    if (status) status.textContent = message;
  }
  function labelOf(columnId) {
    for (var i = 0; i < data.articles.length; i++) {
      if (data.articles[i].column === columnId) return (i + 1) + " " + data.articles[i].label;
    }
    return columnId;
  }

  function updateCount() {
    if (shownCount) shownCount.textContent = String(all(".column:not([hidden])").length);
  }
  function setShown(columnId, show) {
    var column = doc.getElementById(columnId);
    if (!column || !column.classList.contains("column")) return;
    column.hidden = !show;
    all("input[data-col]").forEach(function (box) {
      if (box.getAttribute("data-col") === columnId) box.checked = show;
    });
    updateCount();
  }

  function clear() {
    MARKS.forEach(function (mark) {
      all("." + mark).forEach(function (el) { el.classList.remove(mark); });
    });
    all('[aria-pressed="true"]').forEach(function (el) { el.setAttribute("aria-pressed", "false"); });
    all(".remarks .cluster.open").forEach(function (el) { el.classList.remove("open"); });
    all(".variants li.chosen").forEach(function (el) { el.classList.remove("chosen"); });
  }
  // Quote ids are the renderer's own ("a3-q7"), safe inside a selector.
  function pieces(quoteId) {
    return all('[data-q~="' + quoteId + '"]');
  }
  function reveal(el) {
    if (el && !columnOf(el).hidden) el.scrollIntoView({ block: "center", inline: "nearest" });
  }
  function openClusters(clusterIds) {
    var first = null;
    clusterIds.forEach(function (id) {
      var section = doc.getElementById(id);
      if (section) {
        section.classList.add("open");
        first = first || section;
      }
    });
    if (first) first.scrollIntoView({ block: "nearest" });
  }

  function chooseQuote(el) {
    var own = (el.getAttribute("data-q") || "").split(" ").filter(Boolean);
    var clusters = (el.getAttribute("data-c") || "").split(" ").filter(Boolean);
    clear();
    own.forEach(function (q) {
      pieces(q).forEach(function (p) { p.classList.add("selected"); });
    });
    var head = doc.getElementById(own[0]);
    if (head) head.setAttribute("aria-pressed", "true");
    var others = [];
    clusters.forEach(function (c) {
      var cluster = data.clusters[c];
      if (!cluster) return;
      cluster.members.forEach(function (m) {
        if (own.indexOf(m) >= 0 || others.indexOf(m) >= 0) return;
        others.push(m);
        pieces(m).forEach(function (p) { p.classList.add("counterpart"); });
      });
    });
    all(".variants li[data-member]").forEach(function (li) {
      if (own.indexOf(li.getAttribute("data-member")) >= 0) li.classList.add("chosen");
    });
    openClusters(clusters);
    var hidden = 0;
    var columns = {};
    others.forEach(function (m) {
      var piece = doc.getElementById(m);
      var column = columnOf(piece);
      if (!column) return;
      columns[column.id] = true;
      if (column.hidden) hidden += 1;
      else reveal(piece);
    });
    reveal(head || el);
    var n = Object.keys(columns).length;
    say(
      others.length + " counterpart" + (others.length === 1 ? "" : "s") + " in " + n + " article" +
      (n === 1 ? "" : "s") + (hidden ? " (" + hidden + " in hidden columns: use the links in the panel)" : "") + "."
    );
  }

  function chooseCluster(clusterId) {
    var cluster = data.clusters[clusterId];
    if (!cluster) return;
    clear();
    cluster.members.forEach(function (m) {
      pieces(m).forEach(function (p) { p.classList.add("counterpart"); });
    });
    openClusters([clusterId]);
    cluster.members.forEach(function (m) { reveal(doc.getElementById(m)); });
    say((cluster.speaker || "unknown speaker") + ": printed " + cluster.members.length + " times.");
  }

  function goTo(quoteId) {
    var target = doc.getElementById(quoteId);
    if (!target) return;
    setShown(columnOf(target).id, true);
    if (target.classList.contains("selected") || target.classList.contains("counterpart")) {
      reveal(target);
    } else if (target.classList.contains("clustered")) {
      chooseQuote(target);
    } else {
      reveal(target);
    }
    target.focus({ preventScroll: true });
  }

  function showEvidence(evidenceId, columnId) {
    clear();
    setShown(columnId, true);
    var marked = all('.text .ev[data-ev~="' + evidenceId + '"]');
    marked.forEach(function (el) { el.classList.add("ev-active"); });
    if (marked.length) {
      reveal(marked[0]);
      marked[0].setAttribute("tabindex", "-1");
      marked[0].focus({ preventScroll: true });
    }
    say("Evidence shown in column " + labelOf(columnId) + ".");
  }

  doc.addEventListener("click", function (event) {
    var t = event.target;
    if (!(t instanceof Element)) return;
    var link = t.closest("a[data-ev]");
    if (link) {
      event.preventDefault();
      showEvidence(link.getAttribute("data-ev"), link.getAttribute("data-col"));
      return;
    }
    link = t.closest("a[data-goto]");
    if (link) {
      event.preventDefault();
      goTo(link.getAttribute("data-goto"));
      return;
    }
    var button = t.closest("button.show-cluster");
    if (button) {
      chooseCluster(button.getAttribute("data-cluster"));
      return;
    }
    button = t.closest("button[data-show]");
    if (button) {
      var limit = button.getAttribute("data-show") === "all" ? Infinity : Number(doc.getElementById("columns").getAttribute("data-limit"));
      all(".column").forEach(function (column, i) { setShown(column.id, i < limit); });
      return;
    }
    var quote = t.closest(".q.clustered");
    if (quote) chooseQuote(quote);
  });

  doc.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      clear();
      say("Selection cleared.");
      return;
    }
    var t = event.target;
    if ((event.key === "Enter" || event.key === " ") && t instanceof Element && t.matches(".q.clustered[tabindex]")) {
      event.preventDefault();
      chooseQuote(t);
    }
  });

  doc.addEventListener("change", function (event) {
    var t = event.target;
    if (t instanceof HTMLInputElement && t.hasAttribute("data-col")) setShown(t.getAttribute("data-col"), t.checked);
  });

  updateCount();
})();
