// The server's build: the shared one (../../tsup.config.mjs) with its dependencies inlined, so
// that installing @mvkit/server installs one package (decisions/0009-server-inlines-its-dependencies.md).
import { packageBuild } from '../../tsup.config.mjs';

export default packageBuild({ inlineDependencies: true });
