(function () {
  "use strict";
  document.documentElement.classList.add("js");
  function detailOf(id) {
    var node = id ? document.getElementById(id) : null;
    return node && node.classList.contains("detail") ? node : null;
  }
  function clear() {
    document.querySelectorAll(".detail.selected").forEach(function (node) {
      node.classList.remove("selected");
    });
    document.querySelectorAll(".panel.has-selection").forEach(function (node) {
      node.classList.remove("has-selection");
    });
    document.querySelectorAll(".claim[aria-current]").forEach(function (node) {
      node.removeAttribute("aria-current");
      node.setAttribute("aria-expanded", "false");
    });
  }
  function select(id, focus) {
    var detail = detailOf(id);
    if (!detail) { return false; }
    clear();
    detail.classList.add("selected");
    detail.closest(".panel").classList.add("has-selection");
    var link = document.querySelector('.claim[aria-controls="' + id + '"]');
    if (link) {
      link.setAttribute("aria-current", "true");
      link.setAttribute("aria-expanded", "true");
    }
    history.replaceState(null, "", "#" + id);
    var panel = detail.closest(".panel");
    panel.scrollTop = 0;
    // Beside the text the panel stays in view; below it (narrow screens), bring it up.
    if (getComputedStyle(panel).position !== "sticky" && detail.getBoundingClientRect().top < 0
        || detail.getBoundingClientRect().top > window.innerHeight) {
      detail.scrollIntoView({ block: "start" });
    }
    if (focus) { detail.focus({ preventScroll: true }); }
    return true;
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest('a[href^="#"]');
    if (link && select(link.getAttribute("href").slice(1), event.detail === 0)) {
      event.preventDefault();
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) { return; }
    if (event.key === "Escape") { clear(); history.replaceState(null, "", location.pathname); return; }
    if (event.key !== "j" && event.key !== "k") { return; }
    var claims = Array.prototype.slice.call(document.querySelectorAll(".claim"));
    if (!claims.length) { return; }
    var current = claims.indexOf(document.querySelector('.claim[aria-current="true"]'));
    var next = event.key === "j" ? current + 1 : current - 1;
    next = (next + claims.length) % claims.length;
    select(claims[next].getAttribute("aria-controls"), false);
    claims[next].scrollIntoView({ block: "nearest" });
    claims[next].focus({ preventScroll: true });
  });
  select(location.hash.slice(1), false);
})();
