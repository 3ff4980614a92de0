// The s3rver process the bench starts: `node s3rver-main.js DIR BUCKET`. Prints its port once
// it listens, and closes on SIGTERM.
import S3rver from 's3rver';

const [directory, bucket] = process.argv.slice(2);
const server = new S3rver({ address: '127.0.0.1', port: 0, directory, silent: true, configureBuckets: [{ name: bucket! }] });
const address = (await server.run()) as { port: number };
process.stdout.write(`s3rver listening on ${address.port}\n`);
process.once('SIGTERM', () => {
  void server.close().then(() => process.exit(0));
});
