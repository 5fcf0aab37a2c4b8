// Loaded by dokumen/tte_massal_pilih.html (a static file: the CSP forbids inline script).
// "Pilih semua" per table, and the count of selected files on the submit button.
(function () {
var form = document.getElementById("form-tte-massal");
if (!form) return;
var jumlah = document.getElementById("jumlah-dipilih");
function hitung() {
  if (jumlah) jumlah.textContent = form.querySelectorAll("input.pilih-berkas:checked").length;
}
form.querySelectorAll("input.pilih-semua").forEach(function (semua) {
  semua.addEventListener("change", function () {
    semua.closest("table").querySelectorAll("input.pilih-berkas").forEach(function (el) { el.checked = semua.checked; });
    hitung();
  });
});
form.addEventListener("change", hitung);
hitung();
})();
