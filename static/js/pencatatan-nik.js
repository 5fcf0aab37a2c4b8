// Loaded by apps/capil/templates/capil/pencatatan_baru.html (a static file: the CSP forbids inline script).
// NIK look-up in the register: fills the name next to a NIK field (penduduk:nik-info).
(function () {
var form = document.getElementById("form-pencatatan");
if (!form) return;
var urlInfo = form.dataset.nikInfoUrl;
form.querySelectorAll("input[name$='_nik']").forEach(function (el) {
  var nama = document.getElementsByName(el.name.replace(/_nik$/, "_nama"))[0];
  if (!nama) return;
  var info = document.createElement("div");
  info.className = "form-text nik-info";
  el.parentNode.appendChild(info);
  el.addEventListener("change", function () {
    var nik = el.value.replace(/[\s.\-]/g, "");
    info.textContent = "";
    if (nik.length !== 16) return;
    // POST, not a query string: a NIK must not land in access logs (issue 8 §7).
    fetch(urlInfo, {method: "POST", credentials: "same-origin", body: new URLSearchParams({nik: nik}),
      headers: {"X-CSRFToken": form.querySelector("[name=csrfmiddlewaretoken]").value}})
      .then(function (r) { return r.json().then(function (d) { return [r.status, d]; }); })
      .then(function (x) {
        if (x[0] === 200) { nama.value = x[1].nama; info.textContent = "Terdaftar: " + x[1].nama + ", " + x[1].kelurahan + (x[1].status_hidup !== "hidup" ? " (" + x[1].status_hidup_label + ")" : ""); }
        else { info.textContent = x[1].pesan || "NIK tidak ditemukan."; }
      }).catch(function () {});
  });
});
})();
