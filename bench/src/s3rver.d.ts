// s3rver ships no types; the bench uses only its constructor, run() and close().
declare module 's3rver' {
  export default class S3rver {
    constructor(options: { address: string; port: number; directory?: string; silent?: boolean; configureBuckets?: { name: string }[] });
    run(): Promise<unknown>;
    close(): Promise<void>;
  }
}
