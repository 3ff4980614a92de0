import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3Clients } from '../helpers/s3-clients.js';
import { startTestStamp, type TestStamp } from '../helpers/test-stamp.js';

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

/** A small tree with the names that trip clients up: spaces, unicode, nesting. */
const TREE: Record<string, Buffer> = {
  'a.bin': randomBytes(3_000_000),
  'notes/with space.txt': Buffer.from('spaces in the name\n'),
  'notes/ünïcödé.txt': Buffer.from('unicode in the name\n'),
  'deep/er/still/empty.dat': Buffer.alloc(0),
};

describe("Debian's S3 clients at their defaults: aws cli, s3cmd, rclone, boto3", () => {
  let t: TestStamp;
  let work: string;
  let clients: S3Clients;
  let source: string;

  const listKeys = async (bucket: string, prefix: string): Promise<string[]> => {
    const page = await t.s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
    return (page.Contents ?? []).map((object) => object.Key!.slice(prefix.length)).sort();
  };
  const readObject = async (bucket: string, key: string): Promise<Buffer> =>
    Buffer.from(await (await t.s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Body!.transformToByteArray());

  beforeAll(async () => {
    t = await startTestStamp();
    work = await mkdtemp(join(tmpdir(), 'strata-clients-'));
    await mkdir(join(work, 'home'));
    clients = await S3Clients.create(t.stamp.info, join(work, 'home'));
    source = join(work, 'src');
    for (const [name, data] of Object.entries(TREE)) {
      await mkdir(join(source, name, '..'), { recursive: true });
      await writeFile(join(source, name), data);
    }
  });
  afterAll(async () => {
    await t?.destroy();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('aws cli: mb, cp up and down, sync, ls, rm', async () => {
    await clients.aws(['s3', 'mb', 's3://aws-cli'], work);
    await clients.aws(['s3', 'cp', join(source, 'a.bin'), 's3://aws-cli/single/a.bin'], work);
    expect(sha256(await readObject('aws-cli', 'single/a.bin'))).toBe(sha256(TREE['a.bin']!));
    await clients.aws(['s3', 'sync', source, 's3://aws-cli/tree'], work);
    expect(await listKeys('aws-cli', 'tree/')).toEqual(Object.keys(TREE).sort());
    const listing = await clients.aws(['s3', 'ls', '--recursive', 's3://aws-cli/tree/'], work);
    for (const name of Object.keys(TREE)) expect(listing).toContain(`tree/${name}`);
    // A second sync finds nothing to do; after a local delete, --delete removes the remote copy.
    expect((await clients.aws(['s3', 'sync', source, 's3://aws-cli/tree'], work)).trim()).toBe('');
    await clients.aws(['s3', 'cp', 's3://aws-cli/tree/notes/ünïcödé.txt', join(work, 'down.txt')], work);
    expect(await readFile(join(work, 'down.txt'))).toEqual(TREE['notes/ünïcödé.txt']);
    await clients.aws(['s3', 'rm', '--recursive', 's3://aws-cli/tree'], work);
    expect(await listKeys('aws-cli', 'tree/')).toEqual([]);
  });

  it('s3cmd: put, ls, get, del', async () => {
    await t.s3.send(new CreateBucketCommand({ Bucket: 's3cmd' }));
    await clients.s3cmd(['put', join(source, 'a.bin'), 's3://s3cmd/a.bin'], work);
    await clients.s3cmd(['put', join(source, 'notes', 'with space.txt'), 's3://s3cmd/notes/with space.txt'], work);
    const listing = await clients.s3cmd(['ls', '--recursive', 's3://s3cmd/'], work);
    expect(listing).toContain('s3://s3cmd/a.bin');
    expect(listing).toContain('s3://s3cmd/notes/with space.txt');
    await clients.s3cmd(['get', '--force', 's3://s3cmd/a.bin', join(work, 's3cmd-a.bin')], work);
    expect(sha256(await readFile(join(work, 's3cmd-a.bin')))).toBe(sha256(TREE['a.bin']!));
    await clients.s3cmd(['del', 's3://s3cmd/a.bin'], work);
    expect(await listKeys('s3cmd', '')).toEqual(['notes/with space.txt']);
  });

  it('rclone: copy, check, sync (which deletes what the source no longer has)', async () => {
    await t.s3.send(new CreateBucketCommand({ Bucket: 'rclone' }));
    await clients.rclone(['copy', source, 'strata:rclone/tree'], work);
    expect(await listKeys('rclone', 'tree/')).toEqual(Object.keys(TREE).sort());
    await clients.rclone(['check', source, 'strata:rclone/tree'], work);
    const mirror = join(work, 'mirror');
    await clients.rclone(['copy', source, mirror], work);
    await unlink(join(mirror, 'a.bin'));
    await clients.rclone(['sync', mirror, 'strata:rclone/tree'], work);
    expect(await listKeys('rclone', 'tree/')).toEqual(
      Object.keys(TREE)
        .filter((name) => name !== 'a.bin')
        .sort(),
    );
    await clients.rclone(['check', mirror, 'strata:rclone/tree'], work);
  });

  it("multipart at the clients' defaults: aws cli (a 100 MiB cp up, S3 to S3 and down), s3cmd and boto3 (20 MiB)", async () => {
    const big = randomBytes(100 * 1024 * 1024);
    const medium = big.subarray(0, 20 * 1024 * 1024);
    await writeFile(join(work, 'big.bin'), big);
    await writeFile(join(work, 'medium.bin'), medium);
    try {
      await clients.aws(['s3', 'mb', 's3://multipart'], work);
      // Over the aws cli's 8 MiB threshold: 13 parts up, then a copy made of UploadPartCopy
      // (after GetObjectTagging, which finds the source untagged), then ranged GETs down.
      await clients.aws(['s3', 'cp', join(work, 'big.bin'), 's3://multipart/aws/big.bin'], work);
      await clients.aws(['s3', 'cp', 's3://multipart/aws/big.bin', 's3://multipart/aws/copy.bin'], work);
      await clients.aws(['s3', 'cp', 's3://multipart/aws/copy.bin', join(work, 'big-down.bin')], work);
      expect(sha256(await readFile(join(work, 'big-down.bin')))).toBe(sha256(big));
      const head = await t.s3.send(new GetObjectCommand({ Bucket: 'multipart', Key: 'aws/big.bin', Range: 'bytes=0-0' }));
      await head.Body!.transformToByteArray();
      expect(head.ETag).toMatch(/-13"$/);
      // s3cmd's 15 MiB chunks and boto3's 8 MiB threshold make 20 MiB a multipart upload for both.
      await clients.s3cmd(['put', join(work, 'medium.bin'), 's3://multipart/s3cmd/medium.bin'], work);
      await clients.boto3(`s3.upload_file(${JSON.stringify(join(work, 'medium.bin'))}, "multipart", "boto3/medium.bin")`, work);
      for (const key of ['s3cmd/medium.bin', 'boto3/medium.bin']) expect(sha256(await readObject('multipart', key)), key).toBe(sha256(medium));
      expect(await listKeys('multipart', '')).toEqual(['aws/big.bin', 'aws/copy.bin', 'boto3/medium.bin', 's3cmd/medium.bin']);
    } finally {
      for (const name of ['big.bin', 'medium.bin', 'big-down.bin']) await rm(join(work, name), { force: true });
    }
  });

  it('boto3: upload_file, download_file, put_object and get_object with metadata and tags', async () => {
    await t.s3.send(new CreateBucketCommand({ Bucket: 'boto3' }));
    const out = await clients.boto3(
      [
        `s3.upload_file(${JSON.stringify(join(source, 'a.bin'))}, "boto3", "files/a.bin")`,
        `s3.download_file("boto3", "files/a.bin", ${JSON.stringify(join(work, 'boto3-a.bin'))})`,
        's3.put_object(Bucket="boto3", Key="meta.txt", Body=b"hello", ContentType="text/plain", Metadata={"owner": "ada"})',
        's3.put_object_tagging(Bucket="boto3", Key="meta.txt", Tagging={"TagSet": [{"Key": "team", "Value": "data"}]})',
        'got = s3.get_object(Bucket="boto3", Key="meta.txt")',
        'tags = s3.get_object_tagging(Bucket="boto3", Key="meta.txt")["TagSet"]',
        'print(got["Body"].read().decode(), got["ContentType"], got["Metadata"]["owner"], got["TagCount"], tags[0]["Key"], tags[0]["Value"])',
      ].join('\n'),
      work,
    );
    expect(out.trim()).toBe('hello text/plain ada 1 team data');
    expect(sha256(await readFile(join(work, 'boto3-a.bin')))).toBe(sha256(TREE['a.bin']!));
    expect(sha256(await readObject('boto3', 'files/a.bin'))).toBe(sha256(TREE['a.bin']!));
  });

  it('aws cli s3api list-object-versions (encoding-type=url, as the cli asks) and boto3 by VersionId in a versioned bucket', async () => {
    const bucket = 'cli-versions';
    const key = 'notes/v ü.txt';
    await clients.aws(['s3api', 'create-bucket', '--bucket', bucket], work);
    await clients.aws(['s3api', 'put-bucket-versioning', '--bucket', bucket, '--versioning-configuration', 'Status=Enabled'], work);
    const body = join(work, 'version.txt');
    const ids: string[] = [];
    for (const text of ['first', 'second']) {
      await writeFile(body, text);
      ids.push(
        (JSON.parse(await clients.aws(['s3api', 'put-object', '--bucket', bucket, '--key', key, '--body', body], work)) as { VersionId: string }).VersionId,
      );
    }
    const marker = JSON.parse(await clients.aws(['s3api', 'delete-object', '--bucket', bucket, '--key', key], work)) as {
      DeleteMarker: boolean;
      VersionId: string;
    };
    expect(marker.DeleteMarker).toBe(true);
    const listed = JSON.parse(await clients.aws(['s3api', 'list-object-versions', '--bucket', bucket, '--prefix', 'notes/'], work)) as {
      Versions: Array<{ Key: string; VersionId: string; IsLatest: boolean }>;
      DeleteMarkers: Array<{ Key: string; VersionId: string; IsLatest: boolean }>;
    };
    expect(listed.Versions.map((v) => [v.Key, v.VersionId, v.IsLatest])).toEqual([
      [key, ids[1], false],
      [key, ids[0], false],
    ]);
    expect(listed.DeleteMarkers.map((m) => [m.Key, m.VersionId, m.IsLatest])).toEqual([[key, marker.VersionId, true]]);
    const out = await clients.boto3(
      [
        `got = s3.get_object(Bucket="${bucket}", Key=${JSON.stringify(key)}, VersionId="${ids[0]}")`,
        `s3.delete_object(Bucket="${bucket}", Key=${JSON.stringify(key)}, VersionId="${marker.VersionId}")`,
        `now = s3.get_object(Bucket="${bucket}", Key=${JSON.stringify(key)})`,
        'print(got["Body"].read().decode(), got["VersionId"] == "' + ids[0] + '", now["Body"].read().decode())',
      ].join('\n'),
      work,
    );
    expect(out.trim()).toBe('first True second');
  });
});
