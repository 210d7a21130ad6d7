// The election ballot on a phone: counts the names kept (or agreed) as the voter taps and
// shows the warning of a ballot that would be invalid (EL-16). Nothing is sent until the
// voter reviews the ballot; the server shows the same count and warnings without JavaScript.
(function () {
  "use strict";
  var form = document.querySelector("form.ballot.election");
  if (!form) return;
  var seats = parseInt(form.dataset.seats, 10);
  var candidates = parseInt(form.dataset.candidates, 10);
  var strikeOut = form.dataset.kind === "strike_out";
  var shown = form.querySelector("[data-kept]");
  function update() {
    var kept;
    if (strikeOut) {
      kept = candidates - form.querySelectorAll("input[type=checkbox]:checked").length;
    } else {
      kept = form.querySelectorAll("input[type=radio][value=agree]:checked").length;
    }
    shown.textContent = String(kept);
    var code = "";
    if (kept > seats) code = "votes_for_more_than_seats";
    else if (strikeOut && candidates > 1 && kept === 0) code = "votes_for_nobody";
    form.querySelectorAll("[data-warning]").forEach(function (el) {
      el.hidden = el.dataset.warning !== code;
    });
  }
  form.addEventListener("change", update);
  update();
})();
