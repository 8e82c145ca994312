// jsPDF loads html2canvas, DOMPurify and canvg on demand for its html() and svg() methods, which
// reports never call. Vite resolves them here instead, so ~380 KB of code the app cannot reach is
// not built, precached or shipped.
export default undefined;
