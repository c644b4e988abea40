/*
 * Staffroom default theme: small enhancements. Every page works without this file.
 *
 * - Print buttons ([data-print]) need JavaScript: the stylesheet hides them
 *   when scripting is off ((scripting: none)), so nothing moves when this runs.
 * - The application checklist keeps the candidate's notes (textarea[data-key])
 *   in localStorage, in this browser only. Nothing is ever sent anywhere.
 * - The index page's search and filters (#filters, a <details> in the HTML)
 *   filter and sort the server-rendered cards from search-index.json, and keep
 *   the choices in the URL's query string so a search can be shared. The panel
 *   is open on wide screens and closed on narrow ones, so that a phone shows
 *   the results first.
 *
 * How the search matches (issue 16): text is cut into words (letters and
 * digits of any script, lower case, accents and apostrophes dropped; other
 * marks separate words). A query word matches a whole word, or the start of
 * a word when it is at least 4 letters long and not an abbreviation ("assist"
 * finds "assistant"; "TA" never finds "stay", "SEN" never "senior"). Every
 * query word must match. The site's glossary works both ways: an advert that
 * says SENCo also holds the words "special educational needs co-ordinator",
 * and one that says "special educational needs" (adjacent, as a phrase) also
 * holds "SEN". Adverts with every query word in the title come first.
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

    // Shown in the HTML, so that nothing moves when this runs; without storage it has nothing to delete
    if (clear && !store) {
      clear.hidden = true;
    }
    if (store && clear) {
      clear.hidden = false;
      clear.addEventListener("click", function () {
        if (!window.confirm(clear.getAttribute("data-confirm") ||
            "Delete all your notes on this page from this browser? This cannot be undone.")) {
          return;
        }
        Array.prototype.forEach.call(fields, function (field) {
          store.removeItem(PREFIX + field.getAttribute("data-key"));
          field.value = "";
          fit(field);
        });
        if (status) {
          status.textContent = clear.getAttribute("data-done") || "Your notes have been deleted from this browser.";
        }
      });
    }
  }

  /* ---------- Index: search, filters and sorting ---------- */

  // The page's words (data-t-* on the filter panel, from the theme's
  // i18n/<language>.yaml), with `fallback` for a theme that lacks one;
  // {n}, {shown} and {all} are filled in.
  var panelWords = null;
  function say(name, fallback, values) {
    var text = (panelWords && panelWords.getAttribute("data-t-" + name)) || fallback;
    Object.keys(values || {}).forEach(function (k) {
      text = text.split("{" + k + "}").join(String(values[k]));
    });
    return text;
  }

  // Labels for the ids the search index carries (the generator's vocabulary)
  var CONTRACTS = { "permanent": "Permanent", "fixed-term": "Fixed term", "temporary": "Temporary", "casual": "Casual" };
  var PATTERNS = { "full-time": "Full time", "part-time": "Part time", "term-time": "Term time only",
    "job-share": "Job share", "flexible": "Flexible working" };
  // Query parameters, in the order the URL shows them; each is a control's name
  var PARAMS = ["q", "school", "role", "contract", "pattern", "salary", "visa", "sort"];

  // Lower case, no accents (Welsh ŵ matches w), straight quotes, single spaces
  function fold(text) {
    var s = String(text || "").toLowerCase();
    if (s.normalize) {
      s = s.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    }
    return s.replace(/[\u2018\u2019\u201b\u2032]/g, "'").replace(/[\u201c\u201d]/g, '"')
      .replace(/[\u2010-\u2015]/g, "-").replace(/\s+/g, " ");
  }

  /* ---------- Search words ---------- */

  var PREFIX_MIN = 4; // shorter query words match whole words only

  // A pattern with Unicode property escapes, or `fallback` where the browser
  // has none (written as a string, so that such a browser can still parse this file)
  function unicode(source, fallback) {
    try {
      return new RegExp(source, "gu");
    } catch (e) {
      return fallback;
    }
  }
  var WORD = unicode("[\\p{L}\\p{M}\\p{N}]+", /[a-z0-9\u00c0-\u024f\u0370-\u1fff]+/gi);
  var JOINED = unicode("[\\p{L}\\p{M}\\p{N}]+(?:[-:][\\p{L}\\p{M}\\p{N}]+)+", /$^/g);
  var CAPITAL = unicode("\\p{Lu}", /[A-Z\u00c0-\u00de]/g);

  // "Co-ordinator (SENCo)" -> ["co", "ordinator", "senco"]
  function words(text) {
    return fold(text).replace(/'/g, "").match(WORD) || [];
  }

  // The words of one field, and those written like an abbreviation (two or
  // more capitals: SEN, SENCo, PE; not "Send" or "it"), which alone count as
  // uses of a glossary term
  function field(text) {
    var raw = String(text || "").replace(/['\u2019]/g, "").match(WORD) || [];
    var abbrs = {};
    raw.forEach(function (w) {
      if ((w.match(CAPITAL) || []).length >= 2) {
        abbrs[fold(w)] = true;
      }
    });
    // "co-ordinator" is also "coordinator"; "1:1" is also "11"
    var joined = (fold(text).replace(/'/g, "").match(JOINED) || []).map(function (w) {
      return w.replace(/[-:]/g, "");
    });
    return { words: words(text), abbrs: abbrs, joined: joined };
  }

  // Whether `phrase` occurs in `list` as adjacent words
  function hasPhrase(list, phrase) {
    for (var i = 0; i + phrase.length <= list.length; i++) {
      var j = 0;
      while (j < phrase.length && list[i + j] === phrase[j]) {
        j++;
      }
      if (j === phrase.length) {
        return true;
      }
    }
    return false;
  }

  // search-index.json's glossary as words: [{abbr: ["sen"], words: ["special", ...]}]
  function prepareGlossary(list) {
    return (Array.isArray(list) ? list : []).map(function (g) {
      return { abbr: words(g.abbr), words: words(g.words) };
    }).filter(function (g) {
      return g.abbr.length && g.words.length;
    });
  }

  // Whether a field uses glossary term `g`, by its abbreviation or its words
  function uses(f, g) {
    var abbr = g.abbr.length === 1 ? f.abbrs[g.abbr[0]] : hasPhrase(f.words, g.abbr);
    return abbr || hasPhrase(f.words, g.words);
  }

  // The set of words in `fields`, with both forms of each glossary term any
  // of them uses. A term's words may use another term ("special educational
  // needs and disabilities" uses SEN), so the added words are looked at too.
  function wordSet(fields, glossary) {
    var set = {};
    var queue = fields.slice();
    var applied = [];
    for (var i = 0; i < queue.length; i++) {
      queue[i].words.concat(queue[i].joined || []).forEach(function (w) {
        set[w] = true;
      });
      for (var j = 0; j < glossary.length; j++) {
        if (!applied[j] && uses(queue[i], glossary[j])) {
          applied[j] = true;
          queue.push({ words: glossary[j].abbr, abbrs: {} }, { words: glossary[j].words, abbrs: {} });
        }
      }
    }
    return { has: set, list: Object.keys(set) };
  }

  // Whether query word `q` matches a word of `set` (see the top of this file)
  function findsWord(set, q, abbreviations) {
    if (set.has[q]) {
      return true;
    }
    if (q.length < PREFIX_MIN || abbreviations[q]) {
      return false;
    }
    return set.list.some(function (w) {
      return w.lastIndexOf(q, 0) === 0;
    });
  }

  function findsAll(set, query, abbreviations) {
    return query.every(function (q) {
      return findsWord(set, q, abbreviations);
    });
  }

  // One field a fact, so that a phrase never runs from one into the next
  function prepare(v, glossary) {
    // The full-time equivalent a year, as the generator works it out (render/pay.h):
    // the figure the salary filter's label names
    var top = v.salary_year_max != null ? v.salary_year_max : v.salary_year_min;
    var bottom = v.salary_year_min != null ? v.salary_year_min : v.salary_year_max;
    var facts = [v.school, v.town, v.role_label, v.working_pattern_label, v.grade, v.summary]
      .concat(v.criteria || []);
    return {
      v: v,
      title: wordSet([field(v.title)], glossary),
      words: wordSet([field(v.title)].concat(facts.map(field)), glossary),
      patterns: Array.isArray(v.working_pattern) ? v.working_pattern : [v.working_pattern],
      top: typeof top === "number" ? top : null,
      bottom: typeof bottom === "number" ? bottom : null,
      closes: Date.parse(v.closes) || 0,
      posted: Date.parse(v.posted) || 0
    };
  }

  function pathOf(url) {
    try {
      return new URL(url, window.location.href).pathname;
    } catch (e) {
      return url;
    }
  }

  function fillSelect(select, options) {
    options.sort(function (a, b) {
      return a[1].localeCompare(b[1], "en-GB");
    });
    options.forEach(function (o) {
      var option = document.createElement("option");
      option.value = o[0];
      option.textContent = o[1];
      select.appendChild(option);
    });
  }

  // The controls' values, by parameter name
  function readState(form) {
    var s = {};
    PARAMS.forEach(function (name) {
      var field = form.elements[name];
      s[name] = field.type === "checkbox" ? (field.checked ? "1" : "") : field.value.trim();
    });
    return s;
  }

  // Sets the controls from the URL's query
  function loadState(form, params) {
    PARAMS.forEach(function (name) {
      var field = form.elements[name];
      var value = params.get(name) || "";
      if (field.type === "checkbox") {
        field.checked = value === "1" || value === "true" || value === "on";
      } else {
        field.value = value;
        if (field.value !== value) {
          field.value = ""; // not one of the choices (e.g. a school with no vacancies now)
        }
      }
    });
  }

  function matches(item, s, query, abbreviations) {
    var v = item.v;
    if (s.school && v.school_id !== s.school) return false;
    if (s.role && v.role !== s.role) return false;
    if (s.contract && v.contract !== s.contract) return false;
    if (s.pattern && item.patterns.indexOf(s.pattern) < 0) return false;
    if (s.visa && v.visa_sponsorship !== true) return false;
    if (s.salary && !(item.top !== null && item.top >= Number(s.salary))) return false;
    return findsAll(item.words, query, abbreviations);
  }

  // With a search, adverts with every query word in the title come first;
  // then the chosen order
  function compare(sort) {
    return function (a, b) {
      var d = b.inTitle - a.inTitle;
      if (d) {
        return d;
      } else if (sort === "posted") {
        d = b.posted - a.posted;
      } else if (sort === "salary") {
        d = (b.top === null ? -1 : b.top) - (a.top === null ? -1 : a.top) ||
          (b.bottom === null ? -1 : b.bottom) - (a.bottom === null ? -1 : a.bottom);
      }
      return d || a.closes - b.closes || a.v.title.localeCompare(b.v.title, "en-GB");
    };
  }

  // Puts the state in the address bar, so a filtered list can be bookmarked or shared
  function remember(s) {
    var params = new URLSearchParams();
    PARAMS.forEach(function (name) {
      if (s[name]) {
        params.set(name, s[name]);
      }
    });
    var query = params.toString();
    var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    if (url !== window.location.pathname + window.location.search + window.location.hash) {
      window.history.replaceState(window.history.state, "", url);
    }
  }

  // Pairs each index entry with its card; cards the index does not know are strays
  function matchCards(f, items) {
    var cards = {};
    var all = Array.prototype.slice.call(f.list.children);
    var paths = all.map(function (li) {
      var link = li.querySelector(".card-title a, a[href]");
      var path = link ? pathOf(link.getAttribute("href")) : "";
      cards[path] = li;
      return path;
    });
    var known = {};
    f.items = items.filter(function (item) {
      var path = pathOf(item.v.url);
      item.card = cards[path];
      known[path] = true;
      if (!item.card) {
        addCard(f, item);
      }
      return item.card;
    });
    f.strays = all.filter(function (li, i) {
      return !known[paths[i]];
    });
  }

  // A long list in pages (issue 18): a vacancy on another page gets its card
  // from the index, shown only when a search or filter finds it
  function addCard(f, item) {
    if (!item.v.card_html) {
      return;
    }
    var holder = document.createElement("template");
    holder.innerHTML = item.v.card_html.trim();
    item.card = holder.content.firstElementChild;
    if (item.card) {
      item.card.hidden = true;
      item.offPage = true;
      f.list.appendChild(item.card);
    }
  }

  // The index's other parts, fetched once, when a search or filter first
  // needs them; the filters run again when they have arrived
  function fetchMore(f) {
    if (!f.parts || !f.parts.more.length || f.fetching) {
      return;
    }
    f.fetching = true;
    Promise.all(f.parts.more.map(function (url) {
      return window.fetch(url, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) {
          throw new Error(response.status + " " + url);
        }
        return response.json();
      });
    })).then(function (parts) {
      var known = {};
      f.items.forEach(function (item) {
        known[pathOf(item.v.url)] = true;
      });
      parts.forEach(function (part) {
        ((part && part.vacancies) || []).forEach(function (v) {
          var item = f.parts.prepare(v);
          if (known[pathOf(v.url)]) {
            return;
          }
          addCard(f, item);
          if (item.card) {
            f.items.push(item);
          }
        });
      });
      f.parts.more = [];
      f.order = null;
      applyFilters(f, true);
      f.panel.setAttribute("data-complete", ""); // for the browser tests: every part is in
    }).catch(function () {
      f.fetching = false; /* the page's own cards still filter */
    });
  }

  // Each select offers only the schools, roles, contracts and patterns listed
  function fillOptions(form, items) {
    var seen = { school: {}, role: {}, contract: {}, pattern: {} };
    var options = { school: [], role: [], contract: [], pattern: [] };
    function offer(kind, id, label) {
      if (id && !seen[kind][id]) {
        seen[kind][id] = true;
        options[kind].push([id, label || id]);
      }
    }
    items.forEach(function (item) {
      var v = item.v;
      offer("school", v.school_id, v.school);
      offer("role", v.role, v.role_label);
      offer("contract", v.contract, say("contract-" + v.contract, CONTRACTS[v.contract]));
      item.patterns.forEach(function (p) {
        offer("pattern", p, say("pattern-" + p, PATTERNS[p]));
      });
    });
    Object.keys(options).forEach(function (kind) {
      fillSelect(form.elements[kind], options[kind]);
    });
  }

  function announce(f, shown, filtered, titlesFirst) {
    var count = f.items.length;
    if (!filtered) {
      f.status.textContent = count === 1 ? say("showing-one", "Showing all {n} open vacancy.", { n: count })
        : say("showing-other", "Showing all {n} open vacancies.", { n: count });
    } else if (shown === 0) {
      f.status.textContent = say("none-match", "No vacancies match.");
    } else {
      f.status.textContent = (shown === 1 ? say("matches-one", "{n} vacancy matches.", { n: shown })
        : say("matches-other", "{n} vacancies match.", { n: shown })) +
        (titlesFirst ? " " + say("titles-first", "Those with your search words in the title come first.") : "");
    }
  }

  // Cards move only when the order changes (a new sort, or other title matches)
  function reorder(f, sort) {
    var sorted = f.items.slice().sort(compare(sort));
    var order = sorted.map(function (item) {
      return item.v.url;
    }).join(" ");
    if (order === f.order) {
      return;
    }
    f.order = order;
    sorted.forEach(function (item) {
      f.list.appendChild(item.card); // moving a node keeps focus and listeners
    });
    f.strays.forEach(function (li) {
      f.list.appendChild(li);
    });
  }

  // Cards the index does not know stay at the end, shown only when nothing filters
  function showCount(f, shown, filtered) {
    f.strays.forEach(function (li) {
      li.hidden = filtered;
    });
    if (f.empty) {
      f.empty.hidden = shown > 0;
    }
    if (f.heading) {
      f.heading.textContent = filtered ? say("of", "{shown} of {all}", { shown: shown, all: f.headingText })
        : f.headingText;
    }
  }

  // Filter and sort at once; announce the count and update the URL when typing pauses
  function applyFilters(f, now, first) {
    var s = readState(f.form);
    var query = words(s.q);
    var filtered = PARAMS.some(function (name) {
      return name !== "sort" && s[name];
    });
    var searching = filtered || query.length > 0;
    if (searching) {
      fetchMore(f);
    }
    var shown = f.items.filter(function (item) {
      var ok = matches(item, s, query, f.abbreviations) && (searching || !item.offPage);
      item.card.hidden = !ok;
      item.inTitle = ok && query.length && findsAll(item.title, query, f.abbreviations) ? 1 : 0;
      return ok;
    });
    var inTitle = shown.filter(function (item) {
      return item.inTitle;
    }).length;
    reorder(f, s.sort);
    showCount(f, shown.length, filtered);
    if (f.pages) {
      f.pages.hidden = searching; // the results cover every page
    }
    window.clearTimeout(f.timer);
    var finish = function () {
      if (!first || filtered) { // nothing to say on arrival at the full list
        announce(f, shown.length, filtered, inTitle > 0 && inTitle < shown.length);
      }
      remember(s);
    };
    if (now) {
      finish();
    } else {
      f.timer = window.setTimeout(finish, 500);
    }
  }

  function listen(f) {
    f.form.addEventListener("input", function () {
      applyFilters(f, false);
    });
    f.form.addEventListener("change", function () {
      applyFilters(f, false);
    });
    f.form.addEventListener("submit", function (event) {
      event.preventDefault(); // Enter in the search box: update now
      applyFilters(f, true);
    });
    f.panel.querySelector("[data-clear-filters]").addEventListener("click", function () {
      f.form.reset();
      applyFilters(f, true);
    });
  }

  function startFilters(f, items, abbreviations) {
    f.abbreviations = abbreviations;
    matchCards(f, items);
    if (!f.items.length) {
      return;
    }
    fillOptions(f.form, f.items.concat(f.parts ? f.parts.facets : []));
    loadState(f.form, new URLSearchParams(window.location.search));
    listen(f);
    f.panel.hidden = false;
    applyFilters(f, true, true);
    f.panel.setAttribute("data-ready", ""); // for the browser tests: the controls work now
  }

  function fetchIndex(source, then) {
    window.fetch(source, { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.status + " " + source);
        }
        return response.json();
      })
      .then(function (data) {
        var vacancies = Array.isArray(data) ? data : (data && data.vacancies) || [];
        var glossary = prepareGlossary(data && data.glossary);
        // Abbreviations match whole words only: "SEN" is not the start of "senior"
        var abbreviations = {};
        glossary.forEach(function (g) {
          if (g.abbr.length === 1) {
            abbreviations[g.abbr[0]] = true;
          }
        });
        // A large site's index comes in parts (issue 18): the first names the
        // rest ("more", fetched when a search or filter starts) and carries
        // every school, role, contract and pattern for the selects ("facets")
        var prep = function (v) {
          return prepare(v, glossary);
        };
        then(vacancies.map(prep), abbreviations, {
          more: (data && Array.isArray(data.more)) ? data.more : [],
          facets: ((data && data.facets) || []).map(prep),
          prepare: prep
        });
      })
      .catch(function () {
        /* no index: the full list and the browse links still work */
      });
  }

  function setUpFilters() {
    var panel = document.getElementById("filters");
    var list = document.querySelector("[data-cards]");
    if (!panel || !list || !window.fetch || !window.URLSearchParams || !window.history.replaceState) {
      return;
    }
    var heading = document.getElementById("vacancy-count"); // "4 open vacancies"
    panelWords = panel;
    // What the filters work on, shared by the functions above
    var f = {
      panel: panel,
      list: list,
      form: panel.querySelector("form"),
      status: panel.querySelector("[data-filter-status]"),
      empty: document.querySelector("[data-filter-empty]"),
      heading: heading,
      headingText: heading ? heading.textContent : "",
      pages: document.querySelector(".pagination"),
      items: [],
      strays: [],
      timer: null,
      order: null,
      abbreviations: {}
    };
    fetchIndex(panel.getAttribute("data-search-index"), function (items, abbreviations, parts) {
      f.parts = parts;
      startFilters(f, items, abbreviations);
    });
  }

  /* ---------- Index: the filter panel's disclosure ---------- */

  // Wide enough for the filters beside the results (style.css, .filters)
  var WIDE = "(min-width: 48em)";

  // Opens the panel on wide screens, and wherever the URL carries a search, so
  // the filters applied are in view. Until this runs the stylesheet shows a wide
  // screen's panel open ([data-enhanced] absent), so opening it moves nothing.
  function setUpFilterPanel() {
    var panel = document.getElementById("filters");
    if (!panel || !window.matchMedia) {
      return;
    }
    var wide = window.matchMedia(WIDE);
    panel.open = wide.matches || window.location.search.length > 1;
    panel.setAttribute("data-enhanced", "");
    var follow = function () {
      panel.open = wide.matches;
    };
    if (wide.addEventListener) {
      wide.addEventListener("change", follow);
    }
  }

  function start() {
    setUpPrintButtons();
    setUpNotes();
    setUpFilterPanel();
    setUpFilters();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
