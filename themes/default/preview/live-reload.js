/* Staffroom preview: live reload. `staffroom serve` puts this script in
   every page it serves (never in what `staffroom build` writes). It listens
   to the server's events: "reload" names the pages rebuilt, "error" brings
   the error box (overlay.mustache) while the site is broken. */
(function () {
  if (!window.EventSource) return;
  var source = new EventSource("/__staffroom/events");
  /* Served path of this page, as the server names it: "vacancies/x/index.html". */
  var path = decodeURIComponent(location.pathname).slice(1);
  if (path === "" || path.slice(-1) === "/") path += "index.html";
  source.addEventListener("reload", function (e) {
    var paths = JSON.parse(e.data).paths || [];
    if (paths.indexOf("*") >= 0 || paths.indexOf(path) >= 0 ||
        document.body.classList.contains("page-not-found") ||
        document.getElementById("staffroom-errors")) location.reload();
  });
  source.addEventListener("error", function (e) {
    if (!e.data) return;  /* the connection dropped: EventSource retries by itself */
    var old = document.getElementById("staffroom-errors");
    if (old) old.parentNode.removeChild(old);
    /* The box the server puts in pages served while the site is broken. */
    var html = JSON.parse(e.data).html;
    if (html) document.body.insertAdjacentHTML("beforeend", html);
  });
})();
