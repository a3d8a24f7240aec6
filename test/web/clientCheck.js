// Loads dist/browser/client.js in a web worker as the web extension host would (CommonJS, `vscode` provided), with a
// stand-in `vscode` that answers every property, call and construction; reports whether the module loads without
// Node globals and exports activate/deactivate.
const anything = new Proxy(function () {}, {
  get: (_target, property) => (property === Symbol.toPrimitive ? () => 0 : property === 'prototype' ? {} : anything),
  apply: () => anything,
  construct: () => anything,
});
self.module = { exports: {} };
self.exports = self.module.exports;
self.require = (name) => {
  if (name === 'vscode') return anything;
  throw new Error(`require('${name}') in the web client bundle`);
};
try {
  importScripts('/client.js');
  const { activate, deactivate } = self.module.exports;
  postMessage({ activate: typeof activate, deactivate: typeof deactivate });
} catch (error) {
  postMessage({ error: String((error && error.stack) || error) });
}
