(function () {
  var w = window;
  var c = (w.__errataCheck = { errors: [], blocked: [], alerts: [] });
  w.addEventListener('error', function (e) {
    var t = e.target;
    if (t && t !== w && t.tagName) {
      c.blocked.push(t.tagName.toLowerCase() + ' ' + String(t.src || t.href || '').slice(0, 120));
    } else {
      c.errors.push(String(e.message) + ' at ' + (e.filename || '?') + ':' + (e.lineno || 0));
    }
  }, true);
  w.addEventListener('unhandledrejection', function (e) {
    c.errors.push('unhandled rejection: ' + String((e.reason && e.reason.message) || e.reason));
  });
  var log = w.console && w.console.error;
  w.console.error = function () {
    c.errors.push('console.error: ' + Array.prototype.join.call(arguments, ' ').slice(0, 300));
    if (log) { log.apply(w.console, arguments); }
  };
  w.alert = w.confirm = w.prompt = function (m) { c.alerts.push(String(m)); };
})();
