// A print button ([data-print]) opens the browser's print dialog (print.css lays the page out).
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-print]");
  if (button) {
    event.preventDefault();
    window.print();
  }
});
