/* Home page charts: each .chart reads its ECharts option from the JSON script named by
   data-option (the same rows as the table beside it) and draws it with the vendored ECharts.
   Numbers are formatted in the page's language (1.234.567 in Vietnamese). */
(function () {
  "use strict";
  var lang = document.documentElement.lang === "en" ? "en-US" : "vi-VN";
  var number = new Intl.NumberFormat(lang);
  var palette = ["#a3161a", "#d8a31a", "#1a5fb4", "#2e7d32", "#6a1b9a", "#ef6c00", "#00838f",
                 "#5d4037", "#546e7a", "#c2185b"];

  function format(value) { return number.format(value); }

  function prepare(option) {
    option.color = palette;
    option.textStyle = { fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" };
    option.tooltip = Object.assign({}, option.tooltip, { valueFormatter: format });
    ["xAxis", "yAxis"].forEach(function (axis) {
      if (option[axis] && option[axis].type === "value") {
        // Ticks that would touch on a narrow card are left out ("0100200300" otherwise).
        option[axis].axisLabel = { formatter: format, hideOverlap: true };
      }
    });
    option.series.forEach(function (s) {
      if (s.type === "pie") {
        s.label = { formatter: function (p) { return format(p.value); } };
        s.center = ["50%", "45%"];
        option.legend = { bottom: 0 };
      } else {
        s.label = { show: true, position: "right", formatter: function (p) { return format(p.value); } };
      }
    });
    return option;
  }

  function draw() {
    if (typeof echarts === "undefined") { return; }
    document.querySelectorAll(".chart[data-option]").forEach(function (el) {
      var source = document.getElementById(el.dataset.option);
      if (!source) { return; }
      var chart = echarts.init(el, null, { renderer: "canvas" });
      chart.setOption(prepare(JSON.parse(source.textContent)));
      window.addEventListener("resize", function () { chart.resize(); });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
