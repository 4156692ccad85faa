// Progressive enhancement only: every page works without this file.
// Moves focus to the error summary of a form that came back with errors, so that screen
// reader users hear what to fix first.
const summary = document.getElementById('error-summary');
if (summary) summary.focus();
