// Progressive enhancement for the public pages. Without JavaScript every page works; the
// copy button stays hidden.
(function () {
  "use strict";

  function copyWithSelection(text) {
    // For pages served over plain HTTP, where navigator.clipboard is unavailable.
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "visually-hidden";
    document.body.appendChild(area);
    area.select();
    let ok = false;
    try {
      ok = document.execCommand("copy");
    } catch (error) {
      ok = false;
    }
    area.remove();
    return ok ? Promise.resolve() : Promise.reject(new Error("copy failed"));
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(() => copyWithSelection(text));
    }
    return copyWithSelection(text);
  }

  function setUpCopyButton(button) {
    const source = document.getElementById(button.dataset.copy);
    const status = document.getElementById(button.dataset.status);
    if (!source || !status) return;
    button.hidden = false;
    button.addEventListener("click", () => {
      status.textContent = "";
      copyText(source.textContent.trim())
        .then(() => {
          status.textContent = button.dataset.done;
        })
        .catch(() => {
          status.textContent = button.dataset.failed;
        });
    });
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("button[data-copy]").forEach(setUpCopyButton);
  });
})();
