/* Collects JavaScript errors and checks that every chart drew something; the results land
   in data attributes of the body element (statelabErrors, chartsOk, chartCount, checked) for headless tests. */
(function () {
  var errors = [];
  window.statelabErrors = errors;
  window.statelabCharts = [];
  window.addEventListener('error', function (e) { errors.push('error: ' + (e.message || e)); });
  window.addEventListener('unhandledrejection', function (e) { errors.push('unhandled rejection: ' + e.reason); });
  var original = console.error;
  console.error = function () {
    errors.push('console.error: ' + Array.prototype.join.call(arguments, ' '));
    original.apply(console, arguments);
  };
  function canvasDrawn(canvas) {
    if (!canvas.width || !canvas.height) return false;
    var data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    for (var i = 3; i < data.length; i += 4) { if (data[i] !== 0) return true; }
    return false;
  }
  function svgDrawn(svg) {
    var shapes = svg.querySelectorAll('path,rect,line,circle,polyline');
    if (!shapes.length) return false;
    var box = svg.getBBox();
    return box.width > 0 && box.height > 0;
  }
  function plotHasData(u) {
    for (var s = 1; s < u.data.length; s++) {
      for (var i = 0; i < u.data[s].length; i++) { var v = u.data[s][i]; if (v != null && isFinite(v)) return true; }
    }
    return false;
  }
  window.statelabCheck = function () {
    var ok = true, problems = [];
    var charts = document.querySelectorAll('.chart');
    charts.forEach(function (el) {
      var drawn;
      if (el.tagName.toLowerCase() === 'svg') drawn = svgDrawn(el);
      else {
        var canvases = el.querySelectorAll('canvas');
        drawn = canvases.length > 0 && Array.prototype.some.call(canvases, canvasDrawn);
      }
      if (!drawn) { ok = false; problems.push(el.id || el.className.baseVal || el.className); }
    });
    window.statelabCharts.forEach(function (c) {
      if (!plotHasData(c.plot)) { ok = false; problems.push('no data: ' + c.id); }
    });
    document.body.dataset.statelabErrors = JSON.stringify(errors);
    document.body.dataset.chartsOk = String(ok);
    document.body.dataset.chartCount = String(charts.length);
    document.body.dataset.chartProblems = JSON.stringify(problems);
    document.body.dataset.checked = 'true';
  };
  window.addEventListener('load', function () { setTimeout(window.statelabCheck, 100); });
})();
