// Starts `mvkit serve --port 0` with the command in argv (`node serve-once.cjs <command> [args…]`,
// e.g. the bin file, or `npx @mvkit/server`), waits for its "listening on" line, lists the
// collections over RESTful v2 and calls ShowCollections over gRPC (HTTP/2 by hand: nothing but
// Node is needed), prints `{ rest, grpc }`, then stops the server with SIGTERM. The command runs
// in a process group of its own and the signal goes to the group: npx does not pass it on to the
// server it started. Exits 0 when the command exits by itself or by that signal.
const { spawn } = require('node:child_process');
const http2 = require('node:http2');

/** One unary gRPC call with an empty request: the answer's HTTP status, grpc-status and whether its body is one whole message frame. */
function grpcCall(address, method) {
  return new Promise((resolve, reject) => {
    const session = http2.connect(`http://${address}`);
    session.on('error', reject);
    const call = session.request({ ':method': 'POST', ':path': method, 'content-type': 'application/grpc', te: 'trailers' });
    const chunks = [];
    let head;
    call.on('response', (headers) => (head = headers));
    call.on('data', (chunk) => chunks.push(chunk));
    call.on('trailers', (trailers) => {
      const body = Buffer.concat(chunks);
      resolve({ status: head[':status'], grpcStatus: trailers['grpc-status'], message: body.length >= 5 && body.length === 5 + body.readUInt32BE(1) });
      session.close();
    });
    call.on('error', reject);
    // A gRPC message frame: not compressed, length 0 (an empty ShowCollectionsRequest).
    call.end(Buffer.from([0, 0, 0, 0, 0]));
  });
}

const [command, ...args] = process.argv.slice(2);
const child = spawn(command, [...args, 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'], detached: true });
let out = '';
let answered = false;
child.stdout.on('data', async (d) => {
  out += d;
  const m = /listening on (\S+)/.exec(out);
  if (!m || answered) return;
  answered = true;
  const rest = await (await fetch(`http://${m[1]}/v2/vectordb/collections/list`, { method: 'POST', body: '{}' })).json();
  const grpc = await grpcCall(m[1], '/milvus.proto.milvus.MilvusService/ShowCollections');
  console.log(JSON.stringify({ rest, grpc }));
  process.kill(-child.pid, 'SIGTERM');
});
child.on('exit', (code, signal) => process.exit(code ?? (signal === 'SIGTERM' ? 0 : 1)));
