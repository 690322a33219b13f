const state = window.__a11yFocus;
return {log: state.log, baseline: state.baseline};
