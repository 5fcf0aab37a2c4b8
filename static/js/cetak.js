// "Cetak" buttons ([data-cetak]) print the page; a file, not an inline handler (the CSP forbids those).
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-cetak]")) window.print();
});
