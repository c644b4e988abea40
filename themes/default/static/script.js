/*
 * Staffroom default theme: small enhancements. Every page works without this file.
 *
 * - Print buttons ([data-print]) are hidden in the HTML and shown here, since
 *   they need JavaScript to work.
 * - The application checklist keeps the candidate's notes (textarea[data-key])
 *   in localStorage, in this browser only. Nothing is ever sent anywhere.
 */
(function () {
  "use strict";

  var PREFIX = "staffroom:notes:" + window.location.pathname + ":";

  function storage() {
    try {
      var s = window.localStorage;
      var probe = PREFIX + "__probe";
      s.setItem(probe, "1");
      s.removeItem(probe);
      return s;
    } catch (e) {
      return null; // storage disabled or full: the page still works, notes are just not kept
    }
  }

  function setUpPrintButtons() {
    var buttons = document.querySelectorAll("[data-print]");
    Array.prototype.forEach.call(buttons, function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        window.print();
      });
    });
  }

  // Fallback for browsers without CSS field-sizing: grow the box to fit its text
  function fit(textarea) {
    textarea.style.height = "auto";
    textarea.style.height = textarea.scrollHeight + 4 + "px";
  }

  function setUpNotes() {
    var fields = document.querySelectorAll("textarea[data-key]");
    if (!fields.length) {
      return;
    }
    var store = storage();
    var status = document.querySelector("[data-notes-status]");
    var clear = document.querySelector("[data-clear-notes]");

    Array.prototype.forEach.call(fields, function (field) {
      if (store) {
        var saved = store.getItem(PREFIX + field.getAttribute("data-key"));
        if (saved !== null) {
          field.value = saved;
        }
        field.addEventListener("input", function () {
          try {
            if (field.value) {
              store.setItem(PREFIX + field.getAttribute("data-key"), field.value);
            } else {
              store.removeItem(PREFIX + field.getAttribute("data-key"));
            }
          } catch (e) {
            /* quota exceeded: keep what is on screen */
          }
        });
      }
      field.addEventListener("input", function () {
        fit(field);
      });
      fit(field);
    });

    window.addEventListener("beforeprint", function () {
      Array.prototype.forEach.call(fields, fit);
    });

    if (store && clear) {
      clear.hidden = false;
      clear.addEventListener("click", function () {
        if (!window.confirm("Delete all your notes on this page from this browser? This cannot be undone.")) {
          return;
        }
        Array.prototype.forEach.call(fields, function (field) {
          store.removeItem(PREFIX + field.getAttribute("data-key"));
          field.value = "";
          fit(field);
        });
        if (status) {
          status.textContent = "Your notes have been deleted from this browser.";
        }
      });
    }
  }

  function start() {
    setUpPrintButtons();
    setUpNotes();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
