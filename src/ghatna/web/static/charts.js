// ghatna's charts: each element with data-chart reads its data from a
// <script type="application/json"> block named by data-source and draws it with the
// locally served plotly.js. No inline scripts, nothing fetched from other hosts.
(function () {
  "use strict";
  var COOPERATION = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"];
  var COLORS = {
    AGREE: "#1b9e77", CONSULT: "#66a61e", SUPPORT: "#4daf4a", CONCEDE: "#a6d854",
    COOPERATE: "#17becf", AID: "#1f78b4", RETREAT: "#80b1d3", REQUEST: "#e6ab02",
    ACCUSE: "#fdae61", REJECT: "#f46d43", THREATEN: "#d95f02", PROTEST: "#e7298a",
    SANCTION: "#984ea3", MOBILIZE: "#7570b3", COERCE: "#a6761d", ASSAULT: "#d62728"
  };
  var CONFIG = { displaylogo: false, responsive: true };
  var LAYOUT = { margin: { l: 40, r: 10, t: 10, b: 40 }, paper_bgcolor: "rgba(0,0,0,0)",
    plot_bgcolor: "rgba(0,0,0,0)", font: { family: "system-ui, sans-serif", size: 12 } };

  function data(el) {
    var src = document.getElementById(el.getAttribute("data-source"));
    return src ? JSON.parse(src.textContent) : null;
  }
  function layout(extra) { return Object.assign({}, LAYOUT, extra || {}); }
  function empty(el, text) {
    var p = document.createElement("p"); p.className = "none"; p.textContent = text;
    el.appendChild(p); el.classList.add("empty");
  }

  function timeline(el, d) {
    var months = Object.keys(d.by_month || {}).sort();
    if (!months.length) { return empty(el, "No dated events yet."); }
    var types = Object.keys(d.by_type || {});
    var traces = types.map(function (t) {
      return { type: "bar", name: t, x: months, marker: { color: COLORS[t] || "#888" },
        y: months.map(function (m) { return (d.by_month[m] || {})[t] || 0; }) };
    });
    Plotly.newPlot(el, traces, layout({ barmode: "stack", legend: { orientation: "h" },
      xaxis: { type: "category" } }), CONFIG);
  }

  function bytype(el, d) {
    var types = Object.keys(d.by_type || {});
    if (!types.length) { return empty(el, "No events yet."); }
    Plotly.newPlot(el, [{ type: "bar", orientation: "h", y: types, x: types.map(function (t) { return d.by_type[t]; }),
      marker: { color: types.map(function (t) { return COLORS[t] || "#888"; }) } }],
      layout({ margin: { l: 90, r: 10, t: 10, b: 30 }, yaxis: { autorange: "reversed" } }), CONFIG);
  }

  function balance(el, d) {
    var rows = d.balance || [];
    if (!rows.length) { return empty(el, "No dated events yet."); }
    var x = rows.map(function (r) { return r.month; });
    Plotly.newPlot(el, [
      { type: "bar", name: "cooperation", x: x, y: rows.map(function (r) { return r.cooperation; }), marker: { color: "#4daf4a" }, yaxis: "y2", opacity: 0.5 },
      { type: "bar", name: "conflict", x: x, y: rows.map(function (r) { return -r.conflict; }), marker: { color: "#d62728" }, yaxis: "y2", opacity: 0.5 },
      { type: "scatter", mode: "lines+markers", name: "balance", x: x, y: rows.map(function (r) { return r.balance; }), line: { color: "#222" } }
    ], layout({ margin: { l: 40, r: 50, t: 10, b: 40 }, barmode: "relative", xaxis: { type: "category" }, legend: { orientation: "h" },
      yaxis: { range: [-1.05, 1.05], title: "balance", zeroline: true },
      yaxis2: { overlaying: "y", side: "right", title: "events", showgrid: false } }), CONFIG);
  }

  function network(el, d) {
    if (!d.edges || !d.edges.length) { return empty(el, "Nothing to draw."); }
    var pos = {}; d.nodes.forEach(function (n) { pos[n.key] = n; });
    var most = Math.max.apply(null, d.edges.map(function (e) { return e.events; }));
    var annotations = d.edges.map(function (e) {
      var a = pos[e.source], b = pos[e.target];
      return { x: b.x, y: b.y, ax: a.x, ay: a.y, xref: "x", yref: "y", axref: "x", ayref: "y",
        showarrow: true, arrowhead: 2, arrowsize: 1, standoff: 10, startstandoff: 10,
        arrowwidth: 1 + 4 * e.events / most, opacity: 0.7, text: "",
        arrowcolor: e.cooperation >= e.conflict ? "#4daf4a" : "#d62728" };
    });
    var mostNode = Math.max.apply(null, d.nodes.map(function (n) { return n.events; }));
    var nodes = { type: "scatter", mode: "markers+text", textposition: "top center",
      x: d.nodes.map(function (n) { return n.x; }), y: d.nodes.map(function (n) { return n.y; }),
      text: d.nodes.map(function (n) { return n.name; }),
      customdata: d.nodes.map(function (n) { return n.key; }),
      hovertext: d.nodes.map(function (n) { return n.name + " (" + n.key + "): " + n.events + " events"; }),
      hoverinfo: "text",
      marker: { size: d.nodes.map(function (n) { return 10 + 25 * Math.sqrt(n.events / mostNode); }),
        color: "#3366aa", line: { color: "#fff", width: 1 } } };
    Plotly.newPlot(el, [nodes], layout({ annotations: annotations, showlegend: false,
      xaxis: { visible: false, range: [-1.25, 1.25] }, yaxis: { visible: false, range: [-1.25, 1.25] } }), CONFIG);
    el.on("plotly_click", function (ev) {
      var key = ev.points && ev.points[0] && ev.points[0].customdata;
      if (key) { window.location.href = "/actors/" + encodeURIComponent(key).replace(/%3A/g, ":"); }
    });
  }

  function map(el, d) {
    var draw = function (base) {
      var traces = [];
      if (base) {
        traces.push({ type: "scatter", mode: "markers", x: base.lon, y: base.lat, hoverinfo: "skip",
          marker: { size: 3, color: "#c8c8c8" }, name: "land" });
      }
      var places = d.places || [];
      var most = Math.max.apply(null, [1].concat(places.map(function (p) { return p.events; })));
      traces.push({ type: "scatter", mode: "markers", name: "events",
        x: places.map(function (p) { return p.lon; }), y: places.map(function (p) { return p.lat; }),
        hovertext: places.map(function (p) {
          return (p.name || "?") + (p.country ? " (" + p.country + ")" : "") + ": " + p.events + " events";
        }), hoverinfo: "text",
        marker: { size: places.map(function (p) { return 8 + 30 * Math.sqrt(p.events / most); }),
          color: "#d62728", opacity: 0.75, line: { color: "#fff", width: 1 } } });
      Plotly.newPlot(el, traces, layout({ showlegend: false, margin: { l: 30, r: 10, t: 10, b: 30 },
        xaxis: { range: [-180, 180], title: "longitude", zeroline: false },
        yaxis: { range: [-60, 85], title: "latitude", scaleanchor: "x", zeroline: false } }), CONFIG);
      el.setAttribute("data-drawn", places.length);
    };
    fetch(el.getAttribute("data-basemap")).then(function (r) { return r.ok ? r.json() : null; })
      .then(draw, function () { draw(null); });
  }

  var CHARTS = { timeline: timeline, bytype: bytype, balance: balance, network: network, map: map };
  document.querySelectorAll("[data-chart]").forEach(function (el) {
    var fn = CHARTS[el.getAttribute("data-chart")];
    var d = data(el);
    if (fn && d && window.Plotly) { fn(el, d); el.setAttribute("data-rendered", "1"); }
  });
})();
