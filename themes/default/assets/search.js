/*
 * Kommuneportalen's search page: reads the index the generator writes into
 * <search>/index/ (PortalSearch, see README.md) and shows results as you type.
 *
 * The index files are scripts that call portalSearch.register(name, data), loaded by
 * adding <script src> elements with addresses relative to the page, so that the page
 * works from a web server, under a sub-path and from file:// (where fetch is refused).
 *
 * The text rules (words, folding, the Danish Snowball stemmer) are the index's own,
 * written again here from their description (PortalSearch/SearchText.swift and
 * snowballstemmer.github.io/algorithms/danish/stemmer.html): a query word must become
 * the term the index made of the same word. scripts/search_check.py checks the stemmer
 * against the snowballstemmer package on every word of the content.
 *
 * Every word the page shows comes from the theme's strings (data-strings) or the index.
 */
"use strict";
(function () {
  // ------------------------------------------------------------------ text rules

  var WORD = /[\p{L}\p{N}\p{M}]+/gu;
  var HAS_DIGIT = /\p{N}/u;
  var MARKS = /\p{M}/gu;
  var MAXIMUM_WORD_LENGTH = 64;

  /** Lower case, å→aa, diacritics dropped, æ→ae, ø→oe, ß→ss (SearchText.fold). */
  function fold(text) {
    return text.toLowerCase().normalize("NFC").replace(/å/g, "aa").normalize("NFD")
      .replace(MARKS, "").replace(/æ/g, "ae").replace(/ø/g, "oe").replace(/ß/g, "ss");
  }

  /** The form a word is stemmed in: lower case, composed. */
  function normalised(word) {
    return word.toLowerCase().normalize("NFC");
  }

  function scalarCount(text) {
    var count = 0;
    for (var index = 0; index < text.length; index++) {
      var unit = text.charCodeAt(index);
      if (unit < 0xdc00 || unit > 0xdfff) { count++; }
    }
    return count;
  }

  /** The words of a text with where each starts and ends (SearchText.words). */
  function words(text) {
    var found = [];
    var match;
    WORD.lastIndex = 0;
    while ((match = WORD.exec(text)) !== null) {
      if (scalarCount(match[0]) <= MAXIMUM_WORD_LENGTH) {
        found.push({ text: match[0], start: match.index, end: match.index + match[0].length });
      }
    }
    return found;
  }

  // The Danish stemmer, after the Snowball algorithm's description: R1 is the region
  // after the first non-vowel that follows a vowel, at least 3 letters in; then the
  // main suffixes, a consonant pair, the other suffixes and a doubled consonant go.
  var VOWELS = "aeiouyæåø";
  var S_ENDINGS = "abcdfghjklmnoprtvyzå";
  var UNDOUBLED = "bcdfghjklmnpqrstvwxz";
  var MAIN_SUFFIXES = ["erendes", "erende", "hedens", "ethed", "erede", "heden", "heder", "endes",
    "ernes", "erens", "erets", "ered", "ende", "erne", "eren", "erer", "heds", "enes", "eres",
    "eret", "hed", "ene", "ere", "ens", "ers", "ets", "en", "er", "es", "et", "e", "s"];
  var OTHER_SUFFIXES = ["elig", "løst", "lig", "els", "ig"];
  var PAIRS = ["gd", "dt", "gt", "kt"];

  function endsWith(letters, suffix, from) {
    var length = suffix.length;
    if (letters.length - length < from) { return false; }
    for (var index = 0; index < length; index++) {
      if (letters[letters.length - length + index] !== suffix[index]) { return false; }
    }
    return true;
  }

  function region1(letters) {
    var index = 0;
    while (index < letters.length && VOWELS.indexOf(letters[index]) < 0) { index++; }
    while (index < letters.length && VOWELS.indexOf(letters[index]) >= 0) { index++; }
    if (index >= letters.length) { return letters.length; }
    return Math.max(index + 1, 3);
  }

  function consonantPair(letters, r1) {
    for (var index = 0; index < PAIRS.length; index++) {
      if (endsWith(letters, PAIRS[index], r1)) { letters.pop(); return; }
    }
  }

  /** Snowball's Danish stem of a lower-case word. */
  function stem(word) {
    var letters = Array.from(word);
    if (letters.length < 3) { return word; }
    var r1 = region1(letters);
    var index;
    for (index = 0; index < MAIN_SUFFIXES.length; index++) {
      var suffix = MAIN_SUFFIXES[index];
      if (endsWith(letters, suffix, r1)) {
        if (suffix !== "s") {
          letters.length -= suffix.length;
        } else if (S_ENDINGS.indexOf(letters[letters.length - 2]) >= 0) {
          letters.length -= 1;
        }
        break;
      }
    }
    consonantPair(letters, r1);
    if (endsWith(letters, "igst", 0)) { letters.length -= 2; }
    for (index = 0; index < OTHER_SUFFIXES.length; index++) {
      var other = OTHER_SUFFIXES[index];
      if (endsWith(letters, other, r1)) {
        if (other === "løst") {
          letters.length -= 1;
        } else {
          letters.length -= other.length;
          consonantPair(letters, r1);
        }
        break;
      }
    }
    var last = letters.length - 1;
    if (last >= r1 && last >= 1 && UNDOUBLED.indexOf(letters[last]) >= 0 && letters[last - 1] === letters[last]) {
      letters.length -= 1;
    }
    return letters.join("");
  }

  var knownTerms = new Map();

  /** The index's term for one word (TermMaker.term). */
  function term(word) {
    var known = knownTerms.get(word);
    if (known !== undefined) { return known; }
    var form = normalised(word);
    var made = HAS_DIGIT.test(form) ? fold(form) : fold(stem(form));
    knownTerms.set(word, made);
    return made;
  }

  // ------------------------------------------------------------------ index files

  var DIGITS = new Int8Array(128).fill(-1);
  "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_".split("").forEach(function (letter, value) {
    DIGITS[letter.charCodeAt(0)] = value;
  });

  /** The document numbers of a list written by PostingCodec.encode. */
  function decodePostings(text) {
    var numbers = [];
    var previous = -1;
    var position = 0;
    function next() {
      var value = 0;
      var scale = 1;
      for (;;) {
        var digit = DIGITS[text.charCodeAt(position++)];
        if (digit < 32) { return value + digit * scale; }
        value += (digit - 32) * scale;
        scale *= 32;
      }
    }
    while (position < text.length) {
      var code = next();
      var length = code % 2 === 1 ? next() + 2 : 1;
      var start = previous + 1 + Math.floor(code / 2);
      for (var offset = 0; offset < length; offset++) { numbers.push(start + offset); }
      previous = start + length - 1;
    }
    return numbers;
  }

  var waiting = new Map();
  var loaded = new Map();

  /** Called by every index file with its name and data. */
  function register(name, data) {
    loaded.set(name, data);
    var waiter = waiting.get(name);
    if (waiter) { waiting.delete(name); waiter.resolve(data); }
  }

  function Loader(folder) {
    this.folder = folder;
    this.version = "";
    this.requests = new Map();
  }

  /** The data of the index file `name` (`t/3`, `d/12`), loaded once. */
  Loader.prototype.load = function (name) {
    var request = this.requests.get(name);
    if (request) { return request; }
    var folder = this.folder;
    var version = this.version;
    request = new Promise(function (resolve, reject) {
      if (loaded.has(name)) { resolve(loaded.get(name)); return; }
      waiting.set(name, { resolve: resolve });
      var script = document.createElement("script");
      script.src = folder + name + ".js" + (version ? "?v=" + version : "");
      script.async = true;
      script.onerror = function () { waiting.delete(name); reject(new Error(name)); };
      script.onload = function () { script.remove(); };
      document.head.appendChild(script);
    });
    this.requests.set(name, request);
    return request;
  };

  // ------------------------------------------------------------------ the index

  function Index(manifest, loader) {
    this.loader = loader;
    this.count = manifest.documents;
    this.chunks = manifest.chunks;
    this.groupStarts = decodePostings(manifest.results);
    this.decoded = new Map();
    this.facets = manifest.facets.map(function (facet) {
      return {
        key: facet.facet,
        values: facet.values.map(function (value) {
          return { id: value[0], label: value[1], documents: decodePostings(value[2]) };
        })
      };
    });
    var kinds = this.facets.filter(function (facet) { return facet.key === "kind"; })[0];
    this.kindLabels = kinds ? kinds.values.map(function (value) { return value.label; }) : [];
  }

  /** The number of the chunk a term falls in. */
  Index.prototype.chunkOf = function (key) {
    var low = 0;
    var high = this.chunks.length - 1;
    while (low < high) {
      var middle = (low + high + 1) >> 1;
      if (this.chunks[middle] <= key) { low = middle; } else { high = middle - 1; }
    }
    return low;
  };

  /** The number of the file of results that holds a document. */
  Index.prototype.groupOf = function (document) {
    var low = 0;
    var high = this.groupStarts.length - 1;
    while (low < high) {
      var middle = (low + high + 1) >> 1;
      if (this.groupStarts[middle] <= document) { low = middle; } else { high = middle - 1; }
    }
    return low;
  };

  /** What the result of a document shows, from its file of results. */
  Index.prototype.shown = function (document) {
    var index = this;
    var group = index.groupOf(document);
    return index.loader.load("r/" + group).then(function (data) {
      return data.d[document - index.groupStarts[group]];
    });
  };

  /** One query word: its exact terms and, for words of 3 letters or more, its prefix. */
  function queryWord(word) {
    var form = normalised(word);
    var numeric = HAS_DIGIT.test(form);
    var stemmed = numeric ? fold(form) : fold(stem(form));
    var typed = fold(form);
    return { exact: [stemmed, typed], typed: typed, prefix: !numeric && scalarCount(word) >= 3 ? stemmed : null };
  }

  Index.prototype.chunksFor = function (word) {
    var numbers = new Set(word.exact.map(this.chunkOf, this));
    if (word.prefix !== null) {
      var last = this.chunkOf(word.prefix + "\uffff");
      for (var number = this.chunkOf(word.prefix); number <= last; number++) { numbers.add(number); }
    }
    return Array.from(numbers);
  };

  Index.prototype.postings = function (text) {
    var numbers = this.decoded.get(text);
    if (!numbers) { numbers = decodePostings(text); this.decoded.set(text, numbers); }
    return numbers;
  };

  // How well a term meets a query word: the word itself or its stem; a longer word that
  // begins with the whole typed word ("sundhedsfremme" for "sundhed"); a word that only
  // begins with the stem. In a title each counts more than anywhere in the text.
  var EXACT = 3;
  var CONTINUES = 2;
  var PREFIX = 1;
  var IN_TITLE = 3;

  function quality(word, candidate) {
    if (word.exact.indexOf(candidate) >= 0) { return EXACT; }
    if (word.prefix === null) { return 0; }
    if (candidate.lastIndexOf(word.typed, 0) === 0) { return CONTINUES; }
    return candidate.lastIndexOf(word.prefix, 0) === 0 ? PREFIX : 0;
  }

  /**
   * The documents that hold every word of the query, best first: those with every word
   * in their title before the others, then by how well the words match (in the title
   * over in the text, the word itself over a longer word, see `quality`), then in site
   * order.
   * Resolves to { documents, terms } (terms: every index term the query met).
   */
  Index.prototype.search = function (query) {
    var index = this;
    var parsed = [];
    var seen = new Set();
    words(query).forEach(function (word) {
      var parsedWord = queryWord(word.text);
      var key = parsedWord.exact.join(" ");
      if (!seen.has(key)) { seen.add(key); parsed.push(parsedWord); }
    });
    if (parsed.length === 0) { return Promise.resolve(null); }
    var needed = new Set();
    parsed.forEach(function (word) { index.chunksFor(word).forEach(function (number) { needed.add(number); }); });
    return Promise.all(Array.from(needed).map(function (number) {
      return index.loader.load("t/" + number);
    })).then(function () {
      var total = new Uint16Array(index.count);
      var inTitle = new Uint8Array(index.count);
      var met = new Set();
      parsed.forEach(function (word, position) {
        var levels = new Uint8Array(index.count);
        index.chunksFor(word).forEach(function (number) {
          var chunk = loaded.get("t/" + number);
          Object.keys(chunk).forEach(function (candidate) {
            var text = quality(word, candidate);
            if (text === 0) { return; }
            met.add(candidate);
            var lists = chunk[candidate];
            var all = typeof lists === "string" ? lists : lists[0];
            var title = text + IN_TITLE;
            index.postings(all).forEach(function (document) { if (levels[document] < text) { levels[document] = text; } });
            if (typeof lists !== "string") {
              index.postings(lists[1]).forEach(function (document) { if (levels[document] < title) { levels[document] = title; } });
            }
          });
        });
        for (var document = 0; document < index.count; document++) {
          var level = levels[document];
          if (position > 0 && total[document] === 0) { continue; }
          if (level === 0) { total[document] = 0; inTitle[document] = 0; continue; }
          total[document] += level;
          inTitle[document] = (position === 0 || inTitle[document]) && level > IN_TITLE ? 1 : 0;
        }
      });
      var documents = [];
      for (var document = 0; document < index.count; document++) {
        if (total[document] > 0) { documents.push(document); }
      }
      documents.sort(function (a, b) {
        return (inTitle[b] - inTitle[a]) || (total[b] - total[a]) || (a - b);
      });
      return { documents: documents, terms: met };
    });
  };

  /**
   * Narrows `matches` (documents in their order, or null for every document) by the
   * chosen facet values, AND across facets and OR within one, and counts each facet's
   * values among the documents the other facets' choices leave: choosing another value
   * in a facet adds to the results, so its counts must not shrink to the one chosen.
   */
  Index.prototype.narrow = function (matches, chosen) {
    var count = this.count;
    var inQuery = new Uint8Array(count);
    if (matches === null) { inQuery.fill(1); } else { matches.forEach(function (document) { inQuery[document] = 1; }); }
    var active = [];
    this.facets.forEach(function (facet, number) {
      var ids = chosen[facet.key];
      if (!ids || ids.size === 0) { return; }
      var allowed = new Uint8Array(count);
      facet.values.forEach(function (value) {
        if (ids.has(value.id)) { value.documents.forEach(function (document) { allowed[document] = 1; }); }
      });
      active.push({ number: number, allowed: allowed });
    });
    var failures = new Uint8Array(count);
    var failedFacet = new Int8Array(count).fill(-1);
    for (var document = 0; document < count; document++) {
      if (!inQuery[document]) { continue; }
      for (var position = 0; position < active.length; position++) {
        if (!active[position].allowed[document]) {
          failures[document]++;
          failedFacet[document] = active[position].number;
        }
      }
    }
    var counts = this.facets.map(function (facet, number) {
      return facet.values.map(function (value) {
        var total = 0;
        value.documents.forEach(function (document) {
          if (inQuery[document] && (failures[document] === 0 || (failures[document] === 1 && failedFacet[document] === number))) {
            total++;
          }
        });
        return total;
      });
    });
    var order = matches === null ? Array.from({ length: count }, function (_, document) { return document; }) : matches;
    return { documents: order.filter(function (document) { return inQuery[document] && failures[document] === 0; }), counts: counts };
  };

  // ------------------------------------------------------------------ snippets

  var SNIPPET_BEFORE = 12;
  var SNIPPET_WORDS = 32;
  var foldedLetters = new Map();

  /** The first letter of a word's term, which is the first letter of the folded word. */
  function firstLetter(word) {
    var letter = word.charAt(0);
    var folded = foldedLetters.get(letter);
    if (folded === undefined) { folded = fold(letter).charAt(0); foldedLetters.set(letter, folded); }
    return folded;
  }

  /**
   * Whether a word of a text is one the query met: its term is one of `terms`. A term is
   * a prefix of its folded word, so words that begin with no term's letter are passed
   * over without stemming them.
   */
  function Matcher(terms) {
    this.terms = terms;
    this.letters = new Set();
    var letters = this.letters;
    terms.forEach(function (known) { letters.add(known.charAt(0)); });
  }

  Matcher.prototype.matches = function (word) {
    return this.letters.has(firstLetter(word)) && this.terms.has(term(word));
  };

  /** Appends `text` to `parent` with the words the query met in <mark>. */
  function appendMarked(parent, text, matcher) {
    var position = 0;
    words(text).forEach(function (word) {
      if (!matcher.matches(word.text)) { return; }
      parent.appendChild(document.createTextNode(text.slice(position, word.start)));
      parent.appendChild(element("mark", "", text.slice(word.start, word.end)));
      position = word.end;
    });
    parent.appendChild(document.createTextNode(text.slice(position)));
  }

  /** About 30 words of the text around its first word the query met, those words marked. */
  function snippet(text, matcher, ellipsis) {
    var found = words(text);
    if (found.length === 0) { return null; }
    var first = 0;
    for (var index = 0; index < found.length; index++) {
      if (matcher.matches(found[index].text)) { first = index; break; }
    }
    var from = Math.max(0, first - SNIPPET_BEFORE);
    var to = Math.min(found.length, from + SNIPPET_WORDS);
    var paragraph = element("p", "search-snippet");
    if (from > 0) { paragraph.appendChild(document.createTextNode(ellipsis + " ")); }
    // The text's parts (fields, list entries, paragraphs) stand on lines of their own.
    var piece = text.slice(found[from].start, found[to - 1].end).replace(/\s*\n\s*/g, " · ").replace(/\s+/g, " ");
    appendMarked(paragraph, piece, matcher);
    if (to < found.length) { paragraph.appendChild(document.createTextNode(" " + ellipsis)); }
    return paragraph;
  }

  // ------------------------------------------------------------------ the page

  var PAGE_SIZE = 10;
  var ANNOUNCE_AFTER = 700;

  function element(name, className, text) {
    var made = document.createElement(name);
    if (className) { made.className = className; }
    if (text !== undefined) { made.textContent = text; }
    return made;
  }

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : whole;
    });
  }

  function SearchPage(root) {
    this.root = root;
    this.strings = JSON.parse(root.getAttribute("data-strings"));
    this.siteRoot = root.getAttribute("data-root");
    this.loader = new Loader(root.getAttribute("data-index"));
    this.form = root.querySelector("form");
    this.input = root.querySelector("input[name=q]");
    this.count = root.querySelector("[data-search-count]");
    this.status = root.querySelector("[data-search-status]");
    this.list = root.querySelector("[data-search-results]");
    this.more = root.querySelector("[data-search-more]");
    this.filters = root.querySelector("[data-search-filters]");
    this.chosen = {};
    this.shown = 0;
    this.results = [];
    this.terms = new Set();
    this.sequence = 0;
    this.running = null;
    this.again = false;
    this.announceTimer = 0;
    this.timings = [];
    this.inputAt = 0;
  }

  SearchPage.prototype.start = function () {
    var page = this;
    page.root.querySelector("[data-search-nojs]").hidden = true;
    page.root.querySelector("[data-search-body]").hidden = false;
    page.loader.load("manifest").then(function (manifest) {
      page.loader.version = manifest.version;
      page.index = new Index(manifest, page.loader);
      page.readAddress();
      page.buildFilters();
      page.form.addEventListener("submit", function (event) { event.preventDefault(); page.changed(); });
      page.input.addEventListener("input", function () { page.changed(); });
      page.more.addEventListener("click", function () { page.showMore(); });
      page.changed();
    }, function () {
      page.count.textContent = page.strings.error;
    });
  };

  SearchPage.prototype.facetStrings = function (key) {
    return this.strings.facets[key] || { label: key, parameter: key };
  };

  /** The query and the chosen facet values from the address (`?q=…&kommune=…`). */
  SearchPage.prototype.readAddress = function () {
    var page = this;
    var parameters = new URLSearchParams(location.search);
    page.input.value = parameters.get("q") || "";
    page.index.facets.forEach(function (facet) {
      var ids = new Set(parameters.getAll(page.facetStrings(facet.key).parameter));
      page.chosen[facet.key] = new Set(facet.values.filter(function (value) { return ids.has(value.id); })
        .map(function (value) { return value.id; }));
    });
  };

  SearchPage.prototype.writeAddress = function () {
    var page = this;
    var parameters = new URLSearchParams();
    var query = page.input.value.trim();
    if (query) { parameters.append("q", query); }
    page.index.facets.forEach(function (facet) {
      page.chosen[facet.key].forEach(function (id) { parameters.append(page.facetStrings(facet.key).parameter, id); });
    });
    var search = parameters.toString();
    try {
      history.replaceState(null, "", search ? "?" + search : location.pathname);
    } catch (error) {
      // Some browsers refuse to change the address of a file:// page; the search works all the same.
    }
  };

  SearchPage.prototype.buildFilters = function () {
    var page = this;
    page.checkboxes = [];
    page.index.facets.forEach(function (facet, number) {
      var strings = page.facetStrings(facet.key);
      var fieldset = element("fieldset", "search-facet");
      fieldset.appendChild(element("legend", "", strings.label));
      var list = element("ul", "search-facet-values");
      var boxes = facet.values.map(function (value, position) {
        var item = element("li");
        var box = element("input");
        box.type = "checkbox";
        box.id = "soeg-" + number + "-" + position;
        box.name = strings.parameter;
        box.value = value.id;
        box.checked = page.chosen[facet.key].has(value.id);
        box.addEventListener("change", function () {
          if (box.checked) { page.chosen[facet.key].add(value.id); } else { page.chosen[facet.key].delete(value.id); }
          page.changed();
        });
        var label = element("label", "", value.label + " ");
        label.htmlFor = box.id;
        var count = element("span", "search-facet-count");
        label.appendChild(count);
        item.appendChild(box);
        item.appendChild(label);
        list.appendChild(item);
        return { item: item, box: box, count: count };
      });
      fieldset.appendChild(list);
      page.filters.appendChild(fieldset);
      page.checkboxes.push({ fieldset: fieldset, boxes: boxes });
    });
    var clear = page.root.querySelector("[data-search-clear]");
    clear.addEventListener("click", function () {
      page.index.facets.forEach(function (facet) { page.chosen[facet.key].clear(); });
      page.checkboxes.forEach(function (facet) { facet.boxes.forEach(function (entry) { entry.box.checked = false; }); });
      page.changed();
      page.input.focus();
    });
    page.clear = clear;
    // Beside the results on a wide screen; above them on a narrow one, closed so that the
    // results stay in view, its summary saying how many values are chosen.
    var details = page.root.querySelector("[data-search-filters-panel]");
    if (window.matchMedia && window.matchMedia("(min-width: 60em)").matches) { details.open = true; }
    page.chosenCount = page.root.querySelector("[data-search-chosen]");
  };

  SearchPage.prototype.anyChosen = function () {
    var page = this;
    return page.index.facets.some(function (facet) { return page.chosen[facet.key].size > 0; });
  };

  /** The query or a choice changed: search again, one search at a time, always the latest. */
  SearchPage.prototype.changed = function () {
    var page = this;
    page.inputAt = performance.now();
    if (page.running) { page.again = true; return; }
    var query = page.input.value;
    var started = page.inputAt;
    page.running = page.run(query).then(function () {
      return new Promise(function (resolve) {
        requestAnimationFrame(function () {
          page.timings.push({ query: query, milliseconds: performance.now() - started });
          resolve();
        });
      });
    }, function () {
      page.count.textContent = page.strings.error;
    }).then(function () {
      page.running = null;
      if (page.again) { page.again = false; page.changed(); }
    });
  };

  SearchPage.prototype.run = function (query) {
    var page = this;
    page.writeAddress();
    return page.index.search(query).then(function (found) {
      var narrowed = page.index.narrow(found === null ? null : found.documents, page.chosen);
      page.showCounts(narrowed.counts);
      page.terms = found === null ? new Set() : found.terms;
      var anything = found !== null || page.anyChosen();
      page.results = anything ? narrowed.documents : [];
      page.shown = 0;
      return page.render(true).then(function () {
        var text = page.countText(anything);
        page.count.textContent = text;
        clearTimeout(page.announceTimer);
        page.announceTimer = setTimeout(function () { page.status.textContent = text; }, ANNOUNCE_AFTER);
      });
    });
  };

  SearchPage.prototype.countText = function (anything) {
    var strings = this.strings;
    if (!anything) { return strings.prompt; }
    var total = this.results.length;
    var text = total === 0 ? strings.count.none : total === 1 ? strings.count.one : format(strings.count.many, { count: total });
    var query = this.input.value.trim();
    return query ? text + " " + format(strings.count.query, { query: query }) : text;
  };

  SearchPage.prototype.showCounts = function (counts) {
    var page = this;
    page.checkboxes.forEach(function (facet, number) {
      var visible = 0;
      facet.boxes.forEach(function (entry, position) {
        var total = counts[number][position];
        entry.count.textContent = "(" + total + ")";
        var show = total > 0 || entry.box.checked;
        entry.item.hidden = !show;
        if (show) { visible++; }
      });
      facet.fieldset.hidden = visible === 0;
    });
    page.clear.hidden = !page.anyChosen();
    var chosen = 0;
    page.index.facets.forEach(function (facet) { chosen += page.chosen[facet.key].size; });
    page.chosenCount.textContent = chosen ? format(page.strings.chosen, { count: chosen }) : "";
  };

  /**
   * Shows the next page of results (with `afresh`, the first page in place of the old
   * results), once the files of what they show are loaded.
   */
  SearchPage.prototype.render = function (afresh) {
    var page = this;
    var from = page.shown;
    var batch = page.results.slice(from, from + PAGE_SIZE);
    var sequence = ++page.sequence;
    return Promise.all(batch.map(function (number) { return page.index.shown(number); })).then(function (documents) {
      if (sequence !== page.sequence) { return; }
      var matcher = new Matcher(page.terms);
      var items = document.createDocumentFragment();
      documents.forEach(function (shown) { items.appendChild(page.result(shown, matcher)); });
      if (afresh) { page.list.textContent = ""; }
      page.list.appendChild(items);
      page.shown = from + batch.length;
      page.more.hidden = page.shown >= page.results.length;
      if (!page.more.hidden) {
        page.more.textContent = format(page.strings.more, { count: Math.min(PAGE_SIZE, page.results.length - page.shown) });
      }
    });
  };

  SearchPage.prototype.showMore = function () {
    var page = this;
    var first = page.shown;
    page.render(false).then(function () {
      var link = page.list.children[first] && page.list.children[first].querySelector("a");
      if (link) { link.focus(); }
    });
  };

  SearchPage.prototype.address = function (path) {
    var hash = path.indexOf("#");
    if (hash < 0) { return this.siteRoot + path + "index.html"; }
    return this.siteRoot + path.slice(0, hash) + "index.html" + path.slice(hash);
  };

  SearchPage.prototype.result = function (shown, matcher) {
    var page = this;
    var item = element("li", "search-result");
    var kind = page.index.kindLabels[shown.k] || "";
    var where = [kind];
    if (shown.m && shown.m !== shown.t) { where.push(shown.m); }
    if (shown.d && shown.d !== shown.t) { where.push(shown.d); }
    item.appendChild(element("p", "search-result-where", where.join(" · ")));
    var heading = element("h2", "search-result-title");
    var link = element("a");
    link.href = page.address(shown.u);
    appendMarked(link, shown.t, matcher);
    heading.appendChild(link);
    item.appendChild(heading);
    if (shown.x) {
      var text = snippet(shown.x, matcher, page.strings.ellipsis);
      if (text) { item.appendChild(text); }
    }
    return item;
  };

  // ------------------------------------------------------------------ start

  var page = null;
  window.portalSearch = {
    register: register,
    /** For the tests and the measurements in scripts/search_check.py. */
    stem: stem,
    fold: fold,
    term: term,
    decodePostings: decodePostings,
    page: function () { return page; }
  };

  function begin() {
    var root = document.querySelector("[data-search]");
    if (!root) { return; }
    page = new SearchPage(root);
    page.start();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", begin);
  } else {
    begin();
  }
})();
