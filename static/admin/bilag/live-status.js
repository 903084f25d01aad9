// Keeps the status of bilag that are being processed up to date without a reload.
(function () {
  "use strict";
  const statusUrl = () => {
    const match = window.location.pathname.match(/^(.*\/bilag\/bilag\/)/);
    return match ? match[1] + "status/" : null;
  };

  function poll() {
    const pending = Array.from(document.querySelectorAll(".bilag-status[data-polling='1']"));
    const url = statusUrl();
    if (!pending.length || !url) return;
    const ids = pending.map((el) => el.dataset.bilag).join(",");
    fetch(url + "?ids=" + ids, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then((response) => (response.ok ? response.json() : {}))
      .then((rows) => {
        pending.forEach((el) => {
          const row = rows[el.dataset.bilag];
          if (!row) return;
          const holder = document.createElement("span");
          holder.innerHTML = row.html;
          el.replaceWith(holder.firstElementChild);
        });
      })
      .catch(() => {})
      .finally(() => window.setTimeout(poll, 2000));
  }

  document.addEventListener("DOMContentLoaded", () => window.setTimeout(poll, 2000));
})();
