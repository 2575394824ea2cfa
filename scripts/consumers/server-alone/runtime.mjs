// The checks of checks.cjs on the ESM build of the installed @mvkit/server; prints their JSON.
import * as server from '@mvkit/server';
import * as rest from '@mvkit/server/rest';
import checks from './checks.cjs';

console.log(JSON.stringify(await checks.check(server, rest)));
