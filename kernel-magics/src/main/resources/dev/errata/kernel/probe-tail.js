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
    var p = d.createElement('pre');
    p.id = 'errata-check-report';
    p.style.display = 'none';
    p.textContent = JSON.stringify(r);
    d.body.appendChild(p);
  }
  function go() { setTimeout(report, SETTLE_MS); }
  if (document.readyState === 'complete') { go(); } else { window.addEventListener('load', go); }
})();
