// Dashboard: hide register rows that do not contain the typed text (all words, any order); groups with no row left fold away.
(function () {
  var box = document.getElementById('register-filter');
  if (!box) return;
  box.addEventListener('input', function () {
    var words = box.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    document.querySelectorAll('#group-all details.group').forEach(function (group) {
      var shown = 0;
      group.querySelectorAll('tbody tr').forEach(function (row) {
        var text = (row.textContent + ' ' + (row.querySelector('.text') || {}).title).toLowerCase();
        var hit = words.every(function (w) { return text.indexOf(w) >= 0; });
        row.hidden = !hit;
        if (hit) shown++;
      });
      group.hidden = shown === 0;
      if (words.length && shown) group.open = true;
    });
  });
})();
