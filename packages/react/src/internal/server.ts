// What `#define/<tag>` resolves to in Node (package.json `imports`, condition `node`): nothing.
// Server rendering outputs the tags; the browser registers them when the wrappers load there.
export {};
