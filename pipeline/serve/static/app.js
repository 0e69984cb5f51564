// gongwen serve: the only script. Tables marked .sortable sort by a click on their header;
// the document page's legend hides or shows each kind of mark. Pages work without it.
document.addEventListener("DOMContentLoaded", () => {
  for (const table of document.querySelectorAll("table.sortable")) {
    const heads = table.tHead ? table.tHead.rows[0].cells : [];
    Array.from(heads).forEach((th, col) => {
      th.classList.add("sortable-on");
      th.tabIndex = 0;
      const sort = () => {
        const asc = th.getAttribute("aria-sort") !== "ascending";
        Array.from(heads).forEach(h => h.removeAttribute("aria-sort"));
        th.setAttribute("aria-sort", asc ? "ascending" : "descending");
        const body = table.tBodies[0];
        const key = row => (row.cells[col] ? row.cells[col].textContent.trim() : "");
        const rows = Array.from(body.rows).sort((a, b) => {
          const x = key(a), y = key(b), nx = parseFloat(x), ny = parseFloat(y);
          const c = !isNaN(nx) && !isNaN(ny) ? nx - ny : x.localeCompare(y, "zh-CN");
          return asc ? c : -c;
        });
        rows.forEach(r => body.appendChild(r));
      };
      th.addEventListener("click", sort);
      th.addEventListener("keydown", e => { if (e.key === "Enter") sort(); });
    });
  }
  for (const box of document.querySelectorAll(".legend input[data-kind]")) {
    box.addEventListener("change", () => document.body.classList.toggle("hide-" + box.dataset.kind, !box.checked));
  }
});
