(function () {
  function report() {
    var d = document, c = window.__errataCheck;
    var r = { errors: c.errors, blocked: c.blocked, injected: [], images: [], charts: 0, interactive: 0,
      height: d.documentElement.scrollHeight };
    c.alerts.forEach(function (a) { r.injected.push('alert(' + a + ') was called'); });
    Array.prototype.forEach.call(d.images, function (i) {
      r.images.push({ src: String(i.getAttribute('src') || '').slice(0, 40), w: i.naturalWidth, h: i.naturalHeight,
        shown: i.offsetWidth > 0, chart: !!i.closest('div.errata-chart') });
    });
    Array.prototype.forEach.call(d.querySelectorAll('*'), function (el) {
      Array.prototype.forEach.call(el.attributes, function (a) {
        if (/^on/i.test(a.name)) { r.injected.push('<' + el.tagName.toLowerCase() + ' ' + a.name + '>'); }
      });
    });
    Array.prototype.forEach.call(d.querySelectorAll('script'), function (s) {
      if (s.hasAttribute('data-errata-check') || (s.parentNode && s.parentNode.matches &&
          s.parentNode.matches('div.errata-chart'))) { return; }
      if (/alert\(/.test(s.textContent)) { r.injected.push('script: ' + s.textContent.slice(0, 80)); }
    });
    Array.prototype.forEach.call(d.querySelectorAll(
        'table.errata script, table.errata img, table.errata iframe, table.errata object, table.errata embed,' +
        ' table.errata svg, table.errata style, table.errata a'), function (el) {
      r.injected.push('<' + el.tagName.toLowerCase() + '> inside an Errata table');
    });
    Array.prototype.forEach.call(d.querySelectorAll('div.errata-chart'), function (b) {
      r.charts++;
      var img = b.querySelector('img');
      if (b.querySelector('.js-plotly-plot') && img && getComputedStyle(img).display === 'none') { r.interactive++; }
    });
    r.wrapped = wrappedWords(d);
    var shownTables = Array.prototype.filter.call(d.querySelectorAll('table'), function (t) {
      return t.offsetWidth > 0 && t.offsetHeight > 0;
    });
    r.tables = shownTables.length;
    r.spilled = spilledTables(d, shownTables);
    var p = d.createElement('pre');
    p.id = 'errata-check-report';
    p.style.display = 'none';
    p.textContent = JSON.stringify(r);
    d.body.appendChild(p);
  }
  // Table cells holding one word of at most 30 characters (no ASCII space; a no-break space joins
  // a number to its unit) that the browser laid out on more than one line: a word broken mid-word.
  function wrappedWords(d) {
    var out = [];
    Array.prototype.forEach.call(d.querySelectorAll('td, th'), function (cell) {
      var text = cell.textContent.replace(/^[ \t\n\r\f]+|[ \t\n\r\f]+$/g, '');
      if (!text || /[ \t\n\r\f]/.test(text) || Array.from(text).length > 30 || cell.querySelector('br')) { return; }
      var lines = lineTops(d, cell);
      if (lines > 1) {
        var table = cell.closest('table'), caption = table && table.querySelector('caption');
        out.push('"' + text + '" on ' + lines + ' lines (' + cell.tagName.toLowerCase() + ' in table "' +
          (caption ? caption.textContent.slice(0, 60) : '') + '")');
      }
    });
    return out;
  }
  // Tables wider than the page that no box of theirs scrolls: their right part is cut off or
  // widens the whole page. A table inside a box with overflow-x auto or scroll is fine.
  function spilledTables(d, tables) {
    var page = d.documentElement.clientWidth, out = [];
    tables.forEach(function (t) {
      if (t.getBoundingClientRect().right <= page + 1) { return; }
      for (var el = t.parentElement; el && el !== d.body; el = el.parentElement) {
        var o = getComputedStyle(el).overflowX;
        if (o === 'auto' || o === 'scroll') { return; }
      }
      var caption = t.querySelector('caption');
      out.push('"' + (caption ? caption.textContent.slice(0, 60) : '') + '" is ' +
        Math.round(t.getBoundingClientRect().width) + ' px wide');
    });
    return out;
  }
  // Counts the distinct lines a cell's text occupies, from the boxes of each of its text nodes.
  function lineTops(d, cell) {
    var tops = [], walker = d.createTreeWalker(cell, NodeFilter.SHOW_TEXT), node, range = d.createRange();
    while ((node = walker.nextNode())) {
      range.selectNodeContents(node);
      Array.prototype.forEach.call(range.getClientRects(), function (rect) {
        if (rect.width <= 0 || rect.height <= 0) { return; }
        var mid = rect.top + rect.height / 2;
        if (!tops.some(function (t) { return Math.abs(t.top - mid) < t.half; })) { tops.push({ top: mid, half: rect.height / 2 }); }
      });
    }
    return tops.length;
  }
  function go() { setTimeout(report, SETTLE_MS); }
  if (document.readyState === 'complete') { go(); } else { window.addEventListener('load', go); }
})();
