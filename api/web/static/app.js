// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  function csrf() {
    return document.body.dataset.csrf || "";
  }

  document.addEventListener("htmx:configRequest", function (event) {
    event.detail.headers["X-CSRF-Token"] = csrf();
  });

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy]");
    if (button) {
      var source = document.getElementById(button.dataset.copy);
      if (!source) return;
      var text = "value" in source ? source.value : source.textContent;
      var label = button.textContent;
      var done = function () {
        button.textContent = "Copied";
        setTimeout(function () { button.textContent = label; }, 1500);
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done, function () {});
      } else if (source.select) {
        source.select();
        document.execCommand("copy");
        done();
      }
      return;
    }
    if (event.target.closest("[data-print]")) {
      window.print();
    }
  });
})();
