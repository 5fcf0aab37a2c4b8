// Charts of the leaders' dashboard (Chart.js, vendored). Each canvas names the JSON block of its
// table (data-sumber); clicking a bar opens the filtered queue when the table gives a URL.
(function () {
  "use strict";
  var warna = ["#0d6efd", "#198754", "#fd7e14", "#6f42c1", "#dc3545", "#20c997"];
  document.querySelectorAll("canvas.grafik").forEach(function (kanvas) {
    var blok = document.getElementById(kanvas.dataset.sumber);
    if (!blok || typeof Chart === "undefined") return;
    var g = JSON.parse(blok.textContent);
    var grafik = new Chart(kanvas, {
      type: g.jenis || "bar",
      data: {
        labels: g.label,
        datasets: g.data.map(function (d, i) {
          return { label: d.label, data: d.data, backgroundColor: warna[i % warna.length] };
        }),
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: {
          x: { stacked: !!g.tumpuk },
          y: { stacked: !!g.tumpuk, beginAtZero: true, max: g.maks || undefined },
        },
        onHover: function (e, el) {
          e.native.target.style.cursor = el.length && g.url && g.url[el[0].index] ? "pointer" : "default";
        },
        onClick: function (e, el) {
          if (el.length && g.url && g.url[el[0].index]) window.location.href = g.url[el[0].index];
        },
      },
    });
    kanvas.dataset.siap = "1";
    kanvas._grafik = grafik;
  });
})();
