/**
 * Cmd of the Milvus 1.x protocol: `version` answers the 1.1 release the front speaks, `mode` the
 * CPU build, any other command (`status`, …) `OK`, as pymilvus 1.x documents `server_status`.
 *
 * @packageDocumentation
 */
import type { MilvusV1ServiceHandlers } from '../grpc/adapter.js';

/** The Milvus 1.x version Cmd("version") reports: the last 1.1 release. */
export const V1_SERVER_VERSION = '1.1.1';

/** The Cmd handler. */
export function cmdHandler(): Pick<MilvusV1ServiceHandlers, 'cmd'> {
  return {
    async cmd(req) {
      const reply = req.cmd === 'version' ? V1_SERVER_VERSION : req.cmd === 'mode' ? 'CPU' : 'OK';
      return { stringReply: reply };
    },
  };
}
