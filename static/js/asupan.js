// The kernel's intake page: "Cari di register" fills the identity fields from the register
// (core:cari-nik, a POST so the NIK stays out of URLs). What the officer typed is kept when the
// NIK is not found.
document.addEventListener("click", async (event) => {
  const tombol = event.target.closest("[data-cari-nik]");
  if (!tombol) return;
  const form = tombol.closest("form");
  const status = form.querySelector("#status-nik");
  const nik = (form.querySelector("[name=nik]") || {}).value || "";
  const csrf = form.querySelector("[name=csrfmiddlewaretoken]").value;
  let data;
  try {
    const r = await fetch(tombol.dataset.cariNik, {
      method: "POST",
      headers: {"X-CSRFToken": csrf, "Content-Type": "application/x-www-form-urlencoded"},
      body: new URLSearchParams({nik: nik.trim()}),
      credentials: "same-origin",
    });
    if (!r.ok) throw new Error(String(r.status));
    data = await r.json();
  } catch (e) {
    status.className = "alert alert-danger py-2 small";
    status.textContent = "Pencarian di register gagal; isi data sesuai dokumen yang dibawa.";
    return;
  }
  if (!data.ditemukan) {
    status.className = "alert alert-secondary py-2 small";
    status.textContent = "NIK tidak ditemukan di register lokal; isi data pemohon sesuai dokumen yang dibawa.";
    return;
  }
  for (const [nama, nilai] of Object.entries(data.isian)) {
    const isian = form.querySelector(`[name="${nama}"]`);
    if (isian && nilai) isian.value = nilai;
  }
  status.className = "alert alert-success py-2 small";
  status.textContent = "Ditemukan di register: data diisi dari register penduduk.";
});
