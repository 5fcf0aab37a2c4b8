// Draws each table's chart with the vendored Chart.js from the JSON the page embeds (no inline
// script: the CSP forbids it). Suppressed cells are null and drawn as gaps; the table next to
// each chart carries the same figures for screen readers and printing.
(function () {
  "use strict";
  var sumber = document.getElementById("grafik-data");
  if (!sumber || typeof Chart === "undefined") { return; }
  var data = JSON.parse(sumber.textContent);
  document.querySelectorAll("canvas[data-grafik]").forEach(function (kanvas) {
    var g = data[kanvas.dataset.grafik];
    if (!g) { return; }
    var chart = new Chart(kanvas, {
      type: "bar",
      data: { labels: g.label, datasets: [{ label: g.judul, data: g.nilai, backgroundColor: "#1f5fa8" }] },
      options: {
        indexAxis: g.label.length > 6 ? "y" : "x",
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: { legend: { display: false } }
      }
    });
    kanvas.dataset.siap = "1";
    kanvas.grafik = chart;
  });
})();
