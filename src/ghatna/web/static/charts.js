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
  // No mode bar: it would sit over the data. Zoom by dragging (double-click resets); the map
  // also zooms with the wheel and by region buttons.
  var CONFIG = { displaylogo: false, displayModeBar: false, responsive: true };
  var LAYOUT = { margin: { l: 40, r: 10, t: 10, b: 40 }, paper_bgcolor: "rgba(0,0,0,0)",
    plot_bgcolor: "rgba(0,0,0,0)", font: { family: "\"Ghatna Devanagari\", \"Segoe UI\", Roboto, \"DejaVu Sans\", Arial, sans-serif", size: 12 } };

  function data(el) {
    var src = document.getElementById(el.getAttribute("data-source"));
    return src ? JSON.parse(src.textContent) : null;
  }
  function layout(extra) { return Object.assign({}, LAYOUT, extra || {}); }
  function empty(el, text) {
    var p = document.createElement("p"); p.className = "none"; p.textContent = text;
    el.appendChild(p); el.classList.add("empty");
  }

  var MONTH = 27 * 86400000;  // a bar's width on a date axis: one month, less a gap
  function axis(text, extra) { return Object.assign({ title: { text: text } }, extra || {}); }
  // An axis of counts: whole numbers only (no 0.5 events).
  function counts(text, most, extra) {
    return axis(text, Object.assign({ rangemode: "tozero", tick0: 0, dtick: most <= 10 ? 1 : null,
      tickformat: ",d" }, extra || {}));
  }

  function timeline(el, d) {
    var months = Object.keys(d.by_month || {}).sort();
    if (!months.length) { return empty(el, "No dated events yet."); }
    var types = Object.keys(d.by_type || {});
    var x = months.map(function (m) { return m + "-01"; });
    var traces = types.map(function (t) {
      return { type: "bar", name: t, x: x, xperiod: "M1", xperiodalignment: "middle", width: MONTH,
        marker: { color: COLORS[t] || "#888" },
        hovertemplate: t + ": %{y}<extra>%{x|%b %Y}</extra>",
        y: months.map(function (m) { return (d.by_month[m] || {})[t] || 0; }) };
    });
    Plotly.newPlot(el, traces, layout({ barmode: "stack", margin: { l: 50, r: 10, t: 30, b: 40 },
      legend: { orientation: "h", x: 0, y: 1.02, yanchor: "bottom" },
      xaxis: axis("month", { type: "date", tickformat: "%b %Y" }),
      yaxis: counts("events", Math.max.apply(null, months.map(function (m) {
        return Object.keys(d.by_month[m]).reduce(function (a, t) { return a + d.by_month[m][t]; }, 0); }))) }), CONFIG);
  }

  function bytype(el, d) {
    var types = Object.keys(d.by_type || {});
    if (!types.length) { return empty(el, "No events yet."); }
    Plotly.newPlot(el, [{ type: "bar", orientation: "h", y: types, x: types.map(function (t) { return d.by_type[t]; }),
      marker: { color: types.map(function (t) { return COLORS[t] || "#888"; }) } }],
      layout({ margin: { l: 90, r: 10, t: 10, b: 40 }, yaxis: { autorange: "reversed" },
        xaxis: counts("events", Math.max.apply(null, types.map(function (t) { return d.by_type[t]; }))) }), CONFIG);
  }

  function balance(el, d) {
    var rows = d.balance || [];
    if (!rows.length) { return empty(el, "No dated events yet."); }
    var x = rows.map(function (r) { return r.month + "-01"; });
    var period = { xperiod: "M1", xperiodalignment: "middle" };
    var bars = { xperiod: "M1", xperiodalignment: "middle", width: MONTH };
    var most = Math.max.apply(null, rows.map(function (r) { return Math.max(r.cooperation, r.conflict); }));
    Plotly.newPlot(el, [
      Object.assign({ type: "bar", name: "cooperation (events)", x: x, y: rows.map(function (r) { return r.cooperation; }), marker: { color: "#4daf4a" }, opacity: 0.6 }, bars),
      Object.assign({ type: "bar", name: "conflict (events, below zero)", x: x, y: rows.map(function (r) { return -r.conflict; }), customdata: rows.map(function (r) { return r.conflict; }), hovertemplate: "conflict: %{customdata}<extra></extra>", marker: { color: "#d62728" }, opacity: 0.6 }, bars),
      Object.assign({ type: "scatter", mode: "lines+markers", name: "balance (right axis)", x: x, y: rows.map(function (r) { return r.balance; }), yaxis: "y2", line: { color: "#222" } }, period)
    ], layout({ margin: { l: 50, r: 60, t: 30, b: 40 }, barmode: "relative",
      legend: { orientation: "h", x: 0, y: 1.02, yanchor: "bottom" },
      xaxis: axis("month", { type: "date", tickformat: "%b %Y" }),
      yaxis: axis("events (conflict below 0)", { zeroline: true, range: [-most - 0.2, most + 0.2], dtick: most <= 5 ? 1 : null, tickformat: ",d" }),
      yaxis2: axis("balance", { overlaying: "y", side: "right", range: [-1.05, 1.05], dtick: 0.5, showgrid: false, zeroline: false }) }), CONFIG);
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

  // Longitude and latitude ranges of the map's zoom buttons.
  var REGIONS = { world: [[-180, 180], [-58, 84]], "south-asia": [[60, 98], [5, 38]],
    india: [[67, 98], [6, 37.5]], "middle-east": [[25, 63], [12, 42]], europe: [[-12, 45], [35, 71]],
    "east-asia": [[95, 150], [15, 50]], africa: [[-20, 55], [-36, 38]], americas: [[-170, -30], [-56, 72]] };
  var SHADES = ["#fde0c5", "#facba6", "#f59e72", "#e8684a", "#c0392b"];

  function rings(country, xs, ys) {
    country.rings.forEach(function (ring) {
      for (var i = 0; i < ring.length; i += 2) { xs.push(ring[i]); ys.push(ring[i + 1]); }
      xs.push(null); ys.push(null);
    });
  }
  function middle(country) {  // the centre of the country's largest ring, for its hover label
    var best = country.rings.reduce(function (a, r) { return r.length > a.length ? r : a; }, []);
    var x = 0, y = 0, n = best.length / 2;
    for (var i = 0; i < best.length; i += 2) { x += best[i]; y += best[i + 1]; }
    return [x / n, y / n];
  }

  // A bin of SHADES for a count, on a log scale up to the largest count.
  function binner(counts) {
    var most = Math.max.apply(null, [1].concat(counts));
    return function (n) { return Math.min(SHADES.length - 1, Math.floor(SHADES.length * Math.log(n) / Math.log(most + 1))); };
  }

  // India's states and union territories: outlines, shaded by their events, and a hover
  // label with each one's name and count at its centre. An outline may stand for several
  // of today's regions (Telangana inside Andhra Pradesh's): its count is theirs together.
  function states(data, counts, traces) {
    var total = function (s) { return s.codes.reduce(function (a, c) { return a + (counts[c] || 0); }, 0); };
    var bin = binner(data.states.map(total));
    var shaded = SHADES.map(function () { return { x: [], y: [] }; });
    var lx = [], ly = [], hx = [], hy = [], ht = [], drawn = 0;
    data.states.forEach(function (s) {
      var n = total(s);
      rings(s, lx, ly);
      if (n) { rings(s, shaded[bin(n)].x, shaded[bin(n)].y); drawn += 1; }
      var m = middle(s); hx.push(m[0]); hy.push(m[1]);
      ht.push(s.name + ": " + n + " event" + (n === 1 ? "" : "s") + (s.note ? " (" + s.note + ")" : ""));
    });
    shaded.forEach(function (sh, i) {
      if (!sh.x.length) { return; }
      traces.push({ type: "scatter", mode: "lines", x: sh.x, y: sh.y, fill: "toself", fillcolor: SHADES[i],
        line: { width: 0 }, hoverinfo: "skip", showlegend: false });
    });
    traces.push({ type: "scatter", mode: "lines", x: lx, y: ly, line: { color: "#8a8f99", width: 0.5 },
      hoverinfo: "skip", showlegend: false });
    traces.push({ type: "scatter", mode: "markers", name: "states", x: hx, y: hy, hovertext: ht, hoverinfo: "text",
      marker: { size: 12, opacity: 0 }, showlegend: false });
    return drawn;
  }

  function map(el, d) {
    var draw = function (world, india) {
      var traces = [];
      var counts = d.by_country || {};
      var bin = binner(Object.keys(counts).map(function (k) { return counts[k]; }));
      if (world) {
        var bx = [], by = [];
        world.countries.forEach(function (c) { rings(c, bx, by); });
        traces.push({ type: "scatter", mode: "lines", x: bx, y: by, fill: "toself", fillcolor: "#eef0f3",
          line: { color: "#9aa3b0", width: 0.6 }, hoverinfo: "skip", showlegend: false });
        var shaded = SHADES.map(function () { return { x: [], y: [] }; });
        var hx = [], hy = [], ht = [];
        world.countries.forEach(function (c) {
          var n = counts[c.id];
          if (!n) { return; }
          // India is shaded state by state (its count stays in its hover label)
          if (!(india && c.id === "IND")) { rings(c, shaded[bin(n)].x, shaded[bin(n)].y); }
          var m = middle(c); hx.push(m[0]); hy.push(m[1]);
          ht.push(((d.names || {})[c.id] || c.name) + ": " + n + " event" + (n > 1 ? "s" : ""));
        });
        shaded.forEach(function (s, i) {
          if (!s.x.length) { return; }
          traces.push({ type: "scatter", mode: "lines", x: s.x, y: s.y, fill: "toself", fillcolor: SHADES[i],
            line: { color: "#8a6d5a", width: 0.6 }, hoverinfo: "skip", showlegend: false });
        });
        traces.push({ type: "scatter", mode: "markers", x: hx, y: hy, hovertext: ht, hoverinfo: "text",
          marker: { size: 14, opacity: 0 }, showlegend: false });
      }
      var shadedStates = india ? states(india, d.by_region || {}, traces) : 0;
      var places = d.places || [];
      var top = Math.max.apply(null, [1].concat(places.map(function (p) { return p.events; })));
      traces.push({ type: "scatter", mode: "markers", name: "events",
        x: places.map(function (p) { return p.lon; }), y: places.map(function (p) { return p.lat; }),
        hovertext: places.map(function (p) {
          return (p.name || "?") + (p.country ? " (" + p.country + ")" : "") + ": " + p.events + " event" + (p.events > 1 ? "s" : "");
        }), hoverinfo: "text", showlegend: false,
        marker: { size: places.map(function (p) { return 8 + 26 * Math.sqrt(p.events / top); }),
          color: "#2a5db0", opacity: 0.8, line: { color: "#fff", width: 1 } } });
      var r = REGIONS.world;
      Plotly.newPlot(el, traces, layout({ showlegend: false, margin: { l: 40, r: 10, t: 10, b: 40 },
        dragmode: "pan", hovermode: "closest",
        xaxis: axis("longitude", { range: r[0], zeroline: false, showgrid: false }),
        yaxis: axis("latitude", { range: r[1], scaleanchor: "x", zeroline: false, showgrid: false }) }),
        Object.assign({}, CONFIG, { scrollZoom: true }));
      el.setAttribute("data-drawn", places.length);
      el.setAttribute("data-countries", world ? world.countries.length : 0);
      el.setAttribute("data-states-drawn", india ? india.states.length : 0);
      el.setAttribute("data-states-shaded", shadedStates);
      document.querySelectorAll("[data-region]").forEach(function (button) {
        button.addEventListener("click", function () {
          var range = REGIONS[button.getAttribute("data-region")];
          Plotly.relayout(el, { "xaxis.range": range[0], "yaxis.range": range[1] }).then(function () {
            el.setAttribute("data-region", button.getAttribute("data-region"));
          });
        });
      });
    };
    var load = function (url) {
      return url ? fetch(url).then(function (r) { return r.ok ? r.json() : null; })
        .catch(function () { return null; }) : Promise.resolve(null);
    };
    Promise.all([load(el.getAttribute("data-world")), load(el.getAttribute("data-states"))])
      .then(function (both) { draw(both[0], both[1]); });
  }

  var CHARTS = { timeline: timeline, bytype: bytype, balance: balance, network: network, map: map };
  document.querySelectorAll("[data-chart]").forEach(function (el) {
    var fn = CHARTS[el.getAttribute("data-chart")];
    var d = data(el);
    if (fn && d && window.Plotly) { fn(el, d); el.setAttribute("data-rendered", "1"); }
  });
})();
