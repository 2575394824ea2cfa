// The checks of checks.cjs on the CommonJS build of the installed @mvkit/server; prints their JSON.
const { check } = require('./checks.cjs');

check(require('@mvkit/server'), require('@mvkit/server/rest')).then((result) => console.log(JSON.stringify(result)));
